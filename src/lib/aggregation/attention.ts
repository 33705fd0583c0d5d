/**
 * Sources that need an operator: failing for a day, moved for good to an address the registry does not name yet, left
 * unasked behind their host's other feeds run after run, or answering without anything new for a month. The scheduled
 * job stays green whatever one source does, so these are read from the state, not from one run's outcome, and so are
 * said at every run, whether the feed was asked or not.
 */
import type { FailureCause } from './failure-cause.ts';
import { failingSinceFor, lastSuccessFor, notAskedRunsFor, notAskedSinceFor } from './source-state.ts';
import type { SourceState } from './state.ts';

/** Failing this long is not a passing outage: a host down for the night recovers well within it. */
export const FAILING_ATTENTION_MS = 24 * 60 * 60 * 1000;
/** A feed with nothing new this long has most often been left frozen by an outlet that moved to another address. */
export const NOTHING_NEW_ATTENTION_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * A feed left unasked at this many runs in a row is no longer waiting its turn: its host's feeds are taken in turn,
 * the longest unasked first, so a host whose feeds mostly answer reaches each within a few runs.
 */
export const NOT_ASKED_ATTENTION_RUNS = 6;

export interface Attention {
  id: string;
  name: string;
  /**
   * failing: every fetch failed since `since`; moved: its last read followed a permanent redirect to `movedTo`;
   * nothing-new: the feed answers but no new version was read since `since`; unwritable: this run read items it could
   * not write (`error`), the desk's own disk or permissions, which no waiting mends; not-asked: left unasked behind
   * its host's other feeds at `runs` runs in a row, since `since`.
   */
  reason: 'failing' | 'moved' | 'nothing-new' | 'unwritable' | 'not-asked';
  /**
   * ISO instant: when the failures began, when a new version was last read, or when the feed was first left unasked;
   * none for `moved`.
   */
  since?: string;
  /** For `not-asked`: the runs in a row it was left unasked. */
  runs?: number;
  /** For `moved`: the feed's new address. */
  movedTo?: string;
  /** For `failing`: the failures in a row and the last one's message; for `unwritable`, why the items could not be written. */
  consecutiveFailures?: number;
  error?: string;
  /** For `failing`: the last failure's cause, when the state knows it; it chooses the advice. */
  cause?: FailureCause;
  /** For `failing`: no new version has ever been read from the address the registry names, so it may be mistyped. */
  neverRead?: true;
  /**
   * For `failing`, `not-asked`, `moved` and `nothing-new`: the feed's host (name and port), whose outage fails or holds
   * back all its feeds alike, and whose move to another site moves or freezes them all.
   */
  host?: string;
}

/**
 * Every source failing this long, on more than one host, is no outlet's outage: two scheduled runs or more have found
 * nothing answering, which a network blip on the runner for one run does not do.
 */
export const ALL_FAILING_MS = 60 * 60 * 1000;

/**
 * When every source has been failing for ALL_FAILING_MS or more and they are on more than one host, the instant the
 * last of them began to fail: the runner's network or the aggregator itself is then the likelier culprit, and the
 * job should fail rather than stay green. Read from the state, as needsAttention is, so a run where every source
 * backs off says the same as the run before it. A feed left unasked because its host did not answer another of its
 * feeds counts as failing from the first such run (`notAskedSince`): where every host lets requests time out (a
 * runner whose network drops them), its other feeds are never asked, and would otherwise hold this off for as long.
 * Both count only when recorded for the address the registry names now. Undefined otherwise, and for a single host
 * (one outlet down).
 */
export function allFailingSince(sources: ReadonlyArray<{ feed: string; state?: SourceState }>, now: Date): string | undefined {
  const starts = sources.map(({ feed, state }) => state && earliest(failingSinceFor(state, feed), notAskedSinceFor(state, feed)));
  if (!starts.length || starts.some((since) => since === undefined || now.getTime() - Date.parse(since) < ALL_FAILING_MS)) return undefined;
  if (new Set(sources.map(({ feed }) => new URL(feed).host)).size < 2) return undefined;
  return (starts as string[]).reduce((latest, since) => (Date.parse(since) > Date.parse(latest) ? since : latest));
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/**
 * The sources of one run that need attention at `now`, in the order given; a source never fetched has no state yet.
 * A move to the address the registry now names (edited before the next read) is done, not to be asked for again, and
 * a move of an address it no longer names (edited to another) is no longer the registry's business.
 */
export function needsAttention(sources: ReadonlyArray<{ id: string; name: string; feed: string; state?: SourceState }>, now: Date): Attention[] {
  const attention: Attention[] = [];
  for (const { id, name, feed, state } of sources) {
    if (!state) continue;
    const since = failingSinceFor(state, feed);
    if (since !== undefined) {
      if (now.getTime() - Date.parse(since) >= FAILING_ATTENTION_MS) {
        const cause = state.lastError?.cause;
        attention.push({ id, name, reason: 'failing', since, consecutiveFailures: state.consecutiveFailures, error: state.lastError?.message, ...(cause ? { cause } : {}), ...(lastSuccessFor(state, feed) === undefined ? { neverRead: true as const } : {}), host: new URL(feed).host });
      }
    } else if (state.movedTo !== undefined && (state.movedFrom ?? feed) === feed && state.movedTo !== new URL(feed).href) {
      // Before "nothing new": an outlet that moved often leaves the old feed frozen, and this says where it went.
      attention.push({ id, name, reason: 'moved', movedTo: state.movedTo, host: new URL(feed).host });
    } else if ((notAskedRunsFor(state, feed) ?? 0) >= NOT_ASKED_ATTENTION_RUNS) {
      // Before "nothing new", which is read from answers this feed has not been giving.
      attention.push({ id, name, reason: 'not-asked', since: notAskedSinceFor(state, feed), runs: notAskedRunsFor(state, feed), host: new URL(feed).host });
    } else {
      const lastSuccess = lastSuccessFor(state, feed);
      if (lastSuccess !== undefined && now.getTime() - Date.parse(lastSuccess) >= NOTHING_NEW_ATTENTION_MS) attention.push({ id, name, reason: 'nothing-new', since: lastSuccess, host: new URL(feed).host });
    }
  }
  return attention;
}
