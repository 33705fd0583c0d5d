/** How much more memory a build takes per 1,000 more articles: the slope of its peak between two archive sizes. */

/** The goal: memory that (nearly) stops growing with the archive. */
export const GROWTH_GOAL_MB_PER_1K = 20;

export interface PeakAt {
  articles: number;
  /** Bytes: the most all the build's processes held at once. */
  peak: number;
}

export interface Growth {
  from: PeakAt;
  to: PeakAt;
  /** MB (2^20 bytes) more per 1,000 more articles; negative when the larger archive took less. */
  mbPerThousand: number;
}

export function growthBetween(from: PeakAt, to: PeakAt): Growth {
  if (to.articles === from.articles) throw new Error(`growth needs two different sizes, got ${from.articles} twice`);
  return { from, to, mbPerThousand: (to.peak - from.peak) / 2 ** 20 / ((to.articles - from.articles) / 1000) };
}

/** The growth between each size and the next larger one. */
export function growthBySize(peaks: readonly PeakAt[]): Growth[] {
  const sorted = [...peaks].sort((a, b) => a.articles - b.articles).filter((peak, i, all) => i === 0 || peak.articles !== all[i - 1]!.articles);
  return sorted.slice(1).map((to, i) => growthBetween(sorted[i]!, to));
}
