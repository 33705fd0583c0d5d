/**
 * The reader's choices on the search page beside the query: the one outlet the results come from, and their order
 * (best match, or newest first: ./newest-first.ts). The address bar keeps them as it keeps the query
 * (`?q=chips&outlet=Payments%20Brief&order=newest`), so that a shared link opens with them.
 */
import { outletName } from '../stories/story-listing.ts';
import type { ArticleSource } from '../stories/outlet.ts';

const OUTLET_PARAM = 'outlet';
const ORDER_PARAM = 'order';

/** Pagefind's ranking by how well each result matches, or the newest first. */
export type SearchOrder = 'best' | 'newest';

export interface SearchChoices {
  /** The outlet results are narrowed to, as search documents name it; '' for every outlet. */
  outlet: string;
  order: SearchOrder;
}

type CreditedArticle = { slug: string; data: { source?: ArticleSource } };

/**
 * The outlet an article is searched under, named as its page names it: the registry's name for the source it is
 * listed under (`listedUnder`, src/lib/site/sources.ts), else the name it credits, else `ownName` for the site's own.
 */
export function searchOutlet(article: CreditedArticle, listedUnder: ReadonlyMap<string, { name: string }>, ownName: string): string {
  return listedUnder.get(article.slug)?.name ?? outletName(article, ownName);
}

/** Every outlet an article in the index is searched under (searchOutlet), in alphabetical order. */
export function searchOutlets(articles: Iterable<CreditedArticle>, listedUnder: ReadonlyMap<string, { name: string }>, ownName: string): string[] {
  const names = new Set<string>();
  for (const article of articles) names.add(searchOutlet(article, listedUnder, ownName));
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** The choices a link carries; an outlet not among `outlets`, or an order other than "newest", is the default. */
export function choicesIn(params: URLSearchParams, outlets: readonly string[]): SearchChoices {
  const outlet = params.get(OUTLET_PARAM) ?? '';
  return { outlet: outlets.includes(outlet) ? outlet : '', order: params.get(ORDER_PARAM) === 'newest' ? 'newest' : 'best' };
}

/** `params` with the choices in them, each left out at its default, so that a plain search keeps a plain link. */
export function withChoices(params: URLSearchParams, { outlet, order }: SearchChoices): URLSearchParams {
  const next = new URLSearchParams(params);
  if (outlet) next.set(OUTLET_PARAM, outlet);
  else next.delete(OUTLET_PARAM);
  if (order === 'newest') next.set(ORDER_PARAM, order);
  else next.delete(ORDER_PARAM);
  return next;
}
