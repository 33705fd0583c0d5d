/**
 * `npm run sources -- status`: every followed source's health as the aggregation state says at a given moment, read
 * without fetching anything, in the words of the aggregation report.
 */
import { describeAllFailing, describeAttention, backingOffPhrase, failingPhrase, formatInstant, freshPhrase, NOT_ASKED_NO_FAILURE, notAskedPhrase, notAskedRunsPhrase, plural, TRIED_AGAIN_NEXT_RUN } from './report.ts';
import { restingBecause } from './host-rest.ts';
import { allFailingSince, needsAttention, type Attention } from './attention.ts';
import { backingOffUntil, failingSinceFor, freshUntilFor, lastSuccessFor, notAskedRunsFor, notAskedSinceFor } from './source-state.ts';
import type { AggregationState } from './state.ts';
import { stateAtClock } from './clock.ts';
import { isoSeconds } from '../content/iso-seconds.ts';
import { inertLine } from '../text/inert-line.ts';

/**
 * healthy: read, or answering, as it should; failing: its last attempts failed, for less than a day (the aggregator's
 * threshold for attention); needs-attention: as the aggregation report's "Needs attention" lists it; never-asked: in the
 * registry, but no run has asked it yet.
 */
export type SourceHealth = 'healthy' | 'failing' | 'needs-attention' | 'never-asked';

export interface SourceStatus {
  id: string;
  name: string;
  feed: string;
  health: SourceHealth;
  /** When a new version of the feed at its present address was last read (ISO). */
  lastSuccess?: string;
  /** Items the state remembers, which are never written again. */
  remembered: number;
  failingSince?: string;
  consecutiveFailures?: number;
  lastError?: string;
  /** Not asked before this instant (ISO), for its failures or its server's Retry-After. */
  backingOffUntil?: string;
  /** Its last answer is fresh until this instant (ISO), by its server's Cache-Control or Expires. */
  freshUntil?: string;
  /** Left unasked behind its host's other feeds at this many runs in a row, since notAskedSince. */
  notAskedRuns?: number;
  notAskedSince?: string;
  /** Why none of its host's feeds is asked for now: the host answered one 429 or 503 with a Retry-After. */
  hostResting?: string;
  /** Why it needs attention, as the aggregation report says it. */
  attention?: Attention;
}

/** A state entry whose id the registry no longer lists. */
export interface UnfollowedState {
  id: string;
  remembered: number;
}

export interface SourcesStatus {
  sources: SourceStatus[];
  unfollowed: UnfollowedState[];
  /** Set when every source has been failing for an hour, on more than one host, as the aggregation report says it: since when. */
  allFailingSince?: string;
  totals: Record<SourceHealth, number> & { sources: number; unfollowed: number };
}

/**
 * Each source of the registry, in its order, as `stored` has it at `now`, read by that clock as a run reads it; then
 * the state's entries for ids it no longer lists.
 */
export function sourcesStatus(sources: ReadonlyArray<{ id: string; name: string; feed: string }>, stored: AggregationState, now: Date): SourcesStatus {
  const { state } = stateAtClock(stored, now);
  const statuses = sources.map(({ id, name, feed }): SourceStatus => {
    const sourceState = state.sources[id];
    if (!sourceState) return { id, name, feed, health: 'never-asked', remembered: 0 };
    const [attention] = needsAttention([{ id, name, feed, state: sourceState }], now);
    const failingSince = failingSinceFor(sourceState, feed);
    const backingOff = backingOffUntil(sourceState, feed, now);
    const fresh = freshUntilFor(sourceState, feed, now);
    const notAskedRuns = notAskedRunsFor(sourceState, feed);
    const notAskedSince = notAskedSinceFor(sourceState, feed);
    const hostResting = restingBecause(state.hosts, feed, now);
    return {
      id,
      name,
      feed,
      health: attention ? 'needs-attention' : failingSince ? 'failing' : 'healthy',
      lastSuccess: lastSuccessFor(sourceState, feed),
      remembered: sourceState.seen.length,
      ...(failingSince ? { failingSince, consecutiveFailures: sourceState.consecutiveFailures, lastError: sourceState.lastError?.message } : {}),
      ...(backingOff ? { backingOffUntil: isoSeconds(backingOff) } : {}),
      ...(fresh ? { freshUntil: isoSeconds(fresh) } : {}),
      ...(notAskedRuns && notAskedSince ? { notAskedRuns, notAskedSince } : {}),
      ...(hostResting ? { hostResting } : {}),
      ...(attention ? { attention } : {}),
    };
  });
  const followed = new Set(sources.map((source) => source.id));
  const unfollowed = Object.keys(state.sources)
    .filter((id) => !followed.has(id))
    .sort()
    .map((id) => ({ id, remembered: state.sources[id]!.seen.length }));
  const count = (health: SourceHealth) => statuses.filter((status) => status.health === health).length;
  const brokenSince = allFailingSince(sources.map(({ feed, id }) => ({ feed, state: state.sources[id] })), now);
  return {
    sources: statuses,
    unfollowed,
    ...(brokenSince ? { allFailingSince: brokenSince } : {}),
    totals: { sources: statuses.length, healthy: count('healthy'), failing: count('failing'), 'needs-attention': count('needs-attention'), 'never-asked': count('never-asked'), unfollowed: unfollowed.length },
  };
}

/** One source's health in a phrase: what is wrong first, then when it is next asked, then what was last read. */
function describeStatus(status: SourceStatus): string {
  if (status.health === 'never-asked') return 'never asked yet: the next npm run aggregate reads it';
  const parts: string[] = [];
  if (status.attention) parts.push(describeAttention(status.attention));
  else if (status.failingSince) parts.push(failingPhrase(status.failingSince, status.consecutiveFailures ?? 0, status.lastError));
  else if (status.notAskedRuns && status.notAskedSince) parts.push(`${notAskedRunsPhrase(status.notAskedRuns, status.notAskedSince)}; ${NOT_ASKED_NO_FAILURE}`);
  if (status.backingOffUntil) parts.push(backingOffPhrase(status.backingOffUntil));
  else if (status.failingSince) parts.push(TRIED_AGAIN_NEXT_RUN);
  if (status.freshUntil) parts.push(freshPhrase(status.freshUntil));
  if (status.hostResting) parts.push(`not asked for now: ${notAskedPhrase(status.hostResting)}`);
  // "Nothing new since" already says when.
  if (status.attention?.reason !== 'nothing-new') parts.push(status.lastSuccess ? `last new version read ${formatInstant(status.lastSuccess)}` : 'no new version read yet');
  parts.push(`${plural(status.remembered, 'item')} remembered`);
  return parts.join('; ');
}

/** The state is kept whole from run to run: a source taken out of the registry keeps its entry, and its items are still known. */
function describeUnfollowed(entry: UnfollowedState): string {
  return `no longer in the registry; its state is kept, so its ${plural(entry.remembered, 'item')} remembered are not written again (and it resumes if the id is listed again)`;
}

function formatTotals({ totals }: SourcesStatus): string {
  const counts = [
    `${totals.healthy} healthy`,
    totals.failing && `${totals.failing} failing for less than a day`,
    totals['needs-attention'] && `${totals['needs-attention']} ${totals['needs-attention'] === 1 ? 'needs' : 'need'} attention`,
    totals['never-asked'] && `${totals['never-asked']} never asked`,
  ].filter(Boolean);
  const unfollowed = totals.unfollowed ? `; ${plural(totals.unfollowed, 'source')} no longer followed in the state` : '';
  return `${plural(totals.sources, 'source')}: ${counts.join(', ')}${unfollowed}.`;
}

/** One line per source, ids aligned, then the state's entries for sources no longer followed, then the count. */
export function formatSourcesStatus(status: SourcesStatus): string {
  const ids = [...status.sources.map((source) => source.id), ...status.unfollowed.map((entry) => entry.id)];
  const width = Math.max(0, ...ids.map((id) => id.length));
  const lines = [...status.sources.map((source) => `  ${source.id.padEnd(width)}  ${describeStatus(source)}`), ...status.unfollowed.map((entry) => `  ${entry.id.padEnd(width)}  ${describeUnfollowed(entry)}`)];
  // One line each, whatever a server put in its error.
  const broken = status.allFailingSince ? ['', `Broken: ${describeAllFailing(status.allFailingSince)}.`] : [];
  return [...lines, ...(lines.length ? [''] : []), formatTotals(status), ...broken].map(inertLine).join('\n');
}
