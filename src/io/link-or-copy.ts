/** Placing a file that already exists elsewhere on disk (a cached card, a shard's page) without copying its bytes when the file system allows. */
import { copyFile, link } from 'node:fs/promises';

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
