/**
 * Decodes the local raster pictures the content check found sound by their first bytes, as the build's image
 * pipeline will: a picture whose data is damaged stops Astro with a stack trace, or is published as it is and shows
 * broken. A picture that decoded is remembered by its size and modification time, and by a digest of its bytes
 * for a fresh checkout (new times, same files: CI), so an archive's pictures are decoded once, not at every check.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import type Sharp from 'sharp';
import { damagedPictureProblem, type PictureToDecode } from '../lib/checks/bundled-files.ts';
import type { Problem } from '../lib/checks/problems.ts';
import { replaceFile } from './write-file.ts';

/** A picture that decoded, as it was then. */
interface Decoded {
  size: number;
  mtimeMs: number;
  /** SHA-256 of its bytes. */
  digest: string;
}

/** Pictures that decoded, by absolute path. A new sharp (libvips) may judge files otherwise: its version is part of the file. */
interface DecodedCache {
  sharp: string;
  pictures: Record<string, Decoded>;
}

/**
 * sharp is loaded at the first picture the cache does not know: loading it is a fifth of a second, most of a check
 * whose pictures are all known (the build waits for the check). Its version, which pins the libvips that judges the
 * files, is read from its package.json.
 */
const requirePackage = createRequire(import.meta.url);
let sharpLoaded: Promise<typeof Sharp> | undefined;
const loadSharp = () =>
  (sharpLoaded ??= import('sharp').then(({ default: sharp }) => {
    // One libvips thread a picture, as many pictures as cores: many small decodes, not one large one. Nothing is
    // decoded twice, so libvips' cache of operations would only hold memory.
    sharp.concurrency(1);
    sharp.cache(false);
    return sharp;
  }));
const sharpVersion = () => (JSON.parse(readFileSync(join(dirname(requirePackage.resolve('sharp')), '..', 'package.json'), 'utf8')) as { version: string }).version;

/** One file a content folder, so that checking another folder never makes this one's pictures be decoded again. */
const cacheFileOf = (cacheFolder: string, contentFolder: string) => join(cacheFolder, `decoded-pictures-${createHash('sha256').update(contentFolder).digest('hex').slice(0, 16)}.json`);
/** Small enough that JPEG and WebP decode at a fraction of their size; every byte of the data is still read. */
const DECODED_SIDE = 64;

/** What of `bytes` does not decode, or undefined when it all does. */
async function decodeProblem(bytes: Buffer): Promise<'header' | 'data' | undefined> {
  try {
    // `failOn: 'error'`: what libvips calls an error or truncation, which Astro's `failOn: 'none'` would either stop
    // on or publish as a part-grey picture; warnings (an odd colour profile) pass. Every frame, as Astro reads an
    // animated GIF or WebP: a damaged later frame stops the build.
    const sharp = await loadSharp();
    await sharp(bytes, { failOn: 'error', pages: -1 }).resize(DECODED_SIDE, DECODED_SIDE, { fit: 'inside' }).raw().toBuffer();
    return undefined;
  } catch (error) {
    // The decoders' own words (libpng, libjpeg, libheif) name their internals; this is what they come to.
    return /corrupt header/i.test((error as Error).message) ? 'header' : 'data';
  }
}

async function readCache(file: string, version: string): Promise<Map<string, Decoded>> {
  try {
    const cache = JSON.parse(await readFile(file, 'utf8')) as DecodedCache;
    return cache.sharp === version ? new Map(Object.entries(cache.pictures)) : new Map();
  } catch {
    // None yet, or unreadable: every picture is decoded, and the cache written again.
    return new Map();
  }
}

/**
 * The errors for `pictures`, those of `contentFolder`'s articles, that do not decode. `cacheFolder` keeps those that
 * did; `complete` (a check of every article in the folder) lets it forget pictures no article names any more.
 */
export async function damagedPictureProblems(
  pictures: readonly PictureToDecode[],
  { cacheFolder, contentFolder, complete }: { cacheFolder: string; contentFolder: string; complete: boolean },
): Promise<Problem[]> {
  if (pictures.length === 0 && !complete) return [];
  const cacheFile = cacheFileOf(cacheFolder, contentFolder);
  const version = sharpVersion();
  const cached = await readCache(cacheFile, version);
  const cachedDigests = new Set([...cached.values()].map((entry) => entry.digest));
  const decoded = new Map(complete ? [] : cached);
  const problems: Problem[] = [];
  const limit = pLimit(availableParallelism());
  await Promise.all(
    pictures.map((picture) =>
      limit(async () => {
        const stats = await stat(picture.absolutePath).catch(() => undefined);
        // Gone since the check looked at it: the next check says so.
        if (!stats) return;
        const known = cached.get(picture.absolutePath);
        if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs) {
          decoded.set(picture.absolutePath, known);
          return;
        }
        const bytes = await readFile(picture.absolutePath);
        const entry = { size: bytes.length, mtimeMs: stats.mtimeMs, digest: createHash('sha256').update(bytes).digest('hex') };
        const problem = cachedDigests.has(entry.digest) ? undefined : await decodeProblem(bytes);
        if (problem === undefined) decoded.set(picture.absolutePath, entry);
        else {
          decoded.delete(picture.absolutePath);
          problems.push(damagedPictureProblem(picture, problem));
        }
      }),
    ),
  );
  const same = (a: Decoded | undefined, b: Decoded) => a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.digest === b.digest;
  if (decoded.size !== cached.size || [...decoded].some(([path, entry]) => !same(cached.get(path), entry))) {
    const cache: DecodedCache = { sharp: version, pictures: Object.fromEntries([...decoded].sort(([a], [b]) => (a < b ? -1 : 1))) };
    // A cache that cannot be written costs the next check its time, never this one its answer.
    await mkdir(cacheFolder, { recursive: true })
      .then(() => replaceFile(cacheFile, `${JSON.stringify(cache)}\n`))
      .catch(() => undefined);
  }
  return problems;
}
