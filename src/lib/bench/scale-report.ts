/**
 * The report's sections for large archives: memory of each process of every build, memory growth between sizes,
 * the Hugo + Pagefind peer, sharded builds, the dev server, corpus generation and the targets met or missed.
 */
import { formatBytes } from '../text/format-bytes.ts';
import { CPU_SLICE_MS, cpuPeriods } from './cpu-timeline.ts';
import { inSequence, maxOf, medianOf } from './measured-stats.ts';
import { GROWTH_GOAL_MB_PER_1K, growthBySize } from './memory-growth.ts';
import { PROCESS_ROLES, ROLE_MEANINGS } from './process-roles.ts';
import { formatCount, formatRatio, formatSeconds, formatTable, type Align } from './report.ts';
import { SAMPLE_EVERY_MS, type BuildResult, type CorpusWrite, type DevResult, type Measured, type OutputStats, type PeerResult, type ShardedResult } from './results.ts';
import { checkTargets, TARGETS } from './targets.ts';

export interface ScaleReportInput {
  results: readonly BuildResult[];
  corpora: readonly CorpusWrite[];
  peers: readonly PeerResult[];
  sharded: readonly ShardedResult[];
  dev: readonly DevResult[];
  /** Why the peer was not built (no `hugo` on PATH), when it was wanted. */
  peerMissing?: string;
}

interface MemoryRow {
  label: string;
  articles: number;
  measured: readonly Measured[];
  output?: OutputStats;
}

const right = (count: number): Align[] => Array<Align>(count).fill('right');
const wallOf = (measured: readonly Measured[]) => medianOf(measured.map((m) => m.wallMs));
const peakOf = (measured: readonly Measured[]) => maxOf(measured.map((m) => m.peakTogether));

function memoryRows(input: ScaleReportInput): MemoryRow[] {
  const rows: MemoryRow[] = input.results.map((result) => ({ label: result.kind, articles: result.articles, measured: result.measured, output: result.output }));
  for (const sharded of input.sharded) {
    const count = sharded.parts.length;
    sharded.parts.forEach((part, i) => rows.push({ label: `newsdesk shard ${i + 1}/${count}`, articles: sharded.articles, measured: [part] }));
    if (sharded.merge) rows.push({ label: `newsdesk merge of ${count}`, articles: sharded.articles, measured: [sharded.merge], output: sharded.output });
    if (sharded.parts.length > 0) rows.push({ label: 'newsdesk sharded, in sequence', articles: sharded.articles, measured: [inSequence([...sharded.parts, ...(sharded.merge ? [sharded.merge] : [])])] });
  }
  for (const peer of input.peers) {
    rows.push({ label: 'hugo', articles: peer.articles, measured: [peer.hugo], output: peer.output });
    if (peer.pagefind) {
      rows.push({ label: 'pagefind CLI over hugo', articles: peer.articles, measured: [peer.pagefind] });
      rows.push({ label: 'hugo + pagefind', articles: peer.articles, measured: [inSequence([peer.hugo, peer.pagefind])] });
    }
  }
  for (const dev of input.dev) rows.push({ label: 'astro dev (until stopped)', articles: dev.articles, measured: [dev.measured] });
  return rows;
}

/** Every process's own peak (the kernel's high-water mark), beside what they held together at any one moment. */
export function memoryTable(input: ScaleReportInput): string {
  const rows = memoryRows(input);
  const roles = PROCESS_ROLES.filter((role) => role !== 'other' && rows.some((row) => row.measured.some((m) => m.peakByRole[role] !== undefined)));
  const headers = ['run', 'articles', 'wall', 'all processes at once', ...roles, 'output'];
  const cells = rows.flatMap((row) => {
    const peak = peakOf(row.measured);
    const own = [
      row.label,
      formatCount(row.articles),
      formatSeconds(wallOf(row.measured)),
      formatBytes(peak),
      ...roles.map((role) => formatBytes(maxOf(row.measured.map((m) => m.peakByRole[role])))),
      formatBytes(row.output?.distBytes),
    ];
    // What each process held at the moment of that peak, from the run that reached it.
    const atPeak = row.measured.find((m) => m.peakTogether === peak)?.atPeak;
    return atPeak ? [own, ['… at that moment', '', '', '', ...roles.map((role) => formatBytes(atPeak[role])), '']] : [own];
  });
  return formatTable(headers, cells, ['left', ...right(headers.length - 1)]);
}

/** CPU time of each kind of process, and how many of the machine's cores the build kept busy on average. */
export function cpuTable(input: ScaleReportInput): string | undefined {
  const rows = memoryRows(input).filter((row) => row.measured.some((m) => m.cpuByRole !== undefined));
  if (rows.length === 0) return undefined;
  const cpuOf = (row: MemoryRow, role?: string) =>
    medianOf(row.measured.map((m) => (m.cpuByRole ? (role ? m.cpuByRole[role] : Object.values(m.cpuByRole).reduce((sum, ms) => sum + ms, 0)) : undefined)));
  const roles = PROCESS_ROLES.filter((role) => role !== 'other' && rows.some((row) => row.measured.some((m) => m.cpuByRole?.[role] !== undefined)));
  const headers = ['run', 'articles', 'wall', 'CPU, all processes', 'cores busy', ...roles];
  const cells = rows.map((row) => {
    const total = cpuOf(row);
    const wall = wallOf(row.measured);
    return [row.label, formatCount(row.articles), formatSeconds(wall), formatSeconds(total), total !== undefined && wall ? (total / wall).toFixed(2) : '–', ...roles.map((role) => formatSeconds(cpuOf(row, role)))];
  });
  return formatTable(headers, cells, ['left', ...right(headers.length - 1)]);
}

/** Cores busy by each kind of process over each tenth of Newsdesk's cold builds: where the machine sat idle. */
export function cpuCourseTable(results: readonly BuildResult[]): string | undefined {
  const runs = results.filter((result) => result.kind === 'newsdesk').flatMap((result) => {
    const run = result.measured.find((m) => m.cpuTimeline !== undefined);
    return run ? [{ articles: result.articles, periods: cpuPeriods(run.cpuTimeline!, run.wallMs, 10) }] : [];
  });
  if (runs.length === 0) return undefined;
  const roles = PROCESS_ROLES.filter((role) => runs.some(({ periods }) => periods.some((period) => period.coresByRole[role] !== undefined)));
  const headers = ['articles', 'from', 'to', 'cores busy', ...roles];
  const rows = runs.flatMap(({ articles, periods }) =>
    periods.map((period) => [
      formatCount(articles),
      formatSeconds(period.fromMs),
      formatSeconds(period.toMs),
      period.cores.toFixed(2),
      ...roles.map((role) => (period.coresByRole[role] === undefined ? '–' : period.coresByRole[role].toFixed(2))),
    ]),
  );
  return formatTable(headers, rows, right(headers.length));
}

export function roleNotes(): string {
  return `Processes: ${PROCESS_ROLES.map((role) => `${role} = ${ROLE_MEANINGS[role]}`).join('; ')}.`;
}

/** The slope of the all-processes peak between consecutive sizes of Newsdesk's cold build. */
export function growthTable(results: readonly BuildResult[]): string | undefined {
  const peaks = results.filter((result) => result.kind === 'newsdesk').map((result) => ({ articles: result.articles, peak: peakOf(result.measured) ?? 0 }));
  const growth = growthBySize(peaks);
  if (growth.length === 0) return undefined;
  return formatTable(
    ['from', 'to', 'peak, all processes', `MB per 1,000 articles (goal < ${GROWTH_GOAL_MB_PER_1K})`],
    growth.map(({ from, to, mbPerThousand }) => [formatCount(from.articles), formatCount(to.articles), `${formatBytes(from.peak)} → ${formatBytes(to.peak)}`, `${mbPerThousand.toFixed(1)}${mbPerThousand < GROWTH_GOAL_MB_PER_1K ? '' : ' (over)'}`]),
    right(4),
  );
}

/** Newsdesk beside Hugo + Pagefind's CLI on the same articles in the same run. */
export function peerTable(results: readonly BuildResult[], peers: readonly PeerResult[]): string | undefined {
  if (peers.length === 0) return undefined;
  const { wallRatio, peakRatio } = TARGETS.peer;
  const headers = ['articles', 'Newsdesk', 'Newsdesk peak', 'Hugo', 'Hugo peak', 'Pagefind CLI', 'Pagefind peak', 'Hugo + Pagefind', 'their peak', `wall ratio (goal ≤ ${formatRatio(wallRatio)})`, `peak ratio (goal ≤ ${formatRatio(peakRatio)})`, 'pages indexed by Hugo’s Pagefind'];
  const rows = peers.map((peer) => {
    const ours = results.find((result) => result.kind === 'newsdesk' && result.articles === peer.articles);
    const pair = peer.pagefind ? inSequence([peer.hugo, peer.pagefind]) : undefined;
    const ourWall = ours && wallOf(ours.measured);
    const ourPeak = ours && peakOf(ours.measured);
    const failed = (m: Measured | undefined) => (m && m.status !== 0 ? ' (failed)' : '');
    return [
      formatCount(peer.articles),
      formatSeconds(ourWall),
      formatBytes(ourPeak),
      formatSeconds(peer.hugo.wallMs) + failed(peer.hugo),
      formatBytes(peer.hugo.peakTogether),
      formatSeconds(peer.pagefind?.wallMs) + failed(peer.pagefind),
      formatBytes(peer.pagefind?.peakTogether),
      formatSeconds(pair?.wallMs),
      formatBytes(pair?.peakTogether),
      pair && ourWall ? formatRatio(ourWall / pair.wallMs) : '–',
      pair && ourPeak ? formatRatio(ourPeak / pair.peakTogether) : '–',
      peer.pagesIndexed === undefined ? '–' : formatCount(peer.pagesIndexed),
    ];
  });
  return formatTable(headers, rows, right(headers.length));
}

/** Each sharded build: its parts one after another, then the merge. */
export function shardTable(sharded: readonly ShardedResult[]): string | undefined {
  if (sharded.length === 0) return undefined;
  const headers = ['articles', 'parts', 'slowest part', 'parts in sequence', 'merge', 'largest peak of a part', 'merge peak', 'pages', 'dist/', 'result'];
  const rows = sharded.map((result) => {
    const parts = result.parts;
    return [
      formatCount(result.articles),
      String(parts.length),
      formatSeconds(maxOf(parts.map((m) => m.wallMs))),
      formatSeconds(parts.reduce((sum, m) => sum + m.wallMs, 0)),
      formatSeconds(result.merge?.wallMs),
      formatBytes(peakOf(parts)),
      formatBytes(result.merge?.peakTogether),
      result.output ? formatCount(result.output.pages) : '–',
      formatBytes(result.output?.distBytes),
      result.error ?? 'ok',
    ];
  });
  return formatTable(headers, rows, [...right(headers.length - 1), 'left']);
}

export function devTable(dev: readonly DevResult[]): string | undefined {
  if (dev.length === 0) return undefined;
  const headers = ['articles', 'ready', 'article page answers', 'peak, all processes', 'astro peak', 'result'];
  const rows = dev.map((run) => [
    formatCount(run.articles),
    formatSeconds(run.readyMs),
    formatSeconds(run.articleMs),
    formatBytes(run.measured.peakTogether),
    formatBytes(run.measured.peakByRole.astro),
    run.error ?? 'ok',
  ]);
  return formatTable(headers, rows, [...right(headers.length - 1), 'left']);
}

export function corpusTable(corpora: readonly CorpusWrite[]): string | undefined {
  if (corpora.length === 0) return undefined;
  return formatTable(
    ['articles', 'published', 'planned', 'written', 'total', 'per 1,000 articles'],
    corpora.map((corpus) => [
      formatCount(corpus.articles),
      formatCount(corpus.published),
      formatSeconds(corpus.planMs),
      formatSeconds(corpus.writeMs),
      formatSeconds(corpus.planMs + corpus.writeMs),
      formatSeconds(((corpus.planMs + corpus.writeMs) / corpus.articles) * 1000),
    ]),
    right(6),
  );
}

export function targetTable(results: readonly BuildResult[], peers: readonly PeerResult[]): string | undefined {
  const checks = checkTargets(results, peers);
  if (checks.length === 0) return undefined;
  return formatTable(['target', 'measured', 'met'], checks.map((check) => [check.target, check.measured, check.met ? 'yes' : 'NO']), ['left', 'right', 'left']);
}

/** The sections that have something to show, each with a heading line. */
export function renderScaleSections(input: ScaleReportInput): string[] {
  const section = (title: string, table: string | undefined, ...notes: string[]) => (table === undefined ? [] : [`### ${title}`, '', table, '', ...notes.flatMap((note) => [note, ''])]);
  return [
    ...section('Targets', targetTable(input.results, input.peers)),
    ...section('CPU time of each process', cpuTable(input), `User and system time from /proc, sampled every ${SAMPLE_EVERY_MS} ms (each process's last interval is missed); cores busy = CPU time / wall time, at most the machine's CPUs.`),
    ...section('CPU over the course of the build', cpuCourseTable(input.results), `Cores each kind of process kept busy in each tenth of Newsdesk's first cold build of a size (CPU time from the same samples, in slices of ${CPU_SLICE_MS / 1000} s).`),
    ...section('Memory of each process', memoryTable(input), `Each process’s peak is the kernel’s high-water mark (VmHWM), exact however short; all processes at once is the sum of their resident memory sampled from /proc every ${SAMPLE_EVERY_MS} ms (shared pages count once per process, so it errs high). ${roleNotes()}`),
    ...section('Memory growth', growthTable(input.results), 'The slope of the all-processes peak of Newsdesk’s cold build between each size and the next.'),
    ...section('Against Hugo + Pagefind', peerTable(input.results, input.peers), 'Hugo builds the same corpus (a minimal site: one single and one list layout, tags and authors as taxonomies), then Pagefind’s CLI indexes its article pages; one run per size, after Newsdesk’s. Their wall times add up; their peak is the larger of the two.'),
    ...(input.peerMissing ? [input.peerMissing, ''] : []),
    ...section('Sharded builds', shardTable(input.sharded), 'Each part is a cold build (`npm run build -- --shard i/k`, its own output and cache, the same NEWSDESK_NOW), run one after another as a CI matrix would run them side by side; then `npm run build -- --merge` joins them.'),
    ...section('Dev server', devTable(input.dev), '`astro dev` on the corpus with an empty cache: ready = its “ready” line; article page answers = the first 200 for the newest article’s page with its headline in it.'),
    ...section('Corpus generation', corpusTable(input.corpora), 'Planned = every article but its body (bodies are drawn and dropped); written = bodies drawn again and every file written, one at a time.'),
  ];
}
