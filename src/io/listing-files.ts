/**
 * The files of the archive listing (./article-listing.ts) by name, without its reading and writing: the build's
 * own process only removes them, and stays small beside the steps it starts.
 */
import { rmSync } from 'node:fs';

/** Where a listing file is written before it is put in place. */
export const listingTemporary = (path: string) => `${path}.tmp`;
/** The file beside the listing with what Astro's site index reads of each published body. */
export const listingBodies = (path: string) => `${path}.bodies`;

/** Removes a listing and its bodies, whole or half-written. */
export function removeListing(path: string): void {
  for (const file of [path, listingBodies(path)]) {
    rmSync(file, { force: true });
    rmSync(listingTemporary(file), { force: true });
  }
}
