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

describe('a teaser’s tag list', () => {
  /** Each teaser's headline with its tag list's name, on the front page. */
  const teaserTagLabels = () =>
    new Map(site.html('').querySelectorAll('.teaser').map((teaser) => [teaser.querySelector('.teaser-title')!.text.trim(), teaser.querySelector('.tag-list')!.getAttribute('aria-label')]));

  it('is named in one language: the site’s English alone beside a headline in another', () => {
    const labels = teaserTagLabels();
    expect(labels.get('Strompreise für Rechenzentren steigen')).toBe('Tags');
    expect(labels.get('Google ו-AWS מתחרות על אזור ענן בתל אביב')).toBe('Tags');
  });

  it('is named after an English headline, which the site’s words can share a voice with', () => {
    const headline = site.html('articles/long-unbroken-words/').querySelector('h1')!.text.trim();
    expect(teaserTagLabels().get(headline)).toBe(`Tags for ${headline}`);
  });
});

describe('a Hebrew headline that starts with a brand name in Latin letters', () => {
  const headline = 'Google ו-AWS מתחרות על אזור ענן בתל אביב';

  it('runs right to left on its page, as its language does, not left to right as its first letter would have it', () => {
    const page = site.html('articles/hebrew-cloud-region/');
    expect(['h1', '.dek'].map((selector) => page.querySelector(`.story-header ${selector}`)!.getAttribute('dir'))).toEqual(['rtl', 'rtl']);
  });

  it('runs right to left in its teaser and under “Explore more”', () => {
    const teaser = site.html('').querySelectorAll('.teaser').find((element) => element.querySelector('.teaser-title')!.text.trim() === headline)!;
    expect(teaser.querySelectorAll('.teaser-title, .teaser-dek').map((element) => element.getAttribute('dir'))).toEqual(['rtl', 'rtl']);
    const explore = site.html('articles/german-price-table/').querySelectorAll('.explore-list li').find((item) => item.querySelector('a')!.text.trim() === headline)!;
    expect(explore.querySelectorAll('a, p[lang]').map((element) => element.getAttribute('dir'))).toEqual(['rtl', 'rtl']);
  });

  it('leaves a headline whose language the article does not give to its first letter', () => {
    expect(site.html('articles/long-unbroken-words/').querySelector('h1')!.getAttribute('dir')).toBe('auto');
  });
});
