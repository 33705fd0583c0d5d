/** Which of a route's pages a sharded build renders: each page goes by its path, as every other output does. */
import { inShard, type Shard } from './shards.ts';

type Params = Record<string, string | number | undefined>;

/**
 * The page's path below the site root: Astro's route pattern with the params filled in ("/tags/[tag]/[...page]"
 * with { tag: 'ai', page: '2' } is "/tags/ai/2"); an absent rest parameter is the listing's first page.
 */
export function routePath(routePattern: string, params: Params): string {
  const path = routePattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => String(params[name] ?? '')).replace(/\/{2,}/g, '/');
  return path.length > 1 ? path.replace(/\/$/, '') : '/';
}

/** The route's entries this build renders: all of them, or with a shard only those whose page is its to make. */
export function shardPaths<Entry extends { params: Params }>(routePattern: string, entries: Entry[], shard: Shard | undefined): Entry[] {
  return shard ? entries.filter((entry) => inShard(routePath(routePattern, entry.params), shard)) : entries;
}
