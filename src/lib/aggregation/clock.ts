/**
 * The state's instants against a run's clock. A run writes its own now (when a feed failed, gave a new version, was
 * left unasked, or a host asked to rest) or an instant at most a set reach after it (a back-off, a Retry-After, a
 * host's rest, a freshness). One further ahead of a later run's clock than that was written by a clock that was ahead
 * (or by hand): it must not keep a feed unasked, or a source from needing attention, for as long as that clock was off.
 */
import { isoSeconds } from '../content/iso-seconds.ts';
import type { AggregationState, HostRest, SourceState } from './state.ts';

/** Whether `instant` (ms) lies further ahead of `now` than a run may set it: `reachMs` after its own clock, none for its now. */
export function beyondReach(instant: number, now: Date, reachMs = 0): boolean {
  return instant > now.getTime() + reachMs;
}

/** What a run found ahead of its clock in the state, for the report. */
export interface ClockAhead {
  /** How far ahead of the run's clock the furthest such instant was, in ms. */
  aheadMs: number;
  /** Sources whose state held one. */
  sources: number;
  /** Hosts whose rest was asked for at such an instant. */
  hosts: number;
}

/**
 * The state as a run at `now` takes it: an instant a run wrote as its own now that lies after `now` is taken as `now`,
 * and a back-off or host's rest set at that run is moved back by as much, so that it lasts from this run what the
 * run that set it meant. A clock that was ahead so delays attention and back-off by the real time since that run, never
 * by its error; a clock that is behind now takes what the state holds as this run's time. `ahead` is undefined when
 * nothing lay ahead.
 */
export function stateAtClock(state: AggregationState, now: Date): { state: AggregationState; ahead?: ClockAhead } {
  let aheadMs = 0;
  let sources = 0;
  let hosts = 0;
  const note = (instant: string | undefined): boolean => {
    if (instant === undefined || !beyondReach(Date.parse(instant), now)) return false;
    aheadMs = Math.max(aheadMs, Date.parse(instant) - now.getTime());
    return true;
  };
  const nowText = isoSeconds(now);
  const earlier = (instant: string, byMs: number) => isoSeconds(new Date(Date.parse(instant) - byMs));

  const nextSources: Record<string, SourceState> = {};
  for (const [id, source] of Object.entries(state.sources)) {
    const errorAhead = note(source.lastError?.at) ? Date.parse(source.lastError!.at) - now.getTime() : 0;
    const [failing, success, unasked] = [note(source.failingSince), note(source.lastSuccess), note(source.notAskedSince)];
    if (!errorAhead && !failing && !success && !unasked) {
      nextSources[id] = source;
      continue;
    }
    sources++;
    nextSources[id] = {
      ...source,
      lastError: errorAhead ? { ...source.lastError!, at: nowText } : source.lastError,
      // Set by the failure lastError records, at the same run and by the same clock.
      nextFetchAfter: errorAhead && source.nextFetchAfter ? earlier(source.nextFetchAfter, errorAhead) : source.nextFetchAfter,
      failingSince: failing ? nowText : source.failingSince,
      lastSuccess: success ? nowText : source.lastSuccess,
      notAskedSince: unasked ? nowText : source.notAskedSince,
    };
  }
  let nextHosts: Record<string, HostRest> | undefined = state.hosts;
  for (const [host, rest] of Object.entries(state.hosts ?? {})) {
    if (!note(rest.at)) continue;
    hosts++;
    nextHosts = { ...nextHosts, [host]: { ...rest, at: nowText, until: earlier(rest.until, Date.parse(rest.at) - now.getTime()) } };
  }
  if (!sources && !hosts) return { state };
  return { state: { ...state, sources: nextSources, ...(nextHosts ? { hosts: nextHosts } : {}) }, ahead: { aheadMs, sources, hosts } };
}
