/**
 * A sharded Newsdesk build, as a CI matrix would run it but one part after another on this machine: each part
 * `npm run build -- --shard i/k` into an output and cache of its own, then `npm run build -- --merge <parts…>`.
 */
import { join, relative } from 'node:path';
import { readdirSync } from 'node:fs';
import type { Measured, ShardedResult } from '../lib/bench/results.ts';
import { buildNewsdesk, type BuildContext } from './builds.ts';
import { scanOutput } from './scan-output.ts';

/** The site's HTML pages, as paths relative to its root. */
function htmlPages(dist: string): Set<string> {
  const pages = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) pages.add(relative(dist, path));
    }
  };
  walk(dist);
  return pages;
}

/** The build's own words for why it failed: its error lines, else its last line. */
function reason(measured: Measured): string {
  const lines = measured.lines.map((line) => line.text.trim()).filter(Boolean);
  const errors = lines.filter((line) => /error|unknown|unexpected|invalid|not (allowed|supported)|usage/i.test(line));
  return (errors.at(-1) ?? lines.at(-1) ?? 'no output').slice(0, 300);
}

/** `cardCache` gives a part its card cache, as each job of a CI matrix restores its own. */
export async function buildSharded(
  context: BuildContext,
  articles: number,
  content: string,
  folder: string,
  count: number,
  cardCache: (folder: string) => Promise<string | undefined>,
): Promise<ShardedResult> {
  const parts: Measured[] = [];
  const dists: string[] = [];
  let firstPages: Set<string> | undefined;
  for (let index = 1; index <= count; index++) {
    const shard = `${index}/${count}`;
    const part = join(folder, `shard-${index}`);
    const dist = join(part, 'dist');
    const { measured } = await buildNewsdesk(context, `newsdesk ${articles} shard ${shard}`, { content, dist, cache: join(part, 'cache'), cardCache: await cardCache(part), logFile: join(folder, `shard-${index}.log`) }, ['--shard', shard]);
    parts.push(measured);
    dists.push(dist);
    if (measured.status !== 0) return { articles, parts, error: `the build failed or rejected \`--shard ${shard}\` (exit ${measured.status}): ${reason(measured)}` };
    // Parts that each hold the whole site mean the option was ignored: stop before building the rest.
    const pages = htmlPages(dist);
    firstPages ??= pages;
    if (index > 1) {
      const shared = [...pages].filter((page) => firstPages!.has(page)).length;
      if (shared > pages.size / 2) return { articles, parts, error: `the build ignored \`--shard\`: parts 1 and ${index} share ${shared} of ${pages.size} pages, so each made the whole site` };
    }
  }
  const mergedDist = join(folder, 'merged');
  const { measured: merge } = await buildNewsdesk(context, `newsdesk ${articles} merge`, { content, dist: mergedDist, cache: join(folder, 'merge-cache'), logFile: join(folder, 'merge.log') }, ['--merge', ...dists]);
  if (merge.status !== 0) return { articles, parts, merge, error: `the build failed or rejected \`--merge\` (exit ${merge.status}): ${reason(merge)}` };
  const merged = htmlPages(mergedDist);
  const missing = dists.flatMap((dist) => [...htmlPages(dist)].filter((page) => !merged.has(page)));
  const output = scanOutput(mergedDist, 'articles');
  if (missing.length > 0) return { articles, parts, merge, output, error: `the merged site lacks ${missing.length} pages the parts made, e.g. ${missing[0]}` };
  return { articles, parts, merge, output };
}
