/** The site-wide RSS 2.0 feed: the newest published articles. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedImagesOf } from '../lead-image.ts';
import { feedContext, rssFeed, siteFeedScope } from '../lib/output/feeds.ts';
import { getSiteIndex, paths, siteConfig } from '../site.ts';

export const GET: APIRoute = async ({ site }) => {
  const { articles } = await getSiteIndex();
  return rss(rssFeed(articles, feedContext(site!.href, paths, siteConfig), siteFeedScope(paths, siteConfig, 'rss'), await feedImagesOf(articles)));
};
