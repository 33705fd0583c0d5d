import { describe, expect, it } from 'vitest';
import { afterCardsReason, ALONGSIDE_MOST_ARTICLES, memoryForAlongside, searchIndexTiming } from '../../../src/lib/search/search-timing.ts';

const GB = 2 ** 30;

describe('searchIndexTiming', () => {
  it('indexes alongside Astro when the memory available covers both at once', () => {
    expect(searchIndexTiming(4_000, 16 * GB)).toBe('alongside');
    expect(searchIndexTiming(30, 3 * GB)).toBe('alongside');
  });

  it('starts Pagefind once the cards are done when it does not, so Astro never has both beside it', () => {
    expect(searchIndexTiming(10_000, 4 * GB)).toBe('after-cards');
    expect(searchIndexTiming(4_000, memoryForAlongside(4_000) - 1)).toBe('after-cards');
    expect(searchIndexTiming(4_000, memoryForAlongside(4_000))).toBe('alongside');
  });

  it('wants more memory for more articles, a quarter above what the bench measured at once side by side', () => {
    // Parts of 3,000 articles; measured: 3.15 GB at 20,000, 3.49 GB at 40,000, 4.66 GB at 100,000.
    expect(memoryForAlongside(20_000, 3_000)).toBeGreaterThan(1.25 * 3.15 * GB);
    expect(memoryForAlongside(40_000, 3_000)).toBeGreaterThan(1.25 * 3.49 * GB);
    expect(memoryForAlongside(100_000, 3_000)).toBeGreaterThan(1.25 * 4.66 * GB);
    expect(memoryForAlongside(40_000, 3_000)).toBeGreaterThan(memoryForAlongside(20_000, 3_000));
  });

  it('makes the index after the cards past the size up to which alongside is faster, whatever the memory', () => {
    expect(searchIndexTiming(ALONGSIDE_MOST_ARTICLES, 64 * GB, undefined, 3_000)).toBe('alongside');
    expect(searchIndexTiming(ALONGSIDE_MOST_ARTICLES + 1, 64 * GB, undefined, 3_000)).toBe('after-cards');
    expect(searchIndexTiming(100_000, 64 * GB, undefined, 3_000)).toBe('after-cards');
    expect(searchIndexTiming(100_000, 1 * GB, 'alongside', 3_000)).toBe('alongside');
  });

  it('says why the index waits for the cards: the size, or the memory', () => {
    expect(afterCardsReason(100_000, 64 * GB, 3_000)).toBe(`100000 article files, past the ${ALONGSIDE_MOST_ARTICLES} up to which making it alongside is faster`);
    expect(afterCardsReason(10_000, 2 * GB, 3_000)).toMatch(/^2\.00 GB available, [\d.]+ GB wanted to make it alongside$/);
  });

  it('does what NEWSDESK_SEARCH_INDEX asks, and refuses anything else', () => {
    expect(searchIndexTiming(10_000, 1 * GB, 'alongside')).toBe('alongside');
    expect(searchIndexTiming(10, 64 * GB, 'after-cards')).toBe('after-cards');
    expect(searchIndexTiming(10, 64 * GB, 'after')).toBe('after');
    expect(searchIndexTiming(10, 64 * GB, '')).toBe('alongside');
    expect(() => searchIndexTiming(10, 64 * GB, 'later')).toThrow('NEWSDESK_SEARCH_INDEX="later" is not a choice; use "alongside", "after-cards" or "after"');
  });
});

describe('memoryForAlongside, with the index in parts', () => {
  it("counts Pagefind's memory for one part, not the archive, once the archive outgrows a part", () => {
    expect(memoryForAlongside(100_000, 3_000)).toBeLessThan(memoryForAlongside(100_000));
    expect(memoryForAlongside(2_000, 3_000)).toBe(memoryForAlongside(2_000));
    expect(memoryForAlongside(100_000, 3_000) - memoryForAlongside(50_000, 3_000)).toBe(memoryForAlongside(100_000, 1) - memoryForAlongside(50_000, 1));
  });

  it('runs alongside Astro on a machine that could not hold the whole index at once', () => {
    expect(searchIndexTiming(20_000, 8 * GB)).toBe('after-cards');
    expect(searchIndexTiming(20_000, 8 * GB, undefined, 3_000)).toBe('alongside');
  });

  it("runs alongside on GitHub's 7 GB runner at 20,000 articles (about 6 GB available), where it is faster", () => {
    expect(searchIndexTiming(20_000, 6 * GB, undefined, 3_000)).toBe('alongside');
  });
});
