/** Listings (front page, tag pages) with each story shown once: one teaser, and a line for the rest of its coverage. */
import { outletOf, type ArticleSource } from './outlet.ts';
import type { SiteStory } from './site-stories.ts';
import type { ArticleDate } from '../content/written-dates.ts';

export interface ListingEntry<Article> {
  article: Article;
  /**
   * Set when the article stands for a story: the story, its other articles, earliest first, and when its newest was
   * published (the story stands where that article would, which may be days after the teaser's own date).
   */
  story?: { slug: string; others: Article[]; updatedAt: ArticleDate };
}

/** `sourcePage`: the registry source it is listed under (src/lib/site/sources.ts), whose name the site credits. */
type Listed = { slug: string; data: { source?: ArticleSource }; sourcePage?: { name: string } };

/**
 * `articles` in their listing order, each story collapsed where its first article appears. The teaser is the
 * story's lead when the listing has it (a tag page may not), else the story's first article in the listing.
 */
export function groupByStory<Article extends Listed>(articles: readonly Article[], storyOf: ReadonlyMap<string, SiteStory<Article>>): ListingEntry<Article>[] {
  const listed = new Set(articles.map((article) => article.slug));
  const shown = new Set<string>();
  const entries: ListingEntry<Article>[] = [];
  for (const article of articles) {
    const story = storyOf.get(article.slug);
    if (!story) {
      entries.push({ article });
      continue;
    }
    if (shown.has(story.slug)) continue;
    shown.add(story.slug);
    const teaser = listed.has(story.lead.slug) ? story.lead : article;
    entries.push({ article: teaser, story: { slug: story.slug, others: story.articles.filter((other) => other !== teaser), updatedAt: story.updatedAt } });
  }
  return entries;
}

/** A facet's listing entries with every article on its own (author and source pages). */
export function ungroupedEntries<Article>(bySlug: ReadonlyMap<string, Article>): (articleSlugs: readonly string[]) => ListingEntry<Article>[] {
  return (articleSlugs) => articleSlugs.map((slug) => ({ article: bySlug.get(slug)! }));
}

/** A facet's listing entries with each story once (tag pages). */
export function storyEntries<Article extends Listed>(
  bySlug: ReadonlyMap<string, Article>,
  storyOf: ReadonlyMap<string, SiteStory<Article>>,
): (articleSlugs: readonly string[]) => ListingEntry<Article>[] {
  return (articleSlugs) => groupByStory(articleSlugs.map((slug) => bySlug.get(slug)!), storyOf);
}

/** Who else covered it, each outlet once in order: `ownName` stands for the site's own reporting. */
export function outletNames(articles: readonly Listed[], ownName: string): string[] {
  const names = new Map<string, string>();
  for (const article of articles) {
    const { key } = outletOf(article.data.source);
    if (!names.has(key)) names.set(key, outletName(article, ownName));
  }
  return [...names.values()];
}

/**
 * The outlet an article is credited to, as its page credits it: the registry's name for a source it is listed under
 * (so renaming an outlet there renames it everywhere), else the name its front matter gives, else `ownName` for the
 * site's own reporting.
 */
export function outletName(article: Listed, ownName: string): string {
  return article.sourcePage?.name ?? outletOf(article.data.source).name ?? ownName;
}

/** "and 2 more from Meridian Wire and Newsdesk". */
export function moreCoverageLine(others: readonly Listed[], ownName: string): string {
  return `and ${others.length} more from ${listOfOutlets(outletNames(others, ownName))}`;
}

/** The most outlets a listing names for one story; a story many report would otherwise fill it with one long line. */
const NAMED_OUTLETS = 4;

/**
 * A story's outlets as a listing names them: all of up to four, else the first three and how many others ("The
 * Register, The Verge, TechCrunch and 8 other outlets"); the story's page names them all.
 */
export function listOfOutlets(names: readonly string[]): string {
  return listOfNames(names.length > NAMED_OUTLETS ? [...names.slice(0, NAMED_OUTLETS - 1), `${names.length - NAMED_OUTLETS + 1} other outlets`] : names);
}

/**
 * "A", "A and B", "A, B and C"; when a name holds a comma, semicolons part the names, as style guides ask, so that
 * "Smith, Jones & Co; Breach Bulletin; and Newsdesk" reads as three names, not four.
 */
export function listOfNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > 2 && names.some((name) => name.includes(','))) return `${names.slice(0, -1).join('; ')}; and ${names.at(-1)}`;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
