/**
 * `npm run dev` for an editor: a draft and a scheduled piece have their page, with a notice saying why readers do
 * not see it, while every listing leaves them out as a build does. `astro dev` runs for real on a small corpus
 * written to a temporary folder, under a base path and at a fixed "now".
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../helpers/build-site.ts';

const folder = mkdtempSync(join(tmpdir(), 'newsdesk-previews-'));
const articles = join(folder, 'articles');
mkdirSync(articles);
const write = (name: string, fields: string, body: string) => writeFileSync(join(articles, name), `---\n${fields}\n---\n\n${body}\n`);
write('chip-plant-opens.md', 'title: "Chip plant opens in Dresden"\ndescription: "The new fab starts production."\npublishedAt: 2026-11-20T09:00:00Z\ntags: ["AI", "Chips"]', 'The plant makes accelerators for AI training.');
write('cloud-prices-fall.md', 'title: "Cloud prices fall again"\ndescription: "Providers cut rates for GPU time."\npublishedAt: 2026-11-22T09:00:00Z\ntags: ["AI", "Cloud"]', 'GPU time for AI training is cheaper this month.');
write('merger-talks.md', 'title: "Secret merger talks between chipmakers"\ndescription: "Two fabs may join."\npublishedAt: 2026-11-24T09:00:00Z\ntags: ["AI", "Merger watch"]\ndraft: true', 'The talks concern accelerators for AI training.');
// MDX, which Astro compiles and renders itself.
write('embargoed-launch.mdx', 'title: "Embargoed model launch"\ndescription: "A lab shows its new model."\npublishedAt: 2026-12-02T08:30:00Z\ntags: ["AI"]', 'export const year = 2026;\n\nThe model was trained in {year} on rented GPU time.');

const BASE = '/desk/';
const UNPUBLISHED = ['merger-talks', 'embargoed-launch', 'Secret merger talks', 'Embargoed model launch', 'merger-watch', 'Merger watch'];

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ contentDir: articles, basePath: BASE, now: '2026-12-01T00:00:00Z' });
});
afterAll(async () => {
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const page = async (path: string) => {
  const { status, html } = await server.get(`${BASE}${path}`);
  expect(status, path).toBe(200);
  return { html, document: parse(html) };
};
const notice = (document: ReturnType<typeof parse>) => document.querySelector('[role="note"]')?.text;

describe('`astro dev` with a draft and a scheduled piece', () => {
  it('shows the draft at its own address, saying it is a draft and how to publish it, kept from search engines', async () => {
    const { document } = await page('articles/merger-talks/');
    expect(document.querySelector('h1')!.text).toBe('Secret merger talks between chipmakers');
    expect(document.querySelector('.prose')!.text).toContain('The talks concern accelerators');
    expect(notice(document)).toMatch(/^Draft: this page is not on the site.*delete “draft: true”.*“Drafts and scheduling”/);
    // Its date line does not claim a publication that has not happened.
    expect(document.querySelector('.dates')!.text).toMatch(/^Draft dated /);
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(document.querySelector('link[rel="canonical"]')).toBeNull();
    // Its "Explore more" lists published articles, as it will once published; never the scheduled piece.
    const explore = document.querySelectorAll('.explore-list a').map((link) => link.getAttribute('href'));
    expect(explore.sort()).toEqual([`${BASE}articles/chip-plant-opens/`, `${BASE}articles/cloud-prices-fall/`]);
  });

  it('shows the scheduled piece, saying when it appears, in the site’s zone', async () => {
    const { document } = await page('articles/embargoed-launch/');
    expect(document.querySelector('h1')!.text).toBe('Embargoed model launch');
    expect(document.querySelector('.prose')!.text).toContain('The model was trained in 2026');
    expect(notice(document)).toBe('Scheduled for Dec 2, 2026, 8:30 AM UTC: this page is not on the site yet. It appears with the first build after that moment.');
    expect(document.querySelector('.dates')!.text).toMatch(/^To be published Dec 2, 2026/);
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });

  it('lists neither on the front page, their tag’s page, or a published article’s page, which have no notice', async () => {
    for (const path of ['', 'tags/ai/', 'articles/cloud-prices-fall/']) {
      const { html, document } = await page(path);
      expect(html, path).toContain('Chip plant opens in Dresden');
      for (const trace of UNPUBLISHED) expect(html, `${path}: ${trace}`).not.toContain(trace);
      expect(notice(document), path).toBeUndefined();
      if (path.startsWith('articles/')) expect(document.querySelector('.dates')!.text, path).toMatch(/^Published /);
    }
  });

  it('makes no page for a tag only the draft has', async () => {
    expect((await server.get(`${BASE}tags/merger-watch/`)).status).toBe(404);
  });
});
