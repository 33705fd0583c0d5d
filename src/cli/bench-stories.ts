/**
 * `npm run bench:stories`: times story grouping on synthetic news streams and prints a Markdown table.
 *
 *   npm run bench:stories -- --articles 10000,100000 --runs 3
 *
 * Options: --articles N,N,… (default 10000,100000)   --runs N (median reported; default 3)   --seed N
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { formatCount, formatTable, median } from '../lib/bench/report.ts';
import { generateStoryCorpus } from '../lib/bench/story-corpus.ts';
import { findStories } from '../lib/stories/find-stories.ts';
import { pairwiseQuality } from '../lib/stories/pairwise-quality.ts';
import { siteConfig } from '../site.config.ts';

const { values: options } = parseArgs({
  options: { articles: { type: 'string', default: '10000,100000' }, runs: { type: 'string', default: '3' }, seed: { type: 'string', default: '1' } },
});
const sizes = options.articles.split(',').map((text) => Number(text.trim().replace(/_/g, '')));
const runs = Number(options.runs);
if (sizes.some((size) => !Number.isInteger(size) || size < 2) || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run bench:stories -- [--articles 10000,100000] [--runs 3] [--seed 1]');
  process.exit(2);
}

const rows: string[][] = [];
for (const count of sizes) {
  const { articles, eventOf } = generateStoryCorpus({ count, seed: Number(options.seed), end: new Date('2026-06-01T00:00:00Z') });
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let stories: ReturnType<typeof findStories> = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    stories = findStories(articles, { windowHours: siteConfig.storyWindowHours });
    const cpu = process.cpuUsage(cpuBefore);
    times.push(performance.now() - started);
    // On a shared machine the wall clock also counts other processes' turns; CPU time is this work alone.
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    console.error(`[bench:stories] ${formatCount(count)} articles, run ${run + 1}: ${Math.round(times[run]!)} ms wall, ${Math.round(cpuTimes[run]!)} ms CPU`);
  }
  const events = new Map<number, string[]>();
  for (const [slug, event] of eventOf) events.set(event, [...(events.get(event) ?? []), slug]);
  const quality = pairwiseQuality([...events.values()], stories.map((story) => story.articles));
  rows.push([
    formatCount(count),
    `${(median(times) / 1000).toFixed(2)} s`,
    `${(median(cpuTimes) / 1000).toFixed(2)} s`,
    `${(Math.min(...cpuTimes) / 1000).toFixed(2)} s`,
    formatCount(stories.length),
    quality.precision.toFixed(3),
    quality.recall.toFixed(3),
  ]);
}
console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' / ')} on ${cpus().length} cores`);
console.log(formatTable(['articles', 'wall (median)', 'CPU (median)', 'CPU (fastest)', 'stories', 'precision', 'recall'], rows, Array(7).fill('right')));
