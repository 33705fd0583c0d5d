/**
 * `npm run bench:aggregate [-- --sources 200 --items 50 --archive 10000 --keep]`: `npm run aggregate` against
 * local publishers (one HTTP server per source on 127.0.0.1, so the one-request-per-host rule leaves the eight
 * overall slots busy) into a synthetic archive. A first run that writes every item, a run where every feed answers
 * 304, and one where a single feed has one new story (which makes the run read the archive). Prints wall time and
 * peak memory of each run as a Markdown table.
 *
 * `npm run bench:aggregate -- --state [--sources 500 --per-day 300 --listed 100 --days 14 --runs-per-day 4]`: instead,
 * the size of the state file as busy sources fill it over weeks of runs (src/lib/bench/state-growth.ts), and the time
 * a run takes to read it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunReport } from '../lib/aggregation/report.ts';
import { generateCorpus } from '../lib/bench/corpus.ts';
import { syntheticFeed } from '../lib/bench/feeds.ts';
import { formatCount, formatTableDuration, formatTable } from '../lib/bench/report.ts';
import { formatBytes } from '../lib/text/format-bytes.ts';
import { stateGrowth } from '../lib/bench/state-growth.ts';
import { parseState, serializeState } from '../lib/aggregation/state.ts';
import { projectRoot } from '../settings.ts';

const { values: options } = parseArgs({
  options: {
    sources: { type: 'string' },
    items: { type: 'string', default: '50' },
    archive: { type: 'string', default: '10000' },
    keep: { type: 'boolean', default: false },
    state: { type: 'boolean', default: false },
    'per-day': { type: 'string', default: '300' },
    listed: { type: 'string', default: '100' },
    days: { type: 'string', default: '14' },
    'runs-per-day': { type: 'string', default: '4' },
  },
});
const [sourceCount, itemCount, archiveSize] = [options.sources ?? (options.state ? '500' : '200'), options.items, options.archive].map((text) => Number(text.replace(/_/g, '')));
if (![sourceCount, itemCount, archiveSize].every((value) => Number.isInteger(value) && value! >= 0) || !sourceCount) {
  console.error('usage: npm run bench:aggregate -- [--sources 200] [--items 50] [--archive 10000] [--keep]');
  process.exit(2);
}

const log = (message: string) => console.error(`[bench:aggregate] ${message}`);
if (options.state) {
  await benchStateGrowth();
  process.exit(0);
}
const NOW = new Date();
const workDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-aggregate-'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
}
const contentDir = join(workDir, 'articles');
const sourcesFile = join(workDir, 'sources.yaml');

log(`writing a ${formatCount(archiveSize!)}-article archive in ${workDir}`);
for (const article of generateCorpus({ count: archiveSize!, now: NOW })) {
  const path = join(contentDir, article.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, article.content);
}
mkdirSync(contentDir, { recursive: true });

interface Publisher {
  server: Server;
  requests: number;
  notModified: number;
  /** Publishes the feed with one more story. */
  addStory: () => void;
}

log(`starting ${sourceCount} publishers with ${itemCount} items each`);
const publishers: Publisher[] = [];
const registry: string[] = [];
for (let index = 0; index < sourceCount!; index++) {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let body = '';
  let etag = '';
  const publish = (count: number) => {
    body = syntheticFeed(index, count, origin, NOW);
    etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
  };
  publish(itemCount!);
  const publisher: Publisher = { server, requests: 0, notModified: 0, addStory: () => publish(itemCount! + 1) };
  server.on('request', (request, response) => {
    publisher.requests++;
    if (request.headers['if-none-match'] === etag) {
      publisher.notModified++;
      return response.writeHead(304, { etag }).end();
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
  });
  publishers.push(publisher);
  registry.push(`- id: source-${index}\n  name: Source ${index}\n  feed: ${origin}/feed.xml\n`);
}
writeFileSync(sourcesFile, registry.join(''));

interface Measured {
  wallMs: number;
  peakRss?: number;
  report?: RunReport;
}

/** One `npm run aggregate`, under GNU time when it is there (the kernel's peak RSS of the process). */
function measure(args: string[]): Promise<Measured> {
  const node = join(projectRoot, 'node_modules/.bin/node');
  const command = [node, 'src/cli/aggregate.ts', ...args];
  const rssFile = join(workDir, 'rss.txt');
  rmSync(rssFile, { force: true });
  const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const [file, argv] = timeBinary ? [timeBinary, ['-f', '%M', '-o', rssFile, ...command]] : [command[0]!, command.slice(1)];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: projectRoot, env: { ...process.env, GITHUB_STEP_SUMMARY: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  return new Promise((done) => {
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) log(`aggregate exited ${code}`);
      const peakRss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) * 1024 : undefined;
      let report: RunReport | undefined;
      try {
        report = JSON.parse(stdout) as RunReport;
      } catch {
        report = undefined;
      }
      done({ wallMs, peakRss, report });
    });
  });
}

const aggregateArgs = ['--sources', sourcesFile, '--content-dir', contentDir, '--json'];
const startLoad = loadavg()[0]!;
log('startup floor (node + the aggregator’s modules, --help)…');
const floor = await measure(['--help']);
log('first run…');
const first = await measure(aggregateArgs);
const requestsAfterFirst = publishers.reduce((sum, publisher) => sum + publisher.requests, 0);
log('unchanged run…');
const second = await measure(aggregateArgs);
const secondRequests = publishers.reduce((sum, publisher) => sum + publisher.requests, 0) - requestsAfterFirst;
const notModified = publishers.reduce((sum, publisher) => sum + publisher.notModified, 0);
log('a run where one source has one new story…');
publishers[0]!.addStory();
const oneNew = await measure(aggregateArgs);
const endLoad = loadavg()[0]!;

for (const publisher of publishers) publisher.server.close();
if (!options.keep) rmSync(workDir, { recursive: true, force: true });
else log(`kept ${workDir}`);

const row = (what: string, measured: Measured) => [
  what,
  formatTableDuration(measured.wallMs),
  formatBytes(measured.peakRss),
  measured.report ? formatCount(measured.report.totals.newItems) : '–',
  measured.report ? `${measured.report.totals.fetched} fetched, ${measured.report.totals.notModified} not modified, ${measured.report.totals.failed} failed` : 'no report',
];
console.log(
  [
    `${sourceCount} sources × ${itemCount} items into a ${formatCount(archiveSize!)}-article archive; ${cpus().length} cores, load ${startLoad.toFixed(1)} → ${endLoad.toFixed(1)}.`,
    '',
    formatTable(['run', 'wall', 'peak RSS', 'new items', 'sources'], [row('startup floor (`--help`)', floor), row('first run', first), row('unchanged run (all 304)', second), row('one new story in one source', oneNew)], ['left', 'right', 'right', 'right', 'left']),
    '',
    `Unchanged run: ${secondRequests} requests, ${notModified} answered 304.`,
  ].join('\n'),
);

/** The state file's size at checkpoints of weeks of runs over busy sources, and the time to read it back. */
async function benchStateGrowth(): Promise<void> {
  const sources = sourceCount!;
  const [perDay, listed, days, runsPerDay] = [options['per-day'], options.listed, options.days, options['runs-per-day']].map((text) => Number(text.replace(/_/g, '')));
  if (![perDay, listed, days, runsPerDay].every((value) => Number.isInteger(value) && value! > 0)) {
    console.error('usage: npm run bench:aggregate -- --state [--sources 500] [--per-day 300] [--listed 100] [--days 14] [--runs-per-day 4]');
    process.exit(2);
  }
  const checkpoints = [1, 2, 3, 7, 14, 28].filter((day) => day < days!).concat(days!);
  const rows: string[][] = [];
  const started = performance.now();
  for (const { day, state } of stateGrowth({ sources, perDay: perDay!, listed: listed!, runsPerDay: runsPerDay!, checkpoints, start: new Date('2026-12-01T00:00:00Z') })) {
    const text = serializeState(state);
    const readStarted = performance.now();
    parseState(text, 'state.json');
    const readMs = performance.now() - readStarted;
    const keys = Object.values(state.sources).reduce((sum, source) => sum + source.seen.length, 0);
    rows.push([`day ${day}`, formatBytes(Buffer.byteLength(text)), formatBytes(Buffer.byteLength(text) / sources), formatCount(keys), formatTableDuration(readMs)]);
    log(`day ${day} after ${formatTableDuration(performance.now() - started)}`);
  }
  console.log(
    [
      `${sources} sources, each publishing ${perDay} stories a day and listing its newest ${listed}, settled ${runsPerDay} times a day; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}.`,
      '',
      formatTable(['after', 'state file', 'per source', 'keys remembered', 'read and checked'], rows, ['left', 'right', 'right', 'right', 'right']),
    ].join('\n'),
  );
}
