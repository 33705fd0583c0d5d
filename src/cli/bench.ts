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
 *          --cards (instead: the social card benchmark, src/cli/bench-cards.ts, which takes its own options)
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../io/bench/corpus-files.ts';
import { generateCorpus, summarizeCorpus, type CorpusArticle } from '../lib/bench/corpus.ts';
import { parsePhases, type BuildPhases, type LogLine } from '../lib/bench/phases.ts';
import { formatBytes, formatCount, formatDuration, formatRatio, formatSeconds, formatTable, median, type Align } from '../lib/bench/report.ts';
import { facetKey } from '../lib/site/facets.ts';
import { rankRelated } from '../lib/site/related/related.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const baselineRoot = join(projectRoot, 'bench/baseline');
const bin = (name: string) => join(projectRoot, 'node_modules/.bin', name);
/** Every build publishes up to this instant, so the same corpus always yields the same site. */
const NOW = new Date('2026-06-01T00:00:00Z');

if (process.argv.includes('--cards')) {
  const cards = spawnSync(process.execPath, [join(projectRoot, 'src/cli/bench-cards.ts'), ...process.argv.slice(2).filter((arg) => arg !== '--cards')], { stdio: 'inherit' });
  process.exit(cards.status ?? 1);
}

const { values: options } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000,4000' },
    runs: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    'skip-baseline': { type: 'boolean', default: false },
    'skip-warm': { type: 'boolean', default: false },
    'skip-extras': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const sizes = options.articles.split(',').map((text) => Number(text.trim().replace(/_/g, '')));
const runs = Number(options.runs);
const seed = Number(options.seed);
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run bench -- [--articles 1000,4000,10000] [--runs 3] [--skip-baseline] [--skip-warm] [--skip-extras] [--keep] [--cpu-prof] [--json FILE]');
  process.exit(2);
}

const log = (message: string) => console.error(`[bench] ${message}`);
const startLoad = loadavg();
const workDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
log(`working in ${workDir}`);
// Interrupted runs leave no gigabytes of corpora behind (unless asked to keep them).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
}

// ---------------------------------------------------------------- measuring one process tree

interface Measured {
  wallMs: number;
  /** Peak resident memory of the largest process in the tree, in bytes (kernel's ru_maxrss via GNU time). */
  peakRss: number | undefined;
  /** Peak resident memory of all the build's processes at once, sampled from /proc every 250 ms (may miss short peaks). */
  peakTogether: number;
  /** Peak resident memory by role (astro, pagefind, indexer, checker), sampled from /proc every 250 ms. */
  peakByRole: Record<string, number>;
  lines: LogLine[];
  status: number;
}

const timeBinary = ensureTimeBinary();

/** GNU time reports ru_maxrss from wait4, which covers the build's child processes too. */
function ensureTimeBinary(): string | undefined {
  if (existsSync('/usr/bin/time')) return '/usr/bin/time';
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    log('installing Debian’s `time` package to read peak memory from the kernel');
    spawnSync('apt-get', ['install', '-y', '-qq', 'time'], { stdio: 'ignore' });
    if (existsSync('/usr/bin/time')) return '/usr/bin/time';
  }
  log('no /usr/bin/time: peak memory is the sum over the build’s processes, sampled from /proc every 250 ms (may miss short peaks)');
  return undefined;
}

interface ProcessMemory {
  pid: number;
  /** What the process is, for the report: astro, pagefind, indexer (its Node side), checker or other. */
  role: string;
  rss: number;
  /** The kernel's high-water mark of this process's resident memory (VmHWM). */
  peak: number;
}

/** A process and all its descendants, from /proc. */
function processTree(rootPid: number): ProcessMemory[] {
  const children = new Map<number, number[]>();
  const found = new Map<number, ProcessMemory>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const parent = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
      const role = /search-index/.test(command) ? 'indexer' : /pagefind/.test(command) ? 'pagefind' : /check-content/.test(command) ? 'checker' : /astro/.test(command) ? 'astro' : 'other';
      found.set(Number(entry), { pid: Number(entry), role, rss: kb('VmRSS'), peak: kb('VmHWM') });
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree: ProcessMemory[] = [];
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const info = found.get(pid);
    if (info) tree.push(info);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function measure(label: string, command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd = projectRoot): Promise<Measured> {
  const rssFile = join(workDir, 'rss.txt');
  rmSync(rssFile, { force: true });
  const [file, argv] = timeBinary ? [timeBinary, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  log(`${label}…`);
  const started = performance.now();
  // Node from this process first: astro's `#!/usr/bin/env node` must not find an older system Node.
  const path = `${dirname(process.execPath)}:${join(projectRoot, 'node_modules/.bin')}:${process.env.PATH ?? ''}`;
  const child = spawn(file, argv, { cwd, env: { ...process.env, ...env, PATH: path, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: LogLine[] = [];
  let sampledPeak = 0;
  const peakByRole: Record<string, number> = {};
  const sampler = setInterval(() => {
    const tree = processTree(child.pid!);
    sampledPeak = Math.max(sampledPeak, tree.reduce((sum, info) => sum + info.rss, 0));
    for (const { role, peak } of tree) if (role !== 'other') peakByRole[role] = Math.max(peakByRole[role] ?? 0, peak);
  }, 250);
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const ms = performance.now() - started;
      const parts = (pending + chunk).split('\n');
      pending = parts.pop()!;
      for (const text of parts) lines.push({ ms, text });
      // Each line stamped with seconds since the build started, so a kept log shows where the time went.
      if (parts.length > 0) appendFileSync(logFile, parts.map((text) => `${(ms / 1000).toFixed(3).padStart(8)}  ${text}\n`).join(''));
    });
  }
  return new Promise((done) => {
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      clearInterval(sampler);
      const reported = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) * 1024 : undefined;
      if (code !== 0) log(`${label} failed (exit ${code}); last lines:\n${lines.slice(-25).map((line) => `    ${line.text}`).join('\n')}`);
      done({ wallMs, peakRss: timeBinary ? reported : sampledPeak, peakTogether: sampledPeak, peakByRole, lines, status: code ?? 1 });
    });
  });
}

// ---------------------------------------------------------------- reading the output

interface OutputStats {
  pages: number;
  distBytes: number;
  /** The largest article page and the CSS it links, before compression. */
  largestArticle?: { path: string; html: number; css: number };
  /** Article pages with a script the browser would run. */
  articlePagesWithScript: number;
}

function walk(dir: string, visit: (path: string, size: number) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, visit);
    else visit(path, statSync(path).size);
  }
}

/** A <script> the browser runs (JSON-LD and other data blocks do not count), or a module preload. */
function hasExecutableScript(html: string): boolean {
  if (/<link\b[^>]*rel="modulepreload"/i.test(html)) return true;
  for (const [, attributes] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes!)?.[1]?.toLowerCase();
    if (type === undefined || type === 'module' || type.endsWith('javascript') || type.endsWith('ecmascript')) return true;
  }
  return false;
}

function readOutput(dist: string, articlesDir: string): OutputStats {
  let pages = 0;
  let distBytes = 0;
  walk(dist, (path, size) => {
    distBytes += size;
    if (path.endsWith('.html')) pages++;
  });
  let largest: { path: string; size: number } | undefined;
  let articlePagesWithScript = 0;
  const articleRoot = join(dist, articlesDir);
  if (existsSync(articleRoot)) {
    walk(articleRoot, (path, size) => {
      if (!path.endsWith('.html')) return;
      if (!largest || size > largest.size) largest = { path, size };
      if (hasExecutableScript(readFileSync(path, 'utf8'))) articlePagesWithScript++;
    });
  }
  if (!largest) return { pages, distBytes, articlePagesWithScript };
  const html = readFileSync(largest.path, 'utf8');
  let css = 0;
  for (const link of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(link[0])?.[1];
    const file = href && join(dist, new URL(href, 'http://x/').pathname);
    if (file && existsSync(file)) css += statSync(file).size;
  }
  return { pages, distBytes, articlePagesWithScript, largestArticle: { path: largest.path.slice(dist.length), html: largest.size, css } };
}

// ---------------------------------------------------------------- the builds

interface BuildResult {
  kind: 'newsdesk' | 'baseline' | 'newsdesk warm';
  articles: number;
  measured: Measured[];
  phases: BuildPhases[];
  output?: OutputStats;
}

/**
 * Newsdesk builds share the project's .astro/ folder with the build tests, which take this lock around each build
 * (tests/helpers/build-site.ts). The bench holds it from outside the measurement, so waiting is never timed.
 */
const buildLock = join(projectRoot, 'node_modules', '.newsdesk-build.lock');
const flockBinary = ['/usr/bin/flock', '/bin/flock'].find((path) => existsSync(path));

async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  if (!flockBinary) return work();
  const holder = spawn(flockBinary, [buildLock, 'sh', '-c', 'echo held; cat >/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((held, failed) => {
    holder.stdout.once('data', () => held());
    holder.once('exit', (code) => failed(new Error(`could not take ${buildLock} (exit ${code})`)));
  });
  try {
    return await work();
  } finally {
    holder.stdin.end();
    await new Promise((released) => holder.once('exit', released));
  }
}

async function buildNewsdesk(label: string, content: string, dist: string, cache: string, logFile: string): Promise<Measured> {
  const profileDir = join(workDir, 'profiles', label.replace(/\W+/g, '-'));
  const env: NodeJS.ProcessEnv = {
    NEWSDESK_CONTENT_DIR: content,
    NEWSDESK_DIST: dist,
    NEWSDESK_CACHE_DIR: cache,
    NEWSDESK_NOW: NOW.toISOString(),
    NEWSDESK_TIMING: '1',
    // Astro turns on Node's compile cache (os.tmpdir() by default), which would carry compiled modules from one
    // "cold" build to the next: it lives with the Astro cache instead, so cold is cold and warm keeps both.
    NODE_COMPILE_CACHE: join(cache, 'node-compile-cache'),
  };
  if (options['cpu-prof']) env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim();
  return withBuildLock(() => measure(label, process.execPath, [join(projectRoot, 'src/cli/build.ts')], env, logFile));
}

async function buildBaseline(label: string, content: string, dist: string, cache: string, logFile: string): Promise<Measured> {
  const env: NodeJS.ProcessEnv = { NEWSDESK_CONTENT_DIR: content, NEWSDESK_OUT_DIR: dist, NEWSDESK_CACHE_DIR: cache, NODE_COMPILE_CACHE: join(cache, 'node-compile-cache') };
  if (options['cpu-prof']) env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${join(workDir, 'profiles', label.replace(/\W+/g, '-'))}`.trim();
  // Run from its own folder: with the output outside the working directory, Astro stages server chunks in
  // <cwd>/.astro/.prerender, which must not be the project's (Newsdesk builds and tests use that one).
  return measure(label, bin('astro'), ['build', '--root', baselineRoot], env, logFile, baselineRoot);
}

/** A visible edit to one published article, as in an editor's commit; returns how to undo it. */
function editOneArticle(content: string, articles: readonly CorpusArticle[]): () => void {
  const file = join(content, articles.find((article) => article.status === 'published')!.path);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `${original}\n\n## Update\n\nThis article was updated after publication with a correction from the desk.\n`);
  return () => writeFileSync(file, original);
}

const results: BuildResult[] = [];
const sizeDir = (size: number) => join(workDir, String(size));

for (const size of sizes) {
  const corpus = generateCorpus({ count: size, seed, now: NOW });
  const content = join(sizeDir(size), 'content');
  writeCorpus(content, corpus);
  const summary = summarizeCorpus(corpus);
  log(`${formatCount(size)} articles (${formatCount(summary.published)} published, ${summary.drafts} drafts, ${summary.scheduled} scheduled, ${Math.round(summary.meanWords)} words on average)`);

  const newsdesk: BuildResult = { kind: 'newsdesk', articles: size, measured: [], phases: [] };
  const baseline: BuildResult = { kind: 'baseline', articles: size, measured: [], phases: [] };
  const warm: BuildResult = { kind: 'newsdesk warm', articles: size, measured: [], phases: [] };
  // Every build writes to folders of its own and nothing is deleted until the end: a CI build starts from a fresh
  // checkout, and on ext4 creating thousands of files right after deleting thousands is measurably slower.
  for (let run = 1; run <= runs; run++) {
    const folder = (name: string) => join(sizeDir(size), `${name}-${run}`);
    const cache = folder('cache');
    const measured = await buildNewsdesk(`newsdesk ${size} run ${run}`, content, folder('dist'), cache, join(sizeDir(size), `newsdesk-${run}.log`));
    newsdesk.measured.push(measured);
    newsdesk.phases.push(parsePhases(measured.lines));
    if (run === runs && measured.status === 0) newsdesk.output = readOutput(folder('dist'), 'articles');

    if (!options['skip-baseline']) {
      const base = await buildBaseline(`baseline ${size} run ${run}`, content, folder('baseline-dist'), folder('baseline-cache'), join(sizeDir(size), `baseline-${run}.log`));
      baseline.measured.push(base);
      baseline.phases.push(parsePhases(base.lines));
      if (run === runs && base.status === 0) baseline.output = readOutput(folder('baseline-dist'), 'articles');
    }

    if (!options['skip-warm']) {
      // The cold build's caches are kept and one article changes, as in an editor's commit; then it is put back.
      const undo = editOneArticle(content, corpus);
      const rebuilt = await buildNewsdesk(`newsdesk ${size} warm ${run}`, content, folder('warm-dist'), cache, join(sizeDir(size), `newsdesk-warm-${run}.log`));
      undo();
      warm.measured.push(rebuilt);
      warm.phases.push(parsePhases(rebuilt.lines));
    }
  }
  results.push(newsdesk);
  if (!options['skip-baseline']) results.push(baseline);
  if (!options['skip-warm']) results.push(warm);
}

// ---------------------------------------------------------------- component timings

interface Timing {
  what: string;
  articles: number;
  ms: number | undefined;
  note: string;
}
const timings: Timing[] = [];

if (!options['skip-extras']) {
  const checker = join(projectRoot, 'src/cli/check-content.ts');
  if (existsSync(checker)) {
    const corpus = generateCorpus({ count: 1000, seed, now: NOW });
    const content = join(workDir, 'checker-content');
    writeCorpus(content, corpus);
    const walls: number[] = [];
    let peak = 0;
    let ok = true;
    for (let run = 1; run <= Math.max(3, runs); run++) {
      const measured = await measure(`content checker 1000 run ${run}`, process.execPath, [checker, content], { NEWSDESK_CONTENT_DIR: content, NEWSDESK_NOW: NOW.toISOString() }, join(workDir, 'checker.log'));
      ok &&= measured.status === 0;
      walls.push(measured.wallMs);
      peak = Math.max(peak, measured.peakRss ?? 0);
    }
    timings.push({ what: 'content checker (`npm run check:content`)', articles: 1000, ms: median(walls), note: `${ok ? 'passed' : 'FAILED (see checker.log)'}; peak ${formatBytes(peak)}` });
  } else {
    timings.push({ what: 'content checker', articles: 1000, ms: undefined, note: 'src/cli/check-content.ts does not exist yet' });
  }

  for (const size of [...new Set([...sizes, 10_000])].sort((a, b) => a - b)) {
    const published = generateCorpus({ count: size, seed, now: NOW }).filter((article) => article.status === 'published');
    const candidates = published.map((article) => ({
      slug: article.slug,
      title: article.title,
      description: article.description,
      body: article.body,
      tagKeys: [...new Set(article.tags.map(facetKey))],
      publishedAt: article.publishedAt,
      curated: article.related,
    }));
    const walls: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      rankRelated(candidates, { limit: 5 });
      walls.push(performance.now() - started);
    }
    timings.push({ what: 'related ranking (`rankRelated`, in process)', articles: size, ms: median(walls), note: `${formatCount(published.length)} published; median of 3` });
  }
}

// ---------------------------------------------------------------- the report

const loadAtEnd = loadavg();
const cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
const astroVersion = JSON.parse(readFileSync(join(projectRoot, 'node_modules/astro/package.json'), 'utf8')).version;
const pagefindVersion = JSON.parse(readFileSync(join(projectRoot, 'node_modules/pagefind/package.json'), 'utf8')).version;

const medianOf = (values: Array<number | undefined>) => {
  const known = values.filter((value): value is number => value !== undefined && Number.isFinite(value));
  return known.length === 0 ? undefined : median(known);
};
const maxOf = (values: Array<number | undefined>) => {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
};
const wallOf = (result: BuildResult) => medianOf(result.measured.map((m) => m.wallMs));

const buildHeaders = ['build', 'articles', 'pages', 'wall', 'per 1k pages', 'peak RSS', 'peak, all processes', 'dist/', 'content check¹', 'content sync', 'bundle', 'collection load', 'site index²', 'render', 'search index¹', 'waited for search', 'failed runs'];
const buildAlign: Align[] = ['left', ...Array<Align>(buildHeaders.length - 1).fill('right')];
const buildRows = results.map((result) => {
  const wall = wallOf(result);
  const pages = result.output?.pages;
  const phase = (key: Exclude<keyof BuildPhases, 'indexBuilds'>) => formatDuration(medianOf(result.phases.map((p) => p[key])));
  return [
    result.kind,
    formatCount(result.articles),
    pages === undefined ? '–' : formatCount(pages),
    formatSeconds(wall),
    wall === undefined || !pages ? '–' : formatSeconds((wall / pages) * 1000),
    formatBytes(maxOf(result.measured.map((m) => m.peakRss))),
    formatBytes(maxOf(result.measured.map((m) => m.peakTogether))),
    formatBytes(result.output?.distBytes),
    result.kind === 'baseline' ? '–' : phase('check'),
    phase('sync'),
    phase('bundle'),
    result.kind === 'baseline' ? '–' : phase('load'),
    result.kind === 'baseline' ? '–' : phase('index'),
    phase('render'),
    result.kind === 'baseline' ? '–' : phase('search'),
    result.kind === 'baseline' ? '–' : phase('searchWait'),
    String(result.measured.filter((m) => m.status !== 0).length),
  ];
});

/** Builds take turns, so run n of each saw about the same machine load: the ratios of those pairs, low to high. */
function pairedRatios(numerator: BuildResult, denominator: BuildResult): string {
  const ratios = numerator.measured
    .map((m, run) => (denominator.measured[run] ? m.wallMs / denominator.measured[run]!.wallMs : Number.NaN))
    .filter((ratio) => Number.isFinite(ratio))
    .sort((a, b) => a - b);
  if (ratios.length === 0) return '–';
  return ratios.length === 1 ? formatRatio(ratios[0]) : `${formatRatio(ratios[0])}–${formatRatio(ratios.at(-1))} (median ${formatRatio(median(ratios))})`;
}

const ratioRows = sizes.flatMap((size) => {
  const of = (kind: BuildResult['kind']) => results.find((result) => result.kind === kind && result.articles === size);
  const cold = of('newsdesk');
  const base = of('baseline');
  const warm = of('newsdesk warm');
  const coldWall = cold && wallOf(cold);
  return [[
    formatCount(size),
    formatSeconds(coldWall),
    base ? formatSeconds(wallOf(base)) : '–',
    base && coldWall ? formatRatio(coldWall / wallOf(base)!) : '–',
    base && cold ? pairedRatios(cold, base) : '–',
    base && coldWall && cold ? formatRatio((coldWall - (medianOf(cold.phases.map((p) => p.searchWait)) ?? 0)) / wallOf(base)!) : '–',
    warm ? formatSeconds(wallOf(warm)) : '–',
    warm && cold ? pairedRatios(warm, cold) : '–',
    cold?.output?.largestArticle ? `${formatBytes(cold.output.largestArticle.html + cold.output.largestArticle.css)} (${formatBytes(cold.output.largestArticle.html)} HTML + ${formatBytes(cold.output.largestArticle.css)} CSS)` : '–',
    cold?.output ? String(cold.output.articlePagesWithScript) : '–',
    cold ? String(maxOf(cold.phases.map((p) => p.indexBuilds)) ?? 0) : '–',
    cold ? ['astro', 'pagefind', 'indexer', 'checker'].map((role) => formatBytes(maxOf(cold.measured.map((m) => m.peakByRole[role])))).join(' / ') : '–',
  ]];
});

const report = [
  `## Results (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
  '',
  `Machine: ${cpus().length} CPUs (${cpuModel}), ${formatBytes(totalmem())} memory (${formatBytes(freemem())} free at the end), Node ${process.version}, Astro ${astroVersion}, Pagefind ${pagefindVersion}.`,
  `Load average (1/5/15 min) at the start: ${startLoad.map((l) => l.toFixed(2)).join(' / ')}; at the end: ${loadAtEnd.map((l) => l.toFixed(2)).join(' / ')}.`,
  `Cold builds (empty Astro cache and Node compile cache), ${runs} run${runs === 1 ? '' : 's'} per size, Newsdesk and baseline alternating${runs > 1 ? ': wall time and phases are medians, peak RSS the maximum' : ''}. Corpus seed ${seed}; build clock ${NOW.toISOString()}.`,
  '',
  formatTable(buildHeaders, buildRows, buildAlign),
  '',
  formatTable(
    ['articles', 'Newsdesk', 'baseline', 'ratio', 'ratio per run pair', 'ratio without the wait for search', 'warm rebuild', 'warm / cold per run pair', 'largest article page + CSS', 'article pages with JavaScript', 'site index builds', 'peak: astro / pagefind / indexer / checker'],
    ratioRows,
    ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  ),
  '',
  ...(timings.length > 0
    ? [formatTable(['component', 'articles', 'time', 'notes'], timings.map((t) => [t.what, formatCount(t.articles), formatDuration(t.ms), t.note]), ['left', 'right', 'right', 'left']), '']
    : []),
  'Peak RSS is the largest single process of the build (astro or pagefind), as the kernel reports it (ru_maxrss via GNU time); peak, all processes is the most the build held at once (astro, checker, search indexer and Pagefind side by side), sampled from /proc every 250 ms.',
  'Phases come from log timestamps (for the baseline, collection loading is inside render): content sync = Astro content layer (Markdown rendering, schema, data store written); bundle = Vite; collection load = the first getCollection(), which imports the data store back; render = generating static routes, without collection load and site index; search index = src/cli/search-index.ts with Pagefind, from its own clock; waited for search = from Astro’s last line to the site being swapped in.',
  '¹ `check:content` and the search index run alongside Astro (build.ts), so they add to the wall time only when they outlast it.',
  '² src/lib/site-index.ts, once per build: publish rules, tags, authors, reading times and related ranking (most of it).',
].join('\n');

console.log(report);
if (options.json) writeFileSync(options.json, JSON.stringify({ sizes, runs, seed, results: results.map(({ measured, ...rest }) => ({ ...rest, measured: measured.map(({ lines, ...m }) => m) })), timings }, null, 2));
if (options.keep) log(`kept ${workDir}`);
else rmSync(workDir, { recursive: true, force: true });
