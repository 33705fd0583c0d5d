/**
 * Why a build step died, when it died of a limit rather than of bad input: out of memory (V8's heap or the
 * machine's), or a limit of the JavaScript engine itself. The message says what ran out, at what size, and what to
 * do, instead of leaving the editor a stack trace.
 */
import { formatBytes } from '../text/format-bytes.ts';

export interface StepEnd {
  /** What the step is, as the build names it ("astro build", "search indexing"). */
  step: string;
  /** The signal that ended it, if one did. */
  signal: NodeJS.Signals | null;
  /** The end of what it wrote to standard error. */
  stderrTail: string;
  /** Whether the build itself stopped the step (then a SIGKILL is ours, not the system's). */
  stoppedByBuild: boolean;
}

export interface BuildSize {
  articles: number;
  /** The V8 heap limit the step ran with, in bytes. */
  heapLimit: number;
  /** Memory the machine had available when the build started, in bytes. */
  available: number;
}

const HEAP_EXHAUSTED = /JavaScript heap out of memory|Reached heap limit|Allocation failed - process out of memory/;
/** V8's report of a fatal error begins a line (after a blank one): its last garbage collections, or the error itself; the native stack follows. */
const FATAL_REPORT_START = /^\n?(?:<--- Last few GCs --->|FATAL ERROR: )/m;
const ENGINE_LIMIT = /Invalid string length|ERR_STRING_TOO_LONG|Invalid array length|Map maximum size exceeded|Cannot create a string longer than/;
const NATIVE_ALLOCATION = /memory allocation of \d+ bytes failed|std::bad_alloc|Cannot allocate memory/;

const SHARDS = 'build the site in parts, on one machine or several: `npm run build -- --shard 1/2`, `--shard 2/2`, then `--merge` (README, "Sharded builds")';
const MORE_MEMORY = 'or build on a machine with more memory (the build gives Astro a heap of 60% of the machine\'s memory unless NODE_OPTIONS sets --max-old-space-size)';

/** Where V8's report of a fatal error begins in a step's standard error, or -1 when it has none. */
export function fatalReportStart(stderr: string): number {
  return stderr.search(FATAL_REPORT_START);
}

/**
 * Whether a fatal report is one the build explains itself (the heap ran out): the editor then reads what ran out
 * and what to do, not V8's list of collections and native stack frames.
 */
export function explainedByBuild(fatalReport: string): boolean {
  return HEAP_EXHAUSTED.test(fatalReport);
}

/** The explanation for a step that ran out of something, or undefined when its end looks like an ordinary failure. */
export function explainStepFailure(end: StepEnd, size: BuildSize): string | undefined {
  const scale = `${size.articles.toLocaleString('en-US')} article files`;
  let what: string | undefined;
  let remedies = [SHARDS, MORE_MEMORY];
  if (HEAP_EXHAUSTED.test(end.stderrTail)) {
    what = `${end.step} ran out of JavaScript heap (its limit was ${formatBytes(size.heapLimit)}) with ${scale}.`;
  } else if (ENGINE_LIMIT.test(end.stderrTail)) {
    what = `${end.step} reached a limit of the JavaScript engine (a single string or table grew past its largest size) with ${scale}; more memory will not help.`;
    remedies = [SHARDS];
  } else if (NATIVE_ALLOCATION.test(end.stderrTail)) {
    what = `${end.step} could not get more memory from the system with ${scale} (${formatBytes(size.available)} was available when the build started).`;
  } else if (end.signal === 'SIGKILL' && !end.stoppedByBuild) {
    what = `${end.step} was killed by the system, most likely for lack of memory, with ${scale} (${formatBytes(size.available)} was available when the build started).`;
  }
  if (!what) return undefined;
  return [what, 'To build this archive:', ...remedies.map((remedy) => `  - ${remedy}`)].join('\n');
}
