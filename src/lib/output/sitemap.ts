/**
 * Options for @astrojs/sitemap: which built pages are listed, and each article page's <lastmod>: when the article
 * last changed, from the same front matter its page's article:modified_time comes from; a story page's is its
 * articles' latest, the stories grouped by findStories as the site index groups them. Publish rules are never
 * re-implemented: the sitemap lists only the pages Astro built, and unpublished pieces have none. Excerpt items'
 * pages are left out (their canonical URL is on the outlet's site), and so are the pages at former slugs.
 */
import type { SitemapOptions } from '@astrojs/sitemap';
import { slugOfArticle, type ParseResult } from '../content/article.ts';
import { lastModified } from '../content/last-modified.ts';
import { isPublished } from '../content/publish.ts';
import { articleSchema } from '../content/schema.ts';
import { createPaths } from '../site/paths.ts';
import { storyBodyPart } from '../stories/features.ts';
import { findStories, type StoryArticle } from '../stories/find-stories.ts';

export interface SitemapSetup {
  /** The deploy path, "/" or "/desk/". */
  base: string;
  /** The article pages; asked once, when the sitemap is written. */
  articlePages(): ArticlePages;
}

/** Pages a search engine should not list: the search page (a shell without content) and status pages. */
export function isListedPage(url: string, base: string): boolean {
  const paths = createPaths(base);
  // Both decoded: a base path outside ASCII reaches here percent-encoded (/d%C3%A9sk/), and may be written so too.
  const pathname = decodeURIComponent(new URL(url).pathname);
  const root = decodeURIComponent(paths.root);
  if (!pathname.startsWith(root) || !pathname.endsWith('/')) return false;
  const rest = pathname.slice(root.length);
  return pathname !== decodeURIComponent(paths.search()) && !/^(?:404|500)\/$/.test(rest);
}

/** The article and story pages the sitemap describes, by decoded path ("/desk/articles/café/"). */
export interface ArticlePages {
  /** Each article's last change, and each story's (its articles' latest) when stories were asked for. */
  lastModified: Map<string, Date>;
  /**
   * Pages whose canonical URL is elsewhere, which a sitemap (listing only the site's own canonical pages) leaves out:
   * excerpt items (the original story's) and the pages at articles' former slugs (the article's own).
   */
  canonicalElsewhere: Set<string>;
}

/** An article's pages whose canonical URL is elsewhere: its own when it is an excerpt, and those at its former slugs. */
function canonicalElsewhere(paths: ReturnType<typeof createPaths>, slug: string, data: { source?: { excerpt?: boolean }; formerSlugs: readonly string[] }): string[] {
  return [...(data.source?.excerpt ? [slug] : []), ...data.formerSlugs].map((page) => decodeURIComponent(paths.article(page)));
}

/** Which articles are published (the build's clock) and how far apart a story's articles may be (siteConfig.storyWindowHours). */
export interface StoryPagesOptions {
  now: Date;
  windowHours: number;
}

/**
 * The article pages, for `SitemapSetup`; files the schema rejects are left out (the build stops on them). With
 * `stories`, the story pages too: grouping reads only each body's lead, so that is all that is kept of a file.
 */
export function articlePages(articles: Iterable<ParseResult>, base: string, stories?: StoryPagesOptions): ArticlePages {
  const paths = createPaths(base);
  const pages: ArticlePages = { lastModified: new Map(), canonicalElsewhere: new Set() };
  const published: StoryArticle[] = [];
  const changedAt = new Map<string, Date>();
  for (const parsed of articles) {
    if (!parsed.ok) continue;
    const result = articleSchema.safeParse(parsed.article.data);
    if (!result.success) continue;
    const slug = slugOfArticle(parsed.article.file, parsed.article.data);
    const path = decodeURIComponent(paths.article(slug));
    const changed = lastModified(result.data);
    pages.lastModified.set(path, changed);
    for (const elsewhere of canonicalElsewhere(paths, slug, result.data)) pages.canonicalElsewhere.add(elsewhere);
    if (stories && isPublished(result.data, stories.now)) {
      published.push({ ...result.data, slug, body: storyBodyPart(parsed.article.body) });
      changedAt.set(slug, changed);
    }
  }
  if (stories) {
    for (const story of findStories(published, { windowHours: stories.windowHours })) {
      const latest = Math.max(...story.articles.map((slug) => changedAt.get(slug)!.getTime()));
      pages.lastModified.set(decodeURIComponent(paths.story(story.slug)), new Date(latest));
    }
  }
  return pages;
}

/** What the site index knows of a published article and of a story, enough for the sitemap. */
interface IndexedPage {
  slug: string;
  data: { publishedAt: Date; updatedAt?: Date; source?: { excerpt?: boolean }; formerSlugs: readonly string[] };
}

/**
 * The same pages as `articlePages` gives with stories, from the site index the build already made (published
 * articles and their stories only: the sitemap lists no other page), so no file is read again.
 */
export function articlePagesOfIndex(index: { articles: readonly IndexedPage[]; stories: ReadonlyArray<{ slug: string; articles: readonly IndexedPage[] }> }, base: string): ArticlePages {
  const paths = createPaths(base);
  const pages: ArticlePages = { lastModified: new Map(), canonicalElsewhere: new Set() };
  for (const article of index.articles) {
    const path = decodeURIComponent(paths.article(article.slug));
    pages.lastModified.set(path, lastModified(article.data));
    for (const elsewhere of canonicalElsewhere(paths, article.slug, article.data)) pages.canonicalElsewhere.add(elsewhere);
  }
  for (const story of index.stories) {
    const latest = Math.max(...story.articles.map((article) => lastModified(article.data).getTime()));
    pages.lastModified.set(decodeURIComponent(paths.story(story.slug)), new Date(latest));
  }
  return pages;
}

/**
 * The site index lives in Astro's prerender bundle, the sitemap integration in astro.config.mjs: two copies of
 * this module in one process. The index offers its pages under a registered symbol, which both copies share, and
 * the sitemap, written after every page, takes them instead of reading every file again.
 */
const OFFERED_PAGES = Symbol.for('newsdesk.sitemap.article-pages');
type Offer = { [OFFERED_PAGES]?: () => ArticlePages };

export function offerArticlePages(pages: () => ArticlePages): void {
  (globalThis as Offer)[OFFERED_PAGES] = pages;
}

export function offeredArticlePages(): (() => ArticlePages) | undefined {
  return (globalThis as Offer)[OFFERED_PAGES];
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
      if (pages.canonicalElsewhere.has(path)) return undefined;
      const date = pages.lastModified.get(path);
      return date ? { ...item, lastmod: date.toISOString() } : item;
    },
  };
}
