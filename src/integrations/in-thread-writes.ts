/**
 * Astro writes each page with `fs.promises.mkdir` and `fs.promises.writeFile`, and waits for both before the
 * page counts as done. Each is a round trip through libuv's thread pool (the write alone is an open, a write and
 * a close), and at a large site's hundreds of thousands of round trips the threads' hand-offs cost more CPU than
 * the writing. While Astro builds, those two calls on a path do their work in the calling thread and settle at
 * once, with the same result or error; a call given a file handle, data other than a string or bytes, or an abort
 * signal goes to the thread pool as before. The originals are back once the build is done.
 */
import fs from 'node:fs';
import type { AstroIntegration } from 'astro';
import { duringBuild } from './during-build.ts';

type Promises = typeof fs.promises;

function onPath(target: unknown): target is fs.PathLike {
  return typeof target === 'string' || target instanceof URL || Buffer.isBuffer(target);
}

function withoutSignal(options: unknown): boolean {
  return options === undefined || options === null || typeof options === 'string' || (typeof options === 'object' && !('signal' in options));
}

/** Makes `fs.promises.mkdir` and `fs.promises.writeFile` work in the calling thread; returns what puts them back. */
export function writeInThread(promises: Promises = fs.promises): () => void {
  const { mkdir, writeFile } = promises;
  const inThreadMkdir = async function (path: fs.PathLike, options?: fs.MakeDirectoryOptions | fs.Mode | null) {
    return fs.mkdirSync(path, options);
  } as Promises['mkdir'];
  const inThreadWriteFile = async function (file: Parameters<Promises['writeFile']>[0], data: Parameters<Promises['writeFile']>[1], options?: Parameters<Promises['writeFile']>[2]) {
    const synchronousData = typeof data === 'string' || ArrayBuffer.isView(data);
    if (!onPath(file) || !synchronousData || !withoutSignal(options)) return writeFile(file, data, options);
    fs.writeFileSync(file, data, options as fs.WriteFileOptions | undefined);
  } as Promises['writeFile'];
  promises.mkdir = inThreadMkdir;
  promises.writeFile = inThreadWriteFile;
  return () => {
    promises.mkdir = mkdir;
    promises.writeFile = writeFile;
  };
}

/** From the start of `astro build` to its end, Astro's page writes happen in the thread that renders the pages. */
export function pagesWrittenInThread(): AstroIntegration {
  return duringBuild('newsdesk:pages-written-in-thread', () => writeInThread());
}
