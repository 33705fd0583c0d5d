/**
 * The archive listing on disk (src/lib/content/article-listing.ts): written by the content check as it reads each
 * file, with the published bodies' indexed parts beside it, read line by line by the steps after it. Without a
 * listing, a step lists the content folder itself.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { collectListing, createListing, listingLine, parseListingLine, STORY_LINE_OPENING, type ListedBody, type Listing, type ListingEntry } from '../lib/content/article-listing.ts';
import type { Story } from '../lib/stories/find-stories.ts';
import type { ParsedArticle } from '../lib/content/article.ts';
import { articleSchema, type ArticleData } from '../lib/content/schema.ts';
import { loadArticles } from './article-files.ts';
import { displayPath } from './display-path.ts';
import { listingBodies, listingTemporary } from './listing-files.ts';

const CHUNK = 1 << 20;

export interface ListingWriter {
  /** An article the check accepted (`data` is the schema's output); written at once when it is published. */
  add(article: ParsedArticle, absolutePath: string, data: ArticleData): void;
  /** Adds the stories and puts the whole listing in place; until then the path holds the previous one or nothing. */
  commit(): void;
  discard(): void;
}

/** A UTF-16 code unit is at most 3 bytes of UTF-8. */
const MOST_UTF8_BYTES_PER_UNIT = 3;

/**
 * JSON lines written in chunks to `<path>.tmp`, then renamed: whoever clears a stopped run's leftovers knows the name.
 * Each line is encoded straight into one reused buffer: joining a chunk's strings first costs several times more.
 */
function jsonLinesWriter(path: string) {
  const temporary = listingTemporary(path);
  const fd = openSync(temporary, 'w');
  const buffer = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  const flush = () => {
    if (used > 0) writeSync(fd, buffer, 0, used);
    used = 0;
  };
  return {
    write(line: string) {
      const mostBytes = line.length * MOST_UTF8_BYTES_PER_UNIT;
      if (used + mostBytes > CHUNK) flush();
      if (mostBytes > CHUNK) writeSync(fd, line);
      else used += buffer.write(line, used);
    },
    commit() {
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

/** The listing and its bodies; the bodies are in place before the listing, which is what a reader waits for. */
export function writeListing(path: string, now: Date, storyWindowHours: number): ListingWriter {
  // `--write-listing` may name a folder the check is the first to write in.
  mkdirSync(dirname(path), { recursive: true });
  const listing = createListing(now, storyWindowHours);
  const entries = jsonLinesWriter(path);
  const bodies = jsonLinesWriter(listingBodies(path));
  return {
    add(article, absolutePath, data) {
      const added = listing.add(article, absolutePath, data);
      if (!added) return;
      entries.write(listingLine({ article: added.listed }));
      bodies.write(`${JSON.stringify(added.body)}\n`);
    },
    commit() {
      for (const story of listing.stories()) entries.write(listingLine({ story }));
      bodies.commit();
      entries.commit();
    },
    discard() {
      bodies.discard();
      entries.discard();
    },
  };
}

/** The newline byte, which in UTF-8 is never part of another character, so lines are cut from the bytes before decoding. */
const NEWLINE = 0x0a;

/**
 * A file's lines, one at a time: the file is never whole in memory. Given `wanted`, only the lines opening with
 * those bytes are decoded and given.
 */
function* readLines(path: string, wanted?: Buffer): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(CHUNK);
    // Bytes of the buffer still to be cut into lines: a line begun in the last read is moved to the front.
    let kept = 0;
    for (let read = readSync(fd, buffer, kept, buffer.length - kept, null); read > 0; read = readSync(fd, buffer, kept, buffer.length - kept, null)) {
      const end = kept + read;
      const filled = buffer.subarray(0, end);
      let start = 0;
      for (let newline = filled.indexOf(NEWLINE); newline !== -1; newline = filled.indexOf(NEWLINE, start)) {
        if (newline > start && (!wanted || opensWith(filled, start, newline, wanted))) yield filled.toString('utf8', start, newline);
        start = newline + 1;
      }
      kept = end - start;
      // A line longer than the buffer grows it.
      const next = kept === buffer.length ? Buffer.allocUnsafe(buffer.length * 2) : buffer;
      buffer.copy(next, 0, start, end);
      buffer = next;
    }
    if (kept > 0 && (!wanted || opensWith(buffer, 0, kept, wanted))) yield buffer.toString('utf8', 0, kept);
  } finally {
    closeSync(fd);
  }
}

function opensWith(buffer: Buffer, start: number, end: number, prefix: Buffer): boolean {
  return end - start >= prefix.length && buffer.compare(prefix, 0, prefix.length, start, start + prefix.length) === 0;
}

/** The listing's entries, one line at a time. */
export function* readListing(path: string): Generator<ListingEntry> {
  for (const line of readLines(path)) yield parseListingLine(line);
}

/** How a story's line opens (`listingLine`). */
const STORY_LINE = Buffer.from(STORY_LINE_OPENING);

/** How often Astro looks for the check's listing. */
const LISTING_POLL_MS = 50;

/**
 * The stories of the listing the check is writing, and what the site index reads of each published body, once the
 * listing is in place: Astro starts beside the check and may reach its site index first. A check that fails never
 * puts the listing in place; the build then stops Astro.
 */
export async function waitForListing(path: string): Promise<{ stories: Story[]; bodies: Map<string, ListedBody> }> {
  while (!existsSync(path)) await sleep(LISTING_POLL_MS);
  const bodies = new Map<string, ListedBody>();
  for (const line of readLines(listingBodies(path))) {
    const body = JSON.parse(line) as ListedBody;
    bodies.set(body.slug, body);
  }
  const stories: Story[] = [];
  // Only the stories, which follow the articles: an article's line is not parsed at all.
  for (const line of readLines(path, STORY_LINE)) stories.push((parseListingLine(line) as { story: Story }).story);
  return { stories, bodies };
}

/** The listing of a content folder, read from the files themselves; a file the check rejects is left out. */
export function* listArticles(contentDir: string, now: Date, storyWindowHours: number): Generator<ListingEntry> {
  const listing = createListing(now, storyWindowHours);
  for (const { absolutePath, result } of loadArticles(contentDir, displayPath)) {
    if (!result.ok) continue;
    const schema = articleSchema.safeParse(result.article.data);
    const added = schema.success ? listing.add(result.article, absolutePath, schema.data) : undefined;
    if (added) yield { article: added.listed };
  }
  for (const story of listing.stories()) yield { story };
}

/** The listing the build's check wrote, else the content folder read afresh (a step run on its own). */
export function listingOf(path: string | undefined, contentDir: string, now: Date, storyWindowHours: number): Listing {
  return collectListing(path ? readListing(path) : listArticles(contentDir, now, storyWindowHours));
}
