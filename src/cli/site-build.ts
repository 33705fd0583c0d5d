/**
 * The build itself, which `npm run build` (src/cli/build.ts) loads: builds into a staging folder, with its search
 * index made alongside, then swaps it into dist/. A failed build leaves the previous dist/ exactly as it was, never
 * half-written. `--shard <part>/<parts>` builds one part of the site (every step told through NEWSDESK_SHARD);
 * `--merge <folders…>` joins the parts into the whole site, with the same lock and swap.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { listArticleFiles } from '../io/article-paths.ts';
import { readListing } from '../io/article-listing.ts';
import { removeListing } from '../io/listing-files.ts';
import { buildFingerprint } from '../io/build-fingerprint.ts';
import { discardAssetsWrittenSince } from '../io/astro-asset-cache.ts';
import { moveAside, removeDiscardedFolders } from '../io/discarded-folders.ts';
import { recordTiming } from '../io/build-timing.ts';
import { FolderLockError, lockFolder } from '../io/folder-lock.ts';
import { firstFailure, startHeld, stopSteps, type Running, type Step } from '../io/held-step.ts';
import { joinParts, readPart } from '../io/merge-parts.ts';
import { assertPagefindRunnable, SearchIndexError } from '../io/pagefind-index.ts';
import { writeMergedSitemap } from '../io/merge-sitemap.ts';
import { optionSetByTheBuild } from '../lib/build/astro-options.ts';
import { astroHeapOption, heapLimitOf } from '../lib/build/heap-limit.ts';
import { explainStepFailure } from '../lib/build/step-failure.ts';
import { articleRenderFailureMessage, componentLine, failedArticlePage, type FailedArticlePage } from '../lib/build/article-render-failure.ts';
import { afterCardsReason, searchIndexTiming, type SearchIndexTiming } from '../lib/search/search-timing.ts';
import { fingerprintDifferences, partProblems, SHARD_MARKER, type ShardMarker } from '../lib/site/shard-merge.ts';
import { siteUrlProblem } from '../lib/build/site-address.ts';
import { STOP_SIGNALS, type StopSignal } from '../lib/build/stopped-build.ts';
import { formatDuration } from '../lib/text/format-duration.ts';
import { swapFailureMessage } from '../lib/build/swap-failure.ts';
import { outputFolderProblem } from '../lib/build/output-folder.ts';
import { parseShard, type Shard } from '../lib/site/shards.ts';
import { projectRoot, publishNow, searchIndexSizes, settings } from '../settings.ts';
import { endStopped, stoppedWhileLoading } from './build-stopped.ts';
import { commandPaths, readCommandLine, usageError } from './command-line.ts';
import { searchFailureMessage } from './search-failure.ts';

const USAGE = `usage: npm run build [-- <astro build options>]
       npm run build -- --shard <part>/<parts> [<astro build options>]
       npm run build -- --merge <part folder> <part folder> ...

  --shard 2/4   build part 2 of 4 of the site into NEWSDESK_DIST (set NEWSDESK_NOW to one instant for every part)
  --merge       join the folders of parts 1..k of one sharded build into the whole site in NEWSDESK_DIST`;

const OWN_OPTIONS = { shard: { type: 'string' }, merge: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
const commandLine = readCommandLine(process.argv.slice(2), { options: OWN_OPTIONS, strict: false, allowPositionals: true, tokens: true }, USAGE);
if (typeof commandLine === 'number') process.exit(commandLine);
// Everything that is not this command's own goes to Astro, in its order, as before shards existed.
const ownArguments = new Set(
  commandLine.tokens.flatMap((token) => (token.kind === 'option' && token.name in OWN_OPTIONS ? (token.value !== undefined && !token.inlineValue ? [token.index, token.index + 1] : [token.index]) : [])),
);
const otherArguments = process.argv.slice(2).filter((_, index) => !ownArguments.has(index));
const { shard: shardOption, merge } = commandLine.values;

let shard: Shard | undefined = settings.shard;
try {
  if (shardOption !== undefined) {
    if (typeof shardOption !== 'string') throw new Error('--shard needs a value: write <part>/<parts>, for example --shard 1/4');
    shard = parseShard(shardOption);
  }
  if (merge && shard) throw new Error('--merge joins the parts of a sharded build: give it without --shard and without NEWSDESK_SHARD');
  if (merge && otherArguments.length === 0) throw new Error('--merge needs the folders of every part, e.g. --merge part-1 part-2 part-3');
  const taken = otherArguments.map(optionSetByTheBuild).find((refusal) => refusal !== undefined);
  if (taken) throw new Error(taken);
  const option = otherArguments.find((argument) => argument.startsWith('-'));
  if (merge && option) throw new Error(`--merge takes only the parts' folders, not ${option}`);
  // Every part must publish up to the same instant; each shard's own clock would differ.
  if (shard && !settings.now) throw new Error('A sharded build needs NEWSDESK_NOW: set it to one instant (e.g. 2026-12-01T18:00:00Z) for every part of the build');
} catch (error) {
  process.exit(usageError((error as Error).message, USAGE));
}
if (shard) process.env.NEWSDESK_SHARD = `${shard.index}/${shard.count}`;

const outputProblem = outputFolderProblem(settings.outDir, {
  projectRoot,
  contentDir: settings.contentDir,
  sourcesFile: settings.sourcesFile,
  publicDir: resolve(projectRoot, 'public'),
  caches: { NEWSDESK_CACHE_DIR: settings.cacheDir, NEWSDESK_SEARCH_CACHE: settings.searchCacheDir, NEWSDESK_CARD_CACHE: settings.cardCacheDir, NEWSDESK_CHECK_CACHE: settings.checkCacheDir },
});
if (outputProblem) {
  console.error(outputProblem);
  process.exit(2);
}

const { outDir } = settings;
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;
const searchIndex = `${outDir}.search`;
const cards = `${outDir}.cards`;
const listing = `${outDir}.articles.jsonl`;
/** Astro's command, run by this build's Node with the options below rather than through its npm shim. */
const astroScript = resolve(projectRoot, 'node_modules/astro/bin/astro.mjs');
/**
 * V8 options for Astro's process, which NODE_OPTIONS does not accept. Without allocation-site pretenuring: V8 learns
 * early in the build to place some of each page's objects straight in the old generation, where, dead once their
 * page is written, they keep the page's younger objects alive through every scavenge until the next full collection
 * (BENCHMARKS.md, "Astro's young generation").
 */
const ASTRO_V8_OPTIONS = ['--no-allocation-site-pretenuring'];
const isAstro = (running: Running | undefined): running is Running => running?.child.spawnargs.includes(astroScript) ?? false;

/** How large this build is, for the message of a step that ran out of memory; set once the articles are counted. */
let buildSize = { articles: 0, available: 0 };
/** The heap limits the steps run with: Node's default, and Astro's own (set below). */
const defaultHeapLimit = getHeapStatistics().heap_size_limit;
let astroHeapLimit = defaultHeapLimit;

/** A step that failed: the build stops there. `running`, when given, is the step's process, which has ended. */
class StepFailure extends Error {
  readonly step: string;
  readonly status: number | null;
  readonly running?: Running;

  constructor(step: string, status: number | null, running?: Running) {
    super(`Build failed during ${step}`);
    this.step = step;
    this.status = status;
    this.running = running;
  }
}

/** Moves aside what a build writes beside the output, whole or half-written, and removes its listing. */
function discardWorkFolders(): void {
  for (const folder of [staging, searchIndex, cards]) moveAside(folder, outDir);
  removeListing(listing);
}

const warn = (message: string) => console.warn(message);

/** The signal that stopped the build, once one has come; the build then ends in `stopBuild`, whatever it was doing. */
let stopSignal: StopSignal | undefined;
/** Every step started, so that a stop ends those still running. */
const startedSteps: Running[] = [];
/** Releases the output's lock, once this build holds it. */
let releaseOutput: (() => Promise<void>) | undefined;
/** Set once the new site is in place: a stop after that leaves it there. */
let siteSwappedIn = false;

/** Thrown by a step the build starts after a stop came, and before the swap: the stop ends the build instead. */
class BuildStopped extends Error {}

/**
 * Ctrl-C or a CI cancel: stops every step (and what each started), sets aside what the build wrote beside the
 * output and the pictures Astro may have been caching when it was stopped, releases the lock, says where the site
 * stands and exits with the signal's status. The output folder is never touched: the swap is one synchronous
 * stretch, so the stop comes before it or after it. Exits with process.exit: the folders set aside earlier may
 * still be being removed, which the next build finishes.
 */
async function stopBuild(signal: StopSignal): Promise<void> {
  // A second Ctrl-C while stopping changes nothing: the steps are killed within a grace period anyway.
  if (stopSignal) return;
  stopSignal = signal;
  try {
    await stopSteps(...startedSteps);
    if (releaseOutput && !siteSwappedIn) {
      discardWorkFolders();
      discardAssetsWrittenSince(settings.cacheDir, performance.timeOrigin);
    }
    await releaseOutput?.();
  } catch (error) {
    console.error(`While stopping: ${(error as Error).message}`);
  }
  endStopped(signal, siteSwappedIn);
}
for (const signal of STOP_SIGNALS) {
  process.off(signal, stoppedWhileLoading);
  process.on(signal, () => void stopBuild(signal));
}

/**
 * Where a published article whose page failed is: its file as the content check's listing names it (read before the
 * listing is discarded), and the line of the component that failed when Astro names one.
 */
function failedArticleFile({ slug, component }: FailedArticlePage): { path: string; line?: number } | undefined {
  try {
    for (const entry of readListing(listing)) {
      if (!('article' in entry) || entry.article.slug !== slug) continue;
      const line = component ? componentLine(readFileSync(entry.article.absolutePath, 'utf8'), component) : undefined;
      return { path: entry.article.file, ...(line && { line }) };
    }
  } catch {
    // No listing, or the file is gone since: the message names the page instead.
  }
  return undefined;
}

/** Says why the step failed when its end tells (out of memory, an engine limit, an article page whose MDX threw) and sets aside what the build wrote beside the output. */
function cleanUpAfter({ step, running }: StepFailure): void {
  const heapLimit = isAstro(running) ? astroHeapLimit : defaultHeapLimit;
  const explanation = running && explainStepFailure({ step, ...running.end(), stoppedByBuild: running.stoppedByBuild }, { ...buildSize, heapLimit });
  if (explanation) console.error(`\n${explanation}`);
  const failedPage = isAstro(running) ? failedArticlePage(stripVTControlCharacters(running.end().stderrTail)) : undefined;
  if (failedPage) console.error(`\n${articleRenderFailureMessage(failedPage, failedArticleFile(failedPage))}`);
  discardWorkFolders();
  console.error(`\nBuild failed during ${step}; ${existsSync(outDir) ? `the previous ${outDir} is unchanged` : 'nothing was written'}.`);
}

/**
 * The content check and Astro start side by side: Astro's build uses one core, so on the usual two-core machine
 * the check costs little extra time. Astro is only heard from once the check has passed; when it fails, Astro is
 * stopped and the check's messages are all the editor sees, as if nothing else had started. The check reads the
 * whole archive once and lists what the later steps need of it: the search index and the social cards start
 * from that listing once the check has passed, on the core Astro leaves idle. Short of memory, the index only
 * prepares its documents beside Astro and starts Pagefind, which holds most of its memory, once the cards are done
 * ('after-cards': Astro never has both beside it), or once Astro has finished ('after'). The cards report after
 * Astro, the index last. A step that fails is thrown as a StepFailure once every other step it started has stopped.
 */
async function buildSite(check: Step, search: Step, build: Step, searchTiming: SearchIndexTiming, socialCards: Step): Promise<void> {
  const started = performance.now();
  const start = (step: Step) => {
    // No step starts once a stop has come: the check may pass in the moment the signal arrives.
    if (stopSignal) throw new BuildStopped();
    const running = startHeld(step, { cwd: projectRoot, noColor: settings.noColor });
    startedSteps.push(running);
    return running;
  };
  const checking = start(check);
  const building = start(build);
  // `npm run bench` times Astro's phases by when its lines arrive, so it hears them as they come.
  const { timingFile } = settings;
  if (timingFile) building.release();
  const checkStatus = await checking.exited;
  recordTiming(timingFile, 'check', performance.now() - started);
  checking.release();
  if (checkStatus !== 0) {
    await stopSteps(building);
    throw new StepFailure('the content check', checkStatus, checking);
  }
  // The index hears through its standard input when Pagefind may start (a line) and when Astro is done (the end):
  // then it gives Pagefind both cores.
  const indexing = start({ ...search, args: [...search.args, searchTiming === 'alongside' ? '--astro-done-on-stdin' : '--pagefind-after-stdin'], stdin: 'pipe' });
  // An index that stopped early no longer reads its input; its exit status says why, not the pipe.
  indexing.child.stdin?.on('error', () => {});
  const carding = start(socialCards);
  if (searchTiming === 'after-cards') {
    void carding.exited.then((status) => {
      if (status === 0 && indexing.child.stdin?.writable) indexing.child.stdin.write('cards done\n');
    });
  }
  building.release();
  // A step beside Astro that fails ends the build then, not once Astro has made the pages it would throw away.
  const first = await Promise.race([building.exited.then((status) => ({ step: 'astro build', status, running: building })), firstFailure({ 'social cards': carding, 'search indexing': indexing })]);
  if (first.running !== building) {
    await stopSteps(building, first.running === carding ? indexing : carding);
    first.running.release();
    throw new StepFailure(first.step, first.status, first.running);
  }
  const buildStatus = first.status;
  if (buildStatus !== 0) {
    await stopSteps(indexing, carding);
    throw new StepFailure('astro build', buildStatus, building);
  }
  const astroEnded = performance.now();
  indexing.child.stdin?.end();
  carding.release();
  const cardsStatus = await carding.exited;
  if (cardsStatus !== 0) {
    await stopSteps(indexing);
    throw new StepFailure('social cards', cardsStatus, carding);
  }
  indexing.release();
  const searchStatus = await indexing.exited;
  recordTiming(timingFile, 'search-wait', performance.now() - astroEnded);
  if (searchStatus !== 0) throw new StepFailure('search indexing', searchStatus, indexing);
}

/**
 * Takes the output's lock, putting back the last good site if a build was stopped half-way through its swap, and
 * sets aside what earlier builds left; undefined, having said why, when the lock cannot be had. What is set aside
 * (the site the last build replaced, an interrupted build's folders) is removed while this build runs: `removal`.
 */
async function lockOutput(): Promise<{ release: () => Promise<void>; removal: Promise<void> } | undefined> {
  let release: () => Promise<void>;
  try {
    release = await lockFolder(outDir, { what: `the site output ${outDir}`, onWait: (message) => console.log(message) });
  } catch (error) {
    console.error(error instanceof FolderLockError ? error.message : `Cannot lock ${outDir}: ${(error as Error).message}`);
    return undefined;
  }
  // A build stopped between the two renames of the swap below left the last good site only in dist.previous.
  if (!existsSync(outDir) && existsSync(previous)) {
    renameSync(previous, outDir);
    console.log(`Restored ${outDir} from ${previous}: the last build was stopped while swapping it in.`);
  }
  // Beside a site, dist.previous is one a build had replaced when it was stopped.
  moveAside(previous, outDir);
  discardWorkFolders();
  return { release, removal: removeDiscardedFolders(outDir, warn) };
}

/**
 * Swaps the finished staging folder in as the site. The site it replaces is set aside, not removed: on a large
 * archive that takes as long as a good part of the build, and the next build removes it while it runs.
 */
function swapIn(): string | undefined {
  const hadSite = existsSync(outDir);
  const rename = (from: string, to: string) => {
    try {
      renameSync(from, to);
    } catch (error) {
      // The last good site goes back in place: the failed build leaves the output as it was.
      if (hadSite && !existsSync(outDir)) renameSync(previous, outDir);
      console.error(swapFailureMessage(outDir, from, to, error as NodeJS.ErrnoException));
      throw new StepFailure('the swap', 1);
    }
  };
  if (hadSite) rename(outDir, previous);
  rename(staging, outDir);
  return moveAside(previous, outDir);
}

/**
 * Makes the site in the staging folder and swaps it in, holding the output's lock throughout, then says so in the
 * words of `written` with the time the command took. A failed step leaves the output as it was and sets the exit
 * code: the process then ends by its event loop, every step stopped and the lock released, never by process.exit,
 * which can hang for good beside V8's background compilation (nodejs/node#54918), where a scheduled build must fail
 * at once.
 */
async function intoOutput(makeSite: () => Promise<void>, written: string): Promise<void> {
  const locked = await lockOutput();
  if (!locked) {
    process.exitCode = 2;
    return;
  }
  // Once, whether the build ends or a stop ends it, and a stop waits for a release already under way.
  let released: Promise<void> | undefined;
  releaseOutput = () => (released ??= locked.release());
  let failed = true;
  try {
    await makeSite();
    // A stop that came while the last step ended: it ends the build here, before the swap.
    if (stopSignal) throw new BuildStopped();
    const replaced = swapIn();
    siteSwappedIn = true;
    failed = false;
    // The whole command's time, from the start of its process; and where the last site went, which an operator may miss.
    console.log(`${written} in ${formatDuration(performance.now())}${replaced ? `; the site it replaced is in ${replaced} until the next build removes it` : ''}.`);
  } catch (error) {
    // The steps ended because the build stopped them: stopBuild says so and ends the process.
    if (stopSignal) return;
    if (!(error instanceof StepFailure)) throw error;
    cleanUpAfter(error);
    process.exitCode = error.status ?? 1;
  } finally {
    if (!stopSignal) {
      // The folders set aside when the lock was taken are gone before the next build may take it; a failed build
      // removes its own too, as it has no site to show for them.
      await locked.removal;
      if (failed) await removeDiscardedFolders(outDir, warn);
      await releaseOutput();
    }
  }
}

/** What this build read, for the parts of a sharded build to be checked against each other. */
const fingerprint = () => buildFingerprint({ ...settings, now: publishNow() });

/** `--merge`: parts 1..k of one build, each file once (files several parts made must agree), and the whole site's sitemap. */
async function mergeSite(dirs: string[]): Promise<void> {
  const paths = commandPaths();
  const parts = dirs.map((dir) => readPart(paths.resolve(dir)));
  const problems = partProblems(parts);
  // The sitemap is made here from the content and settings: they must be those the parts were built with.
  const here = fingerprint();
  const differences = parts[0] ? fingerprintDifferences(parts[0].marker.fingerprint, here) : [];
  if (differences.length > 0) problems.push(`the merge must run with the content and settings the parts were built with: ${differences.join('; ')}`);
  if (problems.length > 0) throw new Error(`Cannot merge these parts:\n  ${problems.join('\n  ')}`);
  const files = await joinParts(parts, staging);
  await writeMergedSitemap(staging, files);
}

// The staging, search and card folders beside the output belong to whichever build holds its lock; a second build waits.
if (merge) {
  await intoOutput(async () => {
    try {
      await mergeSite(otherArguments);
    } catch (error) {
      console.error((error as Error).message);
      throw new StepFailure('the merge', 1);
    }
  }, `Site merged from ${otherArguments.length} parts into ${outDir}`);
} else {
  const { contentDir } = settings;
  let searchTiming: SearchIndexTiming;
  try {
    // Read here to refuse a bad value before any step starts, too; the steps read them again.
    const siteProblem = siteUrlProblem(settings.siteUrl, settings.basePath);
    if (siteProblem) throw new Error(siteProblem);
    if (!existsSync(contentDir)) throw new Error(`The content folder ${contentDir} does not exist: create it, or set NEWSDESK_CONTENT_DIR to the folder the articles are in`);
    if (!statSync(contentDir).isDirectory()) throw new Error(`The content folder ${contentDir} is a file, not a folder: set NEWSDESK_CONTENT_DIR to the folder the articles are in`);
    publishNow();
    const partArticles = searchIndexSizes().partLimits.articles;
    const articleFiles = listArticleFiles(contentDir).length;
    const available = process.availableMemory();
    buildSize = { articles: articleFiles, available };
    searchTiming = searchIndexTiming(articleFiles, available, settings.searchIndex, partArticles);
    if (searchTiming === 'after-cards' && !settings.searchIndex) {
      console.log(`Search index after the social cards: ${afterCardsReason(articleFiles, available, partArticles)}.`);
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }

  // Every step publishes up to the same instant, so the check's listing, Astro's pages, the cards and the search
  // index agree on what is published, even for a piece scheduled for the moment the build runs.
  if (!settings.now) process.env.NEWSDESK_NOW = publishNow().toISOString();
  const heapOption = astroHeapOption(totalmem(), process.env.NODE_OPTIONS);
  const astroNodeOptions = [process.env.NODE_OPTIONS, heapOption].filter(Boolean).join(' ');
  astroHeapLimit = heapLimitOf(astroNodeOptions) ?? defaultHeapLimit;
  await intoOutput(async () => {
    // Before any step starts: a Pagefind that cannot run would otherwise be found only once the documents are made, while
    // Astro renders pages the failed build throws away.
    try {
      assertPagefindRunnable();
    } catch (error) {
      if (!(error instanceof SearchIndexError)) throw error;
      console.error(searchFailureMessage(error.what, error.errors));
      throw new StepFailure('search indexing', 1);
    }
    const node = process.execPath;
    await buildSite(
      // `npm run check:content`: bad input fails in about a second, every problem listed, and no Astro output. The
      // near-duplicate report (editorial advice, never an error) is most of the check's time on a large archive and
      // would compete with the search index for the second core; `npm run check:content` gives it.
      { command: node, args: [resolve(projectRoot, 'src/cli/check-content.ts'), '--skip-near-duplicates', '--write-listing', listing], background: true },
      // Pagefind indexes the published articles from their sources, not from the built pages.
      { command: node, args: [resolve(projectRoot, 'src/cli/search-index.ts'), searchIndex, '--articles', listing], background: true },
      // Astro writes into the staging folder: astro.config.mjs takes its output folder from NEWSDESK_DIST (src/settings.ts);
      // its lines name the output folder (NEWSDESK_SWAP_INTO) and leave the build's completion to its last line.
      // Node's default heap is a quarter of the machine's memory: too little for Astro on a large archive (src/lib/build/heap-limit.ts).
      // The check's listing hands Astro's site index the stories and what it reads of each body (src/site.ts).
      { command: node, args: [...ASTRO_V8_OPTIONS, astroScript, 'build', ...otherArguments], env: { ...process.env, NEWSDESK_DIST: staging, NEWSDESK_SWAP_INTO: outDir, NEWSDESK_LISTING: listing, NODE_OPTIONS: astroNodeOptions } },
      searchTiming,
      // Social cards are made from the article sources on worker threads, only those the card cache lacks.
      { command: node, args: [resolve(projectRoot, 'src/cli/cards.ts'), cards, '--articles', listing], background: true },
    );
    removeListing(listing);
    renameSync(searchIndex, join(staging, 'pagefind'));
    renameSync(cards, join(staging, 'cards'));
    // Astro's server-side chunks (with this machine's paths in them) are its own business, never the site's.
    rmSync(join(staging, '.prerender'), { recursive: true, force: true });
    if (shard) {
      const marker: ShardMarker = { part: shard.index, parts: shard.count, fingerprint: fingerprint() };
      writeFileSync(join(staging, SHARD_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    }
  }, shard ? `Part ${shard.index}/${shard.count} of the site written to ${outDir}` : `Site written to ${outDir}`);
}
