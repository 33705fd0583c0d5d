/**
 * Fetching many feeds politely: at most `maxInFlight` requests at once overall and `maxPerHost` per host
 * (name and port), each with its conditional headers. Every feed's answer or error is returned; none stops the others.
 * A host that lets one request time out, without an answer or while still sending the body (a byte now and then), is
 * not asked for its other feeds in the same run: they wait for it one at a time, so a hung or dripping host with many
 * feeds would otherwise hold the run for all their timeouts. Nor is a host that answers one feed 429 (too many
 * requests) or 503 (unavailable): its other feeds would be asked only to be refused, each a failure of its own. Nor is
 * a host asked for more once reading its feeds has taken `HOST_BUDGET_TIMEOUTS` timeouts' worth of the run. Requests
 * are made in the order given, so the caller puts the feeds likeliest to time out last and those left unasked before
 * first.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { DEFAULT_FETCH_LIMITS, fetchFeed, FetchError, type FeedDocument } from '../fetch-feed.ts';

/**
 * How many timeouts' worth of one run a host's feeds may take, read one after another. A host answering every feed
 * just under the timeout would otherwise make a run last one timeout per feed it serves; its feeds past the budget
 * are asked first at the next run, so each is read in turn over a few runs.
 */
const HOST_BUDGET_TIMEOUTS = 3;

/** Answers by which a server asks to be left alone for a while: its other feeds are not asked in the same run. */
const REST_STATUSES = new Map([
  [429, 'too many requests'],
  [503, 'unavailable'],
]);

export interface FetchPolicy {
  userAgent: string;
  /** Per feed, redirects and body included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxInFlight: number;
  maxPerHost: number;
}

export interface FeedRequest {
  id: string;
  url: string;
  headers: Record<string, string>;
}

/**
 * `notAsked`: the feed was not requested, as its host left another of its feeds unanswered in this run, refused one,
 * or had taken its time in the run; says which, for the report. No failure of the feed's own.
 */
export type FeedResponse = { ok: true; document: FeedDocument } | { ok: false; error: FetchError } | { ok: false; notAsked: string };

export const DEFAULT_POLICY = { maxInFlight: 8, maxPerHost: 1 } as const;

export async function fetchFeeds(requests: readonly FeedRequest[], policy: FetchPolicy): Promise<Map<string, FeedResponse>> {
  const overall = pLimit(policy.maxInFlight);
  const hosts = new Map<string, LimitFunction>();
  const hostLimit = (url: string) => {
    const host = new URL(url).host;
    let limit = hosts.get(host);
    if (!limit) hosts.set(host, (limit = pLimit(policy.maxPerHost)));
    return limit;
  };
  // Host → why it is not asked again in this run: what it did not send before the deadline, or its asking for a rest.
  const stopped = new Map<string, string>();
  const budgetMs = HOST_BUDGET_TIMEOUTS * (policy.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs);
  // Host → how long its requests have taken in this run, waits for a shared slot left out.
  const spentMs = new Map<string, number>();
  // The host's turn first, then an overall slot: waiting for a busy host never holds one of the shared slots.
  const fetchOne = (request: FeedRequest) =>
    hostLimit(request.url)(() =>
      overall(async (): Promise<FeedResponse> => {
        const host = new URL(request.url).host;
        const why = stopped.get(host);
        if (why) return { ok: false, notAsked: `${host} ${why}` };
        if ((spentMs.get(host) ?? 0) >= budgetMs) return { ok: false, notAsked: `${host} had its ${budgetMs / 1000} s in this run (${HOST_BUDGET_TIMEOUTS} timeouts' worth) reading its other feeds` };
        const started = performance.now();
        try {
          const document = await fetchFeed(request.url, { userAgent: policy.userAgent, timeoutMs: policy.timeoutMs, maxBytes: policy.maxBytes, headers: request.headers });
          return { ok: true, document };
        } catch (error) {
          if (error instanceof FetchError) {
            const stop = (address: string, why: string) => {
              const at = new URL(address).host;
              stopped.set(at, why);
              // Redirected to another host: this host's other feeds most likely lead there too.
              if (at !== host) stopped.set(host, `sent ${request.url} on to ${at}, which ${why}`);
            };
            if (error.unanswered) stop(error.unanswered, `did not answer ${error.unanswered} in this run (timed out)`);
            else if (error.unfinished) stop(error.unfinished, `did not send the whole of ${error.unfinished} in this run (timed out)`);
            else if (error.answeredFrom && error.status !== undefined && REST_STATUSES.has(error.status)) {
              stop(error.answeredFrom, `answered ${error.answeredFrom} with ${error.status} (${REST_STATUSES.get(error.status)}) in this run`);
            }
            return { ok: false, error };
          }
          return { ok: false, error: new FetchError(`unexpected error: ${(error as Error).message}`) };
        } finally {
          spentMs.set(host, (spentMs.get(host) ?? 0) + performance.now() - started);
        }
      }),
    );
  const responses = await Promise.all(requests.map(async (request) => [request.id, await fetchOne(request)] as const));
  return new Map(responses);
}
