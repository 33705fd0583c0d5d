/**
 * The content check's per-file work: each file read, parsed and checked on its own. On a large archive it is shared
 * between the main thread and one worker thread, chunk by chunk in turn, and the results are handed on in file
 * order, as one thread would give them: the checks across articles and the listing come out the same.
 */
import { on } from 'node:events';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkArticleFile, type CheckOptions, type FileCheck } from '../lib/checks/check-content.ts';
import { listingAddition, type ListingAddition } from '../lib/content/article-listing.ts';
import type { ArticleData } from '../lib/content/schema.ts';
import type { ParsedArticle } from '../lib/content/article.ts';
import { loadArticle } from './article-files.ts';
import { inspectFile } from './inspect-file.ts';

/** What a thread is told: the check's options that can be sent to it, and whether the build wants the listing. */
export interface FileCheckOptions extends Omit<CheckOptions, 'inspectFile' | 'onValidArticle'> {
  listing: boolean;
}

/** A file's check, with what the listing takes of it when it is published and valid. */
export interface CheckedFile extends FileCheck {
  addition?: ListingAddition;
}

/** A file to check: its absolute path, and the path messages show. */
export type FileToCheck = readonly [absolutePath: string, file: string];

/** Files a thread checks before handing them on; small enough that neither thread waits long for the other. */
const CHUNK_FILES = 200;
/** Below this, starting a second thread (it loads the checker again) costs more than it saves. */
const PARALLEL_FROM_FILES = 2_000;

/** Checks `files` on this thread, keeping of each only what the checks across articles and the listing need. */
export function checkFiles(files: readonly FileToCheck[], options: FileCheckOptions): CheckedFile[] {
  let addition: ListingAddition | undefined;
  const onValidArticle = options.listing
    ? (article: ParsedArticle, absolutePath: string, data: ArticleData) => {
        addition = listingAddition(article, absolutePath, data, options.now);
      }
    : undefined;
  const checkOptions: CheckOptions = { ...options, inspectFile, onValidArticle };
  const withBodies = options.nearDuplicates !== false;
  return files.map(([absolutePath, file]) => {
    addition = undefined;
    const { problems, checked, article, pictures } = checkArticleFile(loadArticle(absolutePath, file), checkOptions);
    const kept = article && { file: article.file, lines: article.lines, ...(withBodies ? { body: article.body, bodyLine: article.bodyLine } : {}) };
    return { problems, checked, article: kept, pictures, addition };
  });
}

/**
 * Checks `files`, on two threads when there are many and two cores, and gives `take` each result in file order;
 * resolves to the number of threads that checked them.
 */
export async function checkFilesInOrder(files: readonly FileToCheck[], options: FileCheckOptions, take: (file: CheckedFile) => void): Promise<number> {
  const chunks: FileToCheck[][] = [];
  for (let start = 0; start < files.length; start += CHUNK_FILES) chunks.push(files.slice(start, start + CHUNK_FILES));
  if (files.length < PARALLEL_FROM_FILES || availableParallelism() < 2) {
    for (const chunk of chunks) checkFiles(chunk, options).forEach((file) => take(file));
    return 1;
  }
  // The worker takes every other chunk, and its results wait in its queue until their turn.
  const worker = new Worker(new URL('./check-files-worker.ts', import.meta.url), { workerData: { chunks: chunks.filter((_, index) => index % 2 === 1), options } });
  const results = on(worker, 'message', { close: ['exit'] });
  try {
    for (const [index, chunk] of chunks.entries()) {
      if (index % 2 === 0) {
        checkFiles(chunk, options).forEach((file) => take(file));
        continue;
      }
      const next = await results.next();
      if (next.done) throw new Error('the content check stopped: its second thread ended before checking all its files');
      (next.value[0] as CheckedFile[]).forEach((file) => take(file));
    }
    return 2;
  } finally {
    await worker.terminate();
  }
}
