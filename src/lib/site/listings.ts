/** getStaticPaths for paginated listings: one call per route file. */
import type { Facet } from './facets.ts';
import { paginate, type Page } from './pagination.ts';
import { pageParam } from './paths.ts';

export interface ListingPath<T, Extra> {
  params: { page: string | undefined } & Record<string, string | undefined>;
  props: { page: Page<T> } & Extra;
}

/** Pages of `items` at `urlFor(n)`, as Astro route entries for a `[...page]` parameter. */
export function listingPaths<T, Extra extends object>(
  items: readonly T[],
  pageSize: number,
  urlFor: (page: number) => string,
  params: Record<string, string> = {},
  extra: Extra = {} as Extra,
): ListingPath<T, Extra>[] {
  return paginate(items, pageSize, urlFor).map((page) => ({
    params: { ...params, page: pageParam(page.number) },
    props: { ...extra, page },
  }));
}

/**
 * Every page of every tag's (author's, source's) listing, as route entries for `[<param>]/[...page]`; `entriesOf`
 * turns a facet's article slugs into the items its pages list.
 */
export function facetListingPaths<T, Param extends string, Group extends Pick<Facet, 'slug' | 'articleSlugs'> = Facet>(
  facets: readonly Group[],
  entriesOf: (articleSlugs: readonly string[]) => T[],
  pageSize: number,
  urlFor: (slug: string, page: number) => string,
  param: Param,
): ListingPath<T, { facet: Group }>[] {
  return facets.flatMap((facet) =>
    listingPaths(
      entriesOf(facet.articleSlugs),
      pageSize,
      (page) => urlFor(facet.slug, page),
      { [param]: facet.slug },
      { facet },
    ),
  );
}
