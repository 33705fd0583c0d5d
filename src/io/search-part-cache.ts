/**
 * The search index's parts kept between builds (and between CI runs, like the card cache): each part's index as
 * Pagefind wrote it, under a hash of its documents and Pagefind's version, and Pagefind's scripts once. A part
 * whose documents did not change is linked into the site instead of indexed again. Entries are written into a
 * temporary folder and renamed into place, so an interrupted build never leaves half an index to be reused.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { linkOrCopy } from './link-or-copy.ts';
import { isIndexData } from './pagefind-index.ts';

/** Writes a whole Pagefind folder (index and scripts) into the given, not yet existing, folder. */
export type WritePagefindFolder = (folder: string) => Promise<void>;

const partsFolder = (cacheDir: string) => join(cacheDir, 'parts');
const partEntry = (cacheDir: string, key: string, hash: string) => join(partsFolder(cacheDir), `${key}.${hash}`);
const bundleEntry = (cacheDir: string, hash: string) => join(cacheDir, `bundle.${hash}`);
/** A temporary folder older than this belongs to a build that was stopped, not to one still running. */
const STALE_MS = 3_600_000;

/** Whether the cache holds the index of the part `key` whose documents hash to `hash`. */
export function hasPart(cacheDir: string, key: string, hash: string): boolean {
  return existsSync(partEntry(cacheDir, key, hash));
}

/**
 * Puts the index of the part `key` whose documents hash to `hash` into `folder`: linked from the cache, or written
 * by `write` into the cache first. Only the index itself is kept; Pagefind's scripts come from `placeScripts`.
 */
export async function placePart(cacheDir: string, key: string, hash: string, folder: string, write: WritePagefindFolder): Promise<'reused' | 'indexed'> {
  const entry = partEntry(cacheDir, key, hash);
  const reused = hasPart(cacheDir, key, hash);
  if (!reused) await addEntry(entry, cacheDir, write, (name) => !isIndexData(name));
  await linkTree(entry, folder);
  return reused ? 'reused' : 'indexed';
}

/** Puts Pagefind's scripts, styles and WebAssembly (the same for every index of one version and language) into `folder`. */
export async function placeScripts(cacheDir: string, hash: string, folder: string, write: WritePagefindFolder): Promise<void> {
  const entry = bundleEntry(cacheDir, hash);
  if (!existsSync(entry)) await addEntry(entry, cacheDir, write, isIndexData);
  await linkTree(entry, folder);
}

/** Writes a Pagefind folder beside the cache, drops the files `unwanted` names, and renames it into place as `entry`. */
async function addEntry(entry: string, cacheDir: string, write: WritePagefindFolder, unwanted: (name: string) => boolean): Promise<void> {
  mkdirSync(partsFolder(cacheDir), { recursive: true });
  const temporary = join(cacheDir, `tmp.${randomUUID()}`);
  try {
    await write(temporary);
    for (const name of readdirSync(temporary)) if (unwanted(name)) rmSync(join(temporary, name), { recursive: true });
    try {
      renameSync(temporary, entry);
    } catch (error) {
      // Another build of the same content put the same entry there first: theirs is as good.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/**
 * Deletes what this build has no use for: parts of periods the archive no longer has, older versions of the parts
 * it placed (`placed`, key to hash), other versions of the scripts, and temporary folders of stopped builds. Parts
 * another shard places are left as they are, as long as their period still exists.
 */
export function pruneCache(cacheDir: string, keep: { keys: ReadonlySet<string>; placed: ReadonlyMap<string, string>; scripts: string }): void {
  if (existsSync(partsFolder(cacheDir))) {
    for (const name of readdirSync(partsFolder(cacheDir))) {
      const dot = name.lastIndexOf('.');
      const key = name.slice(0, dot);
      const placed = keep.placed.get(key);
      if (!keep.keys.has(key) || (placed !== undefined && placed !== name.slice(dot + 1))) rmSync(join(partsFolder(cacheDir), name), { recursive: true, force: true });
    }
  }
  for (const name of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
    const path = join(cacheDir, name);
    const unused = name.startsWith('bundle.') ? name !== `bundle.${keep.scripts}` : name.startsWith('tmp.') && Date.now() - statSync(path).mtimeMs > STALE_MS;
    if (unused) rmSync(path, { recursive: true, force: true });
  }
}

const LINK_BATCH = 256;

/** Every file under `from` hard-linked at the same place under `to` (copied where links are impossible). */
async function linkTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  await mkdir(to, { recursive: true });
  for (const entry of entries) if (entry.isDirectory()) await mkdir(join(to, entry.parentPath.slice(from.length), entry.name), { recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath.slice(from.length), entry.name));
  for (let start = 0; start < files.length; start += LINK_BATCH) {
    await Promise.all(files.slice(start, start + LINK_BATCH).map((file) => linkOrCopy(join(from, file), join(to, file))));
  }
}
