/** A story's own RSS feed and its structured data: an ItemList of the NewsArticles that report it. */
import { absoluteUrl, type SitePaths } from '../site/paths.ts';
import type { ArticleSummary } from '../site/site-index.ts';
import { isolatedWords, type OwnWords } from '../site/page-title.ts';
import type { FeedScope, FeedSiteConfig } from './feeds.ts';

/**
 * The feed is titled "<site name>: <headline>"; `headlineWords`, the lead's language as its page marks it, sets a
 * headline running the other way from the site's apart, as the page's `<title>` does.
 */
export function storyFeedScope(paths: SitePaths, config: FeedSiteConfig, story: { slug: string; headline: string; headlineWords?: OwnWords }): FeedScope {
  return {
    title: `${config.name}: ${isolatedWords(story.headline, story.headlineWords)}`,
    description: `Every article ${config.name} lists on this story, newest first.`,
    homePath: paths.story(story.slug),
    feedPath: paths.storyFeed(story.slug),
  };
}

/**
 * https://developers.google.com/search/docs/appearance/structured-data/carousel: each item a NewsArticle on this site,
 * in its own language (its `lang`, else `siteLang`) as its page's NewsArticle says, and an outlet's by the name its
 * page credits (the registry's, for a source it is listed under); `image` (a path), the story's social card.
 */
export function storyItemListJsonLd(
  site: string,
  paths: SitePaths,
  story: { slug: string; headline: string; articles: readonly ArticleSummary[]; image?: string; siteLang: string },
): Record<string, unknown> {
  const url = (path: string) => absoluteUrl(site, path);
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name: story.headline,
    url: url(paths.story(story.slug)),
    ...(story.image ? { image: url(story.image) } : {}),
    numberOfItems: story.articles.length,
    itemListElement: story.articles.map((article, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      item: {
        '@type': 'NewsArticle',
        headline: article.data.title,
        description: article.data.description,
        inLanguage: article.data.lang ?? story.siteLang,
        url: url(paths.article(article.slug)),
        datePublished: article.data.publishedAt.toISOString(),
        ...(article.data.source ? { isBasedOn: article.data.source.url, sourceOrganization: { '@type': 'Organization', name: article.sourcePage?.name ?? article.data.source.name } } : {}),
      },
    })),
  };
}
