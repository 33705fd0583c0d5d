import { describe, expect, it } from 'vitest';
import { memoryForAlongside, searchIndexTiming } from '../../../src/lib/search/search-timing.ts';

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

  it('wants more memory for more articles, a quarter above what the bench measured at once (2.5 GB at 4,000, 3.9 GB at 10,000)', () => {
    expect(memoryForAlongside(4_000)).toBeGreaterThan(1.25 * 2.5 * GB);
    expect(memoryForAlongside(10_000)).toBeGreaterThan(1.25 * 3.9 * GB);
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
});
