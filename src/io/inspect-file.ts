/** Files an article brings along, looked at for the checker (src/lib/checks/bundled-files.ts) without following a symbolic link. */
import { closeSync, constants, lstatSync, openSync, readFileSync, readSync } from 'node:fs';
import type { FileInspection } from '../lib/checks/bundled-files.ts';

/** What is at `absolutePath`; a regular file with its first `length` bytes (all of them when absent). Never throws for the file system's reasons. */
export function inspectFile(absolutePath: string, length?: number): FileInspection {
  try {
    const stats = lstatSync(absolutePath);
    if (stats.isSymbolicLink()) return { kind: 'symbolic link' };
    if (stats.isDirectory()) return { kind: 'folder' };
    // A pipe or device would block or never end; only regular files are opened.
    if (!stats.isFile()) return { kind: 'other' };
    // O_NOFOLLOW: a file swapped for a link since lstat is still never read through it.
    const descriptor = openSync(absolutePath, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      if (length === undefined) return { kind: 'file', bytes: readFileSync(descriptor) };
      const bytes = new Uint8Array(length);
      return { kind: 'file', bytes: bytes.subarray(0, readSync(descriptor, bytes, 0, length, 0)) };
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    if (code === 'ELOOP') return { kind: 'symbolic link' };
    if (!code) throw error;
    return { kind: 'unreadable', code };
  }
}
