/** Writing a new article file so that it appears whole or not at all, and never replaces an existing one. */
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `contents` to a temporary file in the target's folder, flushes it to disk, then links it into place.
 * `link` fails with EEXIST when the target exists, so an existing article is never overwritten, and an
 * interrupted import leaves at most a dot-file that no glob picks up. Throws EEXIST errors unchanged.
 */
export async function writeNewFile(path: string, contents: string): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${randomUUID()}.tmp`);
  const handle = await open(temporary, 'wx');
  try {
    await handle.writeFile(contents, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
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
}

/** The temporary names `writeNewFile` uses: `.<file name>.<uuid>.tmp`. */
const TEMPORARY_NAME = /^\..+\.[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}\.tmp$/;

/**
 * Deletes what a killed `writeNewFile` left in `folder` and returns the names removed. Only safe while no other
 * writer is at work in the folder (the importer holds the content folder's lock).
 */
export async function removeLeftoverTemporaries(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const leftovers = names.filter((name) => TEMPORARY_NAME.test(name));
  await Promise.all(leftovers.map((name) => rm(join(folder, name), { force: true })));
  return leftovers;
}
