import { describe, expect, it } from 'vitest';
import { readableMeta, readUnsearchable, unsearchable } from '../../../src/lib/search/unsearchable-meta.ts';

/** What Pagefind indexes of a word: its letters and digits, and its emoji. */
const INDEXABLE = /[\p{L}\p{N}\p{Emoji}]/u;

describe('unsearchable', () => {
  const texts = ['and 2 more from TechCrunch, The Verge and Newsdesk', '/desk/stories/halvorsen-ransomware/', 'Ünïcode 東京 Ελλάδα 🎉 C# & "quotes" </p>', ''];

  it('writes text with no letter, digit or emoji for Pagefind to index, nor any space it would split at', () => {
    for (const text of texts) {
      expect(unsearchable(text)).not.toMatch(INDEXABLE);
      expect(unsearchable(text)).not.toMatch(/\s/);
    }
  });

  it('reads back exactly what it wrote, whatever the script', () => {
    for (const text of texts) expect(readUnsearchable(unsearchable(text))).toBe(text);
  });
});

describe('readableMeta', () => {
  it('reads back the story fields and leaves every other field as it is', () => {
    const meta = { title: 'Chips', story: unsearchable('Chips, again'), story_more: unsearchable('and 1 more from Wired'), story_url: unsearchable('/stories/chips/'), terms: '_csharp' };
    expect(readableMeta(meta)).toEqual({ title: 'Chips', story: 'Chips, again', story_more: 'and 1 more from Wired', story_url: '/stories/chips/', terms: '_csharp' });
    expect(readableMeta({ title: 'Alone' })).toEqual({ title: 'Alone' });
  });
});
