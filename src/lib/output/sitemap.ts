/**
 * Options for @astrojs/sitemap: which built pages are listed, and each article page's <lastmod>: when the article
 * last changed, from the same front matter its page's article:modified_time comes from. Publish rules are never
 * re-implemented: the sitemap lists only the pages Astro built, and unpublished pieces have none.
 */
import type { SitemapOptions } from '@astrojs/sitemap';
import { slugOfArticle, type ParseResult } from '../content/article.ts';
import { lastModified } from '../content/last-modified.ts';
import { articleSchema } from '../content/schema.ts';
import { createPaths } from '../site/paths.ts';

export interface SitemapSetup {
  /** The deploy path, "/" or "/desk/". */
  base: string;
  /** Each article's last change by its page's decoded path ("/desk/articles/café/"); asked once, when the sitemap is written. */
  lastModifiedByPath(): ReadonlyMap<string, Date>;
}

/** Pages a search engine should not list: the search page (a shell without content) and status pages. */
export function isListedPage(url: string, base: string): boolean {
  const paths = createPaths(base);
  const { pathname } = new URL(url);
  if (!pathname.startsWith(paths.root) || !pathname.endsWith('/')) return false;
  const rest = pathname.slice(paths.root.length);
  return pathname !== paths.search() && !/^(?:404|500)\/$/.test(rest);
}

/** The articles' last changes by page path, for `SitemapSetup`; files the schema rejects are left out (the build stops on them). */
export function lastModifiedByPath(articles: Iterable<ParseResult>, base: string): Map<string, Date> {
  const paths = createPaths(base);
  const dates = new Map<string, Date>();
  for (const parsed of articles) {
    if (!parsed.ok) continue;
    const result = articleSchema.safeParse(parsed.article.data);
    if (result.success) dates.set(decodeURIComponent(paths.article(slugOfArticle(parsed.article.file, parsed.article.data))), lastModified(result.data));
  }
  return dates;
}

export function sitemapOptions(setup: SitemapSetup): NonNullable<SitemapOptions> {
  let dates: ReadonlyMap<string, Date> | undefined;
  return {
    filter: (url) => isListedPage(url, setup.base),
    // Only the plain namespace: the others would declare news, image and video extensions the site does not use.
    namespaces: { news: false, xhtml: false, image: false, video: false },
    serialize(item) {
      dates ??= setup.lastModifiedByPath();
      const date = dates.get(decodeURIComponent(new URL(item.url).pathname));
      return date ? { ...item, lastmod: date.toISOString() } : item;
    },
  };
}
