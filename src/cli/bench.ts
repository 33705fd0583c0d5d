/**
 * `npm run bench`: builds a synthetic archive with the full Newsdesk build, a minimal Astro site and, when Hugo is
 * installed, Hugo + Pagefind's CLI, and prints wall time, memory of each process, output size and time by phase
 * as Markdown tables; optionally sharded builds and the dev server. Every option: `npm run bench -- --help`.
 *
 *   npm run bench -- --articles 1000,4000,10000 --runs 3
 *   npm run bench -- --articles 10000,40000,100000 --newsdesk-only
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildContext } from '../bench/builds.ts';
import { runCardBench } from '../bench/card-bench.ts';
import { componentTimings } from '../bench/component-timings.ts';
import { describeMachine, probeMachine } from '../bench/machine.ts';
import { findTimeBinary, stopServers } from '../bench/measure-process.ts';
import { findOnPath, HUGO_MISSING } from '../bench/peer.ts';
import { runBuilds } from '../bench/run-builds.ts';
import { BENCH_HELP, parseBenchOptions, type BenchOptions } from '../lib/bench/bench-options.ts';
import { renderReport } from '../lib/bench/bench-report.ts';
import { projectRoot } from '../settings.ts';
import { commandPaths } from './command-line.ts';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(BENCH_HELP);
  process.exit(0);
}

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
    stopServers();
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
}

// Every build publishes up to this instant, so the same corpus always yields the same site.
const now = new Date('2026-06-01T00:00:00Z');

async function benchBuilds(): Promise<void> {
  const probeAtStart = probeMachine();
  const context: BuildContext = { projectRoot, workDir, timeBinary: findTimeBinary(log), log, now, cpuProf: options.cpuProf };
  const hugo = options.skipPeer ? undefined : findOnPath('hugo');
  if (!options.skipPeer && !hugo) log(HUGO_MISSING);
  const { results, ...scale } = await runBuilds(context, options, hugo);
  const timings = options.skipExtras ? [] : await componentTimings(context, options.sizes, options.seed, options.runs);

  console.log(renderReport({
    sizes: options.sizes,
    runs: options.runs,
    seed: options.seed,
    now,
    madeAt: new Date(),
    machine: describeMachine(projectRoot, loadAtStart, probeAtStart),
    results,
    timings,
    warmCards: options.warmCards,
    scale: { ...scale, ...(options.skipPeer || hugo ? {} : { peerMissing: HUGO_MISSING }) },
  }));
  if (options.json) {
    // Everything measured but the builds' output lines, which the logs keep.
    const raw = { sizes: options.sizes, runs: options.runs, seed: options.seed, results, ...scale, timings };
    writeFileSync(commandPaths().resolve(options.json), JSON.stringify(raw, (key, value) => (key === 'lines' ? undefined : value), 2));
  }
}

if (options.cards) console.log(await runCardBench({ projectRoot, workDir, now, seed: options.seed, log }, options.cards));
else await benchBuilds();
if (options.keep) log(`kept ${workDir}`);
else rmSync(workDir, { recursive: true, force: true });
