/**
 * Articles in other languages than the site's English, as a reader of theirs meets them, on a real build of
 * tests/fixtures/reader-locales: German, French (MDX), Italian (with a picture, which Astro renders itself) and
 * Hebrew and Arabic articles, and an English one of long unbroken words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite({ contentDir: 'tests/fixtures/reader-locales', now: '2026-12-01T00:00:00Z' });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${site.stderr}\n${site.stdout}`);
});
afterAll(() => site?.cleanup());

/** The accessible names of an article's table regions, as screen readers announce them. */
const tableNames = (slug: string) => site.html(`articles/${slug}/`).querySelectorAll('.prose .table-scroll').map((region) => region.getAttribute('aria-label'));

describe('a table with neither caption nor heading before it', () => {
  it('is named in its article’s language, in Markdown, in MDX and in Markdown with pictures alike', () => {
    expect(tableNames('german-price-table')).toEqual(['Tabelle']);
    expect(tableNames('french-mdx-table')).toEqual(['Tableau']);
    expect(tableNames('italian-table-with-picture')).toEqual(['Tabella']);
    expect(tableNames('hebrew-cloud-region')).toEqual(['טבלה']);
  });
});
