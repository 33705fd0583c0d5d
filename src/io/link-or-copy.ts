/** Placing files that already exist elsewhere on disk (cached cards, a shard's pages) without copying their bytes when the file system allows. */
import { mkdirSync } from 'node:fs';
import { copyFile, link } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A hard link costs no copy; a source on another file system (or one without links) gets a copy instead. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
    await copyFile(from, to);
  }
}

const BATCH = 256;

/** Places each `[from, to]`, making the folders, in batches: the file system works on several at once, which a large archive's files need. */
export async function placeFiles(placements: ReadonlyArray<readonly [from: string, to: string]>): Promise<void> {
  for (const folder of new Set(placements.map(([, to]) => dirname(to)))) mkdirSync(folder, { recursive: true });
  for (let start = 0; start < placements.length; start += BATCH) {
    await Promise.all(placements.slice(start, start + BATCH).map(([from, to]) => linkOrCopy(from, to)));
  }
}
