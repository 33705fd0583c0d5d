/** Writing files so that they appear whole or not at all: new articles (never replacing one) and rewritten files. */
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { truncateToBytes } from '../lib/text/utf8.ts';

/** File systems take at most 255 bytes in one name. */
const MAX_NAME_BYTES = 255;
/** What `.<name>.<uuid>.tmp` adds to the name: two dots, 36 characters and `.tmp`. */
const TEMPORARY_EXTRA_BYTES = 42;

/** The part of a file's name its temporary files carry: shortened so that any name a file may have leaves room for the rest. */
function temporaryStem(name: string): string {
  return truncateToBytes(name, MAX_NAME_BYTES - TEMPORARY_EXTRA_BYTES);
}

/**
 * Writes `contents` to a temporary file in the target's folder, flushes it to disk, then links it into place and flushes the folder.
 * `link` fails with EEXIST when the target exists, so an existing article is never overwritten, and an
 * interrupted import leaves at most a dot-file that no glob picks up. Throws EEXIST errors unchanged.
 */
export async function writeNewFile(path: string, contents: string): Promise<void> {
  const { temporary, created } = await writeTemporary(path, contents);
  try {
    await link(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Some file systems have no hard links; rename after checking is the closest they allow.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    const exists = await stat(path).then(() => true, () => false);
    if (exists) throw Object.assign(new Error(`EEXIST: file already exists, ${path}`), { code: 'EEXIST' });
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
  await syncFolders(path, created);
}

/**
 * Replaces `path` (or creates it) with `contents` so that readers see the old file or the new one, never a part:
 * a flushed temporary file in the same folder renamed over the target. For files that are rewritten (the sources
 * registry, state), where writeNewFile's never-overwrite rule does not apply.
 */
export async function replaceFile(path: string, contents: string): Promise<void> {
  const { temporary, created } = await writeTemporary(path, contents);
  try {
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
  await syncFolders(path, created);
}

/**
 * A flushed dot-file beside `path` (no glob picks it up), for linking or renaming into place, and the first folder
 * made on the way to it, if any.
 */
async function writeTemporary(path: string, contents: string): Promise<{ temporary: string; created?: string }> {
  const folder = dirname(path);
  const created = await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${temporaryStem(basename(path))}.${randomUUID()}.tmp`);
  const handle = await open(temporary, 'wx');
  try {
    try {
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    // A disk that filled up mid-write: the part written would only take up the room the next write needs.
    await rm(temporary, { force: true });
    throw error;
  }
  return { temporary, created };
}

/**
 * Flushes the folder that now names `path`, and the folders above it up to the parent of `created` (the first one
 * this write made), so that a power cut after the write returns cannot undo the link or rename: the file's own flush
 * does not cover the folder entry naming it.
 */
async function syncFolders(path: string, created: string | undefined): Promise<void> {
  // Windows cannot open a folder to flush it, and flushes its folder entries itself.
  if (process.platform === 'win32') return;
  const last = created === undefined ? dirname(path) : dirname(created);
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    await syncFolder(folder);
    if (folder === last || dirname(folder) === folder) return;
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems cannot flush a folder (EINVAL); the write itself has succeeded.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP') throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Deletes the temporary dot-files an interrupted write left in `folder` (and, with `recursive`, below it); with
 * `of`, only those of that one file, so another tool's write in progress is never touched.
 */
export async function removeStaleTemporaryFiles(folder: string, options: { recursive?: boolean; of?: string } = {}): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true, recursive: options.recursive ?? false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const temporary = /^\.(.+)\.[0-9a-f-]{36}\.tmp$/;
  const stale = entries.filter((entry) => {
    const target = entry.isFile() ? temporary.exec(entry.name)?.[1] : undefined;
    return target !== undefined && (options.of === undefined || target === temporaryStem(options.of));
  });
  const paths = stale.map((entry) => join(entry.parentPath, entry.name));
  await Promise.all(paths.map((path) => rm(path, { force: true })));
  return paths;
}
