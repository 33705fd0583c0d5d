/**
 * `npm run bench`: builds a synthetic archive with the full Newsdesk build and with a minimal Astro site,
 * and prints wall time, peak memory, output size and time by phase as Markdown tables.
 *
 *   npm run bench -- --articles 1000,4000,10000 --runs 3
 *
 * Options: --articles N,N,…  (default 1000,4000)   --runs N (cold builds per size, median reported; default 1)
 *          --skip-baseline   --skip-warm   --skip-extras (checker and ranking timings)   --seed N
 *          --keep (leave the temporary corpora and outputs)   --cpu-prof (write V8 profiles of the astro process)
 *          --json FILE (also write the raw results)
 *          --cards (instead: the social card benchmark, src/bench/card-bench.ts; --cold N (default 4000),
 *          --warm N (default 100000; 0 skips), --skip-build, --seed N, --keep)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildContext } from '../bench/builds.ts';
import { runCardBench } from '../bench/card-bench.ts';
import { componentTimings } from '../bench/component-timings.ts';
import { describeMachine } from '../bench/machine.ts';
import { findTimeBinary } from '../bench/measure-process.ts';
import { runBuilds } from '../bench/run-builds.ts';
import { parseBenchOptions, type BenchOptions } from '../lib/bench/bench-options.ts';
import { renderReport } from '../lib/bench/bench-report.ts';
import { projectRoot } from '../settings.ts';

let options: BenchOptions;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const log = (message: string) => console.error(`[bench] ${message}`);
const loadAtStart = loadavg();
const workDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
log(`working in ${workDir}`);
// Interrupted runs leave no gigabytes of corpora behind (unless asked to keep them).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
}

// Every build publishes up to this instant, so the same corpus always yields the same site.
const now = new Date('2026-06-01T00:00:00Z');

async function benchBuilds(): Promise<void> {
  const context: BuildContext = { projectRoot, workDir, timeBinary: findTimeBinary(log), log, now, cpuProf: options.cpuProf };
  const results = await runBuilds(context, options);
  const timings = options.skipExtras ? [] : await componentTimings(context, options.sizes, options.seed, options.runs);

  console.log(renderReport({
    sizes: options.sizes,
    runs: options.runs,
    seed: options.seed,
    now,
    madeAt: new Date(),
    machine: describeMachine(projectRoot, loadAtStart),
    results,
    timings,
  }));
  if (options.json) {
    const raw = results.map(({ measured, ...rest }) => ({ ...rest, measured: measured.map(({ lines, ...m }) => m) }));
    writeFileSync(options.json, JSON.stringify({ sizes: options.sizes, runs: options.runs, seed: options.seed, results: raw, timings }, null, 2));
  }
}

if (options.cards) console.log(await runCardBench({ projectRoot, workDir, now, seed: options.seed, log }, options.cards));
else await benchBuilds();
if (options.keep) log(`kept ${workDir}`);
else rmSync(workDir, { recursive: true, force: true });
