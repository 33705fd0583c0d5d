/** A story's own RSS feed and its structured data: an ItemList of the NewsArticles that report it. */
import { absoluteUrl, type SitePaths } from '../site/paths.ts';
import type { ArticleSummary } from '../site/site-index.ts';
import type { FeedScope, FeedSiteConfig } from './feeds.ts';

export function storyFeedScope(paths: SitePaths, config: FeedSiteConfig, story: { slug: string; headline: string }): FeedScope {
  return {
    title: `${config.name}: ${story.headline}`,
    description: `Every article ${config.name} lists on this story, newest first.`,
    homePath: paths.story(story.slug),
    feedPath: paths.storyFeed(story.slug),
  };
}

/**
 * https://developers.google.com/search/docs/appearance/structured-data/carousel: each item a NewsArticle on this site;
 * `image` (a path), the story's social card.
 */
export function storyItemListJsonLd(site: string, paths: SitePaths, story: { slug: string; headline: string; articles: readonly ArticleSummary[]; image?: string }): Record<string, unknown> {
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
        url: url(paths.article(article.slug)),
        datePublished: article.data.publishedAt.toISOString(),
        ...(article.data.source ? { isBasedOn: article.data.source.url, sourceOrganization: { '@type': 'Organization', name: article.data.source.name } } : {}),
      },
    })),
  };
}
