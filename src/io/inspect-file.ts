/** Files an article brings along, looked at for the checker (src/lib/checks/bundled-files.ts) without following a symbolic link. */
import { closeSync, constants, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { FileInspection } from '../lib/checks/bundled-files.ts';

/**
 * What is at `absolutePath`; a regular file with its first `length` bytes (all of them when absent). A file whose
 * path differs in the case of its names alone (the file's or a folder's) is missing, as it is where names are
 * case-sensitive, and named: the names below `within` are judged (the content folder, whose own path is as the
 * build was given it), else the file's own name alone. Never throws for the file system's reasons.
 */
export function inspectFile(absolutePath: string, length?: number, within?: string): FileInspection {
  try {
    const stats = lstatSync(absolutePath);
    if (stats.isSymbolicLink()) return { kind: 'symbolic link' };
    if (stats.isDirectory()) return { kind: 'folder' };
    // A pipe or device would block or never end; only regular files are opened.
    if (!stats.isFile()) return { kind: 'other' };
    // A Mac's or Windows' disk finds `Images/Photo.JPG` as images/photo.jpg, and the build passes there, then fails on
    // Linux (CI).
    const judged = within === undefined ? 1 : relative(within, absolutePath).split(sep).length;
    const namedAs = namedInOtherCase(absolutePath, realpathSync.native(absolutePath), judged);
    if (namedAs !== undefined) return { kind: 'missing', namedAs };
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
    if (code === 'ENOENT') return { kind: 'missing', namedAs: length === 0 ? undefined : pathInOtherCase(absolutePath) };
    if (code === 'ENOTDIR') return { kind: 'missing' };
    if (code === 'ELOOP') return { kind: 'symbolic link' };
    if (!code) throw error;
    return { kind: 'unreadable', code };
  }
}

/** Two names that differ in case alone (and, as a Mac may store them, in how their accents are encoded). */
const sameButCase = (a: string, b: string) => a.normalize('NFC') !== b.normalize('NFC') && a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

/**
 * `asked` as the disk names it (`real`, its real path), when its last `judged` names differ from the disk's in case
 * alone: compared from the end, as far as the names match, since the real path also resolves links above (/tmp is
 * /private/tmp on a Mac).
 */
function namedInOtherCase(asked: string, real: string, judged: number): string | undefined {
  const [askedNames, realNames] = [asked.split(sep), real.split(sep)];
  let differs = false;
  const named = [...askedNames];
  for (let index = 1; index <= Math.min(judged, askedNames.length, realNames.length); index++) {
    const [name, onDisk] = [askedNames.at(-index)!, realNames.at(-index)!];
    if (name === onDisk) continue;
    if (!sameButCase(name, onDisk)) break;
    named[named.length - index] = onDisk;
    differs = true;
  }
  return differs ? named.join(sep) : undefined;
}

/**
 * A missing path as it is on the disk when its names differ from it in case alone, folders included
 * (`…/images/photo.png` for `…/Images/photo.png`), found from the nearest folder on the way that exists.
 */
function pathInOtherCase(absolutePath: string): string | undefined {
  const names: string[] = [];
  let folder = absolutePath;
  while (!existsAsNamed(folder)) {
    if (dirname(folder) === folder) return undefined;
    names.unshift(basename(folder));
    folder = dirname(folder);
  }
  let path = folder;
  for (const name of names) {
    const entries = entriesOf(path) ?? [];
    const found = entries.includes(name) ? name : entries.find((entry) => sameButCase(entry, name));
    if (found === undefined) return undefined;
    path = join(path, found);
  }
  return path === absolutePath ? undefined : path;
}

const existsAsNamed = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

function entriesOf(folder: string): string[] | undefined {
  try {
    return readdirSync(folder);
  } catch {
    // Not a folder, or not readable: nothing to offer.
    return undefined;
  }
}
