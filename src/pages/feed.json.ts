/** The site-wide JSON Feed 1.1: the same articles as the RSS feed. */
import type { APIRoute } from 'astro';
import { feedImagesOf } from '../lead-image.ts';
import { feedContext, jsonFeed, siteFeedScope } from '../lib/output/feeds.ts';
import { getSiteIndex, paths, siteConfig } from '../site.ts';

export const GET: APIRoute = async ({ site }) => {
  const { articles } = await getSiteIndex();
  const feed = jsonFeed(articles, feedContext(site!.href, paths, siteConfig), siteFeedScope(paths, siteConfig, 'json'), await feedImagesOf(articles));
  return new Response(JSON.stringify(feed, null, 2), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
