/** When a source may be fetched again: a server's Retry-After, and a doubling back-off after repeated failures. */

/** The first back-off, after the second failure in a row; a single failure waits only for the next run. */
const BACKOFF_START_MS = 30 * 60 * 1000;
/** Back-off never grows beyond a day, so a recovered source is picked up again within one. */
const BACKOFF_CAP_MS = 24 * 60 * 60 * 1000;
/** A Retry-After further away than this is taken as a week: a typo on the server should not silence a source for a year. */
export const RETRY_AFTER_CAP_MS = 7 * 24 * 60 * 60 * 1000;

/** Retry-After as seconds ("120") or an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): Date | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const until = /^\d+$/.test(text) ? now.getTime() + Number(text) * 1000 : Date.parse(text);
  if (Number.isNaN(until)) return undefined;
  return new Date(Math.min(Math.max(until, now.getTime()), now.getTime() + RETRY_AFTER_CAP_MS));
}

/** After `consecutiveFailures` failures in a row: undefined for one, then 30 min, 1 h, 2 h… up to a day. */
export function backoffUntil(consecutiveFailures: number, now: Date): Date | undefined {
  if (consecutiveFailures < 2) return undefined;
  const delay = Math.min(BACKOFF_START_MS * 2 ** (consecutiveFailures - 2), BACKOFF_CAP_MS);
  return new Date(now.getTime() + delay);
}

/** The later of two optional instants. */
export function later(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}
