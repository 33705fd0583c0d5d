/** What the bench measures, as plain data: the report is made from these. */
import type { CpuTimeline } from './cpu-timeline.ts';
import type { BuildPhases, LogLine } from './phases.ts';

/** How often the memory of a running build's processes is sampled: often enough for peaks of a fraction of a second. */
export const SAMPLE_EVERY_MS = 150;

export interface Measured {
  wallMs: number;
  /** Peak resident memory of the largest process in the tree, in bytes (kernel's ru_maxrss via GNU time). */
  peakRss: number | undefined;
  /** Peak resident memory of all the build's processes at once, sampled from /proc (may miss short peaks). */
  peakTogether: number;
  /** Peak resident memory of the largest process of each role (src/lib/bench/process-roles.ts): its VmHWM. */
  peakByRole: Record<string, number>;
  /** Resident memory of each role's processes together at the sample where all processes together held the most. */
  atPeak?: Record<string, number>;
  /**
   * CPU time (user and system) of all the processes of each role, in milliseconds, as last sampled before each
   * ended: it misses at most one sampling interval of each process. Absent from results of older benches.
   */
  cpuByRole?: Record<string, number>;
  /** The same CPU time over the course of the run (src/lib/bench/cpu-timeline.ts). */
  cpuTimeline?: CpuTimeline;
  lines: LogLine[];
  status: number;
}

export interface OutputStats {
  pages: number;
  distBytes: number;
  /** The largest article page and the CSS it links, before compression. */
  largestArticle?: { path: string; html: number; css: number };
  /** Article pages with a script the browser would run. */
  articlePagesWithScript: number;
}

export interface BuildResult {
  kind: 'newsdesk' | 'baseline' | 'newsdesk warm';
  articles: number;
  measured: Measured[];
  phases: BuildPhases[];
  output?: OutputStats;
}

/** A part of the pipeline timed on its own (the content checker, the related ranking). */
export interface ComponentTiming {
  what: string;
  articles: number;
  ms: number | undefined;
  note: string;
}

/** How long a size's synthetic corpus took to make. */
export interface CorpusWrite {
  articles: number;
  published: number;
  /** Front matter of every article, bodies drawn and dropped. */
  planMs: number;
  /** Bodies drawn again and every file written. */
  writeMs: number;
}

/** The peer a user would pick instead: Hugo builds the corpus, then Pagefind's CLI indexes Hugo's output. */
export interface PeerResult {
  articles: number;
  hugo: Measured;
  pagefind?: Measured;
  /** Pages Pagefind's CLI says it indexed. */
  pagesIndexed?: number;
  output?: OutputStats;
}

/** A Newsdesk build made as parts one after another (`--shard i/k`), then joined (`--merge`). */
export interface ShardedResult {
  articles: number;
  parts: Measured[];
  merge?: Measured;
  output?: OutputStats;
  /** Why the sharded build could not be measured, in words for the report. */
  error?: string;
}

/** `astro dev` on a corpus: from its start until it says it is ready, and until an article page answers. */
export interface DevResult {
  articles: number;
  readyMs?: number;
  articleMs?: number;
  measured: Measured;
  error?: string;
}
