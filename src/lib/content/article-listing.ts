/**
 * The archive listing: what the build's steps after the content check (social cards, search index, Astro's site
 * index) need of the archive, so that it is read, parsed, grouped into stories and ranked once, by the check, rather
 * than again by each step. One JSON line per published article, then one per story, then each published article's
 * body facts (word count, related list): a step keeps what it needs, never the files' text.
 */
import { findStories, type Story } from '../stories/find-stories.ts';
import { bodyFacts, indexedBody, type BodyFacts, type BodyFactsSource } from '../site/site-index.ts';
import { slugOfArticle, type ParsedArticle } from './article.ts';
import { isPublished } from './publish.ts';
import type { ArticleData } from './schema.ts';

export interface ListedArticle {
  /** Where the file is, for a step that reads it again (the search index renders its body). */
  absolutePath: string;
  /** The path messages show. */
  file: string;
  slug: string;
  data: Pick<ArticleData, 'title' | 'description' | 'publishedAt' | 'authors' | 'tags' | 'source'>;
}

export interface ArticleFacts {
  slug: string;
  wordCount: number;
  related: string[];
}

export type ListingEntry = { article: ListedArticle } | { story: Story } | { facts: ArticleFacts };

export interface Listing {
  articles: ListedArticle[];
  stories: Story[];
}

/**
 * The listing of the articles a check reads, in its order: `add` gives a published article's entry at once (to be
 * written while the rest are read), keeping only what the body facts read; `stories` and `bodyFacts` at the end.
 */
export function createListing(now: Date, storyWindowHours: number) {
  const kept: BodyFactsSource[] = [];
  return {
    /** `data` is the schema's output for the file; undefined for a draft or a scheduled piece. */
    add(article: ParsedArticle, absolutePath: string, data: ArticleData): ListedArticle | undefined {
      if (!isPublished(data, now)) return undefined;
      const { title, description, publishedAt, authors, tags, related, source, story } = data;
      const slug = slugOfArticle(article.file, article.data);
      // Trimmed, as Astro's site index cuts a body from its file (articleBody), so both read the same words.
      kept.push({ slug, data: { title, description, publishedAt, tags, related, source, story }, ...indexedBody(article.body.trim()) });
      return { absolutePath, file: article.file, slug, data: { title, description, publishedAt, authors, tags, ...(source ? { source } : {}) } };
    },
    /** The stories alone, for a step that needs no more. */
    stories(): Story[] {
      return findStories(kept.map((article) => ({ ...article.data, slug: article.slug, body: article.body })), { windowHours: storyWindowHours });
    },
    /** The stories with every article's word count and related list: what Astro's site index reads of bodies. */
    bodyFacts(relatedLimit: number): BodyFacts {
      return bodyFacts(kept, { relatedLimit, storyWindowHours });
    },
  };
}

/** The listing's lines for the body facts, after its articles: the stories, then each article's facts. */
export function* bodyFactsEntries(facts: BodyFacts): Generator<ListingEntry> {
  for (const story of facts.stories) yield { story };
  for (const [slug, { wordCount, related }] of facts.articles) yield { facts: { slug, wordCount, related } };
}

/** The body facts of a listing's entries (Astro's site index takes them instead of reading every body again). */
export function collectBodyFacts(entries: Iterable<ListingEntry>): BodyFacts {
  const facts: BodyFacts = { articles: new Map(), stories: [] };
  for (const entry of entries) {
    if ('story' in entry) facts.stories.push(entry.story);
    else if ('facts' in entry) facts.articles.set(entry.facts.slug, { wordCount: entry.facts.wordCount, related: entry.facts.related });
  }
  return facts;
}

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
    else if ('story' in entry) listing.stories.push(entry.story);
  }
  return listing;
}
