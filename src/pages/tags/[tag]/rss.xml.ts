/** One RSS 2.0 feed per tag: the newest published articles carrying it. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedContext, rssFeed, tagFeedScope } from '../../../lib/output/feeds.ts';
import { getSiteIndex, paths, siteConfig, ownPaths } from '../../../site.ts';

export const getStaticPaths = (async ({ routePattern }) => {
  const { tags, bySlug } = await getSiteIndex();
  return ownPaths(routePattern, tags.all.map((tag) => ({ params: { tag: tag.slug }, props: { tag, articles: tag.articleSlugs.map((slug) => bySlug.get(slug)!) } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<Awaited<ReturnType<typeof getStaticPaths>>[number]['props']> = ({ site, props }) =>
  rss(rssFeed(props.articles, feedContext(site!.href, paths, siteConfig), tagFeedScope(paths, siteConfig, props.tag)));
