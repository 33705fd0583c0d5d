/**
 * Folders a build no longer needs are renamed aside at once (one rename, however large the folder) and removed
 * while the next build runs, instead of on the build's own way to its end.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { discardedFolderName, isDiscardedFolder } from '../lib/build/discarded-folders.ts';

/** Renames `path`, beside the output folder, to a discarded folder's name; returns that path, or undefined when there is nothing at `path`. */
export function moveAside(path: string, outDir: string): string | undefined {
  const target = join(dirname(outDir), discardedFolderName(basename(outDir), randomBytes(6).toString('hex')));
  try {
    renameSync(path, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return target;
}

/** The discarded folders beside the output folder, this build's and those of earlier builds stopped before they were removed. */
export function discardedFolders(outDir: string): string[] {
  const name = basename(outDir);
  const parent = dirname(outDir);
  return readdirSync(parent).filter((entry) => isDiscardedFolder(name, entry)).map((entry) => join(parent, entry));
}

/**
 * Removes every discarded folder beside the output folder. Never rejects: a folder that cannot be removed (a file
 * in it the build may not delete) is named in a warning, for the next build to try again.
 */
export async function removeDiscardedFolders(outDir: string, warn: (message: string) => void): Promise<void> {
  await Promise.all(
    discardedFolders(outDir).map((folder) =>
      rm(folder, { recursive: true, force: true }).catch((error: Error) => warn(`Could not remove ${folder}, which a build set aside (${error.message}); the next build tries again, or delete it yourself.`)),
    ),
  );
}
