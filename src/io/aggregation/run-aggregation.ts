/**
 * One aggregation run: read the registry and the state, fetch every due source politely, plan the new items with
 * the importer's planner, write them, then write the state once. Items are written before the state, and the
 * content folder is only read when some feed has items not handled before, so an unchanged run stays cheap.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { gateThroughChecker } from '../../lib/authoring/import/checker-gate.ts';
import { toExistingArticles } from '../../lib/authoring/import/existing-articles.ts';
import { FeedError, parseFeedText, type FeedEntry, type ParsedFeed } from '../../lib/authoring/import/parse-feed.ts';
import { createImportPlanner, type ImportDecision } from '../../lib/authoring/import/plan-import.ts';
import { sharedLinks } from '../../lib/authoring/import/shared-links.ts';
import { capCandidates, copiesOfRefused, keysOldestFirst, newestFirst, sortEntries, type Candidate } from '../../lib/aggregation/candidates.ts';
import { conditionalHeaders } from '../../lib/aggregation/conditional.ts';
import { refusedKey } from '../../lib/aggregation/identity.ts';
import { sourceFolder, toSourceItem } from '../../lib/aggregation/item.ts';
import { allFailingSince, needsAttention } from '../../lib/aggregation/attention.ts';
import { stateAtClock } from '../../lib/aggregation/clock.ts';
import { noteHostRest, restingBecause, restsAfterRun, type HostRests, type HostsInRun } from '../../lib/aggregation/host-rest.ts';
import { feedErrorCause } from '../../lib/aggregation/failure-cause.ts';
import { answerOutcome, failureOutcome, type FetchOutcome } from '../../lib/aggregation/outcome.ts';
import type { Source } from '../../lib/aggregation/registry.ts';
import { emptySkipCounts, summarizeRun, type RunReport, type SourceReport } from '../../lib/aggregation/report.ts';
import { afterAnswer, afterFailure, afterNotAsked, backingOffUntil, editedSinceFailures, failingSinceFor, freshUntilFor, inAskingOrder, keptValidators, lastSuccessFor } from '../../lib/aggregation/source-state.ts';
import { allSeenKeys, serializeState, StateError, type AggregationState, type SourceState } from '../../lib/aggregation/state.ts';
import { formatProblem, hasErrors, sortProblems } from '../../lib/checks/problems.ts';
import { isoSeconds } from '../../lib/content/iso-seconds.ts';
import { loadArticles } from '../article-files.ts';
import { DEFAULT_FETCH_LIMITS } from '../fetch-feed.ts';
import { displayPath } from '../display-path.ts';
import { FolderLockError, lockFolder } from '../folder-lock.ts';
import { inspectFile } from '../inspect-file.ts';
import { removeStaleTemporaryFiles, replaceFile, writeNewFile } from '../write-file.ts';
import { readSourcesFile } from '../read-sources.ts';
import { fetchFeeds, type FetchPolicy } from './fetch-sources.ts';
import { readStateFile } from './state-file.ts';
import { filterSources } from './filter-pool.ts';
import { projectRoot } from '../../settings.ts';

export interface AggregateOptions {
  /** Paths in messages and in the report are relative to this folder. */
  cwd: string;
  sourcesFile: string;
  /** The articles folder; items go to <contentDir>/aggregated/<source id>/. */
  contentDir: string;
  /** The content folder contentDir lies in (contentDir itself by default): its slugs are avoided, its lock taken. */
  enclosingContentDir?: string;
  stateFile: string;
  /** Only these source ids. */
  only?: readonly string[];
  dryRun: boolean;
  now: Date;
  /** The site's language (siteConfig.lang): drafts in another carry it as `lang`. */
  siteLang: string;
  policy: FetchPolicy;
  /** The most new items planned per source in one run; the rest are held over for later runs. */
  maxNewItems: number;
  /** Files written at once. */
  writeConcurrency?: number;
  /** Ask every source not backing off, even one whose last answer its server said is still fresh. */
  refresh?: boolean;
}

/** The run could not start: an invalid registry or state file, an unknown --only id, a content folder it cannot write. */
export class CannotRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CannotRunError';
  }
}

interface SourceRun {
  source: Source;
  previous?: SourceState;
  report: SourceReport;
  /** The new state; undefined leaves the source's state as it was. */
  next?: SourceState;
  outcome?: FetchOutcome;
  feed?: ParsedFeed;
  candidates: Candidate[];
  decisions: ImportDecision[];
  /** Positions of planned items that could not be written. */
  unwritten: Set<number>;
  /** Entries taken as duplicates of another source's (or of one earlier in the feed) in this run. */
  duplicates: Candidate[];
  /** Why items could not be written, other than another writer getting there first: the source then counts as failed. */
  writeFailures: string[];
  /** Where a permanent redirect took the feed in this run. */
  movedTo?: string;
  /** The keys of every item the feed lists in this run. */
  listed?: ReadonlySet<string>;
}

export async function runAggregation(options: AggregateOptions): Promise<RunReport> {
  const display = (path: string) => displayPath(path, options.cwd);
  const sources = selectSources(readRegistry(options.sourcesFile, display(options.sourcesFile)), options.only);
  await assertWritableFolder(options.contentDir, display(options.contentDir));
  // An import or another aggregation writing the same folder at once would miss this run's items and write them again.
  const contentFolder = options.enclosingContentDir ?? options.contentDir;
  const release = options.dryRun ? async () => {} : await lockContent(contentFolder, display(contentFolder));
  try {
    return await aggregateLocked(sources, options, display);
  } finally {
    await release();
  }
}

async function lockContent(folder: string, shown: string): Promise<() => Promise<void>> {
  try {
    return await lockFolder(folder, { what: `the content folder ${shown}`, onWait: (message) => console.error(message) });
  } catch (error) {
    if (error instanceof FolderLockError) throw new CannotRunError(error.message);
    throw error;
  }
}

async function aggregateLocked(sources: Source[], options: AggregateOptions, display: (path: string) => string): Promise<RunReport> {
  const read = await readStateFile(options.stateFile, display(options.stateFile)).catch((error: unknown) => {
    throw error instanceof StateError ? new CannotRunError(error.message) : error;
  });
  const stateText = read.text;
  // Read by this run's clock, and written back so: a clock that was ahead delays nothing beyond this run.
  const { state, ahead: clockAhead } = stateAtClock(read.state, options.now);
  if (!options.dryRun) {
    await removeStaleTemporaryFiles(dirname(options.stateFile), { of: basename(options.stateFile) });
    await removeStaleTemporaryFiles(join(options.contentDir, 'aggregated'), { recursive: true });
  }

  const runs: SourceRun[] = sources.map((source) => ({ source, previous: state.sources[source.id], report: newReport(source), candidates: [], decisions: [], unwritten: new Set(), duplicates: [], writeFailures: [] }));
  const hosts = await fetchDue(runs, state.hosts, options);

  const excluded = await applyFilters(runs, options.policy.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs);
  // Entries not handled before, source by source in registry order, so the first source to carry a story keeps it.
  const known = allSeenKeys(state);
  const claimed = new Set<string>();
  for (const run of runs) {
    if (!run.feed) continue;
    const dropped = excluded.get(run);
    const sorted = sortEntries(run.feed.entries, run.source.id, (entry) => !dropped?.has(entry), known, claimed);
    run.candidates = sorted.candidates;
    run.duplicates = sorted.duplicates;
    run.listed = sorted.listed;
    Object.assign(run.report.skipped, { seenBefore: sorted.seenBefore, duplicate: sorted.duplicate, excluded: sorted.excluded });
  }
  if (runs.some((run) => run.candidates.length)) planItems(runs, options, display);
  if (!options.dryRun) await writeItems(runs, options);

  for (const run of runs) settleState(run, options.now);
  const nextState: AggregationState = { ...state, sources: { ...state.sources }, hosts: restsAfterRun(state.hosts, hosts, options.now) };
  for (const run of runs) if (run.next) nextState.sources[run.source.id] = run.next;
  const nextText = serializeState(nextState);
  if (!options.dryRun && nextText !== stateText) {
    try {
      await replaceFile(options.stateFile, nextText);
    } catch (error) {
      throw new CannotRunError(`could not write ${display(options.stateFile)} (${(error as Error).message}); the items written are on disk and the next run recognises them by their links`);
    }
  }
  // From the state each source is left in, so a source backing off (not asked this run) is still listed.
  const states = runs.map((run) => ({ id: run.source.id, name: run.source.name, feed: run.source.feed, state: run.next ?? run.previous }));
  // Items that could not be written are not the outlet's failure, so the state does not count them: said at each run
  // they happen, or they would be retried, unwritten, at every run with the job green and nothing on its page.
  const unwritable = runs.flatMap((run) => (run.writeFailures.length ? [{ id: run.source.id, name: run.source.name, reason: 'unwritable' as const, error: run.writeFailures[0] }] : []));
  return summarizeRun(runs.map((run) => run.report), options.dryRun, [...needsAttention(states, options.now), ...unwritable], allFailingSince(states, options.now), clockAhead);
}

function newReport(source: Source): SourceReport {
  return { id: source.id, name: source.name, result: 'not-modified', newItems: [], skipped: emptySkipCounts(), notes: [] };
}

function readRegistry(path: string, shown: string): Source[] {
  let registry;
  try {
    registry = readSourcesFile(path, shown);
  } catch (error) {
    throw new CannotRunError(`cannot read ${shown} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (!registry.exists) throw new CannotRunError(`${shown} does not exist; list the sources to follow there (see README: Sources)`);
  if (hasErrors(registry.problems)) {
    throw new CannotRunError(`the sources registry has problems; nothing was fetched:\n${sortProblems(registry.problems).map(formatProblem).join('\n')}`);
  }
  // Warnings (a feed listed twice) do not stop the run, but the editor should see them before it fetches.
  for (const problem of registry.problems) console.error(formatProblem(problem));
  return registry.sources;
}

function selectSources(sources: Source[], only: readonly string[] | undefined): Source[] {
  if (!only) return sources;
  const ids = new Set(sources.map((source) => source.id));
  const unknown = only.filter((id) => !ids.has(id));
  if (unknown.length) throw new CannotRunError(`--only: no source has the id ${unknown.map((id) => `"${id}"`).join(', ')}; the registry lists ${[...ids].join(', ') || 'none'}`);
  const wanted = new Set(only);
  return sources.filter((source) => wanted.has(source.id));
}

async function assertWritableFolder(folder: string, shown: string): Promise<void> {
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new CannotRunError(`the content folder ${shown} does not exist`);
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new CannotRunError(`the content folder ${shown} is not writable`);
  }
}

/**
 * Fetches every source that is not backing off, whose last answer is not still fresh and whose host is not resting
 * (`previousRests`; a feed whose feed: line was edited since it failed is asked all the same, as a fix), then reads
 * each answer into a feed, an unchanged mark or a failure. Returns what the hosts did: rests asked for, feeds answered.
 */
async function fetchDue(runs: SourceRun[], previousRests: HostRests | undefined, options: AggregateOptions): Promise<HostsInRun> {
  const due = runs.filter((run) => {
    const until = backingOffUntil(run.previous, run.source.feed, options.now);
    if (until) {
      // Only a source with a state backs off.
      const previous = run.previous!;
      const failingSince = failingSinceFor(previous, run.source.feed);
      Object.assign(run.report, {
        result: 'backing-off',
        until: isoSeconds(until),
        error: previous.lastError?.message,
        consecutiveFailures: previous.consecutiveFailures,
        ...(previous.lastError?.cause ? { cause: previous.lastError.cause } : {}),
        ...(failingSince ? { failingSince } : {}),
        ...(lastSuccessFor(previous, run.source.feed) === undefined ? { neverRead: true } : {}),
      });
      return false;
    }
    const fresh = options.refresh ? undefined : freshUntilFor(run.previous, run.source.feed, options.now);
    if (fresh) {
      Object.assign(run.report, { result: 'fresh', until: isoSeconds(fresh) });
      return false;
    }
    const resting = editedSinceFailures(run.previous, run.source.feed) ? undefined : restingBecause(previousRests, run.source.feed, options.now);
    if (resting) {
      // As when its host refuses another feed in the run: the feed's own record stays as it was.
      Object.assign(run.report, { result: 'not-asked', notAskedBecause: resting });
      run.next = afterNotAsked(run.previous, run.source.feed, options.now);
      return false;
    }
    return true;
  });
  const ordered = inAskingOrder(due.map((run) => ({ run, state: run.previous, feedUrl: run.source.feed }))).map(({ run }) => run);
  const requests = ordered.map((run) => ({
    id: run.source.id,
    url: run.source.feed,
    headers: conditionalHeaders(run.source.feed, keptValidators(run.previous, run.source.feed)),
  }));
  const responses = await fetchFeeds(requests, options.policy);
  const hosts: HostsInRun = { rests: {}, answered: new Set() };
  for (const run of due) {
    const response = responses.get(run.source.id)!;
    if ('notAsked' in response) {
      // Its host failed another feed, not this one: the feed's own record (failures in a row, back-off) stays as it was.
      Object.assign(run.report, { result: 'not-asked', notAskedBecause: response.notAsked });
      run.next = afterNotAsked(run.previous, run.source.feed, options.now);
      continue;
    }
    run.outcome = response.ok
      ? answerOutcome(
          { status: response.document.status ?? 200, url: response.document.url ?? run.source.feed, movedPermanently: response.document.movedPermanently, text: response.document.text, contentType: response.document.contentType, headers: response.document.headers ?? {} },
          run.source.feed,
          run.previous,
          options.now,
        )
      : failureOutcome(response.error.message, response.error.status, response.error.headers, options.now, response.error.failureCause);
    if (!response.ok && run.outcome.kind === 'failed' && run.outcome.retryAfter && response.error.answeredFrom) {
      noteHostRest(hosts.rests, run.source.feed, response.error.answeredFrom, response.error.status!, run.outcome.retryAfter, options.now);
    }
    if (response.ok) for (const address of [run.source.feed, response.document.url ?? run.source.feed]) hosts.answered.add(new URL(address).host);
    // Only a permanent redirect is the publisher saying the address changed; a temporary one (a CDN, a tracker) is
    // how the feed is served, and would otherwise need attention at every run. Kept in the state, and so said at
    // every run until a read finds the feed at the address the registry names. Compared as URLs: a feed: line
    // spelled otherwise ("é" for "%C3%A9", a host in capitals) has not moved.
    const servedFrom = response.ok ? response.document.url : undefined;
    if (response.ok && response.document.movedPermanently && servedFrom && servedFrom !== new URL(run.source.feed).href) run.movedTo = servedFrom;
    if (run.outcome.kind !== 'changed') continue;
    try {
      run.feed = parseFeedText(run.outcome.text, { baseUrl: run.outcome.url, contentEncoding: run.outcome.contentEncoding });
    } catch (error) {
      // Anything a hostile document makes the parser throw is that source's failure, never the run's.
      const why = error instanceof FeedError ? error.message : `the feed could not be read (${(error as Error).message})`;
      const served = run.outcome.contentType ? ` (served as ${run.outcome.contentType})` : '';
      run.outcome = { kind: 'failed', reason: `${run.outcome.url}: ${why}${served}`, cause: feedErrorCause(error instanceof FeedError ? error.kind : undefined) };
      continue;
    }
    // The feed's address with the decoding's warning: the editor has it to tell the publisher.
    const decoding = response.ok ? response.document.encodingWarning : undefined;
    if (decoding) run.report.notes.push(`${run.outcome.url}: ${decoding}`);
    run.report.notes.push(...(run.feed.warnings ?? []));
    run.report.result = 'fetched';
  }
  return hosts;
}

/**
 * The entries each source's include/exclude lists drop, for the sources read with lists; a source whose lists could not
 * be applied in time fails, its feed set aside, and the other sources carry on.
 */
async function applyFilters(runs: SourceRun[], timeoutMs: number): Promise<Map<SourceRun, Set<FeedEntry>>> {
  const filtered = runs.filter((run) => run.feed && (run.source.include?.length || run.source.exclude?.length));
  const results = await filterSources(filtered.map((run) => ({ source: run.source, entries: run.feed!.entries })), timeoutMs);
  const excluded = new Map<SourceRun, Set<FeedEntry>>();
  filtered.forEach((run, index) => {
    const result = results[index]!;
    if (result.ok) return excluded.set(run, result.excluded);
    run.outcome = { kind: 'failed', reason: result.reason, cause: 'filter-too-slow' };
    run.feed = undefined;
  });
  return excluded;
}

/**
 * The importer's planner over the whole content folder, read once, for every source's new entries. They are planned
 * newest first, in rounds, each source's only while it has fewer than the cap to write: the rest would be held over
 * anyway, and a feed listing its whole archive would otherwise cost the time of every item at every run until the
 * archive is written. Each round offers twice as many as the last, so items the site already has cost few rounds.
 * When the copy of a story taken first is refused, the next outlet's copy, set aside as its duplicate, is offered in
 * the next round, so the story is not left out of this run.
 */
function planItems(runs: SourceRun[], options: AggregateOptions, display: (path: string) => string): void {
  const existing = toExistingArticles(loadArticles(options.enclosingContentDir ?? options.contentDir, display));
  const planner = createImportPlanner(existing, { now: options.now, siteLang: options.siteLang });
  const gate = { now: options.now, contentDir: options.enclosingContentDir ?? options.contentDir, projectRoot, inspectFile, absolutePathOf: (file: string) => resolve(options.cwd, file) };
  const waiting = runs.map((run) => newestFirst(run.candidates));
  // Feed order first, then the copies of refused items: the order the report lists them in.
  const listed = new Map(runs.flatMap((run) => [...run.candidates, ...run.duplicates].map((candidate, position) => [candidate, position] as const)));
  let batch = options.maxNewItems;
  let offered = waiting.map((candidates) => candidates.splice(0, batch));
  for (const run of runs) run.candidates = [];
  while (offered.some((candidates) => candidates.length)) {
    const planned = runs.map((run, index) => planCandidates(planner, run, offered[index]!, options, display));
    // Each draft through the whole check too, as `npm run import` does: an item it would refuse, written, would stop
    // the next build (and the deploy after a scheduled run) instead of being reported here and left out.
    const checked = gateThroughChecker(planner.checkDrafts(planned.flat()), [], gate);
    const refusedBy = new Map<string, string>();
    let offset = 0;
    runs.forEach((run, index) => {
      const candidates = planned[index]!.length ? offered[index]! : [];
      const decisions = checked.slice(offset, offset + candidates.length);
      offset += candidates.length;
      run.candidates.push(...candidates);
      run.decisions.push(...decisions);
      candidates.forEach((candidate, position) => {
        if (decisions[position]!.kind !== 'rejected') return;
        for (const key of candidate.keys) if (key.startsWith('link:')) refusedBy.set(key, run.source.id);
      });
    });
    const copiesOffered = new Set<string>();
    batch *= 2;
    offered = runs.map((run, index) => {
      if (run.outcome?.kind === 'failed') return [];
      const { copies, remaining } = copiesOfRefused(run.duplicates, run.source.id, refusedBy, copiesOffered);
      run.duplicates = remaining;
      run.report.skipped.duplicate -= copies.length;
      const toWrite = run.decisions.filter((decision) => decision.kind === 'import').length;
      return [...copies, ...(toWrite < options.maxNewItems ? waiting[index]!.splice(0, batch) : [])];
    });
  }
  for (const run of runs) {
    const order = run.candidates.map((candidate, position) => ({ candidate, decision: run.decisions[position]! })).sort((a, b) => listed.get(a.candidate)! - listed.get(b.candidate)!);
    run.candidates = order.map(({ candidate }) => candidate);
    run.decisions = order.map(({ decision }) => decision);
  }
  runs.forEach((run, index) => holdOver(run, options.maxNewItems, run.outcome?.kind === 'failed' ? 0 : waiting[index]!.length));
  for (const run of runs) {
    for (const decision of run.decisions) {
      if (decision.kind === 'import') run.report.newItems.push({ file: decision.file, title: decision.title, draft: decision.draft.draft });
      else if (decision.kind === 'duplicate') run.report.skipped.duplicate++;
      else if (decision.kind === 'similar') run.report.skipped.similar++;
      else {
        run.report.skipped.rejected++;
        run.report.notes.push(`“${decision.title}” rejected: ${decision.reason}`);
      }
    }
  }
}

/** One source's decisions for `candidates`; none, and the source failed, when its items trip the importer. */
function planCandidates(planner: ReturnType<typeof createImportPlanner>, run: SourceRun, candidates: readonly Candidate[], options: AggregateOptions, display: (path: string) => string): ImportDecision[] {
  if (!candidates.length || run.outcome?.kind === 'failed') return [];
  try {
    return planner.plan(
      { ...run.feed!, entries: candidates.map((candidate) => candidate.entry) },
      {
        registrySource: run.source,
        extraTags: run.source.tags,
        folder: display(join(options.contentDir, sourceFolder(run.source.id))),
        adaptDraft: toSourceItem(run.source),
        // Judged on the whole feed: the items already handled share the link as much as the new ones.
        sharedLinks: sharedLinks(run.feed!.entries),
      },
    );
  } catch (error) {
    // As with parsing: an item that trips the importer fails its source, and the other sources carry on.
    run.outcome = { kind: 'failed', reason: `its items could not be made into articles (${(error as Error).message})`, cause: 'unusable-items' };
    run.candidates = [];
    run.decisions = [];
    return [];
  }
}

/**
 * Keeps the newest `max` of the items planned to be written; the others, and the `unplanned` ones, are held over,
 * left out of the state for a later run. Capped after planning, so that items the site already has (forgotten by the
 * state, whose memory is bounded) take none of the places.
 */
function holdOver(run: SourceRun, max: number, unplanned: number): void {
  const toWrite = run.candidates.filter((_, position) => run.decisions[position]!.kind === 'import');
  const capped = capCandidates(toWrite, max);
  const kept = new Set(capped.candidates);
  const keep = run.candidates.map((candidate, position) => run.decisions[position]!.kind !== 'import' || kept.has(candidate));
  run.candidates = run.candidates.filter((_, position) => keep[position]);
  run.decisions = run.decisions.filter((_, position) => keep[position]);
  run.report.skipped.heldOver = capped.heldOver + unplanned;
}

/** Writes every planned item; one that cannot be written is reported and left out of the state, so a later run retries it. */
async function writeItems(runs: SourceRun[], options: AggregateOptions): Promise<void> {
  const limit = pLimit(options.writeConcurrency ?? 8);
  await Promise.all(
    runs.flatMap((run) =>
      run.decisions.map((decision, position) =>
        decision.kind !== 'import'
          ? undefined
          : limit(async () => {
              try {
                await writeNewFile(resolve(options.cwd, decision.file), decision.contents);
              } catch (error) {
                const code = (error as NodeJS.ErrnoException).code;
                const reason = code === 'EEXIST' ? `${decision.file} appeared while aggregating; it was left alone` : `could not write ${decision.file}: ${(error as Error).message}`;
                if (code !== 'EEXIST') run.writeFailures.push(reason);
                run.unwritten.add(position);
                run.report.newItems = run.report.newItems.filter((item) => item.file !== decision.file);
                run.report.notes.push(`“${decision.title}” not written: ${reason}`);
              }
            }),
      ),
    ),
  );
}

/**
 * The source's next state from its outcome; an item that could not be written or was held over keeps the feed's
 * validators, freshness and hashes from being saved, so the next run reads the feed again even if it has not changed. An item that could not be written also fails the source in the report, so
 * that --strict and the totals show it.
 */
function settleState(run: SourceRun, now: Date): void {
  const outcome = run.outcome;
  if (!outcome) return;
  if (outcome.kind === 'failed') {
    run.next = afterFailure(run.previous, run.source.feed, outcome.reason, outcome.retryAfter, now, outcome.cause);
    Object.assign(run.report, { result: 'failed', error: outcome.reason, until: run.next.nextFetchAfter, consecutiveFailures: run.next.consecutiveFailures });
    return;
  }
  // A refused item is remembered by its source alone: another outlet's copy of its link may still be taken.
  const handled = run.candidates.flatMap((candidate, position) => {
    if (run.unwritten.has(position)) return [];
    return run.decisions[position]?.kind === 'rejected' ? [{ ...candidate, keys: candidate.keys.map((key) => refusedKey(key, run.source.id)) }] : [candidate];
  });
  run.next = afterAnswer(
    run.previous,
    { sourceId: run.source.id, feedUrl: run.source.feed, outcome, entries: run.feed?.entries, movedTo: run.movedTo, seen: keysOldestFirst(handled), listed: run.listed, incomplete: run.unwritten.size > 0 || run.report.skipped.heldOver > 0 },
    now,
  );
  const [firstFailure, ...moreFailures] = run.writeFailures;
  if (firstFailure) {
    const more = moreFailures.length ? ` (and ${moreFailures.length} more item${moreFailures.length === 1 ? '' : 's'})` : '';
    Object.assign(run.report, { result: 'failed', error: `${firstFailure}${more}` });
  }
}
