/**
 * `npm run bench -- --cards`: what social cards cost. On a synthetic archive it times the card step alone with a
 * cold cache, again after one headline is edited (it must make exactly one card), the full build with a cold and a
 * warm card cache (the difference is what cold cards add to a build), and the card step at a very large archive with
 * every card cached.
 *
 *   npm run bench -- --cards --cold 4000 --warm 100000
 *
 * Options: --cold N (default 4000)   --warm N (default 100000; 0 skips)   --skip-build   --seed N   --keep
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../io/bench/corpus-files.ts';
import { loadArticleCardJobs } from '../io/cards/article-card-jobs.ts';
import { cardCacheFile } from '../io/cards/card-cache.ts';
import { loadFontCatalogue } from '../io/cards/font-catalogue.ts';
import { createCardRenderer } from '../io/cards/render-card.ts';
import { generateCorpus, type CorpusArticle } from '../lib/bench/corpus.ts';
import { formatCount, formatSeconds, formatTable } from '../lib/bench/report.ts';
import { cardKey } from '../lib/cards/card-content.ts';
import { createDateFormatter } from '../lib/site/dates.ts';
import { siteConfig } from '../site.config.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const NOW = new Date('2026-06-01T00:00:00Z');
const { values: options } = parseArgs({
  options: {
    cold: { type: 'string', default: '4000' },
    warm: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    'skip-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const cold = Number(options.cold);
const warm = Number(options.warm);
const seed = Number(options.seed);
const log = (message: string) => console.error(`[bench:cards] ${message}`);
const workDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-cards-'));
log(`working in ${workDir}; load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);

interface Timed {
  wallMs: number;
  /** CPU seconds of the process and its threads (GNU time), when available. */
  cpuSeconds?: number;
  stdout: string;
}

/** Runs a command under GNU time (for CPU seconds) when the machine has it. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Timed {
  const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const started = performance.now();
  const result = timeBinary
    ? spawnSync(timeBinary, ['-f', '[time] %U %S', command, ...args], { cwd: projectRoot, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(command, args, { cwd: projectRoot, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  const cpu = /\[time\] ([\d.]+) ([\d.]+)/.exec(result.stderr);
  return { wallMs, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined, stdout: result.stdout };
}

function cardStep(content: string, cache: string, out: string): Timed & { cards: number; made: number } {
  rmSync(out, { recursive: true, force: true });
  const run = timed(process.execPath, [join(projectRoot, 'src/cli/cards.ts'), out], { NEWSDESK_CONTENT_DIR: content, NEWSDESK_CARD_CACHE: cache, NEWSDESK_NOW: NOW.toISOString() });
  const line = /Social cards: (\d+) cards, (\d+) made/.exec(run.stdout);
  if (!line) throw new Error(`no summary line from the card step:\n${run.stdout}`);
  return { ...run, cards: Number(line[1]), made: Number(line[2]) };
}

function fullBuild(content: string, cardCache: string, label: string): Timed {
  const folder = join(workDir, label);
  return timed(process.execPath, [join(projectRoot, 'src/cli/build.ts')], {
    NEWSDESK_CONTENT_DIR: content,
    NEWSDESK_DIST: join(folder, 'dist'),
    NEWSDESK_CACHE_DIR: join(folder, 'cache'),
    NEWSDESK_CARD_CACHE: cardCache,
    NEWSDESK_NOW: NOW.toISOString(),
    NODE_COMPILE_CACHE: join(folder, 'cache', 'node-compile-cache'),
    PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
  });
}

function writeCorpusFor(count: number): { content: string; corpus: CorpusArticle[] } {
  const corpus = generateCorpus({ count, seed, now: NOW });
  const content = join(workDir, `content-${count}`);
  writeCorpus(content, corpus);
  return { content, corpus };
}

const rows: string[][] = [];
const row = (what: string, articles: number, run: Timed & { made?: number }, note = '') =>
  rows.push([what, formatCount(articles), run.made === undefined ? '' : formatCount(run.made), formatSeconds(run.wallMs), run.cpuSeconds === undefined ? '' : `${run.cpuSeconds.toFixed(1)} s`, note]);

try {
  log(`${formatCount(cold)} articles: writing the corpus`);
  const { content, corpus } = writeCorpusFor(cold);
  const cache = join(workDir, 'card-cache');
  const first = cardStep(content, cache, join(workDir, 'cards-cold'));
  row('card step, cold cache', cold, first, `${formatCount(first.cards)} cards, ${(first.wallMs / Math.max(1, first.made)).toFixed(1)} ms each on ${availableParallelism()} threads`);

  // One editor's commit: a headline corrected.
  const edited = corpus.find((article) => article.status === 'published')!;
  const file = join(content, edited.path);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(`${edited.title} (corrected)`)}`));
  const again = cardStep(content, cache, join(workDir, 'cards-edited'));
  row('card step, one headline edited', cold, again, again.made === 1 ? 'exactly one card made' : `expected 1 card made, got ${again.made}`);

  if (!options['skip-build']) {
    log(`${formatCount(cold)} articles: full builds with a cold and a warm card cache`);
    const coldBuild = fullBuild(content, join(workDir, 'build-card-cache-cold'), 'build-cold-cards');
    const warmBuild = fullBuild(content, cache, 'build-warm-cards');
    row('full build, cold card cache', cold, coldBuild);
    row('full build, warm card cache', cold, warmBuild, `cold cards add ${formatSeconds(coldBuild.wallMs - warmBuild.wallMs)}`);
  }

  if (warm > 0) {
    log(`${formatCount(warm)} articles: writing the corpus and a warm card cache`);
    const large = writeCorpusFor(warm);
    const largeCache = join(workDir, 'card-cache-large');
    mkdirSync(largeCache, { recursive: true });
    // The warm path only looks cards up and links them, never reads them: a copy of one real card stands in for
    // each (a file of its own, as a link count has a limit).
    const dates = createDateFormatter(siteConfig.locale, siteConfig.timeZone);
    // Reading the archive here also leaves what the card step remembers of each file, as a previous build would.
    const jobs = loadArticleCardJobs(large.content, NOW, { siteName: siteConfig.name, formatDate: dates.date }, largeCache);
    const sample = join(workDir, 'sample-card.png');
    writeFileSync(sample, (await createCardRenderer(loadFontCatalogue()).render(jobs[0]!.content)).png);
    for (const key of new Set(jobs.map((job) => cardKey(job.content)))) copyFileSync(sample, cardCacheFile(largeCache, key));
    const warmRun = cardStep(large.content, largeCache, join(workDir, 'cards-large'));
    row('card step, every card cached', warm, warmRun, `${formatCount(warmRun.cards)} cards linked into the site`);
  }

  console.log(formatTable(['run', 'articles', 'cards made', 'wall', 'CPU', 'note'], rows, ['left', 'right', 'right', 'right', 'right', 'left']));
} finally {
  if (!options.keep) rmSync(workDir, { recursive: true, force: true });
}
