/**
 * When `npm run build` makes the search index: beside Astro, on the core Astro leaves idle (the fastest build, but
 * Astro, the social cards and Pagefind then hold their memory at the same time); with Pagefind started once the
 * cards are done, so that Astro has one of the two beside it at a time (`after-cards`); or with Pagefind started
 * after Astro has finished (`after`: the least memory at any moment). Until Pagefind starts, the index's parts are
 * only planned, and those found in the search cache put in place.
 */

export type SearchIndexTiming = 'alongside' | 'after-cards' | 'after';
const TIMINGS: readonly SearchIndexTiming[] = ['alongside', 'after-cards', 'after'];
const isTiming = (value: string): value is SearchIndexTiming => (TIMINGS as readonly string[]).includes(value);

/**
 * What Astro, the checker and the indexer hold at once, fixed and per article, and what Pagefind holds per article
 * of the one part of the index it is writing (src/lib/search/index-parts.ts), each with a quarter or more of margin
 * over what `npm run bench` measured (BENCHMARKS.md).
 */
const TOGETHER_FIXED = 2 * 2 ** 30;
const OTHERS_PER_ARTICLE = 0.2 * 2 ** 20;
const PAGEFIND_PER_ARTICLE = 0.3 * 2 ** 20;

/** The memory running side by side needs for this many article files, indexed in parts of at most `partArticles`. */
export function memoryForAlongside(articleFiles: number, partArticles = articleFiles): number {
  return TOGETHER_FIXED + articleFiles * OTHERS_PER_ARTICLE + Math.min(articleFiles, partArticles) * PAGEFIND_PER_ARTICLE;
}

/**
 * `requested` is NEWSDESK_SEARCH_INDEX ("alongside", "after-cards" or "after"); without it, side by side when the
 * memory available (after other programs, within any container limit) covers it all, else after the cards.
 */
export function searchIndexTiming(articleFiles: number, availableBytes: number, requested?: string, partArticles = articleFiles): SearchIndexTiming {
  if (requested !== undefined && isTiming(requested)) return requested;
  if (requested !== undefined && requested !== '') {
    throw new Error(`NEWSDESK_SEARCH_INDEX="${requested}" is not a choice; use "alongside", "after-cards" or "after", or leave it unset`);
  }
  return availableBytes >= memoryForAlongside(articleFiles, partArticles) ? 'alongside' : 'after-cards';
}
