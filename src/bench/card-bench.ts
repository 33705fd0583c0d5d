/**
 * `npm run bench -- --cards`: what social cards cost. On a synthetic archive it times the card step alone with a
 * cold cache, again after one headline is edited (it must make exactly one card), the full build with a cold and a
 * warm card cache (the difference is what cold cards add to a build), and the card step at a very large archive with
 * every card cached.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { withBuildLock } from '../io/build-lock.ts';
import type { CardBenchOptions } from '../lib/bench/bench-options.ts';
import { formatCount, formatSeconds, formatTable } from '../lib/bench/report.ts';
import { settings } from '../settings.ts';
import { writeSyntheticCorpus, type WrittenCorpus } from './corpus-files.ts';
import { warmCardCache } from './warm-card-cache.ts';

export interface CardBenchContext {
  projectRoot: string;
  workDir: string;
  /** Every run publishes up to this instant. */
  now: Date;
  seed: number;
  log: (message: string) => void;
}

interface Timed {
  wallMs: number;
  /** CPU seconds of the process and its threads (GNU time), when available. */
  cpuSeconds?: number;
  stdout: string;
}

/** Runs a command under GNU time (for CPU seconds) when the machine has it. */
function timed(projectRoot: string, command: string, args: string[], env: NodeJS.ProcessEnv): Timed {
  const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const options = { cwd: projectRoot, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 } as const;
  const started = performance.now();
  const result = timeBinary ? spawnSync(timeBinary, ['-f', '[time] %U %S', command, ...args], options) : spawnSync(command, args, options);
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  const cpu = /\[time\] ([\d.]+) ([\d.]+)/.exec(result.stderr);
  return { wallMs, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined, stdout: result.stdout };
}

/** The rows of the card benchmark's table, as Markdown. */
export async function runCardBench(context: CardBenchContext, options: CardBenchOptions): Promise<string> {
  const { projectRoot, workDir, now, log } = context;
  const cardStep = (content: string, cache: string, out: string): Timed & { cards: number; made: number } => {
    rmSync(out, { recursive: true, force: true });
    const run = timed(projectRoot, process.execPath, [join(projectRoot, 'src/cli/cards.ts'), out], { NEWSDESK_CONTENT_DIR: content, NEWSDESK_CARD_CACHE: cache, NEWSDESK_NOW: now.toISOString() });
    const line = /Social cards: (\d+) cards, (\d+) made/.exec(run.stdout);
    if (!line) throw new Error(`no summary line from the card step:\n${run.stdout}`);
    return { ...run, cards: Number(line[1]), made: Number(line[2]) };
  };
  // Builds share the project's .astro/ folder with the build tests and the build benchmark: they take turns.
  const fullBuild = (content: string, cardCache: string, label: string): Promise<Timed> =>
    withBuildLock(settings.buildLock, async () => {
      const folder = join(workDir, label);
      return timed(projectRoot, process.execPath, [join(projectRoot, 'src/cli/build.ts')], {
        NEWSDESK_CONTENT_DIR: content,
        NEWSDESK_DIST: join(folder, 'dist'),
        NEWSDESK_CACHE_DIR: join(folder, 'cache'),
        NEWSDESK_CARD_CACHE: cardCache,
        NEWSDESK_NOW: now.toISOString(),
        NODE_COMPILE_CACHE: join(folder, 'cache', 'node-compile-cache'),
        PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      });
    });
  const writeCorpusFor = (count: number): WrittenCorpus => writeSyntheticCorpus(join(workDir, `content-${count}`), count, context.seed, now);

  const rows: string[][] = [];
  const row = (what: string, articles: number, run: Timed & { made?: number }, note = '') =>
    rows.push([what, formatCount(articles), run.made === undefined ? '' : formatCount(run.made), formatSeconds(run.wallMs), run.cpuSeconds === undefined ? '' : `${run.cpuSeconds.toFixed(1)} s`, note]);

  const { cold, warm } = options;
  log(`${formatCount(cold)} articles: writing the corpus`);
  const { content, sample: edited } = writeCorpusFor(cold);
  const cache = join(workDir, 'card-cache');
  const first = cardStep(content, cache, join(workDir, 'cards-cold'));
  row('card step, cold cache', cold, first, `${formatCount(first.cards)} cards, ${(first.wallMs / Math.max(1, first.made)).toFixed(1)} ms each on ${availableParallelism()} threads`);

  // One editor's commit: a headline corrected.
  const file = join(content, edited.path);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(`${edited.title} (corrected)`)}`));
  const again = cardStep(content, cache, join(workDir, 'cards-edited'));
  row('card step, one headline edited', cold, again, again.made === 1 ? 'exactly one card made' : `expected 1 card made, got ${again.made}`);

  if (!options.skipBuild) {
    log(`${formatCount(cold)} articles: full builds with a cold and a warm card cache`);
    const coldBuild = await fullBuild(content, join(workDir, 'build-card-cache-cold'), 'build-cold-cards');
    const warmBuild = await fullBuild(content, cache, 'build-warm-cards');
    row('full build, cold card cache', cold, coldBuild);
    row('full build, warm card cache', cold, warmBuild, `cold cards add ${formatSeconds(coldBuild.wallMs - warmBuild.wallMs)}`);
  }

  if (warm > 0) {
    log(`${formatCount(warm)} articles: writing the corpus and a warm card cache`);
    const large = writeCorpusFor(warm);
    const largeCache = join(workDir, 'card-cache-large');
    await warmCardCache(large.content, largeCache, now);
    const warmRun = cardStep(large.content, largeCache, join(workDir, 'cards-large'));
    row('card step, every card cached', warm, warmRun, `${formatCount(warmRun.cards)} cards linked into the site`);
  }

  return formatTable(['run', 'articles', 'cards made', 'wall', 'CPU', 'note'], rows, ['left', 'right', 'right', 'right', 'right', 'left']);
}
