/** Files an article brings along, looked at for the checker (src/lib/checks/bundled-files.ts) without following a symbolic link. */
import { closeSync, constants, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { FileInspection } from '../lib/checks/bundled-files.ts';

/**
 * What is at `absolutePath`; a regular file with its first `length` bytes (all of them when absent). A file whose name
 * differs in case alone is missing, as it is where names are case-sensitive, and named. Never throws for the file
 * system's reasons.
 */
export function inspectFile(absolutePath: string, length?: number): FileInspection {
  try {
    const stats = lstatSync(absolutePath);
    if (stats.isSymbolicLink()) return { kind: 'symbolic link' };
    if (stats.isDirectory()) return { kind: 'folder' };
    // A pipe or device would block or never end; only regular files are opened.
    if (!stats.isFile()) return { kind: 'other' };
    // A Mac's or Windows' disk finds `Photo.JPG` as photo.jpg, and the build passes there, then fails on Linux (CI).
    const namedAs = basename(realpathSync.native(absolutePath));
    if (namedAs !== basename(absolutePath) && sameButCase(namedAs, basename(absolutePath))) return { kind: 'missing', namedAs };
    // O_NOFOLLOW: a file swapped for a link since lstat is still never read through it.
    const descriptor = openSync(absolutePath, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      if (length === undefined) return { kind: 'file', bytes: readFileSync(descriptor), size: stats.size };
      const bytes = new Uint8Array(length);
      return { kind: 'file', bytes: bytes.subarray(0, readSync(descriptor, bytes, 0, length, 0)), size: stats.size };
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A file only looked for (length 0: an import's candidates, folders on the way) is not worth reading a folder for.
    if (code === 'ENOENT') return { kind: 'missing', namedAs: length === 0 ? undefined : nameInOtherCase(absolutePath) };
    if (code === 'ENOTDIR') return { kind: 'missing' };
    if (code === 'ELOOP') return { kind: 'symbolic link' };
    if (!code) throw error;
    return { kind: 'unreadable', code };
  }
}

/** Two names that differ in case alone (and, as a Mac may store them, in how their accents are encoded). */
const sameButCase = (a: string, b: string) => a.normalize('NFC') !== b.normalize('NFC') && a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

/** The name of a file beside a missing one that differs from it in case alone, when there is one. */
function nameInOtherCase(absolutePath: string): string | undefined {
  try {
    const name = basename(absolutePath);
    return readdirSync(dirname(absolutePath)).find((entry) => sameButCase(entry, name));
  } catch {
    // No such folder either: nothing to offer.
    return undefined;
  }
}
