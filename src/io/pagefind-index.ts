/** Pagefind, fed HTML documents one by one, writing an index to a folder. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export interface IndexedDocument {
  url: string;
  content: string;
}

/** Pagefind said what went wrong: `what` it was doing and its own messages. */
export class SearchIndexError extends Error {
  readonly what: string;
  readonly errors: string[];

  constructor(what: string, errors: string[]) {
    super(`${what}: ${errors.join('; ')}`);
    this.what = what;
    this.errors = errors;
  }
}

/** The installed Pagefind's version: an index it wrote is only reused by the same version. */
export const pagefindVersion: string = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind'))), 'utf8')).version;

/**
 * The files in a Pagefind folder that hold its pages (entry, metadata, word index, fragments, filters); the rest
 * (scripts, styles, WebAssembly) depends only on Pagefind's version and the languages indexed.
 */
export function isIndexData(name: string): boolean {
  return name === 'pagefind-entry.json' || name.endsWith('.pf_meta') || name === 'index' || name === 'fragment' || name === 'filter';
}

/**
 * Feeds a fresh Pagefind the documents and writes its index into `outputPath`; returns how many documents it holds.
 * Pagefind runs as a separate process, stopped once the index is written, which gives all its memory back.
 */
export async function writeSearchIndex(documents: AsyncIterable<IndexedDocument> | Iterable<IndexedDocument>, outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new SearchIndexError('starting Pagefind', errors);
  try {
    // A few pages in flight at a time: Pagefind parses one while the next renders, and memory stays flat.
    const inFlight = new Set<Promise<void>>();
    const addErrors: string[] = [];
    let count = 0;
    for await (const document of documents) {
      count++;
      const adding = index.addHTMLFile(document).then(({ errors }) => {
        addErrors.push(...errors);
        inFlight.delete(adding);
      });
      inFlight.add(adding);
      if (inFlight.size >= 16) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (addErrors.length > 0) throw new SearchIndexError('reading articles', addErrors);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new SearchIndexError('writing the index', written.errors);
    return count;
  } finally {
    await pagefind.close();
  }
}
