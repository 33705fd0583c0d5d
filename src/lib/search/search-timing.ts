/**
 * When `npm run build` makes the search index: beside Astro, on the core Astro leaves idle (the faster build, but
 * Astro and Pagefind then hold their memory at the same time), or with Pagefind started after Astro has finished
 * (the least memory at any moment; only the documents are prepared beside Astro).
 */

export type SearchIndexTiming = 'alongside' | 'after';

/**
 * What Astro, Pagefind, the checker and the indexer hold at once, in all and per article, with a quarter or more
 * of margin over what `npm run bench` measured (BENCHMARKS.md, "peak, all processes").
 */
const TOGETHER_FIXED = 2 * 2 ** 30;
const TOGETHER_PER_ARTICLE = 0.3 * 2 ** 20;

/** The memory running side by side needs for this many article files. */
export function memoryForAlongside(articleFiles: number): number {
  return TOGETHER_FIXED + articleFiles * TOGETHER_PER_ARTICLE;
}

/**
 * `requested` is NEWSDESK_SEARCH_INDEX ("alongside" or "after"); without it, side by side when the memory
 * available (after other programs, within any container limit) covers both.
 */
export function searchIndexTiming(articleFiles: number, availableBytes: number, requested?: string): SearchIndexTiming {
  if (requested === 'alongside' || requested === 'after') return requested;
  if (requested !== undefined && requested !== '') {
    throw new Error(`NEWSDESK_SEARCH_INDEX="${requested}" is not a choice; use "alongside" or "after", or leave it unset`);
  }
  return availableBytes >= memoryForAlongside(articleFiles) ? 'alongside' : 'after';
}
