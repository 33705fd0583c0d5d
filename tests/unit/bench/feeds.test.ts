import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../../src/lib/authoring/import/parse-feed.ts';
import { rssDocument, syntheticFeed } from '../../../src/lib/bench/feeds.ts';

describe('benchmark feeds', () => {
  it('writes RSS the importer reads back field for field, ampersands and quotes escaped', () => {
    const feed = parseFeedText(
      rssDocument({
        title: 'Wire & Co',
        link: 'https://wire.example/',
        items: [{ title: 'Chips & "dips"', link: 'https://wire.example/a?x=1&y=2', guid: 'a-1', description: '<p>Summary &amp; more.</p>', content: '<p>Full.</p>', publishedAt: new Date('2026-11-30T10:00:00Z'), categories: ['AI'] }],
      }),
    );
    expect(feed.title).toBe('Wire & Co');
    expect(feed.entries).toEqual([
      { title: 'Chips & "dips"', link: 'https://wire.example/a?x=1&y=2', guid: 'a-1', htmlBase: 'https://wire.example/a?x=1&y=2', summaryHtml: '<p>Summary &amp; more.</p>', contentHtml: '<p>Full.</p>', publishedAt: new Date('2026-11-30T10:00:00Z'), authors: [], categories: ['AI'] },
    ]);
  });

  it('gives each source its own stories, the same ones every time', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const first = parseFeedText(syntheticFeed(3, 50, 'http://127.0.0.1:9', now));
    expect(first.entries).toHaveLength(50);
    expect(new Set(first.entries.map((entry) => entry.link)).size).toBe(50);
    expect(syntheticFeed(3, 50, 'http://127.0.0.1:9', now)).toBe(syntheticFeed(3, 50, 'http://127.0.0.1:9', now));
    const other = parseFeedText(syntheticFeed(4, 50, 'http://127.0.0.1:9', now));
    expect(other.entries.some((entry) => first.entries.some((mine) => mine.title === entry.title))).toBe(false);
  });
});
