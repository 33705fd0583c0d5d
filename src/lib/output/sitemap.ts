/**
 * Options for @astrojs/sitemap: which built pages are listed, and each page's <lastmod> read back from the
 * article:modified_time the page itself declares. The built page is the one source of that date, so the sitemap
 * can never disagree with the article, and publish rules are never re-implemented: unpublished pieces have no page.
 */
import type { SitemapOptions } from '@astrojs/sitemap';
import { createPaths } from '../site/paths.ts';

export interface SitemapSetup {
  /** The deploy path, "/" or "/desk/". */
  base: string;
  /** Reads a built file by its path under the output folder (e.g. "articles/x/index.html"); undefined when missing. */
  readPage(file: string): Promise<string | undefined>;
}

/** Pages a search engine should not list: the search page (a shell without content) and status pages. */
export function isListedPage(url: string, base: string): boolean {
  const paths = createPaths(base);
  const { pathname } = new URL(url);
  if (!pathname.startsWith(paths.root) || !pathname.endsWith('/')) return false;
  const rest = pathname.slice(paths.root.length);
  return pathname !== paths.search() && !/^(?:404|500)\/$/.test(rest);
}

/** The file a directory-format URL was built into, relative to the output folder. */
export function builtFileFor(url: string, base: string): string | undefined {
  const { root } = createPaths(base);
  const pathname = decodeURIComponent(new URL(url).pathname);
  return pathname.startsWith(root) && pathname.endsWith('/') ? `${pathname.slice(root.length)}index.html` : undefined;
}

const MODIFIED_TIME = /<meta\s[^>]*?property=["']?article:modified_time["']?[^>]*>/i;
const CONTENT = /\scontent=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** The page's article:modified_time as an ISO instant, or undefined when it has none (listings, tag pages). */
export function modifiedTimeOf(html: string): string | undefined {
  const end = html.search(/<\/head>/i);
  const head = end === -1 ? html : html.slice(0, end);
  const tag = MODIFIED_TIME.exec(head)?.[0];
  const match = tag ? CONTENT.exec(tag) : null;
  const value = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const CANONICAL = /<link\s[^>]*?rel=["']?canonical["']?[^>]*>/i;
const HREF = /\shref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/**
 * True when the page names a canonical URL on another site (an excerpt item credits the original story): a sitemap
 * lists only the site's own canonical pages.
 */
export function isCanonicalElsewhere(html: string, url: string): boolean {
  const end = html.search(/<\/head>/i);
  const tag = CANONICAL.exec(end === -1 ? html : html.slice(0, end))?.[0];
  const match = tag ? HREF.exec(tag) : null;
  const href = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
  if (!href) return false;
  try {
    return new URL(href.replace(/&amp;/g, '&')).origin !== new URL(url).origin;
  } catch {
    return false;
  }
}

export function sitemapOptions(setup: SitemapSetup): NonNullable<SitemapOptions> {
  return {
    filter: (url) => isListedPage(url, setup.base),
    // Only the plain namespace: the others would declare news, image and video extensions the site does not use.
    namespaces: { news: false, xhtml: false, image: false, video: false },
    async serialize(item) {
      const file = builtFileFor(item.url, setup.base);
      const html = file === undefined ? undefined : await setup.readPage(file);
      if (html !== undefined && isCanonicalElsewhere(html, item.url)) return undefined;
      const lastmod = html === undefined ? undefined : modifiedTimeOf(html);
      return lastmod ? { ...item, lastmod } : item;
    },
  };
}
