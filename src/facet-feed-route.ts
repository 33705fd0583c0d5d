/**
 * The route of one RSS feed per tag, author or source (src/pages/{tags,authors,sources}/…/rss.xml.ts): every one of
 * the kind, its newest published articles, and the feed of one.
 */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedImagesOf } from './lead-image.ts';
import { facetFeedScope, feedContext, rssFeed, type FacetFeedKind } from './lib/output/feeds.ts';
import type { SiteIndex } from './lib/site/site-index.ts';
import { getSiteIndex, ownPaths, paths, siteConfig, type ArticleEntryData } from './site.ts';

interface Listed {
  name: string;
  slug: string;
  articleSlugs: readonly string[];
}

/** `kind` is also the route's parameter: `[tag]`, `[author]` or `[source]`. */
export function facetFeedRoute(kind: FacetFeedKind, listedOf: (index: SiteIndex<ArticleEntryData>) => readonly Listed[]) {
  const getStaticPaths = (async ({ routePattern }) => {
    const index = await getSiteIndex();
    return ownPaths(routePattern, listedOf(index).map((facet) => ({ params: { [kind]: facet.slug }, props: { facet, articles: facet.articleSlugs.map((slug) => index.bySlug.get(slug)!) } })));
  }) satisfies GetStaticPaths;
  const GET: APIRoute<Awaited<ReturnType<typeof getStaticPaths>>[number]['props']> = async ({ site, props }) =>
    rss(rssFeed(props.articles, feedContext(site!.href, paths, siteConfig), facetFeedScope(paths, siteConfig, kind, props.facet), await feedImagesOf(props.articles)));
  return { getStaticPaths, GET };
}
