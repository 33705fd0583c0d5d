/** The bench's Markdown report, from its results and a description of the machine they were measured on. */
import type { BuildPhases } from './phases.ts';
import { maxOf, medianOf } from './measured-stats.ts';
import { formatCount, formatTableDuration, formatRatio, formatSeconds, formatTable, median, type Align } from './report.ts';
import { formatBytes } from '../text/format-bytes.ts';
import { SAMPLE_EVERY_MS, type BuildResult, type ComponentTiming } from './results.ts';
import { renderScaleSections, type ScaleReportInput } from './scale-report.ts';

export interface MachineDescription {
  cpuCount: number;
  cpuModel: string;
  totalMemory: number;
  freeMemoryAtEnd: number;
  nodeVersion: string;
  astroVersion: string;
  pagefindVersion: string;
  /** The kernel's transparent huge pages mode ("always", "madvise" or "never"), where the machine tells it. */
  hugePages?: string;
  /** 1, 5 and 15-minute load averages. */
  loadAtStart: number[];
  loadAtEnd: number[];
  probeAtStart: MachineProbe;
  probeAtEnd: MachineProbe;
}

/** The machine's speed at a moment (src/bench/machine.ts `probeMachine`). */
export interface MachineProbe {
  /** A fixed piece of JavaScript work. */
  scriptMs: number;
  /** `memoryBytes` of memory new to the process, written once. */
  newMemoryMs: number;
  /** The same memory written again. */
  sameMemoryMs: number;
  memoryBytes: number;
}

const PAGE_BYTES = 4096;

/** "182 → 190 ms" for a probe's value at the start and at the end of the bench. */
function startToEnd(start: number, end: number, unit = 'ms', digits = 0): string {
  return `${start.toFixed(digits)} → ${end.toFixed(digits)} ${unit}`;
}

function speedLine({ probeAtStart: start, probeAtEnd: end }: MachineDescription): string {
  const perPage = (probe: MachineProbe) => (probe.newMemoryMs * 1000) / (probe.memoryBytes / PAGE_BYTES);
  return (
    `Speed at the start → at the end: a fixed piece of JavaScript work in ${startToEnd(start.scriptMs, end.scriptMs)}; ` +
    `${formatBytes(start.memoryBytes)} of memory new to the process written in ${startToEnd(start.newMemoryMs, end.newMemoryMs)} ` +
    `(${startToEnd(perPage(start), perPage(end), 'µs', 1)} a 4 KB page), the same memory again in ${startToEnd(start.sameMemoryMs, end.sameMemoryMs)}.`
  );
}

export interface ReportInput {
  sizes: readonly number[];
  runs: number;
  seed: number;
  /** The build clock. */
  now: Date;
  /** When the report was made. */
  madeAt: Date;
  machine: MachineDescription;
  results: readonly BuildResult[];
  timings: readonly ComponentTiming[];
  /** Newsdesk builds drew every social card instead of finding them in a warm card cache. */
  warmCards?: boolean;
  /** The large-archive sections (src/lib/bench/scale-report.ts); the build results are the ones above. */
  scale?: Omit<ScaleReportInput, 'results'>;
}

const wallOf = (result: BuildResult) => medianOf(result.measured.map((m) => m.wallMs));

const BUILD_HEADERS = ['build', 'articles', 'pages', 'wall', 'per 1k pages', 'peak RSS', 'peak, all processes', 'dist/', 'content check¹', 'content sync', 'bundle', 'collection load', 'site index²', 'render', 'search index¹', 'waited for search', 'failed runs'];

function buildRow(result: BuildResult): string[] {
  const wall = wallOf(result);
  const pages = result.output?.pages;
  const phase = (key: Exclude<keyof BuildPhases, 'indexBuilds'>) => formatTableDuration(medianOf(result.phases.map((p) => p[key])));
  const newsdeskOnly = (text: string) => (result.kind === 'baseline' ? '–' : text);
  return [
    result.kind,
    formatCount(result.articles),
    pages === undefined ? '–' : formatCount(pages),
    formatSeconds(wall),
    wall === undefined || !pages ? '–' : formatSeconds((wall / pages) * 1000),
    formatBytes(maxOf(result.measured.map((m) => m.peakRss))),
    formatBytes(maxOf(result.measured.map((m) => m.peakTogether))),
    formatBytes(result.output?.distBytes),
    newsdeskOnly(phase('check')),
    phase('sync'),
    phase('bundle'),
    newsdeskOnly(phase('load')),
    newsdeskOnly(phase('index')),
    phase('render'),
    newsdeskOnly(phase('search')),
    newsdeskOnly(phase('searchWait')),
    String(result.measured.filter((m) => m.status !== 0).length),
  ];
}

/** Builds take turns, so run n of each saw about the same machine load: the ratios of those pairs, low to high. */
function pairedRatios(numerator: BuildResult, denominator: BuildResult): string {
  const ratios = numerator.measured
    .map((m, run) => (denominator.measured[run] ? m.wallMs / denominator.measured[run]!.wallMs : Number.NaN))
    .filter((ratio) => Number.isFinite(ratio))
    .sort((a, b) => a - b);
  if (ratios.length === 0) return '–';
  return ratios.length === 1 ? formatRatio(ratios[0]) : `${formatRatio(ratios[0])}–${formatRatio(ratios.at(-1))} (median ${formatRatio(median(ratios))})`;
}

const RATIO_HEADERS = ['articles', 'Newsdesk', 'baseline', 'ratio', 'ratio per run pair', 'ratio without the wait for search', 'warm rebuild', 'warm / cold per run pair', 'largest article page + CSS', 'article pages with JavaScript', 'site index builds', 'peak: astro / pagefind / indexer / checker'];

function ratioRow(results: readonly BuildResult[], size: number): string[] {
  const of = (kind: BuildResult['kind']) => results.find((result) => result.kind === kind && result.articles === size);
  const cold = of('newsdesk');
  const base = of('baseline');
  const warm = of('newsdesk warm');
  const coldWall = cold && wallOf(cold);
  const largest = cold?.output?.largestArticle;
  return [
    formatCount(size),
    formatSeconds(coldWall),
    base ? formatSeconds(wallOf(base)) : '–',
    base && coldWall ? formatRatio(coldWall / wallOf(base)!) : '–',
    base && cold ? pairedRatios(cold, base) : '–',
    base && coldWall && cold ? formatRatio((coldWall - (medianOf(cold.phases.map((p) => p.searchWait)) ?? 0)) / wallOf(base)!) : '–',
    warm ? formatSeconds(wallOf(warm)) : '–',
    warm && cold ? pairedRatios(warm, cold) : '–',
    largest ? `${formatBytes(largest.html + largest.css)} (${formatBytes(largest.html)} HTML + ${formatBytes(largest.css)} CSS)` : '–',
    cold?.output ? String(cold.output.articlePagesWithScript) : '–',
    cold ? String(maxOf(cold.phases.map((p) => p.indexBuilds)) ?? 0) : '–',
    cold ? ['astro', 'pagefind', 'indexer', 'checker'].map((role) => formatBytes(maxOf(cold.measured.map((m) => m.peakByRole[role])))).join(' / ') : '–',
  ];
}

export function renderReport(input: ReportInput): string {
  const { machine, runs, seed, results, timings } = input;
  const loads = (load: number[]) => load.map((l) => l.toFixed(2)).join(' / ');
  return [
    `## Results (${input.madeAt.toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `Machine: ${machine.cpuCount} CPUs (${machine.cpuModel}), ${formatBytes(machine.totalMemory)} memory (${formatBytes(machine.freeMemoryAtEnd)} free at the end), Node ${machine.nodeVersion}, Astro ${machine.astroVersion}, Pagefind ${machine.pagefindVersion}${machine.hugePages ? `, transparent huge pages ${machine.hugePages}` : ''}.`,
    `Load average (1/5/15 min) at the start: ${loads(machine.loadAtStart)}; at the end: ${loads(machine.loadAtEnd)}.`,
    speedLine(machine),
    ...(results.length === 0
      ? []
      : [
          `Cold builds (empty Astro cache and Node compile cache), ${runs} run${runs === 1 ? '' : 's'} per size, Newsdesk and baseline alternating${runs > 1 ? ': wall time and phases are medians, peak RSS the maximum' : ''}. ${input.warmCards ? 'Social cards found in a warm card cache, as a deploy that keeps its cache finds them.' : 'Social cards all drawn (an empty card cache), as on a first build.'}`,
        ]),
    `Corpus seed ${seed}; build clock ${input.now.toISOString()}.`,
    '',
    ...(results.length === 0
      ? []
      : [
          formatTable(BUILD_HEADERS, results.map(buildRow), ['left', ...Array<Align>(BUILD_HEADERS.length - 1).fill('right')]),
          '',
          formatTable(RATIO_HEADERS, input.sizes.map((size) => ratioRow(results, size)), Array<Align>(RATIO_HEADERS.length).fill('right')),
          '',
        ]),
    ...(timings.length > 0
      ? [formatTable(['component', 'articles', 'time', 'notes'], timings.map((t) => [t.what, formatCount(t.articles), formatTableDuration(t.ms), t.note]), ['left', 'right', 'right', 'left']), '']
      : []),
    ...(results.length === 0
      ? []
      : [
          `Peak RSS is the largest single process of the build (astro or pagefind), as the kernel reports it (ru_maxrss via GNU time); peak, all processes is the most the build held at once (astro, checker, search indexer and Pagefind side by side), sampled from /proc every ${SAMPLE_EVERY_MS} ms.`,
          'Phases: content check, collection load, site index, search index and the wait for it come from the timings the build writes (NEWSDESK_TIMING); content sync, bundle and render from the arrival of Astro’s own log lines (for the baseline, collection loading is inside render). Content sync = Astro content layer (Markdown rendering, schema, data store written); bundle = Vite; collection load = the first getCollection(), which imports the data store back, and in a Newsdesk build the wait for the content check’s listing and its reading; render = generating static routes, without collection load and site index; search index = src/cli/search-index.ts with Pagefind, from its own clock; waited for search = from Astro’s end to the search index’s.',
          '¹ `check:content` and the search index run alongside Astro (build.ts), so they add to the wall time only when they outlast it.',
          '² src/lib/site/site-index.ts, once per build: publish rules, tags, authors, reading times and related ranking (most of it); in a Newsdesk build the stories and the bodies’ starts come from the content check’s listing.',
        ]),
    ...(input.scale ? ['', ...renderScaleSections({ ...input.scale, results })] : []),
  ].join('\n');
}
