/**
 * A host's rest: when it answers a feed 429 or 503 with a Retry-After, none of its feeds is asked before that instant
 * at later runs either, so a long outage does not cost one of its feeds a failure at every run.
 */
import { isoSeconds } from '../content/iso-seconds.ts';
import { beyondReach } from './clock.ts';
import type { HostRest } from './state.ts';

/** A host's Retry-After is kept at most this long: a bogus header should not silence all its feeds for weeks. */
export const HOST_REST_CAP_MS = 24 * 60 * 60 * 1000;

/** Host (name and port) → its rest, as the state keeps them. */
export type HostRests = Record<string, HostRest>;

/**
 * Notes in `rests` that the server of `answeredFrom` answered `status` with a Retry-After naming `retryAfter`, at `now`.
 * When the feed's own address `feedUrl` is on another host (it was redirected), that host rests too: its other feeds
 * most likely lead to the same server.
 */
export function noteHostRest(rests: HostRests, feedUrl: string, answeredFrom: string, status: number, retryAfter: Date, now: Date): void {
  const until = Math.min(retryAfter.getTime(), now.getTime() + HOST_REST_CAP_MS);
  if (until <= now.getTime()) return;
  const rest: HostRest = { until: isoSeconds(new Date(until)), status, answered: answeredFrom, at: isoSeconds(now) };
  for (const host of new Set([new URL(answeredFrom).host, new URL(feedUrl).host])) {
    const noted = rests[host];
    if (!noted || Date.parse(noted.until) < until) rests[host] = rest;
  }
}

/**
 * Whether `rest` still runs at `now`: one ending further ahead than a rest may last (a state edited by hand, or written
 * by a machine whose clock was wrong) has ended, so that it cannot keep the host's feeds unread.
 */
function restsAt(rest: HostRest, now: Date): boolean {
  const until = Date.parse(rest.until);
  return until > now.getTime() && !beyondReach(until, now, HOST_REST_CAP_MS);
}

/** Why the feed at `feedUrl` is not asked at `now`, its host resting; undefined when it may be asked. */
export function restingBecause(rests: HostRests | undefined, feedUrl: string, now: Date): string | undefined {
  const host = new URL(feedUrl).host;
  const rest = rests?.[host];
  if (!rest || !restsAt(rest, now)) return undefined;
  const answeredHost = new URL(rest.answered).host;
  const via = answeredHost === host ? '' : `sent a feed on to ${answeredHost}, which `;
  return `${host} ${via}answered ${rest.answered} with ${rest.status} at ${rest.at} and asked not to be asked again before ${rest.until} (Retry-After)`;
}

/** What the hosts did in a run: the rests they asked for, and the hosts that answered a feed. */
export interface HostsInRun {
  rests: HostRests;
  answered: Set<string>;
}

/**
 * The rests to keep after a run at `now`: those still running from before, unless the host has answered a feed since
 * (its outage is over), and those asked for in the run.
 */
export function restsAfterRun(previous: HostRests | undefined, run: HostsInRun, now: Date): HostRests {
  const rests: HostRests = { ...run.rests };
  for (const [host, rest] of Object.entries(previous ?? {})) {
    const until = Date.parse(rest.until);
    const noted = rests[host];
    if (restsAt(rest, now) && !run.answered.has(host) && (!noted || until > Date.parse(noted.until))) rests[host] = rest;
  }
  return rests;
}
