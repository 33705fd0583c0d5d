/** One RSS 2.0 feed per story, for readers following it as coverage comes in. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedImagesOf } from '../../../lead-image.ts';
import { feedContext, rssFeed } from '../../../lib/output/feeds.ts';
import { storyFeedScope } from '../../../lib/output/story-feed.ts';
import { getSiteIndex, ownWordsOf, paths, siteConfig, ownPaths } from '../../../site.ts';

export const getStaticPaths = (async ({ routePattern }) => {
  const { stories } = await getSiteIndex();
  return ownPaths(routePattern, stories.map((story) => ({ params: { slug: story.slug }, props: { story } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<Awaited<ReturnType<typeof getStaticPaths>>[number]['props']> = async ({ site, props: { story } }) => {
  const newestFirst = [...story.articles].reverse();
  const scope = storyFeedScope(paths, siteConfig, { slug: story.slug, headline: story.lead.data.title, headlineWords: ownWordsOf(story.lead) });
  return rss(rssFeed(newestFirst, feedContext(site!.href, paths, siteConfig), scope, await feedImagesOf(newestFirst)));
};
