import { describe, expect, it } from 'vitest';
import { growthBetween, growthBySize } from '../../../src/lib/bench/memory-growth.ts';

const GB = 2 ** 30;

describe('memory growth per 1,000 articles', () => {
  it('is the slope of the peak between two sizes, in MB per 1,000 articles', () => {
    // 3 GB at 40k, 4.2 GB at 100k: 1.2 GB over 60,000 articles = 20.48 MB per 1,000.
    expect(growthBetween({ articles: 40_000, peak: 3 * GB }, { articles: 100_000, peak: 4.2 * GB }).mbPerThousand).toBeCloseTo(20.48, 2);
  });

  it('is negative when the larger archive took less memory', () => {
    expect(growthBetween({ articles: 10_000, peak: 2 * GB }, { articles: 40_000, peak: 1.5 * GB }).mbPerThousand).toBeCloseTo(-512 / 30, 5);
  });

  it('goes from each size to the next larger one, whatever order the sizes were built in', () => {
    const growth = growthBySize([
      { articles: 100_000, peak: 5 * GB },
      { articles: 10_000, peak: 2 * GB },
      { articles: 40_000, peak: 3 * GB },
    ]);
    expect(growth.map(({ from, to }) => [from.articles, to.articles])).toEqual([[10_000, 40_000], [40_000, 100_000]]);
    expect(growth[1]!.mbPerThousand).toBeCloseTo(1024 * 2 / 60, 5);
  });

  it('has nothing to say about one size, or the same size twice', () => {
    expect(growthBySize([{ articles: 4000, peak: GB }])).toEqual([]);
    expect(growthBySize([{ articles: 4000, peak: GB }, { articles: 4000, peak: 2 * GB }])).toEqual([]);
    expect(() => growthBetween({ articles: 4000, peak: GB }, { articles: 4000, peak: GB })).toThrow('two different sizes');
  });
});
