/**
 * Astro keeps the pictures it has resized in `<cache folder>/assets/` and copies one into the site whenever it
 * finds it there. It writes those files in place, not whole-or-nothing, so an Astro stopped mid-write leaves a
 * truncated picture that the next build would publish as made.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Removes the files of Astro's picture cache in `cacheDir` modified at or after `sinceMs` (the start of a build that
 * was stopped): any of them may be half-written. Returns their paths; the next build makes them again.
 */
export function discardAssetsWrittenSince(cacheDir: string, sinceMs: number): string[] {
  const folder = join(cacheDir, 'assets');
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const written = names.map((name) => join(folder, name)).filter((path) => (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -Infinity) >= sinceMs);
  for (const path of written) rmSync(path, { force: true });
  return written;
}
