/**
 * The files of the archive listing (./article-listing.ts) by name, without its reading and writing: the build's
 * own process only removes them, and stays small beside the steps it starts.
 */
import { rmSync } from 'node:fs';

/** Where a listing file is written before it is put in place. */
export const listingTemporary = (path: string) => `${path}.tmp`;
/** The file beside the listing with what Astro's site index reads of each published body. */
export const listingBodies = (path: string) => `${path}.bodies`;
/** The folder beside the listing where the search documents' step leaves bodies rendered for Astro's pages (./page-bodies.ts). */
export const listingPageBodies = (path: string) => `${path}.pages`;

/** Removes a listing, its bodies and the bodies rendered for pages, whole or half-written. */
export function removeListing(path: string): void {
  for (const file of [path, listingBodies(path)]) {
    rmSync(file, { force: true });
    rmSync(listingTemporary(file), { force: true });
  }
  rmSync(listingPageBodies(path), { recursive: true, force: true });
}
