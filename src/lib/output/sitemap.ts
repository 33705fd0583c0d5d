/**
 * Options for @astrojs/sitemap: which built pages are listed, and each article page's <lastmod>: when the article
 * last changed, from the same front matter its page's article:modified_time comes from. Publish rules are never
 * re-implemented: the sitemap lists only the pages Astro built, and unpublished pieces have none. Excerpt items'
 * pages are left out: their canonical URL is on the outlet's site.
 */
import type { SitemapOptions } from '@astrojs/sitemap';
import { slugOfArticle, type ParseResult } from '../content/article.ts';
import { lastModified } from '../content/last-modified.ts';
import { articleSchema } from '../content/schema.ts';
import { createPaths } from '../site/paths.ts';

export interface SitemapSetup {
  /** The deploy path, "/" or "/desk/". */
  base: string;
  /** The article pages; asked once, when the sitemap is written. */
  articlePages(): ArticlePages;
}

/** Pages a search engine should not list: the search page (a shell without content) and status pages. */
export function isListedPage(url: string, base: string): boolean {
  const paths = createPaths(base);
  const { pathname } = new URL(url);
  if (!pathname.startsWith(paths.root) || !pathname.endsWith('/')) return false;
  const rest = pathname.slice(paths.root.length);
  return pathname !== paths.search() && !/^(?:404|500)\/$/.test(rest);
}

/** The article pages the sitemap describes, by decoded path ("/desk/articles/café/"). */
export interface ArticlePages {
  /** Each article's last change. */
  lastModified: Map<string, Date>;
  /** Excerpt items: their canonical URL is the original story's, and a sitemap lists only the site's own canonical pages. */
  excerpts: Set<string>;
}

/** The article pages, for `SitemapSetup`; files the schema rejects are left out (the build stops on them). */
export function articlePages(articles: Iterable<ParseResult>, base: string): ArticlePages {
  const paths = createPaths(base);
  const pages: ArticlePages = { lastModified: new Map(), excerpts: new Set() };
  for (const parsed of articles) {
    if (!parsed.ok) continue;
    const result = articleSchema.safeParse(parsed.article.data);
    if (!result.success) continue;
    const path = decodeURIComponent(paths.article(slugOfArticle(parsed.article.file, parsed.article.data)));
    pages.lastModified.set(path, lastModified(result.data));
    if (result.data.source?.excerpt) pages.excerpts.add(path);
  }
  return pages;
}

export function sitemapOptions(setup: SitemapSetup): NonNullable<SitemapOptions> {
  let pages: ArticlePages | undefined;
  return {
    filter: (url) => isListedPage(url, setup.base),
    // Only the plain namespace: the others would declare news, image and video extensions the site does not use.
    namespaces: { news: false, xhtml: false, image: false, video: false },
    serialize(item) {
      pages ??= setup.articlePages();
      const path = decodeURIComponent(new URL(item.url).pathname);
      if (pages.excerpts.has(path)) return undefined;
      const date = pages.lastModified.get(path);
      return date ? { ...item, lastmod: date.toISOString() } : item;
    },
  };
}
