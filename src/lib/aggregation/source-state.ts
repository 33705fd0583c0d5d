/** How one run changes a source's state: a successful read, a failure (with its back-off), and the items handled. */
import { backoffUntil, later, RETRY_AFTER_CAP_MS } from './schedule.ts';
import { beyondReach } from './clock.ts';
import { isoSeconds } from '../content/iso-seconds.ts';
import { emptySourceState, MAX_SEEN_PER_SOURCE, type SourceState } from './state.ts';
import { MAX_FRESHNESS_MS, type Validators } from './conditional.ts';
import type { FailureCause } from './failure-cause.ts';
import { listedItemsHash, storedKey } from './identity.ts';
import type { FetchOutcome } from './outcome.ts';
import type { FeedEntry } from '../authoring/import/parse-feed.ts';

/**
 * Whether the state's failures were counted for `feedUrl`: after the registry's feed: line is edited (a fix, most
 * often), the new address is asked at once and its failures counted from one. A state written before it recorded
 * the address is taken to mean this one.
 */
function failuresCountFor(state: SourceState, feedUrl: string): boolean {
  return state.failuresFor === undefined || state.failuresFor === feedUrl;
}

/** Whether the registry's feed: line has been edited since the state's failures were counted: the new address is asked at once. */
export function editedSinceFailures(state: SourceState | undefined, feedUrl: string): boolean {
  return state !== undefined && !failuresCountFor(state, feedUrl);
}

/**
 * When the state's run of failures began. A state written before that was recorded dates its streak from the last
 * failure it knows of: later than the truth, so a long failure is flagged a day late rather than a short one early.
 */
export function failingSince(state: SourceState): string | undefined {
  return state.consecutiveFailures ? (state.failingSince ?? state.lastError?.at) : undefined;
}

/**
 * Since when the feed at `feedUrl` has been left unasked because its host did not answer another of its feeds, refused
 * one (429, 503) or had taken its time in the run. A record made for another address (the registry's feed: line was
 * edited since), or one that does not say for which (written before it recorded that), says nothing of this one.
 */
export function notAskedSinceFor(state: SourceState, feedUrl: string): string | undefined {
  return state.notAskedFor === feedUrl ? state.notAskedSince : undefined;
}

/**
 * How many runs in a row the feed at `feedUrl` has been left unasked since it was last asked; none when it was asked
 * at the last run. A state written before it counted them counts from its next run unasked.
 */
export function notAskedRunsFor(state: SourceState, feedUrl: string): number | undefined {
  return state.notAskedFor === feedUrl ? state.notAskedRuns : undefined;
}

/**
 * Whether the state's lastSuccess was read from `feedUrl`. A state written before it recorded the address is taken to
 * mean this one, as a frozen feed would otherwise go unnoticed until its next new version.
 */
function lastSuccessCountsFor(state: SourceState, feedUrl: string): boolean {
  return state.successFor === undefined || state.successFor === feedUrl;
}

/** When a new version of the feed at `feedUrl` was last read; none when the last one came from another address. */
export function lastSuccessFor(state: SourceState, feedUrl: string): string | undefined {
  return lastSuccessCountsFor(state, feedUrl) ? state.lastSuccess : undefined;
}

/** When the failures counted for the feed at `feedUrl` began; none when they were counted for another address. */
export function failingSinceFor(state: SourceState, feedUrl: string): string | undefined {
  return failuresCountFor(state, feedUrl) ? failingSince(state) : undefined;
}

/**
 * The order a run asks feeds in. Feeds left unasked at earlier runs go first, the longest unasked first, so a host
 * with more slow feeds than its time in a run allows has each read in turn over a few runs; feeds failing at their
 * last attempt go last, in the order given, so a feed that hangs or drips is not asked before its host's other feeds,
 * which would otherwise stay unread run after run until it backs off.
 */
export function inAskingOrder<T extends { state: SourceState | undefined; feedUrl: string }>(feeds: readonly T[]): T[] {
  const rank = ({ state, feedUrl }: T) => (!state ? 1 : failingSinceFor(state, feedUrl) ? 2 : notAskedSinceFor(state, feedUrl) ? 0 : 1);
  const unaskedSince = ({ state, feedUrl }: T) => (state && notAskedSinceFor(state, feedUrl)) ?? '';
  return [...feeds].sort((a, b) => rank(a) - rank(b) || (rank(a) === 0 ? unaskedSince(a).localeCompare(unaskedSince(b)) : 0));
}

/**
 * Set when Retry-After or back-off keeps the source at `feedUrl` from being fetched at `now`. An instant further ahead
 * than either may set (a state edited by hand, or written by a machine whose clock was wrong) is ignored, so that it
 * cannot keep the feed unread.
 */
export function backingOffUntil(state: SourceState | undefined, feedUrl: string, now: Date): Date | undefined {
  if (!state?.nextFetchAfter || !failuresCountFor(state, feedUrl)) return undefined;
  const until = new Date(state.nextFetchAfter);
  return until.getTime() > now.getTime() && !beyondReach(until.getTime(), now, RETRY_AFTER_CAP_MS) ? until : undefined;
}

/**
 * Set when the last answer from `feedUrl` is still fresh at `now`, by what its server said: it need not be asked. An
 * instant further ahead than any answer may make fresh (a state edited by hand, or written by a machine whose clock
 * was wrong) is ignored, so that it cannot keep the feed unread.
 */
export function freshUntilFor(state: SourceState | undefined, feedUrl: string, now: Date): Date | undefined {
  if (!state?.freshUntil || state.freshFor !== feedUrl) return undefined;
  const until = new Date(state.freshUntil);
  return until.getTime() > now.getTime() + ENDING_SOON_MS && !beyondReach(until.getTime(), now, MAX_FRESHNESS_MS) ? until : undefined;
}

/**
 * Freshness that ends within this of a run is as good as ended: the scheduled runs are half an hour apart, give or
 * take GitHub's delays, so a feed fresh for 30 minutes would otherwise be found fresh by seconds and left for an hour.
 */
const ENDING_SOON_MS = 10 * 60 * 1000;

/**
 * The validators to send to `feedUrl`, with the Cache-Control of the answer they came with: none when they were given
 * for another address (the registry's feed: line was edited since, and the old feed's ETag could make the new one look
 * unchanged), or when the state does not say which (written before it recorded that).
 */
export function keptValidators(state: SourceState | undefined, feedUrl: string): Validators {
  if (state?.validatorsFor !== feedUrl) return {};
  return { etag: state.etag, lastModified: state.lastModified, cacheControl: state.cacheControl, expiresLifetime: state.expiresLifetime };
}

export interface SuccessfulRead {
  /** The registry's address for the feed, whatever it redirected to: the one the validators are sent to next time. */
  feedUrl: string;
  validators: Validators;
  /** Until when the answer, a 304's included, is fresh (conditional.ts); undefined when it is not. */
  freshUntil?: Date;
  /** Where a permanent redirect took the feed; undefined when it was read at its own address or redirected for now. */
  movedTo?: string;
  /** Fingerprint of the body read; undefined for a 304, which keeps the previous one. */
  contentHash?: string;
  /** Fingerprint of the items a new version lists; undefined keeps the previous one. */
  itemsHash?: string;
  /** A new version of the feed was read: a body listing items the version before did not (or the feed's first). */
  newVersion: boolean;
  /** Keys of the items handled in this run, oldest item first. */
  seen: readonly string[];
  /** Keys of every item the feed lists (sortEntries' `listed`): kept beyond the cap while the feed lists them. */
  listed?: ReadonlySet<string>;
}

export function afterSuccess(previous: SourceState | undefined, read: SuccessfulRead, now: Date): SourceState {
  const state = previous ?? emptySourceState();
  // The first answer from an address the registry names instead starts its own "nothing new" clock, even when it
  // lists what the old address did: the old address's last new version says nothing of this one.
  const firstAtAddress = state.lastSuccess !== undefined && !lastSuccessCountsFor(state, read.feedUrl);
  const succeeded = read.newVersion || firstAtAddress;
  const conditional = Boolean(read.validators.etag || read.validators.lastModified);
  return {
    ...state,
    etag: read.validators.etag,
    lastModified: read.validators.lastModified,
    // Only a 304 reads it, and only a request with validators brings one.
    cacheControl: conditional ? read.validators.cacheControl : undefined,
    expiresLifetime: conditional ? read.validators.expiresLifetime : undefined,
    validatorsFor: conditional ? read.feedUrl : undefined,
    // Renewed by every answer, a 304 included (RFC 9111 §4.3.4): the server's word on when to ask again outweighs
    // the state being unchanged after a run that found nothing new.
    freshUntil: read.freshUntil && isoSeconds(read.freshUntil),
    freshFor: read.freshUntil && read.feedUrl,
    movedTo: read.movedTo,
    movedFrom: read.movedTo && read.feedUrl,
    contentHash: read.contentHash ?? state.contentHash,
    itemsHash: read.itemsHash ?? state.itemsHash,
    lastSuccess: succeeded ? isoSeconds(now) : state.lastSuccess,
    successFor: succeeded ? read.feedUrl : state.successFor,
    consecutiveFailures: 0,
    failingSince: undefined,
    notAskedSince: undefined,
    notAskedFor: undefined,
    notAskedRuns: undefined,
    nextFetchAfter: undefined,
    failuresFor: undefined,
    seen: appendSeen(state.seen, read.seen, read.listed),
  };
}

/** What a run made of a feed that answered (a new body, the same one, or a 304). */
export interface Answer {
  sourceId: string;
  /** The registry's address for the feed. */
  feedUrl: string;
  outcome: Exclude<FetchOutcome, { kind: 'failed' }>;
  /** The items of the body read; undefined for a 304. */
  entries?: readonly FeedEntry[];
  movedTo?: string;
  /** Keys of the items handled in this run, oldest item first. */
  seen: readonly string[];
  listed?: ReadonlySet<string>;
  /** Items were held over or could not be written: the next run reads the feed in full, so nothing says it is unchanged. */
  incomplete: boolean;
}

/** The source's state after a run in which its feed answered. */
export function afterAnswer(previous: SourceState | undefined, answer: Answer, now: Date): SourceState {
  const { outcome } = answer;
  // A body listing the same items as the last version (a feed stamped with the time of each answer) is no new
  // version: the state keeps that version's hashes and date, so the run leaves nothing to commit and a frozen feed is
  // still noticed.
  const itemsHash = answer.entries && listedItemsHash(answer.entries, answer.sourceId);
  const newVersion = outcome.kind === 'changed' && itemsHash !== undefined && itemsHash !== previous?.itemsHash;
  const next = afterSuccess(
    previous,
    {
      feedUrl: answer.feedUrl,
      validators: outcome.validators,
      freshUntil: outcome.freshUntil,
      movedTo: answer.movedTo,
      contentHash: newVersion && outcome.kind === 'changed' ? outcome.contentHash : undefined,
      itemsHash: newVersion ? itemsHash : undefined,
      newVersion,
      seen: answer.seen,
      listed: answer.listed,
    },
    now,
  );
  if (!answer.incomplete) return next;
  return { ...next, etag: undefined, lastModified: undefined, cacheControl: undefined, expiresLifetime: undefined, validatorsFor: undefined, freshUntil: undefined, freshFor: undefined, contentHash: undefined, itemsHash: undefined };
}

/**
 * Left unasked because its host did not answer another of its feeds, refused one, or had taken its time: the feed's
 * own record (failures in a row, back-off) stays as it was; the first such run since its last answer is noted, and
 * the runs in a row counted, so that a feed never reached is seen.
 */
export function afterNotAsked(previous: SourceState | undefined, feedUrl: string, now: Date): SourceState {
  const state = previous ?? emptySourceState();
  return { ...state, notAskedSince: notAskedSinceFor(state, feedUrl) ?? isoSeconds(now), notAskedFor: feedUrl, notAskedRuns: (notAskedRunsFor(state, feedUrl) ?? 0) + 1 };
}

/**
 * One more failure in a row, for `reason` (its `cause` when known): the server's Retry-After or the back-off,
 * whichever is later, decides the next attempt.
 */
export function afterFailure(previous: SourceState | undefined, feedUrl: string, reason: string, retryAfter: Date | undefined, now: Date, cause?: FailureCause): SourceState {
  const state = previous ?? emptySourceState();
  const continues = failuresCountFor(state, feedUrl);
  const failures = (continues ? state.consecutiveFailures : 0) + 1;
  const next = later(retryAfter, backoffUntil(failures, now));
  const notAskedSince = continues ? notAskedSinceFor(state, feedUrl) : undefined;
  return {
    ...state,
    freshUntil: undefined,
    freshFor: undefined,
    lastError: { at: isoSeconds(now), message: reason, ...(cause ? { cause } : {}) },
    consecutiveFailures: failures,
    failingSince: (continues && failingSince(state)) || isoSeconds(now),
    // Kept while the feed goes unread: a failure of its own after runs unasked does not make it look newly failing.
    notAskedSince,
    notAskedFor: notAskedSince && feedUrl,
    // It was asked: runs unasked in a row count again from the next.
    notAskedRuns: undefined,
    nextFetchAfter: next ? isoSeconds(next) : undefined,
    failuresFor: feedUrl,
  };
}

/**
 * New keys at the end, duplicates dropped, the oldest forgotten beyond the cap, except those of items the feed still
 * lists (`listed`): a feed listing more than the cap remembers (an archive dump) would otherwise have its forgotten
 * items taken for new at the next read, and a draft an editor deleted to turn it down written again. Trimmed at every
 * read of the feed, new items or none, so that one whose feed stops publishing and drops its archive forgets it too;
 * without a read (`listed` unknown: a 304) the keys beyond the cap are those its feed listed when last read, and stay.
 */
export function appendSeen(seen: readonly string[], added: readonly string[], listed?: ReadonlySet<string>): string[] {
  if (!added.length && !listed) return [...seen];
  const known = new Set(seen);
  const fresh = [...new Set(added.map(storedKey))].filter((key) => !known.has(key));
  const all = [...seen, ...fresh];
  let excess = all.length - MAX_SEEN_PER_SOURCE;
  if (excess <= 0) return all;
  return all.filter((key) => listed?.has(key) || excess-- <= 0);
}
