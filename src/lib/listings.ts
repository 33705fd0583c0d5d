/** getStaticPaths for paginated listings: one call per route file. */
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
