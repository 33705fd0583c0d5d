/** What search engines and link previews read from a page's head: Open Graph and Twitter tags, NewsArticle and ProfilePage JSON-LD. */
import { absoluteUrl, type SitePaths } from '../site/paths.ts';
import { lastModified } from '../content/last-modified.ts';
import type { ArticleSummary } from '../site/site-index.ts';
import { outletName } from '../stories/story-listing.ts';
import { shortened } from '../text/shortened.ts';

/** X reads at most this much of a picture's description (its cards' documentation). */
const TWITTER_IMAGE_ALT_LIMIT = 420;

/** One <meta>: Open Graph uses `property`, Twitter and the rest use `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

export interface SocialImage {
  /** Absolute path or absolute URL. */
  src: string;
  alt: string;
  width?: number;
  height?: number;
}

export interface ArticleFacts {
  publishedAt: Date;
  modifiedAt: Date;
  /** Tag display names; the first is the article's section. */
  tags: readonly string[];
  /** Absolute URLs of the authors' pages. */
  authorUrls: readonly string[];
}

export interface PageDescription {
  /** The deployment origin, e.g. https://news.example.org. */
  site: string;
  siteName: string;
  /** BCP 47 tag of the page's language, such as en-US, or an article's own (ja, de-CH); Open Graph wants en_US. */
  locale: string;
  /** The page's own title, without the site name. */
  title: string;
  description: string;
  /** Canonical absolute path of the page; none for pages kept out of search engines (404, search). */
  path?: string;
  /** The page's own picture (an article's lead image): previews show it large. */
  image?: SocialImage;
  /** Shown small when the page has no picture of its own, typically the site's logo. */
  defaultImage?: SocialImage;
  /** Present on article pages only. */
  article?: ArticleFacts;
}

/** Open Graph and Twitter card tags, in a stable order; a large card only when there is a picture to show. */
export function socialMetaTags(page: PageDescription): MetaTag[] {
  const url = (path: string) => absoluteUrl(page.site, path);
  const tags: MetaTag[] = [
    { property: 'og:type', content: page.article ? 'article' : 'website' },
    { property: 'og:site_name', content: page.siteName },
    { property: 'og:locale', content: openGraphLocale(page.locale) },
    { property: 'og:title', content: page.title },
    { property: 'og:description', content: page.description },
  ];
  if (page.path) tags.push({ property: 'og:url', content: url(page.path) });
  const image = page.image ?? page.defaultImage;
  if (image) {
    tags.push({ property: 'og:image', content: url(image.src) }, { property: 'og:image:alt', content: image.alt });
    if (image.width && image.height) {
      tags.push({ property: 'og:image:width', content: String(image.width) }, { property: 'og:image:height', content: String(image.height) });
    }
  }
  if (page.article) {
    const { article } = page;
    tags.push(
      { property: 'article:published_time', content: article.publishedAt.toISOString() },
      { property: 'article:modified_time', content: article.modifiedAt.toISOString() },
      ...article.authorUrls.map((href) => ({ property: 'article:author', content: href })),
      ...(article.tags[0] ? [{ property: 'article:section', content: article.tags[0] }] : []),
      ...article.tags.map((tag) => ({ property: 'article:tag', content: tag })),
    );
  }
  tags.push(
    { name: 'twitter:card', content: page.image ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: page.title },
    { name: 'twitter:description', content: page.description },
  );
  if (image) tags.push({ name: 'twitter:image', content: url(image.src) }, { name: 'twitter:image:alt', content: shortened(image.alt, TWITTER_IMAGE_ALT_LIMIT) });
  return tags;
}

/**
 * Open Graph's language_TERRITORY: a tag without a territory (an article's `lang: ja`) takes its likeliest one
 * (ja_JP), as link previews expect one; so does one whose territory is a numbered region (es-419, Latin America),
 * which Open Graph's two letters cannot name.
 */
function openGraphLocale(tag: string): string {
  let locale = openGraphLocales.get(tag);
  if (locale === undefined) {
    const { language, region } = new Intl.Locale(tag).maximize();
    const territory = region && /^[A-Z]{2}$/.test(region) ? region : new Intl.Locale(language).maximize().region;
    openGraphLocales.set(tag, (locale = territory ? `${language}_${territory}` : language));
  }
  return locale;
}

/** Every page asks, and a site has few languages: each tag's locale is worked out once. */
const openGraphLocales = new Map<string, string>();

/** What the NewsArticle needs from an article. */
export type JsonLdArticle = ArticleSummary & { wordCount?: number };

export interface Publisher {
  name: string;
  /** Absolute path of the logo under public/, with its pixel size (search engines ask for at least 112 × 112). */
  logo: { src: string; width: number; height: number };
}

export interface NewsArticleInput {
  site: string;
  paths: SitePaths;
  /** The site's language: the article's own `lang`, when it has one, wins. */
  lang: string;
  publisher: Publisher;
  article: JsonLdArticle;
  /** Absolute paths or URLs, the article's own lead image first, then its social card; the publisher's logo stands in when there are none. */
  images?: readonly string[];
}

/** schema.org NewsArticle: https://developers.google.com/search/docs/appearance/structured-data/article */
export function newsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  const { article, paths, publisher } = input;
  const url = (path: string) => absoluteUrl(input.site, path);
  const canonical = url(paths.article(article.slug));
  const organization = {
    '@type': 'Organization',
    name: publisher.name,
    url: url(paths.home()),
    logo: { '@type': 'ImageObject', url: url(publisher.logo.src), width: publisher.logo.width, height: publisher.logo.height },
  };
  const authors = article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: url(paths.author(author.slug)) }));
  // Unsigned aggregated copy is the outlet's, as its page ("Originally reported by") and the feeds credit it.
  const outlet = article.data.source && {
    '@type': 'Organization',
    name: outletName(article, publisher.name),
    ...(article.sourcePage ? { url: url(paths.source(article.sourcePage.id)) } : {}),
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.data.title,
    description: article.data.description,
    url: canonical,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    datePublished: article.data.publishedAt.toISOString(),
    dateModified: lastModified(article.data).toISOString(),
    // Staff pieces without a byline are credited to the publication itself.
    author: authors.length > 0 ? authors : [outlet ?? organization],
    publisher: organization,
    image: (input.images?.length ? input.images : [publisher.logo.src]).map(url),
    inLanguage: article.data.lang ?? input.lang,
    isAccessibleForFree: true,
    ...(article.tags[0] ? { articleSection: article.tags[0].name } : {}),
    keywords: article.tags.map((tag) => tag.name),
    ...(article.wordCount ? { wordCount: article.wordCount } : {}),
    ...(article.data.source ? { isBasedOn: article.data.source.url } : {}),
  };
}

/**
 * schema.org ProfilePage for an author's page: https://developers.google.com/search/docs/appearance/structured-data/profile-page.
 * The Person has the URL the articles' NewsArticle authors link to, so search engines can tie the two together.
 */
export function authorProfileJsonLd(site: string, paths: SitePaths, author: { name: string; slug: string }): Record<string, unknown> {
  const url = absoluteUrl(site, paths.author(author.slug));
  return { '@context': 'https://schema.org', '@type': 'ProfilePage', url, mainEntity: { '@type': 'Person', name: author.name, url } };
}

/**
 * JSON for a <script type="application/ld+json"> element. JSON.stringify alone is not enough: a headline
 * containing "</script>" would end the element early, and U+2028/U+2029 break older JavaScript parsers. Escaping
 * <, >, & and those two characters as \u sequences keeps the JSON identical once parsed and the element unbreakable.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
