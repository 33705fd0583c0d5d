/**
 * The archive listing on disk (src/lib/content/article-listing.ts): written by the content check as it reads each
 * file, read line by line by the steps after it. Without a listing, a step lists the content folder itself.
 */
import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { listedArticle, listingLine, parseListingLine, type ListedArticle } from '../lib/content/article-listing.ts';
import { articleSchema } from '../lib/content/schema.ts';
import { loadArticles } from './article-files.ts';
import { displayPath } from './display-path.ts';

const CHUNK = 1 << 20;

export const listingTemporary = (path: string) => `${path}.tmp`;

export interface ListingWriter {
  add(article: ListedArticle): void;
  /** Puts the whole listing in place; until then the path holds the previous listing or nothing. */
  commit(): void;
  discard(): void;
}

/** Written as `<path>.tmp`, then renamed: whoever clears a stopped run's leftovers knows the name. */
export function writeListing(path: string): ListingWriter {
  const temporary = listingTemporary(path);
  const fd = openSync(temporary, 'w');
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = () => {
    if (pendingLength > 0) writeSync(fd, pending.join(''));
    pending = [];
    pendingLength = 0;
  };
  return {
    add(article) {
      const line = listingLine(article);
      pending.push(line);
      pendingLength += line.length;
      if (pendingLength >= CHUNK) flush();
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

/** The listing's articles, one line at a time: the file is never whole in memory. */
export function* readListing(path: string): Generator<ListedArticle> {
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

/** Every valid article of a content folder, read from the files themselves; a file the check rejects is left out. */
export function* listArticles(contentDir: string): Generator<ListedArticle> {
  for (const { absolutePath, result } of loadArticles(contentDir, displayPath)) {
    if (!result.ok) continue;
    const schema = articleSchema.safeParse(result.article.data);
    if (schema.success) yield listedArticle(result.article, absolutePath, schema.data);
  }
}

/** The listing the build's check wrote, else the content folder read afresh (a step run on its own). */
export function articlesOf(listing: string | undefined, contentDir: string): Iterable<ListedArticle> {
  return listing ? readListing(listing) : listArticles(contentDir);
}
