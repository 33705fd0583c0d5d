/**
 * Article bodies handed from the search documents' step to Astro. The step renders every Markdown body anyway, on
 * the core Astro leaves, and ahead of Astro's pages; each body it renders as the page would is left in a folder
 * beside the archive listing (./listing-files.ts `listingPageBodies`), and Astro's article page takes it from there
 * instead of rendering it again. A body not there yet is rendered by Astro as before, so the folder only saves work.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A slug of any length or script as a file name a file system takes. */
const fileOf = (folder: string, slug: string) => join(folder, `${createHash('sha256').update(slug).digest('base64url')}.html`);

/** Where the step leaves bodies; creates the folder. */
export function pageBodyWriter(folder: string): (slug: string, html: string) => void {
  mkdirSync(folder, { recursive: true });
  return (slug, html) => {
    const file = fileOf(folder, slug);
    // Renamed into place whole: Astro, reading at the same time, finds the body entire or not at all.
    writeFileSync(`${file}.tmp`, html);
    renameSync(`${file}.tmp`, file);
  };
}

/** The body the step left for `slug`, or undefined when it has not (yet). */
export function handedPageBody(folder: string, slug: string): string | undefined {
  try {
    return readFileSync(fileOf(folder, slug), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
