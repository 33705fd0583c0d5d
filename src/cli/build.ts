/**
 * `npm run build`: builds into a staging folder, with its search index made alongside, then swaps it into dist/.
 * A failed build leaves the previous dist/ exactly as it was, never half-written.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listArticleFiles } from '../io/article-files.ts';
import { recordTiming } from '../io/build-timing.ts';
import { FolderBusyError, lockFolder } from '../io/folder-lock.ts';
import { startHeld, stopSteps, type Step } from '../io/held-step.ts';
import { searchPartSize } from '../lib/search/index-parts.ts';
import { memoryForAlongside, searchIndexTiming, type SearchIndexTiming } from '../lib/search/search-timing.ts';
import { formatBytes } from '../lib/text/format-bytes.ts';
import { siteConfig } from '../site.config.ts';
import { projectRoot, settings } from '../settings.ts';

const { outDir } = settings;
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;
const searchIndex = `${outDir}.search`;
const cards = `${outDir}.cards`;
const bin = (name: string) => resolve(projectRoot, 'node_modules/.bin', name);

function fail(step: string, status: number | null): never {
  rmSync(staging, { recursive: true, force: true });
  rmSync(searchIndex, { recursive: true, force: true });
  rmSync(cards, { recursive: true, force: true });
  console.error(`\nBuild failed during ${step}; ${existsSync(outDir) ? `the previous ${outDir} is unchanged` : 'nothing was written'}.`);
  process.exit(status ?? 1);
}

/**
 * The content check, Astro and the search index run side by side: Astro's build uses one core, so on the usual
 * two-core machine the check and the index cost little extra time. Short of memory, the index only prepares its
 * documents beside Astro and starts Pagefind, which holds most of its memory, once Astro has finished. Astro is
 * only heard from once the check has passed; when it fails, the others are stopped and the check's messages are
 * all the editor sees, as if nothing else had started. The social cards report after Astro, the index last.
 */
async function buildSite(check: Step, search: Step, build: Step, searchTiming: SearchIndexTiming, socialCards: Step): Promise<void> {
  const started = performance.now();
  const start = (step: Step) => startHeld(step, { cwd: projectRoot, noColor: settings.noColor });
  const checking = start(check);
  const carding = start(socialCards);
  const indexing = start(searchTiming === 'alongside' ? search : { ...search, args: [...search.args, '--pagefind-after-stdin'], stdin: 'pipe' });
  const building = start(build);
  // `npm run bench` times Astro's phases by when its lines arrive, so it hears them as they come.
  const { timingFile } = settings;
  if (timingFile) building.release();
  const checkStatus = await checking.exited;
  recordTiming(timingFile, 'check', performance.now() - started);
  checking.release();
  if (checkStatus !== 0) {
    await stopSteps(building, indexing, carding);
    fail('the content check', checkStatus);
  }
  building.release();
  const buildStatus = await building.exited;
  if (buildStatus !== 0) {
    await stopSteps(indexing, carding);
    fail('astro build', buildStatus);
  }
  const astroEnded = performance.now();
  indexing.child.stdin?.end();
  carding.release();
  const cardsStatus = await carding.exited;
  if (cardsStatus !== 0) {
    await stopSteps(indexing);
    fail('social cards', cardsStatus);
  }
  indexing.release();
  const searchStatus = await indexing.exited;
  recordTiming(timingFile, 'search-wait', performance.now() - astroEnded);
  if (searchStatus !== 0) fail('search indexing', searchStatus);
}

const { contentDir } = settings;
let searchTiming: SearchIndexTiming;
try {
  const articleFiles = existsSync(contentDir) ? listArticleFiles(contentDir).length : 0;
  const available = process.availableMemory();
  const partArticles = searchPartSize(settings.searchPartArticles, siteConfig.searchPartArticles);
  searchTiming = searchIndexTiming(articleFiles, available, settings.searchIndex, partArticles);
  if (searchTiming === 'after' && !settings.searchIndex) {
    console.log(`Search index after Astro: ${formatBytes(available)} available, ${formatBytes(memoryForAlongside(articleFiles, partArticles))} wanted to make it alongside.`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

// The staging, search and card folders beside the output belong to whichever build holds its lock; a second build waits.
let releaseOutput: () => Promise<void>;
try {
  releaseOutput = await lockFolder(outDir, { what: `the site output ${outDir}`, onWait: (message) => console.log(message) });
} catch (error) {
  console.error(error instanceof FolderBusyError ? error.message : `Cannot lock ${outDir}: ${(error as Error).message}`);
  process.exit(2);
}
// A build stopped between the two renames of the swap below left the last good site only in dist.previous.
if (!existsSync(outDir) && existsSync(previous)) {
  renameSync(previous, outDir);
  console.log(`Restored ${outDir} from ${previous}: the last build was stopped while swapping it in.`);
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
  // Astro writes into the staging folder: astro.config.mjs takes its output folder from NEWSDESK_DIST (src/settings.ts).
  { command: bin('astro'), args: ['build', ...process.argv.slice(2)], env: { ...process.env, NEWSDESK_DIST: staging } },
  searchTiming,
  // Social cards are made from the article sources on worker threads, only those the card cache lacks.
  { command: node, args: [resolve(projectRoot, 'src/cli/cards.ts'), cards], background: true },
);
renameSync(searchIndex, join(staging, 'pagefind'));
renameSync(cards, join(staging, 'cards'));
// Astro's server-side chunks (with this machine's paths in them) are its own business, never the site's.
rmSync(join(staging, '.prerender'), { recursive: true, force: true });

rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
await releaseOutput();
console.log(`Site written to ${outDir}`);
