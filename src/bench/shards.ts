/**
 * A sharded Newsdesk build, as a CI matrix would run it but one part after another on this machine: each part
 * `npm run build -- --shard i/k` into an output and cache of its own, then `npm run build -- --merge <parts…>`.
 */
import { join, relative } from 'node:path';
import type { Measured, ShardedResult } from '../lib/bench/results.ts';
import { failureReason, mergeProblem, overlapProblem } from '../lib/bench/shard-checks.ts';
import { buildNewsdesk, type BuildContext } from './builds.ts';
import { scanOutput, walk } from './scan-output.ts';

/** The site's HTML pages, as paths relative to its root. */
function htmlPages(dist: string): Set<string> {
  const pages = new Set<string>();
  walk(dist, (path) => {
    if (path.endsWith('.html')) pages.add(relative(dist, path));
  });
  return pages;
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
  const partPages: Array<Set<string>> = [];
  const reason = (measured: Measured) => failureReason(measured.lines.map((line) => line.text));
  for (let index = 1; index <= count; index++) {
    const shard = `${index}/${count}`;
    const part = join(folder, `shard-${index}`);
    const dist = join(part, 'dist');
    const { measured } = await buildNewsdesk(context, `newsdesk ${articles} shard ${shard}`, { content, dist, cache: join(part, 'cache'), cardCache: await cardCache(part), logFile: join(folder, `shard-${index}.log`) }, ['--shard', shard]);
    parts.push(measured);
    dists.push(dist);
    if (measured.status !== 0) return { articles, parts, error: `the build failed or rejected \`--shard ${shard}\` (exit ${measured.status}): ${reason(measured)}` };
    // Parts that each hold the whole site mean the option was ignored: stop before building the rest.
    partPages.push(htmlPages(dist));
    const overlap = index > 1 ? overlapProblem(partPages[0]!, partPages.at(-1)!, index) : undefined;
    if (overlap) return { articles, parts, error: overlap };
  }
  const mergedDist = join(folder, 'merged');
  const { measured: merge } = await buildNewsdesk(context, `newsdesk ${articles} merge`, { content, dist: mergedDist, cache: join(folder, 'merge-cache'), logFile: join(folder, 'merge.log') }, ['--merge', ...dists]);
  if (merge.status !== 0) return { articles, parts, merge, error: `the build failed or rejected \`--merge\` (exit ${merge.status}): ${reason(merge)}` };
  const output = scanOutput(mergedDist, 'articles');
  const incomplete = mergeProblem(partPages, htmlPages(mergedDist));
  return { articles, parts, merge, output, ...(incomplete ? { error: incomplete } : {}) };
}
