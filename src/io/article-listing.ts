/**
 * The archive listing on disk (src/lib/content/article-listing.ts): written by the content check as it reads each
 * file, read line by line by the steps after it. Without a listing, a step lists the content folder itself.
 */
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { StringDecoder } from 'node:string_decoder';
import { bodyFactsEntries, collectBodyFacts, collectListing, createListing, listingLine, parseListingLine, type Listing, type ListingEntry } from '../lib/content/article-listing.ts';
import type { BodyFacts } from '../lib/site/site-index.ts';
import type { ParsedArticle } from '../lib/content/article.ts';
import { articleSchema, type ArticleData } from '../lib/content/schema.ts';
import { loadArticles } from './article-files.ts';
import { displayPath } from './display-path.ts';

const CHUNK = 1 << 20;

export const listingTemporary = (path: string) => `${path}.tmp`;

export interface ListingWriter {
  /** An article the check accepted (`data` is the schema's output); written at once when it is published. */
  add(article: ParsedArticle, absolutePath: string, data: ArticleData): void;
  /** Adds the stories and body facts and puts the whole listing in place; until then the path holds the previous one or nothing. */
  commit(): void;
  discard(): void;
}

/** Written as `<path>.tmp`, then renamed: whoever clears a stopped run's leftovers knows the name. */
export function writeListing(path: string, now: Date, options: { storyWindowHours: number; relatedLimit: number }): ListingWriter {
  const { storyWindowHours, relatedLimit } = options;
  const listing = createListing(now, storyWindowHours);
  const temporary = listingTemporary(path);
  const fd = openSync(temporary, 'w');
  let pending: string[] = [];
  let pendingLength = 0;
  const write = (entry: ListingEntry) => {
    const line = listingLine(entry);
    pending.push(line);
    pendingLength += line.length;
    if (pendingLength >= CHUNK) flush();
  };
  const flush = () => {
    if (pendingLength > 0) writeSync(fd, pending.join(''));
    pending = [];
    pendingLength = 0;
  };
  return {
    add(article, absolutePath, data) {
      const listed = listing.add(article, absolutePath, data);
      if (listed) write({ article: listed });
    },
    commit() {
      for (const entry of bodyFactsEntries(listing.bodyFacts(relatedLimit))) write(entry);
      flush();
      fsyncSync(fd);
      closeSync(fd);
      renameSync(temporary, path);
    },
    discard() {
      closeSync(fd);
      rmSync(temporary, { force: true });
    },
  };
}

/** The listing's entries, one line at a time: the file is never whole in memory. */
export function* readListing(path: string): Generator<ListingEntry> {
  const fd = openSync(path, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(CHUNK);
    let rest = '';
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      const lines = (rest + decoder.write(buffer.subarray(0, read))).split('\n');
      rest = lines.pop()!;
      for (const line of lines) if (line) yield parseListingLine(line);
    }
    rest += decoder.end();
    if (rest) yield parseListingLine(rest);
  } finally {
    closeSync(fd);
  }
}

/** The listing of a content folder, read from the files themselves; a file the check rejects is left out. */
export function* listArticles(contentDir: string, now: Date, storyWindowHours: number): Generator<ListingEntry> {
  const listing = createListing(now, storyWindowHours);
  for (const { absolutePath, result } of loadArticles(contentDir, displayPath)) {
    if (!result.ok) continue;
    const schema = articleSchema.safeParse(result.article.data);
    const article = schema.success ? listing.add(result.article, absolutePath, schema.data) : undefined;
    if (article) yield { article };
  }
  for (const story of listing.stories()) yield { story };
}

/** The listing the build's check wrote, else the content folder read afresh (a step run on its own). */
export function listingOf(path: string | undefined, contentDir: string, now: Date, storyWindowHours: number): Listing {
  return collectListing(path ? readListing(path) : listArticles(contentDir, now, storyWindowHours));
}

/** How often a step that needs the check's listing looks for it. */
const LISTING_POLL_MS = 50;

/**
 * The body facts of the listing the check is writing, once it is in place: Astro starts beside the check and may
 * reach its site index first. A check that fails never puts the listing in place; the build then stops Astro.
 */
export async function waitForBodyFacts(path: string): Promise<BodyFacts> {
  while (!existsSync(path)) await sleep(LISTING_POLL_MS);
  return collectBodyFacts(readListing(path));
}
