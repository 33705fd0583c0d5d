/** Pagefind's indexer, run over HTML documents written as files, writing an index to a folder. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, readFileSync, rmSync } from 'node:fs';
import { arch } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { parseCpuList } from '../lib/build/cpu-list.ts';
import { documentFile } from '../lib/search/document-files.ts';
import { writeManyFiles } from './many-files.ts';

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
 * Pagefind's binary for this platform, found as its npm runner finds it; run directly rather than through the
 * runner, which is one more Node process held for as long as Pagefind runs.
 */
const { resolveBinaryPath } = (await import(new URL('resolveBinary.js', import.meta.resolve('pagefind')).href)) as { resolveBinaryPath: (names: string[]) => string };
/**
 * Undefined when no package of the binary for this platform is installed (npm ci --omit=optional, or node_modules
 * installed on another system), where Pagefind's own error would blame an unsupported platform as this module loads.
 */
const pagefindBinary = (() => {
  try {
    return resolveBinaryPath(['pagefind_extended', 'pagefind']);
  } catch {
    return undefined;
  }
})();

/** The error for a binary no package installed, named as Pagefind looks for it. */
function binaryNotInstalled(): SearchIndexError {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.env.npm_config_arch || arch()}`;
  return new SearchIndexError('starting Pagefind', [
    `its binary for this system (the package @pagefind/${platform}) is not installed`,
    'run npm ci to install it (npm ci --omit=optional leaves it out, and a node_modules folder installed on another system lacks it)',
  ]);
}

/**
 * Throws SearchIndexError when Pagefind's binary cannot be run: checked before the documents are made, so that the
 * build stops within a second of starting rather than when the first part is indexed.
 */
export function assertPagefindRunnable(): void {
  if (pagefindBinary === undefined) throw binaryNotInstalled();
  try {
    accessSync(pagefindBinary, constants.X_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message;
    throw new SearchIndexError('starting Pagefind', [
      `its binary ${pagefindBinary} cannot be run: ${reason}`,
      process.env.PAGEFIND_BINARY_PATH || process.env.PAGEFIND_EXTENDED_BINARY_PATH
        ? 'PAGEFIND_BINARY_PATH (or PAGEFIND_EXTENDED_BINARY_PATH) names it: point it at Pagefind, or unset it'
        : 'run npm ci to install Pagefind again (its binary comes in an optional package for this platform)',
    ]);
  }
}

/** Writes the documents as files under `folder` (src/lib/search/document-files.ts), where Pagefind's indexer reads them (`indexDocumentFolder`). */
export function writeDocuments(documents: readonly IndexedDocument[], folder: string): void {
  writeManyFiles(documents.map((document) => [join(folder, documentFile(document.url)), document.content] as const));
}

/**
 * The cores to keep Pagefind runs on, one run to a core: on a Linux machine of two cores (a CI runner's), with
 * `taskset` (util-linux); else none, and Pagefind's threads go where the system puts them. Kept on one core, a run
 * does the same work in less CPU time there, as its threads no longer wake each other across the two cores
 * (BENCHMARKS.md). With more cores a run has room to spread, and is left to.
 */
export function pinnableCores(): number[] {
  if (process.platform !== 'linux') return [];
  try {
    const allowed = /^Cpus_allowed_list:\s*(.+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    const cores = allowed ? parseCpuList(allowed) : [];
    const canPin = (core: number) => spawnSync('taskset', ['--cpu-list', String(core), 'true']).status === 0;
    return cores.length === 2 && cores.every(canPin) ? cores : [];
  } catch {
    return [];
  }
}

/**
 * Writes the Pagefind index of the documents `writeDocuments` put in `folder` into `outputPath`; without a folder,
 * the index of no documents. Pagefind's indexer costs markedly less CPU per document than its Node API, which is
 * fed each document as a message (BENCHMARKS.md). Given a `core` (from `pinnableCores`), Pagefind runs on that core only.
 */
export async function indexDocumentFolder(folder: string | null, outputPath: string, core?: number): Promise<void> {
  if (folder === null) return writeEmptyIndex(outputPath);
  await runPagefind(['--site', folder, '--output-path', outputPath, '--quiet'], core);
}

/** Writes the documents' Pagefind index into `outputPath`, through a folder of their files beside it that is removed afterwards, whatever happens. */
export async function writeSearchIndex(documents: readonly IndexedDocument[], outputPath: string): Promise<void> {
  if (documents.length === 0) return writeEmptyIndex(outputPath);
  const site = `${outputPath}.documents`;
  try {
    writeDocuments(documents, site);
    await indexDocumentFolder(site, outputPath);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}

/** Pagefind's indexer refuses a folder without pages; its Node API writes the empty index an empty archive's search page loads. */
async function writeEmptyIndex(outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex();
  try {
    if (!index) throw new SearchIndexError('starting Pagefind', errors);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new SearchIndexError('writing the index', written.errors);
  } finally {
    await pagefind.close();
  }
}

/** The Pagefind indexers this process has running. */
const runningIndexers = new Set<ChildProcess>();

/**
 * Kills the Pagefind indexers still running, for a process that is ending part-way: left running, they would go on
 * writing an index nobody uses, into a folder the build has already removed.
 */
export function stopPagefind(): void {
  for (const indexer of runningIndexers) indexer.kill('SIGKILL');
}

async function runPagefind(args: string[], core?: number): Promise<void> {
  if (pagefindBinary === undefined) throw binaryNotInstalled();
  const [command, commandArgs] = core === undefined ? [pagefindBinary, args] : ['taskset', ['--cpu-list', String(core), pagefindBinary, ...args]];
  const indexer = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  runningIndexers.add(indexer);
  const output: string[] = [];
  indexer.stdout.setEncoding('utf8').on('data', (text: string) => output.push(text));
  indexer.stderr.setEncoding('utf8').on('data', (text: string) => output.push(text));
  let code: number | null;
  try {
    [code] = (await Promise.race([once(indexer, 'close'), once(indexer, 'error').then(([error]) => Promise.reject(error))])) as [number | null];
  } finally {
    runningIndexers.delete(indexer);
  }
  if (code !== 0) {
    // Pagefind prints some errors on both of its outputs.
    const lines = [...new Set(output.join('').split('\n').map((line) => line.trim()).filter(Boolean))];
    throw new SearchIndexError('running Pagefind', lines.length > 0 ? lines.slice(-10) : [`it stopped with status ${code}`]);
  }
}
