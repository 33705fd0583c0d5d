/** The file work of `npm run build -- --merge`: reading the parts' markers and joining their files into one folder. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { conflictMessage, parseShardMarker, SHARD_MARKER, type GivenPart } from '../lib/site/shard-merge.ts';
import { placeFiles } from './link-or-copy.ts';

/** The part in `dir`, by its marker; throws naming the folder when it is not a part. */
export function readPart(dir: string): GivenPart {
  const file = join(dir, SHARD_MARKER);
  if (!existsSync(file)) throw new Error(`${dir} is not a part of a sharded build: it has no ${SHARD_MARKER} (build parts with \`npm run build -- --shard <part>/<parts>\`)`);
  return { dir, marker: parseShardMarker(readFileSync(file, 'utf8'), file) };
}

/** Every file under `dir`, relative to it with "/" between folders. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

function sameBytes(a: string, b: string): boolean {
  const [first, second] = [statSync(a), statSync(b)];
  if (first.ino === second.ino && first.dev === second.dev) return true;
  return first.size === second.size && readFileSync(a).equals(readFileSync(b));
}

/** How many conflicting files are named before the rest are only counted. */
const CONFLICTS_NAMED = 20;

/**
 * Links (or copies) every part's files into `target`, leaving out the markers; a file in several parts must be
 * identical in each. Returns the merged site's files; throws listing the files that differ.
 */
export async function joinParts(parts: readonly GivenPart[], target: string): Promise<string[]> {
  const firstWriter = new Map<string, string>();
  const placements: Array<[string, string]> = [];
  const conflicts: string[] = [];
  for (const { dir } of parts) {
    for (const file of filesUnder(dir)) {
      if (file === SHARD_MARKER) continue;
      const source = join(dir, file);
      const earlier = firstWriter.get(file);
      if (earlier !== undefined) {
        if (!sameBytes(join(earlier, file), source)) conflicts.push(conflictMessage(file, [earlier, dir]));
        continue;
      }
      firstWriter.set(file, dir);
      placements.push([source, join(target, file)]);
    }
  }
  if (conflicts.length > 0) {
    const more = conflicts.length > CONFLICTS_NAMED ? [`… and ${conflicts.length - CONFLICTS_NAMED} more`] : [];
    throw new Error(`The parts disagree on ${conflicts.length} ${conflicts.length === 1 ? 'file' : 'files'}, so they are not parts of one build:\n  ${[...conflicts.slice(0, CONFLICTS_NAMED), ...more].join('\n  ')}`);
  }
  await placeFiles(placements);
  return [...firstWriter.keys()];
}
