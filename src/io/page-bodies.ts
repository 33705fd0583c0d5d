/**
 * Article bodies handed from the search documents' step to Astro. The step renders every Markdown body anyway, on
 * the core Astro leaves, and ahead of Astro's pages; the bodies it renders as their pages would are left in a folder
 * beside the archive listing (./listing-files.ts `listingPageBodies`), and Astro's article page takes each from there
 * instead of rendering it again. A body not there yet is rendered by Astro as before, so the folder only saves work.
 *
 * The bodies of each part of the search index are one file, with an index of where each body starts: thousands of
 * small files would cost more to write than the rendering they save. The index is written after the bodies, each
 * renamed into place whole, so a reader that finds an index finds all it names.
 */
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where each body of a file of bodies is, by slug: its start and length in bytes. */
type BodyIndex = Record<string, [start: number, length: number]>;

const BODIES = '.html';
const INDEX = '.json';
/** Written once the step has left every body it will: after it, a body not found never will be. */
const DONE = 'done';

/**
 * Renamed into place whole, but not flushed to disk as ./write-file.ts `replaceFile` flushes what must outlive a
 * crash: the folder lasts one build, and the next build removes it (./listing-files.ts `removeListing`).
 */
function writeWhole(file: string, contents: string | Buffer): void {
  writeFileSync(`${file}.tmp`, contents);
  renameSync(`${file}.tmp`, file);
}

/** The step's side: `leave` a part's bodies (by slug) in one file; `done` once there are no more. */
export function pageBodyWriter(folder: string): { leave(name: string, bodies: ReadonlyMap<string, string>): void; done(): void } {
  mkdirSync(folder, { recursive: true });
  return {
    leave(name, bodies) {
      if (bodies.size === 0) return;
      const index: BodyIndex = {};
      // Each body encoded once, its length read off its bytes, rather than measured, joined and encoded again.
      const encoded: Buffer[] = [];
      let start = 0;
      for (const [slug, html] of bodies) {
        const bytes = Buffer.from(html);
        index[slug] = [start, bytes.length];
        encoded.push(bytes);
        start += bytes.length;
      }
      writeWhole(join(folder, `${name}${BODIES}`), Buffer.concat(encoded, start));
      writeWhole(join(folder, `${name}${INDEX}`), JSON.stringify(index));
    },
    done: () => writeFileSync(join(folder, DONE), ''),
  };
}

/**
 * Astro's side: the body the step left for a slug, or undefined when it has not (yet). The folder is looked at
 * again for files the step has left since only when a body is not found, and no more once the step is done.
 */
export function pageBodyReader(folder: string): (slug: string) => string | undefined {
  const found = new Map<string, { file: number; start: number; length: number }>();
  const opened = new Set<string>();
  let done = false;
  const lookAgain = () => {
    if (done || !existsSync(folder)) return;
    // Looked for before the folder is read: every file of bodies was left before it.
    done = existsSync(join(folder, DONE));
    for (const name of readdirSync(folder)) {
      if (!name.endsWith(INDEX) || opened.has(name)) continue;
      const index = JSON.parse(readFileSync(join(folder, name), 'utf8')) as BodyIndex;
      const file = openSync(join(folder, name.slice(0, -INDEX.length) + BODIES), 'r');
      opened.add(name);
      for (const [slug, [start, length]] of Object.entries(index)) found.set(slug, { file, start, length });
    }
  };
  // The files stay open for the rest of the build (Astro's process), which reads from them until it ends.
  return (slug) => {
    if (!found.has(slug)) lookAgain();
    const at = found.get(slug);
    if (at === undefined) return undefined;
    const bytes = Buffer.allocUnsafe(at.length);
    readSync(at.file, bytes, 0, at.length, at.start);
    return bytes.toString('utf8');
  };
}
