/**
 * The build's machine-readable timings: with NEWSDESK_TIMING=<file>, each step of the build appends one JSON line
 * per phase it measured, `{"phase": "...", "ms": 123}`, to that file (`npm run bench` reads them). Several
 * processes append side by side; each line is one small O_APPEND write, so lines never interleave.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { PhaseTiming } from '../lib/bench/phases.ts';

/** Appends one timing to `file`; does nothing when no file was asked for. */
export function recordTiming(file: string | undefined, phase: PhaseTiming['phase'], ms: number): void {
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ phase, ms: Math.round(ms) })}\n`);
}

/** The site index's two phases: loading the collection it is built from, then building it. */
export function recordSiteIndexTiming(file: string | undefined, collectionLoadMs: number, siteIndexMs: number): void {
  recordTiming(file, 'collection-load', collectionLoadMs);
  recordTiming(file, 'site-index', siteIndexMs);
}

/** The timings in `file`, in the order they were written (none if the file does not exist). */
export function readTimings(file: string): PhaseTiming[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as PhaseTiming;
      } catch {
        throw new Error(`${file}:${index + 1}: not a JSON timing line: ${line.slice(0, 80)}`);
      }
    });
}
