/**
 * The reader's choices on the search page beside the query: the order of the results and the one outlet they come
 * from. The address bar keeps them as it keeps the query (`?q=chips&sort=newest&outlet=Payments%20Brief`), so that
 * a shared link opens with them.
 */
import { outletName } from '../stories/story-listing.ts';
import type { ArticleSource } from '../stories/outlet.ts';

export const SORT_PARAM = 'sort';
export const NEWEST = 'newest';
export const OUTLET_PARAM = 'outlet';

export interface SearchChoices {
  /** Newest first instead of best match. */
  newest: boolean;
  /** The outlet results are narrowed to, as search documents name it; '' for every outlet. */
  outlet: string;
}

/** Every outlet an article in the index is credited to (the site's own reporting as `ownName`), in alphabetical order. */
export function searchOutlets(articles: Iterable<{ slug: string; data: { source?: ArticleSource } }>, ownName: string): string[] {
  const names = new Set<string>();
  for (const article of articles) names.add(outletName(article, ownName));
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** The choices a link carries; any other order, or an outlet not among `outlets`, is the default. */
export function choicesIn(params: URLSearchParams, outlets: readonly string[]): SearchChoices {
  const outlet = params.get(OUTLET_PARAM) ?? '';
  return { newest: params.get(SORT_PARAM) === NEWEST, outlet: outlets.includes(outlet) ? outlet : '' };
}

/** `params` with the choices in them, each left out at its default, so that a plain search keeps a plain link. */
export function withChoices(params: URLSearchParams, { newest, outlet }: SearchChoices): URLSearchParams {
  const next = new URLSearchParams(params);
  if (newest) next.set(SORT_PARAM, NEWEST);
  else next.delete(SORT_PARAM);
  if (outlet) next.set(OUTLET_PARAM, outlet);
  else next.delete(OUTLET_PARAM);
  return next;
}

/**
 * Items newest first by their publication instant in ISO form (UTC, so string order is time order); equal instants
 * keep their order. Pagefind orders each index it searches, but merges several indexes by a per-index rank.
 */
export function newestFirst<Item>(items: readonly Item[], published: (item: Item) => string): Item[] {
  const keyed = items.map((item) => ({ item, key: published(item) }));
  return keyed.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0)).map(({ item }) => item);
}
