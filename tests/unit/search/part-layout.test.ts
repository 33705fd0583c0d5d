import { describe, expect, it } from 'vitest';
import { indexFilter, mergedIndexes, partFolder, partIndexes } from '../../../src/lib/search/part-layout.ts';

const part = (key: string, languages = ['en']) => ({ key, articles: languages.map((language, at) => ({ slug: `${key}-${at}`, publishedAt: new Date(0), words: 800, language })) });

describe('the layout of the search parts', () => {
  it('puts the newest part at the root of pagefind/ and every other in a folder named by its period', () => {
    expect(partFolder('2026-03', true)).toBe('');
    expect(partFolder('2026-01..2026-02', false)).toBe('parts/2026-01..2026-02/');
  });

  it('merges every part but the newest, newest first', () => {
    expect(mergedIndexes([part('2025-10..2025-12'), part('2026-01..2026-02'), part('2026-03')], 'en')).toEqual([
      { folder: 'parts/2026-01..2026-02/', language: 'en' },
      { folder: 'parts/2025-10..2025-12/', language: 'en' },
    ]);
    expect(mergedIndexes([part('2026-03')], 'en')).toEqual([]);
    expect(mergedIndexes([], 'en')).toEqual([]);
  });

  it("merges each language a part holds, once, the newest part's other languages by another path to its folder", () => {
    expect(mergedIndexes([part('2026-02', ['zh', 'en']), part('2026-03', ['ja', 'en', 'th', 'ja'])], 'en')).toEqual([
      { folder: './', language: 'ja' },
      { folder: './', language: 'th' },
      { folder: 'parts/2026-02/', language: 'en' },
      { folder: 'parts/2026-02/', language: 'zh' },
    ]);
    // A part without the site's language: only the languages it holds.
    expect(mergedIndexes([part('2026-02', ['ja']), part('2026-03')], 'en')).toEqual([{ folder: 'parts/2026-02/', language: 'ja' }]);
  });

  it("merges nothing more into a newest part without the site's language, whose largest index Pagefind loads first", () => {
    expect(mergedIndexes([part('2026-03', ['ja', 'zh'])], 'en')).toEqual([]);
  });

  it("names each index as Pagefind does, in lower case", () => {
    expect(mergedIndexes([part('2026-02', ['en-US']), part('2026-03', ['en-US', 'ja'])], 'en-US')).toEqual([
      { folder: './', language: 'ja' },
      { folder: 'parts/2026-02/', language: 'en-us' },
    ]);
  });

  it('lists every index by the filter its documents carry, the newest part first, each with its place and language', () => {
    expect(indexFilter('2026-02', 'zh')).toBe('2026-02/zh');
    expect(partIndexes([part('2026-01'), part('2026-02', ['zh', 'en']), part('2026-03', ['ja', 'en'])], 'en')).toEqual([
      { filter: '2026-03/en', part: 0, language: 'en' },
      { filter: '2026-03/ja', part: 0, language: 'ja' },
      { filter: '2026-02/en', part: 1, language: 'en' },
      { filter: '2026-02/zh', part: 1, language: 'zh' },
      { filter: '2026-01/en', part: 2, language: 'en' },
    ]);
    expect(partIndexes([], 'en')).toEqual([]);
  });
});
