/**
 * The archive listing: what the build's steps after the content check (social cards, search index, Astro's site
 * index) need of the archive, so that it is read, parsed and grouped into stories once, by the check, rather than
 * again by each step. One JSON line per published article, then one per story: a step keeps what it needs, never
 * the files' text. Beside it, the part of each published body that Astro's site index reads (`ListedBody`).
 */
import { findStories, type Story, type StoryArticle } from '../stories/find-stories.ts';
import { storyBodyPart } from '../stories/features.ts';
import { indexedBody } from '../site/site-index.ts';
import { slugOfArticle, type ParsedArticle } from './article.ts';
import { isPublished } from './publish.ts';
import type { ArticleData } from './schema.ts';

export interface ListedArticle {
  /** Where the file is, for a step that reads it again (the search index renders its body). */
  absolutePath: string;
  /** The path messages show. */
  file: string;
  slug: string;
  data: Pick<ArticleData, 'title' | 'description' | 'publishedAt' | 'dayAlone' | 'authors' | 'tags' | 'source' | 'lang'>;
  /** The body's words, as the site index counts them: the search index's parts are bounded by them. */
  wordCount: number;
}

export type ListingEntry = { article: ListedArticle } | { story: Story };

/** What Astro's site index reads of a published body (`indexedBody`), by the article's slug. */
export interface ListedBody {
  slug: string;
  body: string;
  wordCount: number;
}

export interface Listing {
  articles: ListedArticle[];
  stories: Story[];
}

/**
 * The listing of the articles a check reads, in its order: `add` gives a published article's entry and the part of
 * its body the site index reads at once (to be written while the rest are read), keeping only what story grouping
 * reads; `stories` groups them at the end.
 */
export function createListing(now: Date, storyWindowHours: number) {
  const storyArticles: StoryArticle[] = [];
  return {
    /** `data` is the schema's output for the file; undefined for a draft or a scheduled piece. */
    add(article: ParsedArticle, absolutePath: string, data: ArticleData): { listed: ListedArticle; body: ListedBody } | undefined {
      if (!isPublished(data, now)) return undefined;
      const { title, description, publishedAt, dayAlone, authors, tags, source, story, lang } = data;
      const slug = slugOfArticle(article.file, article.data);
      // Trimmed, as Astro's site index cuts a body from its file (articleBody), so both read the same words.
      const body = article.body.trim();
      storyArticles.push({ slug, title, description, publishedAt, source, story, body: storyBodyPart(body) });
      const indexed = indexedBody(body);
      return {
        listed: { absolutePath, file: article.file, slug, data: { title, description, publishedAt, ...(dayAlone ? { dayAlone } : {}), authors, tags, ...(source ? { source } : {}), ...(lang ? { lang } : {}) }, wordCount: indexed.wordCount },
        body: { slug, ...indexed },
      };
    },
    stories(): Story[] {
      return findStories(storyArticles, { windowHours: storyWindowHours });
    },
  };
}

/** How a story's line opens, so that a reader after the stories alone can pass over the articles' lines unparsed. */
export const STORY_LINE_OPENING = '{"story":';

export function listingLine(entry: ListingEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

export function parseListingLine(line: string): ListingEntry {
  const entry = JSON.parse(line) as ListingEntry;
  if ('article' in entry) entry.article.data.publishedAt = new Date(entry.article.data.publishedAt as unknown as string);
  return entry;
}

/** The entries gathered: articles in listing order, stories as found. */
export function collectListing(entries: Iterable<ListingEntry>): Listing {
  const listing: Listing = { articles: [], stories: [] };
  for (const entry of entries) {
    if ('article' in entry) listing.articles.push(entry.article);
    else listing.stories.push(entry.story);
  }
  return listing;
}
