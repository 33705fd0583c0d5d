import { describe, expect, it } from 'vitest';
import { countSetting, fullTextParts, searchParts, type PartArticle } from '../../../src/lib/search/index-parts.ts';

/** `count` articles of `words` words each published on one UTC day ("2026-03-14"), an hour apart from 01:00. */
function day(date: string, count: number, prefix = date, words = 800): PartArticle[] {
  return Array.from({ length: count }, (_, hour) => ({ slug: `${prefix}-${hour}`, publishedAt: new Date(`${date}T${String(hour + 1).padStart(2, '0')}:00:00Z`), words }));
}

/** At most `articles` articles in a part, and words enough for any test but those about words. */
const most = (articles: number, words = 1_000_000) => ({ articles, words });

const summary = (parts: ReturnType<typeof searchParts>) => parts.map((part) => `${part.key}:${part.articles.length}`);
const members = (parts: ReturnType<typeof searchParts>) => new Map(parts.map((part) => [part.key, part.articles.map((article) => article.slug)]));

describe('searchParts', () => {
  it('joins consecutive months while a part stays within the limit, oldest part first', () => {
    const articles = [...day('2026-01-10', 3), ...day('2026-02-03', 4), ...day('2026-03-20', 2), ...day('2026-04-01', 5)];
    expect(summary(searchParts(articles, most(10)))).toEqual(['2026-01..2026-03:9', '2026-04:5']);
    expect(summary(searchParts(articles, most(6)))).toEqual(['2026-01:3', '2026-02..2026-03:6', '2026-04:5']);
  });

  it('names a part by the months its articles were published in, skipping none and inventing none', () => {
    const articles = [...day('2025-11-30', 2), ...day('2026-02-01', 2)];
    expect(summary(searchParts(articles, most(10)))).toEqual(['2025-11..2026-02:4']);
  });

  it('splits a month larger than the limit by day, joining consecutive days, and never splits a day', () => {
    const articles = [...day('2026-02-27', 2), ...day('2026-03-01', 3), ...day('2026-03-02', 2), ...day('2026-03-05', 6), ...day('2026-03-09', 1), ...day('2026-04-02', 1)];
    expect(summary(searchParts(articles, most(5)))).toEqual(['2026-02:2', '2026-03-01..2026-03-02:5', '2026-03-05:6', '2026-03-09:1', '2026-04:1']);
  });

  it('keeps every article exactly once, oldest first within a part', () => {
    const articles = [...day('2026-03-05', 6), ...day('2026-01-10', 3), ...day('2026-03-01', 3)].reverse();
    const parts = searchParts(articles, most(4));
    const slugs = parts.flatMap((part) => part.articles.map((article) => article.slug));
    expect(slugs.toSorted()).toEqual(articles.map((article) => article.slug).toSorted());
    for (const part of parts) {
      const times = part.articles.map((article) => article.publishedAt.getTime());
      expect(times).toEqual(times.toSorted((a, b) => a - b));
    }
  });

  it('gives the same parts whatever order the articles come in, ties broken by slug', () => {
    const sameInstant = ['zeta', 'alpha', 'mid'].map((slug) => ({ slug, publishedAt: new Date('2026-03-01T09:00:00Z'), words: 800 }));
    const articles = [...day('2026-02-01', 3), ...sameInstant, ...day('2026-03-02', 2)];
    const forward = searchParts(articles, most(4));
    expect(searchParts(articles.toReversed(), most(4))).toEqual(forward);
    expect(forward.find((part) => part.key.startsWith('2026-03'))!.articles.slice(0, 3).map((article) => article.slug)).toEqual(['alpha', 'mid', 'zeta']);
  });

  it("leaves every part but the newest as it was when this month's articles are added, so their indexes can be reused", () => {
    const whole = [...day('2025-12-01', 4), ...day('2026-01-15', 4), ...day('2026-02-01', 3), ...day('2026-02-20', 3)];
    const split = [...whole, ...day('2026-02-21', 5)];
    for (const archive of [whole, split]) {
      const before = searchParts(archive, most(8));
      for (const added of [day('2026-02-21', 1, 'late'), day('2026-02-22', 10, 'busy'), day('2026-03-01', 2, 'new')]) {
        const after = members(searchParts([...archive, ...added], most(8)));
        for (const older of before.slice(0, -1)) expect(after.get(older.key)).toEqual(older.articles.map((article) => article.slug));
      }
    }
  });

  it('closes a part at the word limit too, so that a part of long reads holds fewer articles, and splits a month beyond it by day', () => {
    const articles = [...day('2026-01-10', 3, 'short', 500), ...day('2026-02-03', 2, 'long', 3000), ...day('2026-03-02', 2, 'long', 3000), ...day('2026-03-20', 2, 'short', 500)];
    expect(summary(searchParts(articles, most(10, 8000)))).toEqual(['2026-01..2026-02:5', '2026-03:4']);
    expect(summary(searchParts(articles, most(10, 6500)))).toEqual(['2026-01:3', '2026-02:2', '2026-03-02:2', '2026-03-20:2']);
    expect(summary(searchParts(articles, most(10, 100_000)))).toEqual(['2026-01..2026-03:9']);
    // A day is never split, whatever its words.
    expect(summary(searchParts(day('2026-04-01', 3, 'long', 5000), most(10, 8000)))).toEqual(['2026-04-01:3']);
  });

  it('makes no part of an empty archive, and refuses a limit that is not a positive whole number', () => {
    expect(searchParts([], most(10))).toEqual([]);
    expect(() => searchParts(day('2026-01-01', 1), most(0))).toThrow('The search part size must be a whole number of articles, 1 or more (got 0)');
    expect(() => searchParts(day('2026-01-01', 1), most(2.5))).toThrow('(got 2.5)');
  });

  it('names parts with characters safe in a folder name and a URL', () => {
    const articles = [...day('2026-03-01', 3), ...day('2026-03-02', 3), ...day('2026-04-01', 1)];
    for (const { key } of searchParts(articles, most(4))) expect(key).toMatch(/^\d{4}-\d{2}(-\d{2})?(\.\.\d{4}-\d{2}(-\d{2})?)?$/);
  });
});

describe('fullTextParts', () => {
  const parts = searchParts([...day('2026-01-05', 3), ...day('2026-02-05', 3), ...day('2026-03-05', 2)], most(3));
  const keys = (articles: number) => [...fullTextParts(parts, articles)].map((part) => part.key).sort();

  it('takes whole parts, newest first, until they hold the count', () => {
    expect(parts.map((part) => part.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(keys(1)).toEqual(['2026-03']);
    expect(keys(2)).toEqual(['2026-03']);
    expect(keys(3)).toEqual(['2026-02', '2026-03']);
    expect(keys(5)).toEqual(['2026-02', '2026-03']);
    expect(keys(6)).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('takes none for 0 and every part for Infinity', () => {
    expect(keys(0)).toEqual([]);
    expect(keys(Infinity)).toEqual(['2026-01', '2026-02', '2026-03']);
  });
});

describe('countSetting', () => {
  it('takes the environment variable when it is set, else the site setting', () => {
    expect(countSetting('NEWSDESK_SEARCH_PART_ARTICLES', undefined, 3000, 1)).toBe(3000);
    expect(countSetting('NEWSDESK_SEARCH_PART_ARTICLES', '25', 3000, 1)).toBe(25);
    expect(countSetting('NEWSDESK_SEARCH_FULL_TEXT_ARTICLES', '0', Infinity, 0)).toBe(0);
  });

  it('refuses anything but a whole number of articles from the least up, naming the variable', () => {
    for (const bad of ['0', '-3', '2.5', 'many', ' ']) {
      expect(() => countSetting('NEWSDESK_SEARCH_PART_ARTICLES', bad, 3000, 1)).toThrow(
        `NEWSDESK_SEARCH_PART_ARTICLES="${bad}" is not a number of articles; use a whole number, 1 or more`,
      );
    }
    expect(() => countSetting('NEWSDESK_SEARCH_FULL_TEXT_ARTICLES', 'all', Infinity, 0)).toThrow('NEWSDESK_SEARCH_FULL_TEXT_ARTICLES="all"');
  });

  it('refuses a count too large to be read as written, naming the variable, rather than a later step failing on Infinity', () => {
    expect(countSetting('NEWSDESK_SEARCH_PART_WORDS', '9007199254740991', 3000, 1, 'words')).toBe(Number.MAX_SAFE_INTEGER);
    for (const huge of ['9007199254740993', '9'.repeat(400)]) {
      expect(() => countSetting('NEWSDESK_SEARCH_PART_WORDS', huge, 3000, 1, 'words')).toThrow(
        `NEWSDESK_SEARCH_PART_WORDS="${huge}" is more words than can be counted; use a whole number up to 9007199254740991, or leave it unset`,
      );
    }
  });
});
