/** What the bench measures, as plain data: the report is made from these. */
import type { BuildPhases, LogLine } from './phases.ts';

export interface Measured {
  wallMs: number;
  /** Peak resident memory of the largest process in the tree, in bytes (kernel's ru_maxrss via GNU time). */
  peakRss: number | undefined;
  /** Peak resident memory of all the build's processes at once, sampled from /proc (may miss short peaks). */
  peakTogether: number;
  /** Peak resident memory by role (astro, pagefind, indexer, checker), sampled from /proc. */
  peakByRole: Record<string, number>;
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
