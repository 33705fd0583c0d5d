/** One RSS 2.0 feed per followed source: its newest published items on this site. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedContext, rssFeed, sourceFeedScope } from '../../../lib/output/feeds.ts';
import { getSiteIndex, paths, siteConfig, ownPaths } from '../../../site.ts';

export const getStaticPaths = (async ({ routePattern }) => {
  const { sources, bySlug } = await getSiteIndex();
  return ownPaths(routePattern, sources.all.map((source) => ({ params: { source: source.slug }, props: { source, articles: source.articleSlugs.map((slug) => bySlug.get(slug)!) } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<Awaited<ReturnType<typeof getStaticPaths>>[number]['props']> = ({ site, props }) =>
  rss(rssFeed(props.articles, feedContext(site!.href, paths, siteConfig), sourceFeedScope(paths, siteConfig, props.source)));
