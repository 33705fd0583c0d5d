/**
 * `npm run build`: builds into a staging folder, with its search index made alongside, then swaps it into dist/.
 * A failed build leaves the previous dist/ exactly as it was, never half-written.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { formatBytes } from '../lib/bench/report.ts';
import { listArticleFiles } from '../lib/content/content-files.ts';
import { memoryForAlongside, searchIndexTiming, type SearchIndexTiming } from '../lib/search/search-timing.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const outDir = resolve(projectRoot, process.env.NEWSDESK_DIST ?? 'dist');
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;
const searchIndex = `${outDir}.search`;
const cards = `${outDir}.cards`;
/** Niceness of the steps beside Astro: Astro, the longest step and a single thread, gets a core to itself. */
const BACKGROUND_PRIORITY = 10;
const bin = (name: string) => resolve(projectRoot, 'node_modules/.bin', name);

function fail(step: string, status: number | null): never {
  rmSync(staging, { recursive: true, force: true });
  rmSync(searchIndex, { recursive: true, force: true });
  rmSync(cards, { recursive: true, force: true });
  console.error(`\nBuild failed during ${step}; ${existsSync(outDir) ? `the previous ${outDir} is unchanged` : 'nothing was written'}.`);
  process.exit(status ?? 1);
}

interface Step {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Runs at a lower priority (its children too), so it takes the core Astro leaves idle, not Astro's. */
  background?: boolean;
  /** A pipe the build can close to tell the step to go on (the search index's low-memory mode). */
  stdin?: 'inherit' | 'pipe';
}

/** Starts a step with its output held back; `release()` prints what it has said so far and streams the rest. */
function startHeld({ command, args, env = process.env, background = false, stdin = 'inherit' }: Step) {
  // Piped output is not a terminal: keep colours when ours is one.
  const color = process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {};
  const child = spawn(command, args, { cwd: projectRoot, stdio: [stdin, 'pipe', 'pipe'], env: { ...env, ...color } });
  if (background && child.pid !== undefined) {
    try {
      setPriority(child.pid, BACKGROUND_PRIORITY);
    } catch {
      // Already ended (a tiny corpus), or a system that refuses: the step simply runs at normal priority.
    }
  }
  const held: Array<[NodeJS.WriteStream, Buffer]> = [];
  let live = false;
  child.stdout!.on('data', (chunk: Buffer) => (live ? process.stdout.write(chunk) : held.push([process.stdout, chunk])));
  child.stderr!.on('data', (chunk: Buffer) => (live ? process.stderr.write(chunk) : held.push([process.stderr, chunk])));
  const exited = new Promise<number | null>((done) => child.on('close', done));
  return {
    child,
    exited,
    release() {
      for (const [stream, chunk] of held.splice(0)) stream.write(chunk);
      live = true;
    },
  };
}

type Running = ReturnType<typeof startHeld>;

/**
 * The content check, Astro and the search index run side by side: Astro's build uses one core, so on the usual
 * two-core machine the check and the index cost little extra time. Short of memory, the index only prepares its
 * documents beside Astro and starts Pagefind, which holds most of its memory, once Astro has finished. Astro is
 * only heard from once the check has passed; when it fails, the others are stopped and the check's messages are
 * all the editor sees, as if nothing else had started. The social cards report after Astro, the index last.
 */
async function buildSite(check: Step, search: Step, build: Step, searchTiming: SearchIndexTiming, socialCards: Step): Promise<void> {
  const checking = startHeld(check);
  const carding = startHeld(socialCards);
  const indexing = startHeld(searchTiming === 'alongside' ? search : { ...search, args: [...search.args, '--pagefind-after-stdin'], stdin: 'pipe' });
  const building = startHeld(build);
  // `npm run bench` times Astro's phases by when its lines arrive, so it hears them as they come.
  if (process.env.NEWSDESK_TIMING) building.release();
  const stop = async (...steps: Running[]) => {
    for (const step of steps) if (step.child.exitCode === null) step.child.kill('SIGTERM');
    await Promise.all(steps.map((step) => step.exited));
  };
  const checkStatus = await checking.exited;
  checking.release();
  if (checkStatus !== 0) {
    await stop(building, indexing, carding);
    fail('the content check', checkStatus);
  }
  building.release();
  const buildStatus = await building.exited;
  if (buildStatus !== 0) {
    await stop(indexing, carding);
    fail('astro build', buildStatus);
  }
  indexing.child.stdin?.end();
  carding.release();
  const cardsStatus = await carding.exited;
  if (cardsStatus !== 0) {
    await stop(indexing);
    fail('social cards', cardsStatus);
  }
  indexing.release();
  const searchStatus = await indexing.exited;
  if (searchStatus !== 0) fail('search indexing', searchStatus);
}

const contentDir = resolve(projectRoot, process.env.NEWSDESK_CONTENT_DIR ?? 'content/articles');
let searchTiming: SearchIndexTiming;
try {
  const articleFiles = existsSync(contentDir) ? listArticleFiles(contentDir).length : 0;
  const available = process.availableMemory();
  searchTiming = searchIndexTiming(articleFiles, available, process.env.NEWSDESK_SEARCH_INDEX);
  if (searchTiming === 'after' && !process.env.NEWSDESK_SEARCH_INDEX) {
    console.log(`Search index after Astro: ${formatBytes(available)} available, ${formatBytes(memoryForAlongside(articleFiles))} wanted to make it alongside.`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

rmSync(staging, { recursive: true, force: true });
rmSync(searchIndex, { recursive: true, force: true });
rmSync(cards, { recursive: true, force: true });
const node = process.execPath;
await buildSite(
  // `npm run check:content`: bad input fails in about a second, every problem listed, and no Astro output. The
  // near-duplicate report (editorial advice, never an error) is most of the check's time on a large archive and
  // would compete with the search index for the second core; `npm run check:content` gives it.
  { command: node, args: [resolve(projectRoot, 'src/cli/check-content.ts'), '--skip-near-duplicates'], background: true },
  // Pagefind indexes the published articles from their sources, not from the built pages.
  { command: node, args: [resolve(projectRoot, 'src/cli/search-index.ts'), searchIndex], background: true },
  { command: bin('astro'), args: ['build', ...process.argv.slice(2)], env: { ...process.env, NEWSDESK_OUT_DIR: staging } },
  searchTiming,
  // Social cards are made from the article sources on worker threads, only those the card cache lacks.
  { command: node, args: [resolve(projectRoot, 'src/cli/cards.ts'), cards], background: true },
);
renameSync(searchIndex, join(staging, 'pagefind'));
renameSync(cards, join(staging, 'cards'));

rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`Site written to ${outDir}`);
