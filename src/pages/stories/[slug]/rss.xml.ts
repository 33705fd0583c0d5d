/** One RSS 2.0 feed per story, for readers following it as coverage comes in. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedContext, rssFeed } from '../../../lib/output/feeds.ts';
import { storyFeedScope } from '../../../lib/output/story-feed.ts';
import { getSiteIndex, ownWordsOf, paths, siteConfig, ownPaths } from '../../../site.ts';

export const getStaticPaths = (async ({ routePattern }) => {
  const { stories } = await getSiteIndex();
  return ownPaths(routePattern, stories.map((story) => ({ params: { slug: story.slug }, props: { story } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<Awaited<ReturnType<typeof getStaticPaths>>[number]['props']> = ({ site, props: { story } }) =>
  rss(rssFeed([...story.articles].reverse(), feedContext(site!.href, paths, siteConfig), storyFeedScope(paths, siteConfig, { slug: story.slug, headline: story.lead.data.title, headlineWords: ownWordsOf(story.lead) })));
