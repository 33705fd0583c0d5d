/**
 * Many files written at once, for a later step to read (the search documents, the bench's corpus): each folder is
 * made once, not asked for before every file. Not flushed to disk, unlike ./write-file.ts: nothing here must
 * outlive a crash.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeManyFiles(files: Iterable<readonly [path: string, contents: string]>): void {
  const made = new Set<string>();
  for (const [path, contents] of files) {
    const folder = dirname(path);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(path, contents);
  }
}
