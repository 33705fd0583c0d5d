/**
 * A sharded build (`npm run build -- --shard 2/4`) renders one part of the site; `npm run build -- --merge` joins
 * the parts. Every output file belongs to exactly one shard, chosen by a hash of a stable key (a page's path, a
 * card's or a search part's name), so the parts never overlap and together are the whole site.
 */
import { fnv1a, mix32 } from '../text/hashing.ts';

/** Part `index` (1-based, as written on the command line) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

export const MAX_SHARDS = 64;

/** "2/4" as a shard; throws with what to write instead. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new Error(`--shard ${text}: write <part>/<parts>, with 1 <= part <= parts <= ${MAX_SHARDS} (for example --shard 1/4)`);
  }
  return { index, count };
}

/** Whether the output named `key` is this shard's to make; without a shard, everything is. */
export function inShard(key: string, shard: Shard | undefined): boolean {
  return !shard || mix32(fnv1a(key)) % shard.count === shard.index - 1;
}
