/** A small seeded PRNG and the sampling helpers the synthetic corpus needs, so every run draws the same corpus. */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Where the sequence stands; `restore` returns to it, so a stretch of draws can be made again. */
  state(): number;
  restore(state: number): void;
}

/** mulberry32: 32-bit state, fast, and good enough for test data (not for anything secret). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    state: () => state,
    restore: (saved) => {
      state = saved >>> 0;
    },
  };
}

/**
 * Draws indexes 0..n-1 with probability proportional to 1 / (rank + 1)^exponent: a few items are
 * very common and most are rare, as tags, authors and words are in a real archive.
 */
export function createZipf(n: number, exponent: number): (random: Random) => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / Math.pow(rank + 1, exponent);
    cumulative[rank] = total;
  }
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! <= target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/** `count` distinct indexes from a sampler (callers keep count well below the sampler's range). */
export function distinct(random: Random, sample: (random: Random) => number, count: number): number[] {
  const chosen: number[] = [];
  while (chosen.length < count) {
    const index = sample(random);
    if (!chosen.includes(index)) chosen.push(index);
  }
  return chosen;
}
