/** One RSS 2.0 feed per author: the newest published articles with their byline. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { authorFeedScope, feedContext, rssFeed } from '../../../lib/output/feeds.ts';
import { getSiteIndex, paths, siteConfig, ownPaths } from '../../../site.ts';

export const getStaticPaths = (async ({ routePattern }) => {
  const { authors, bySlug } = await getSiteIndex();
  return ownPaths(routePattern, authors.all.map((author) => ({ params: { author: author.slug }, props: { author, articles: author.articleSlugs.map((slug) => bySlug.get(slug)!) } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<Awaited<ReturnType<typeof getStaticPaths>>[number]['props']> = ({ site, props }) =>
  rss(rssFeed(props.articles, feedContext(site!.href, paths, siteConfig), authorFeedScope(paths, siteConfig, props.author)));
