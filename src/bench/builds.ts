/** One measured build: the full Newsdesk build (`npm run build`, with its arguments) or the minimal Astro baseline in bench/baseline. */
import { join } from 'node:path';
import { withBuildLock } from '../io/build-lock.ts';
import { readTimings } from '../io/build-timing.ts';
import { parsePhases, type BuildPhases } from '../lib/bench/phases.ts';
import type { Measured } from '../lib/bench/results.ts';
import { settings } from '../settings.ts';
import { measureProcess, type MeasureContext } from './measure-process.ts';

export interface BuildContext extends MeasureContext {
  /** The clock every build publishes up to, so the same corpus always yields the same site. */
  now: Date;
  /** Write V8 CPU profiles of the build under workDir/profiles. */
  cpuProf: boolean;
}

/** Where one build reads and writes; every build gets folders of its own. */
export interface BuildFolders {
  content: string;
  dist: string;
  cache: string;
  /** NEWSDESK_CARD_CACHE, when the build gets a card cache (a warm one, see warm-card-cache.ts); else its own empty one. */
  cardCache?: string;
  /** The build's output, each line stamped with seconds since it started. */
  logFile: string;
}

export interface MeasuredBuild {
  measured: Measured;
  phases: BuildPhases;
}

function profileOptions(context: BuildContext, label: string): NodeJS.ProcessEnv {
  if (!context.cpuProf) return {};
  const profileDir = join(context.workDir, 'profiles', label.replace(/\W+/g, '-'));
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim() };
}

/**
 * Newsdesk builds share the project's .astro/ folder with the build tests, which take this lock around each build
 * (tests/helpers/build-site.ts). The bench holds it from outside the measurement, so waiting is never timed.
 */
export async function buildNewsdesk(context: BuildContext, label: string, folders: BuildFolders, args: readonly string[] = []): Promise<MeasuredBuild> {
  const timingFile = `${folders.logFile}.timing.jsonl`;
  const env: NodeJS.ProcessEnv = {
    NEWSDESK_CONTENT_DIR: folders.content,
    NEWSDESK_DIST: folders.dist,
    NEWSDESK_CACHE_DIR: folders.cache,
    NEWSDESK_NOW: context.now.toISOString(),
    NEWSDESK_TIMING: timingFile,
    ...(folders.cardCache ? { NEWSDESK_CARD_CACHE: folders.cardCache } : {}),
    // Astro turns on Node's compile cache (os.tmpdir() by default), which would carry compiled modules from one
    // "cold" build to the next: it lives with the Astro cache instead, so cold is cold and warm keeps both.
    NODE_COMPILE_CACHE: join(folders.cache, 'node-compile-cache'),
    ...profileOptions(context, label),
  };
  const measured = await withBuildLock(settings.buildLock, () =>
    measureProcess(context, label, process.execPath, [join(context.projectRoot, 'src/cli/build.ts'), ...args], env, folders.logFile),
  );
  return { measured, phases: parsePhases(measured.lines, readTimings(timingFile)) };
}

export async function buildBaseline(context: BuildContext, label: string, folders: BuildFolders): Promise<MeasuredBuild> {
  const baselineRoot = join(context.projectRoot, 'bench/baseline');
  const env: NodeJS.ProcessEnv = {
    NEWSDESK_CONTENT_DIR: folders.content,
    NEWSDESK_OUT_DIR: folders.dist,
    NEWSDESK_CACHE_DIR: folders.cache,
    NODE_COMPILE_CACHE: join(folders.cache, 'node-compile-cache'),
    ...profileOptions(context, label),
  };
  // Run from its own folder: with the output outside the working directory, Astro stages server chunks in
  // <cwd>/.astro/.prerender, which must not be the project's (Newsdesk builds and tests use that one).
  const astro = join(context.projectRoot, 'node_modules/.bin/astro');
  const measured = await measureProcess(context, label, astro, ['build', '--root', baselineRoot], env, folders.logFile, baselineRoot);
  return { measured, phases: parsePhases(measured.lines, []) };
}
