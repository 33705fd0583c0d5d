/**
 * A site under a base folder with a letter beyond ASCII, BASE_PATH written %-escaped (`/d%C3%A9sk/`, as a browser
 * sends `/désk/`): tests/fixtures/discovery, whose articles have local lead pictures that Astro resizes, builds, and
 * every picture and link on an article page is a file of the site under that folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';

const ESCAPED_BASE = '/d%C3%A9sk/';

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite({ contentDir: 'tests/fixtures/discovery', basePath: ESCAPED_BASE, siteUrl: `https://news.example.org${ESCAPED_BASE}`, now: '2026-12-01T00:00:00Z' });
});
afterAll(() => site?.cleanup());

/** The file of the site an address under the base names. */
function fileOf(address: string): string {
  const path = decodeURIComponent(new URL(address, 'https://news.example.org').pathname);
  expect(path.startsWith('/désk/'), address).toBe(true);
  const rest = path.slice('/désk/'.length);
  return join(site.outDir, rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest);
}

const articlePage = () => parse(readFileSync(join(site.outDir, 'articles/local-lead-image/index.html'), 'utf8'));

describe('a base folder with a letter beyond ASCII', () => {
  it('builds, with the resized lead pictures in the site', () => {
    expect(site.exitCode, `${site.stderr}\n${site.stdout}`).toBe(0);
    const page = articlePage();
    const lead = page.querySelector('img[alt="A red square with a white letter N"]')!;
    const addresses = [lead.getAttribute('src')!, ...lead.getAttribute('srcset')!.split(', ').map((candidate) => candidate.split(' ')[0]!)];
    for (const address of addresses) {
      expect(address.startsWith(`${ESCAPED_BASE}_astro/`), address).toBe(true);
      expect(existsSync(fileOf(address)), address).toBe(true);
    }
  });

  it('links each article page to pages and files of the site under the folder', () => {
    const page = articlePage();
    const links = page.querySelectorAll('a[href^="/"], link[href^="/"]').map((link) => link.getAttribute('href')!);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(existsSync(fileOf(link)), link).toBe(true);
  });
});
