/**
 * One search part written by Pagefind on a worker thread. Pagefind's Node API runs one Pagefind process per
 * JavaScript realm and indexes on a single thread, so parts written at the same time each need a realm, and
 * thereby a Pagefind, of their own.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { SearchIndexError, writeSearchIndex, type IndexedDocument } from './pagefind-index.ts';

interface PartJob {
  documents: IndexedDocument[];
  folder: string;
}

type PartOutcome = { ok: true } | { ok: false; what: string; errors: string[] };

/** Writes the documents' index into `folder` on a worker thread; throws SearchIndexError as writeSearchIndex does. */
export async function writeSearchIndexOnWorker(documents: IndexedDocument[], folder: string): Promise<void> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { documents, folder } satisfies PartJob });
  const [outcome] = (await Promise.race([
    new Promise((done) => worker.once('message', (message) => done([message]))),
    new Promise((_, failed) => worker.once('error', failed)),
  ])) as [PartOutcome];
  await worker.terminate();
  if (!outcome.ok) throw new SearchIndexError(outcome.what, outcome.errors);
}

if (!isMainThread && parentPort) {
  const { documents, folder } = workerData as PartJob;
  let outcome: PartOutcome;
  try {
    await writeSearchIndex(documents, folder);
    outcome = { ok: true };
  } catch (error) {
    // Pagefind runs as its own binary (the @pagefind/<platform> package that npm ci installs); say so, without a stack.
    const unexpected = { what: 'running Pagefind', errors: [`${(error as Error).message}; is its binary installed for this platform (npm ci)?`] };
    outcome = { ok: false, ...(error instanceof SearchIndexError ? { what: error.what, errors: error.errors } : unexpected) };
  }
  parentPort.postMessage(outcome);
}
