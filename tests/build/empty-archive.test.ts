/**
 * An archive with nothing published yet (a new site, or only drafts and scheduled pieces) builds a site that says
 * so, with valid empty feeds and search, rather than failing when no social card is to be made.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';

const corpus = mkdtempSync(join(tmpdir(), 'newsdesk-empty-'));
let site: BuiltSite;
beforeAll(async () => {
  writeFileSync(join(corpus, 'unfinished.md'), '---\ntitle: "Not yet"\ndescription: "A draft."\npublishedAt: 2026-11-01\ntags: ["AI"]\ndraft: true\n---\n\nDraft text.\n');
  writeFileSync(join(corpus, 'embargoed.md'), '---\ntitle: "Later"\ndescription: "Scheduled."\npublishedAt: 2027-01-20\ntags: ["AI"]\n---\n\nEmbargoed text.\n');
  // A new desk that follows no outlet yet: no registry file.
  site = await buildSite({ contentDir: corpus, now: '2026-12-01T00:00:00Z', env: { NEWSDESK_SOURCES_FILE: join(corpus, 'sources.yaml') } });
}, 240_000);
afterAll(() => {
  site?.cleanup();
  rmSync(corpus, { recursive: true, force: true });
});

it('builds a front page that says nothing is published yet, with empty feeds', () => {
  expect(site.exitCode, site.stdout + site.stderr).toBe(0);
  expect(site.html('index.html').querySelector('.empty')?.text).toBe('Nothing published here yet.');
  expect(JSON.parse(site.read('feed.json')).items).toEqual([]);
  expect(site.read('rss.xml')).not.toContain('<item>');
  expect(site.exists('articles/unfinished/')).toBe(false);
  expect(site.exists('articles/embargoed/')).toBe(false);
});

it('says so on the tag and author directories too, instead of an empty list', () => {
  for (const page of ['tags/', 'authors/']) {
    expect(site.html(page).querySelector('.empty')?.text, page).toBe('Nothing published here yet.');
    expect(site.html(page).querySelector('ul.directory'), page).toBeNull();
  }
});

it('says on the stories index that no event has been covered in more than one article yet, in its intro’s words', () => {
  const page = site.html('stories/');
  expect(page.querySelector('.listing-intro')?.text).toBe('Events covered in more than one article, with every article that reports them.');
  expect(page.querySelector('.empty')?.text).toBe('No event has been covered in more than one article yet.');
});

it('offers no list of followed feeds while no outlet is followed', () => {
  expect(site.html('sources/').querySelector('.listing-intro')?.text.trim()).toBe('0 outlets followed.');
  expect(site.html('sources/').querySelector('a[href$="feeds.opml"], link[type="text/x-opml"]')).toBeNull();
  expect(site.exists('sources/feeds.opml')).toBe(false);
});
