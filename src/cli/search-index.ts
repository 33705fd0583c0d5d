/**
 * `node src/cli/search-index.ts <output folder> [--pagefind-after-stdin | --astro-done-on-stdin] [--articles <listing>]`:
 * writes the Pagefind index of the published articles, made from their sources. `npm run build` runs it beside
 * Astro, on the core Astro leaves idle, with the archive listing its content check wrote (else the content folder
 * is listed), and moves the folder into the site as pagefind/ once Astro has finished.
 *
 * The index is written in parts by publication period (src/lib/search/index-parts.ts), each by a fresh Pagefind,
 * so memory is bounded by the largest part, not the archive; a part whose documents did not change since the last
 * build is linked from the search cache instead. The documents are made first, by src/cli/search-documents.ts in a
 * process of its own, and written as files; Pagefind starts once that process has ended, so this one, which holds
 * little, is all that waits beside it. With NEWSDESK_SHARD, only this shard's parts are written, with the scripts
 * every shard writes alike.
 *
 * With --pagefind-after-stdin (the build's low-memory modes) Pagefind, which holds most of the memory, only starts
 * at the first line on standard input or when it closes: the build closes it when Astro is done and, in its
 * `after-cards` mode, writes a line when the social cards are done. Parts found in the cache are placed at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { recordTiming } from '../io/build-timing.ts';
import { displayPath } from '../io/display-path.ts';
import { assertPagefindRunnable, indexDocumentFolder, pagefindVersion, pinnableCores, SearchIndexError, stopPagefind, writeSearchIndex } from '../io/pagefind-index.ts';
import { placePart, placeScripts, pruneCache } from '../io/search-part-cache.ts';
import { partHash } from '../lib/search/part-hash.ts';
import type { SearchPlan } from '../lib/search/search-plan.ts';
import { formatDuration } from '../lib/text/format-duration.ts';
import { siteConfig } from '../site.config.ts';
import { settings } from '../settings.ts';
import { readCommandLine, usageError } from './command-line.ts';
import { reportSearchFailure } from './search-failure.ts';

const USAGE = 'Usage: node src/cli/search-index.ts <output folder> [--pagefind-after-stdin | --astro-done-on-stdin] [--articles <listing>]';
const args = readCommandLine(
  process.argv.slice(2),
  {
    allowPositionals: true,
    options: {
      'pagefind-after-stdin': { type: 'boolean', default: false },
      'astro-done-on-stdin': { type: 'boolean', default: false },
      articles: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  USAGE,
);
if (typeof args === 'number') process.exit(args);
const { positionals, values } = args;
const [outputPath] = positionals;
if (!outputPath) process.exit(usageError('The output folder is missing.', USAGE));
const outDir = resolve(outputPath);
// The build closes standard input once Astro is done; listened for from the start, so that an early end is not missed.
const signals = values['pagefind-after-stdin'] || values['astro-done-on-stdin'] ? process.stdin.resume() : undefined;
const astroDone = signals ? once(signals, 'end') : Promise.resolve();
const pagefindMayStart = signals && values['pagefind-after-stdin'] ? Promise.race([once(signals, 'data'), astroDone]) : Promise.resolve();
/**
 * While Astro renders, one part at a time shares the core Astro leaves; once Astro is done, two parts at once (each
 * its own Pagefind) use both cores. On a machine of two cores, each Pagefind is kept on a core of its own
 * (src/io/pagefind-index.ts `pinnableCores`).
 */
const partsAtOnce = pLimit(1);
let astroFinished = false;
void astroDone.then(() => {
  astroFinished = true;
  partsAtOnce.concurrency = 2;
});
const freeCores = pinnableCores();
/**
 * The last part, started once Astro is done, is not kept on a core: Pagefind sizes its threads to the cores it may
 * use when it starts, and this run ends alone, with the other core free (BENCHMARKS.md).
 */
const startsLast = () => astroFinished && partsAtOnce.pendingCount === 0;

const started = performance.now();
const { searchCacheDir } = settings;
// Beside the cache's entries, so that a stopped build's documents are pruned as its other temporary folders are.
const documentsRoot = join(searchCacheDir, `tmp.${randomUUID()}`);
let documentsStep: ChildProcess | undefined;
// However this process ends (stopped with the build, it ends through here too), the documents step and the Pagefind
// runs stop with it and the documents are removed.
function cleanUp(): void {
  if (documentsStep?.exitCode === null) documentsStep.kill('SIGKILL');
  stopPagefind();
  rmSync(documentsRoot, { recursive: true, force: true });
}
process.on('exit', cleanUp);
process.once('SIGTERM', () => process.exit(143));

/** The documents step's plan; it has said what went wrong itself when it fails, and this process ends with it. */
async function planDocuments(): Promise<SearchPlan> {
  const script = join(import.meta.dirname, 'search-documents.ts');
  // A young generation smaller than V8 sizes it on a large machine, and a full collection after each part (see the
  // step): the step's memory then follows what it keeps, not how fast it makes garbage.
  const step = spawn(process.execPath, ['--expose-gc', '--max-semi-space-size=8', script, documentsRoot, ...(values.articles ? ['--articles', values.articles] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  documentsStep = step;
  let plan = '';
  step.stdout.setEncoding('utf8').on('data', (text: string) => (plan += text));
  const [code, signal] = (await once(step, 'close')) as [number | null, NodeJS.Signals | null];
  if (signal) {
    // Ended as the step ended, so that the build can say why (killed by the system for lack of memory, say).
    cleanUp();
    process.removeAllListeners('SIGTERM');
    process.kill(process.pid, signal);
  }
  if (code !== 0) process.exit(code ?? 1);
  return JSON.parse(plan) as SearchPlan;
}

try {
  assertPagefindRunnable();
  const { parts, archiveKeys } = await planDocuments();
  const placed = new Map<string, string>();
  let indexed = 0;
  // Each indexed part's documents, removed off the event loop: on a busy disk removing thousands of files can take
  // seconds, which, waited for in the part's turn, would hold back the next part's Pagefind.
  const removals: Promise<void>[] = [];
  await Promise.all(
    parts.map((part) =>
      partsAtOnce(async () => {
        const write = async (folder: string) => {
          // Its documents were not written because the cache held the part, which it no longer does.
          if (part.documents === null && part.articles > 0) throw new Error(`the search cache lost the part ${part.key} while the build ran; build again`);
          await pagefindMayStart;
          const core = startsLast() ? undefined : freeCores.pop();
          try {
            await indexDocumentFolder(part.documents, folder, core);
          } finally {
            if (core !== undefined) freeCores.push(core);
          }
        };
        if ((await placePart(searchCacheDir, part.key, part.hash, join(outDir, part.folder), write)) === 'indexed') indexed++;
        if (part.documents) removals.push(rm(part.documents, { recursive: true, force: true }));
        placed.set(part.key, part.hash);
      }),
    ),
  );
  // Pagefind's scripts and WebAssembly for the site's language, from an index of one page in that language.
  const language = { url: '/language/', content: `<html lang="${siteConfig.lang}"><body><p>${siteConfig.lang}</p></body></html>` };
  const scripts = partHash([language], pagefindVersion);
  await placeScripts(searchCacheDir, scripts, outDir, async (folder) => {
    await pagefindMayStart;
    await writeSearchIndex([language], folder);
  });
  pruneCache(searchCacheDir, { keys: new Set([...archiveKeys, ...parts.map((part) => part.key)]), placed, scripts });
  await Promise.all(removals);
  // The build closes standard input once Astro is done, and expects the step to be there to see it.
  await astroDone;

  const searchMs = performance.now() - started;
  const articlesWritten = parts.reduce((sum, part) => sum + part.articles, 0);
  const shard = settings.shard ? ` (shard ${settings.shard.index}/${settings.shard.count}: ${parts.length} of ${archiveKeys.length} parts)` : '';
  console.log(
    `Search index: ${articlesWritten} articles in ${parts.length} part${parts.length === 1 ? '' : 's'}${shard}, ` +
      `${indexed} indexed and ${parts.length - indexed} reused, in ${formatDuration(searchMs)}`,
  );
  recordTiming(settings.timingFile, 'search', searchMs);
} catch (error) {
  if (error instanceof SearchIndexError) reportSearchFailure(error.what, error.errors);
  else reportSearchFailure(`writing the search index into ${displayPath(outDir)} (cache ${displayPath(searchCacheDir)})`, [(error as Error).message]);
  // At once: the other parts' Pagefind runs would go on, and the build's standard input, held open until Astro is
  // done, would keep the process waiting.
  process.exit();
}
