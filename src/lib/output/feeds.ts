/** Feed contents: RSS 2.0 options for @astrojs/rss and JSON Feed 1.1 documents, built from published articles. */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { absoluteUrl, type SitePaths } from '../site/paths.ts';
import { languageAttributes } from '../content/language.ts';
import { lastModified } from '../content/last-modified.ts';
import type { ArticleSummary } from '../site/site-index.ts';
import type { SocialImage } from './seo.ts';
import { outletName } from '../stories/story-listing.ts';

/** Newest articles per feed: enough for a reader that polls daily to catch up after a long weekend. */
export const FEED_LIMIT = 50;

/** What a feed needs from an article. */
export type FeedArticle = ArticleSummary;

/**
 * Articles' lead pictures by slug, as their pages' previews show them (a raster copy of a local picture, or the
 * remote address); feed readers put them beside an item. An article missing here is shown without one.
 */
export type FeedImages = ReadonlyMap<string, SocialImage>;

export interface FeedContext {
  /** The deployment origin, e.g. https://news.example.org (the base path comes from `paths`). */
  site: string;
  paths: SitePaths;
  siteName: string;
  /** BCP 47 language of the site's text. */
  lang: string;
  /** Files under public/: a square logo (≥ 512 px suits JSON Feed's icon) and the favicon. */
  logo: string;
  favicon: string;
}

/** The site settings feeds read (src/site.config.ts fits as it is). */
export interface FeedSiteConfig {
  name: string;
  description: string;
  lang: string;
  logo: string;
  favicon: string;
}

export function feedContext(site: string, paths: SitePaths, config: FeedSiteConfig): FeedContext {
  return { site, paths, siteName: config.name, lang: config.lang, logo: config.logo, favicon: config.favicon };
}

/** One feed: the whole site, one tag, one author or one source. */
export interface FeedScope {
  title: string;
  description: string;
  /** The page the feed mirrors (front page or tag page), absolute path. */
  homePath: string;
  /** Where this feed itself is served, absolute path. */
  feedPath: string;
}

/** The whole-site feed, in either format. */
export function siteFeedScope(paths: SitePaths, config: FeedSiteConfig, format: 'rss' | 'json'): FeedScope {
  return { title: config.name, description: config.description, homePath: paths.home(), feedPath: format === 'rss' ? paths.rss() : paths.jsonFeed() };
}

/** The listings with an RSS feed of their own (a tag, an author, a source): each one's page, feed and what it holds. */
const FACET_FEEDS = {
  tag: { page: (paths: SitePaths) => paths.tag, feed: (paths: SitePaths) => paths.tagFeed, holds: (site: string, name: string) => `The latest ${site} articles tagged ${name}.` },
  author: { page: (paths: SitePaths) => paths.author, feed: (paths: SitePaths) => paths.authorFeed, holds: (site: string, name: string) => `The latest ${site} articles by ${name}.` },
  source: { page: (paths: SitePaths) => paths.source, feed: (paths: SitePaths) => paths.sourceFeed, holds: (site: string, name: string) => `The latest ${site} coverage from ${name}.` },
};

export type FacetFeedKind = keyof typeof FACET_FEEDS;

/** One tag's, author's or source's RSS feed, mirroring its listing page. */
export function facetFeedScope(paths: SitePaths, config: FeedSiteConfig, kind: FacetFeedKind, facet: { name: string; slug: string }): FeedScope {
  const { page, feed, holds } = FACET_FEEDS[kind];
  return { title: `${config.name}: ${facet.name}`, description: holds(config.name, facet.name), homePath: page(paths)(facet.slug), feedPath: feed(paths)(facet.slug) };
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for XML character data and attribute values. Named entities only: @astrojs/rss re-parses custom
 * data with a parser that decodes these five but not numeric references, which would come out double-escaped.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char]!);
}

/** Escapes text for an HTML element's content: its markup characters, and nothing a reader could see as an entity. */
function escapeHtmlText(text: string): string {
  return text.replace(/[&<>]/g, (char) => XML_ENTITIES[char]!);
}

const DC = 'http://purl.org/dc/elements/1.1/';
const ATOM = 'http://www.w3.org/2005/Atom';
const MEDIA = 'http://search.yahoo.com/mrss/';

/**
 * Options for @astrojs/rss. RSS 2.0's <author> must be an e-mail address, which bylines are not, so authors go in
 * <dc:creator> as feed readers expect. The channel's <lastBuildDate> is the newest change among the items, not the
 * build's clock, so an unchanged site produces a byte-identical feed.
 */
export function rssFeed(articles: readonly FeedArticle[], context: FeedContext, scope: FeedScope, images: FeedImages = new Map()): RSSOptions {
  const url = (path: string) => absoluteUrl(context.site, path);
  const items = articles.slice(0, FEED_LIMIT);
  const lastChange = items.reduce<Date | undefined>((latest, article) => {
    const changed = lastModified(article.data);
    return latest && latest >= changed ? latest : changed;
  }, undefined);
  const channel = [
    `<language>${escapeXml(context.lang)}</language>`,
    lastChange ? `<lastBuildDate>${lastChange.toUTCString()}</lastBuildDate>` : '',
    `<atom:link href="${escapeXml(url(scope.feedPath))}" rel="self" type="application/rss+xml"/>`,
    `<image><url>${escapeXml(url(context.paths.asset(context.logo)))}</url><title>${escapeXml(scope.title)}</title><link>${escapeXml(url(scope.homePath))}</link></image>`,
  ].join('');
  return {
    title: scope.title,
    description: scope.description,
    site: url(scope.homePath),
    xmlns: { dc: DC, atom: ATOM, media: MEDIA },
    customData: channel,
    items: items.map((article) => rssItem(article, context, images.get(article.slug))),
  };
}

function rssItem(article: FeedArticle, context: FeedContext, image: SocialImage | undefined): RSSFeedItem {
  return {
    title: article.data.title,
    // An absolute link is used verbatim by @astrojs/rss, and doubles as the permalink guid.
    link: absoluteUrl(context.site, context.paths.article(article.slug)),
    pubDate: article.data.publishedAt,
    // RSS readers render <description> as HTML: the dek is text, so its markup characters are escaped as HTML
    // first (and as XML again by @astrojs/rss), and a dek that reads "<b>" shows those three characters. Quotes need
    // no escaping in an element's text, and a reader that shows the description as plain text would show "&apos;".
    description: escapeHtmlText(article.data.description),
    categories: article.tags.map((tag) => tag.name),
    customData: [...credits(article, context).map((credit) => `<dc:creator>${escapeXml(credit.name)}</dc:creator>`), ...itemLanguage(article, context), ...mediaContent(image, context)].join('') || undefined,
  };
}

/**
 * RSS 2.0 has no picture of an item but an <enclosure>, which needs a byte length a remote picture does not give:
 * feed readers take the lead picture from Media RSS instead, with its alt text as the description.
 */
function mediaContent(image: SocialImage | undefined, context: FeedContext): string[] {
  if (!image) return [];
  const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : '';
  const url = escapeXml(absoluteUrl(context.site, image.src));
  return [`<media:content url="${url}" medium="image"${size}><media:description type="plain">${escapeXml(image.alt)}</media:description></media:content>`];
}

/** Dublin Core's language, as JSON Feed's, only for an item in another language than the feed's: RSS 2.0 has a channel's alone. */
function itemLanguage(article: FeedArticle, context: FeedContext): string[] {
  const { lang } = languageAttributes(article.data.lang, context.lang);
  return lang ? [`<dc:language>${escapeXml(lang)}</dc:language>`] : [];
}

/** Who an item is credited to: its writers, or, for unsigned aggregated copy, its outlet rather than the site, which did not write it. */
function credits(article: FeedArticle, context: FeedContext): JsonFeedAuthor[] {
  const url = (path: string) => absoluteUrl(context.site, path);
  if (article.authors.length > 0) return article.authors.map((author) => ({ name: author.name, url: url(context.paths.author(author.slug)) }));
  return article.data.source ? [{ name: outletName(article, context.siteName), url: article.data.source.url }] : [];
}

export interface JsonFeedAuthor {
  name: string;
  url?: string;
}

export interface JsonFeedItem {
  id: string;
  url: string;
  /** The original publisher's story, for aggregated coverage. */
  external_url?: string;
  title: string;
  content_text: string;
  summary: string;
  date_published: string;
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  /** Only for an item in another language than the feed's (JSON Feed 1.1 allows it on items; RSS 2.0 has no such field). */
  language?: string;
  /** The article's lead picture, absolute: readers show it beside the item. */
  image?: string;
}

/** https://www.jsonfeed.org/version/1.1/ */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  icon?: string;
  favicon?: string;
  language?: string;
  authors?: JsonFeedAuthor[];
  items: JsonFeedItem[];
}

/** The dek is the item's text: feeds never re-render article bodies (a real cost at ten thousand articles). */
export function jsonFeed(articles: readonly FeedArticle[], context: FeedContext, scope: FeedScope, images: FeedImages = new Map()): JsonFeed {
  const url = (path: string) => absoluteUrl(context.site, path);
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: scope.title,
    home_page_url: url(scope.homePath),
    feed_url: url(scope.feedPath),
    description: scope.description,
    icon: url(context.paths.asset(context.logo)),
    favicon: url(context.paths.asset(context.favicon)),
    language: context.lang,
    authors: [{ name: context.siteName, url: url(context.paths.home()) }],
    items: articles.slice(0, FEED_LIMIT).map((article): JsonFeedItem => {
      const link = url(context.paths.article(article.slug));
      const modified = lastModified(article.data);
      // An item without authors takes the feed's, the site's own: unsigned aggregated copy is credited to its outlet.
      const itemCredits = credits(article, context);
      const { lang } = languageAttributes(article.data.lang, context.lang);
      const image = images.get(article.slug);
      return {
        id: link,
        url: link,
        ...(article.data.source ? { external_url: article.data.source.url } : {}),
        title: article.data.title,
        content_text: article.data.description,
        summary: article.data.description,
        date_published: article.data.publishedAt.toISOString(),
        ...(modified.getTime() !== article.data.publishedAt.getTime() ? { date_modified: modified.toISOString() } : {}),
        ...(itemCredits.length > 0 ? { authors: itemCredits } : {}),
        tags: article.tags.map((tag) => tag.name),
        ...(lang ? { language: lang } : {}),
        ...(image ? { image: url(image.src) } : {}),
      };
    }),
  };
}
