/**
 * When `npm run build` makes the search index: beside Astro, on the core Astro leaves idle (the fastest build of a
 * small archive, but Astro, the social cards and Pagefind then hold their memory at the same time); with Pagefind
 * started once the cards are done, so that Astro has one of the two beside it at a time (`after-cards`); or with
 * Pagefind started after Astro has finished (`after`: the least memory at any moment). Until Pagefind starts, the
 * index's parts are only planned, and those found in the search cache put in place.
 */

import { formatBytes } from '../text/format-bytes.ts';

export type SearchIndexTiming = 'alongside' | 'after-cards' | 'after';
const TIMINGS: readonly SearchIndexTiming[] = ['alongside', 'after-cards', 'after'];
const isTiming = (value: string): value is SearchIndexTiming => (TIMINGS as readonly string[]).includes(value);

/**
 * What Astro, the cards, the checker and the indexer hold at once, fixed and per article, and what Pagefind holds
 * per article of the one part of the index it is writing (src/lib/search/index-parts.ts): in all, a quarter or more
 * above what `npm run bench` measured side by side (BENCHMARKS.md).
 */
const TOGETHER_FIXED = 2_700 * 2 ** 20;
const OTHERS_PER_ARTICLE = 25 * 2 ** 10;
const PAGEFIND_PER_ARTICLE = 0.3 * 2 ** 20;

/**
 * Past this size, side by side is no longer faster: Astro, the cards and Pagefind then slow each other down on two
 * cores by more than finishing the index during Astro saves (BENCHMARKS.md, "Side by side or after the cards").
 */
export const ALONGSIDE_MOST_ARTICLES = 30_000;

/** The memory running side by side needs for this many article files, indexed in parts of at most `partArticles`. */
export function memoryForAlongside(articleFiles: number, partArticles = articleFiles): number {
  return TOGETHER_FIXED + articleFiles * OTHERS_PER_ARTICLE + Math.min(articleFiles, partArticles) * PAGEFIND_PER_ARTICLE;
}

/** Why a build left to choose makes the index after the cards (`searchIndexTiming` gave 'after-cards'), for its log. */
export function afterCardsReason(articleFiles: number, availableBytes: number, partArticles = articleFiles): string {
  if (articleFiles > ALONGSIDE_MOST_ARTICLES) {
    return `${articleFiles} article files, past the ${ALONGSIDE_MOST_ARTICLES} up to which making it alongside is faster`;
  }
  const wanted = memoryForAlongside(articleFiles, partArticles);
  return `${formatBytes(availableBytes)} available, ${formatBytes(wanted)} wanted to make it alongside`;
}

/**
 * `requested` is NEWSDESK_SEARCH_INDEX ("alongside", "after-cards" or "after"); without it, side by side for an
 * archive of at most ALONGSIDE_MOST_ARTICLES files when the memory available (after other programs, within any
 * container limit) covers it all, else after the cards.
 */
export function searchIndexTiming(articleFiles: number, availableBytes: number, requested?: string, partArticles = articleFiles): SearchIndexTiming {
  if (requested !== undefined && isTiming(requested)) return requested;
  if (requested !== undefined && requested !== '') {
    throw new Error(`NEWSDESK_SEARCH_INDEX="${requested}" is not a choice; use "alongside", "after-cards" or "after", or leave it unset`);
  }
  const alongside = articleFiles <= ALONGSIDE_MOST_ARTICLES && availableBytes >= memoryForAlongside(articleFiles, partArticles);
  return alongside ? 'alongside' : 'after-cards';
}
