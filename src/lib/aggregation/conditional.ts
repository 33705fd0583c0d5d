/**
 * Conditional requests by HTTP's caching rules (http-cache-semantics decides): which validators of a response
 * may be kept, the If-None-Match / If-Modified-Since headers they turn into, what a 304 confirms, and how long an
 * answer stays fresh, so that the feed need not be asked at all.
 */
import CachePolicy from 'http-cache-semantics';

/**
 * What the state file keeps of a feed's last full response: its validators, and its Cache-Control, which still gives
 * the freshness after a 304 that does not repeat it. Not its Expires: most servers stamp a new instant on every
 * answer, which would change the state at every run, and they send it again with their 304s.
 */
export interface Validators {
  etag?: string;
  lastModified?: string;
  cacheControl?: string;
}

const request = (url: string): CachePolicy.Request => ({ url, method: 'GET', headers: {} });

/** The feed reader is one private client, not a shared cache: `Cache-Control: private` does not stop it. */
const OPTIONS: CachePolicy.Options = { shared: false };

/**
 * Only what the server says counts: no guess from Last-Modified (a quiet feed would be left unread for hours without
 * its server asking for that), and `immutable` gets no day-long minimum.
 */
const FRESHNESS_OPTIONS: CachePolicy.Options = { ...OPTIONS, cacheHeuristic: 0, immutableMinTimeToLive: 0 };

function storedHeaders(validators: Validators): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators.etag) headers.etag = validators.etag;
  if (validators.lastModified) headers['last-modified'] = validators.lastModified;
  if (validators.cacheControl) headers['cache-control'] = validators.cacheControl;
  return headers;
}

function storedPolicy(url: string, validators: Validators): CachePolicy {
  return new CachePolicy(request(url), { status: 200, headers: storedHeaders(validators) }, OPTIONS);
}

function keptOf(headers: CachePolicy.Headers): Validators {
  const value = (name: string) => {
    const header = headers[name];
    return typeof header === 'string' && header.trim() ? header.trim() : undefined;
  };
  return { etag: value('etag'), lastModified: value('last-modified'), cacheControl: value('cache-control') };
}

/** What to keep of a full response, or nothing when its server forbids keeping it (`Cache-Control: no-store`). */
export function validatorsOf(url: string, status: number, headers: Record<string, string>): Validators {
  const policy = new CachePolicy(request(url), { status, headers }, OPTIONS);
  return policy.storable() ? keptOf(headers) : {};
}

/** The conditional headers for the next request of `url`; empty when nothing was kept. */
export function conditionalHeaders(url: string, validators: Validators): Record<string, string> {
  if (!validators.etag && !validators.lastModified) return {};
  const headers = storedPolicy(url, validators).revalidationHeaders(request(url));
  const conditional: Record<string, string> = {};
  for (const name of ['if-none-match', 'if-modified-since']) {
    const value = headers[name];
    if (typeof value === 'string') conditional[name] = value;
  }
  return conditional;
}

/** What a 304 leaves of the stored answer: what to keep and send next time, and until when it is fresh. */
export interface Revalidated {
  validators: Validators;
  freshUntil?: Date;
}

/**
 * The stored answer updated by a 304 at `now` (RFC 9111 §4.3.4): every field the 304 sends replaces the stored one
 * (its validators, its Cache-Control), and the freshness is that of the answer so updated, so a bare 304 renews the
 * max-age of the full response it confirms. A 304 that names another version (a different ETag) confirms nothing, so
 * the validators are dropped and the next run asks for the whole feed; one with no validators at all still answers
 * our own conditional request, and the validators sent are kept.
 */
export function afterNotModified(url: string, stored: Validators, headers: Record<string, string>, now: Date): Revalidated {
  const { matches } = storedPolicy(url, stored).revalidatedPolicy(request(url), { status: 304, headers });
  if (!matches && headers.etag) return { validators: {} };
  // The library updates only the fields the stored answer had; the RFC updates every field the 304 sends.
  const updated = { ...storedHeaders(stored), ...headers };
  const kept = keptOf(updated);
  return {
    validators: matches ? kept : { ...kept, etag: stored.etag, lastModified: stored.lastModified },
    freshUntil: freshUntil(url, 200, updated, now),
  };
}

/**
 * A server may say its feed stays fresh for a year (a CDN's default for static files); news is read again after this
 * long whatever it says.
 */
export const MAX_FRESHNESS_MS = 6 * 60 * 60 * 1000;
/**
 * Freshness shorter than this is not kept: it ends before the scheduled workflow runs again, so it would save no
 * request and only change the state file at every run.
 */
export const MIN_FRESHNESS_MS = 30 * 60 * 1000;

/**
 * Until when an answer received at `now` is fresh by its Cache-Control max-age or Expires (less its Age), at most
 * MAX_FRESHNESS_MS ahead; undefined when it is not fresh for MIN_FRESHNESS_MS, or may not be kept (no-store), or
 * must be asked again each time (no-cache).
 */
export function freshUntil(url: string, status: number, headers: Record<string, string>, now: Date): Date | undefined {
  // The policy's clock is the run's (its now() is there to be replaced, though the types leave it out), so that the
  // answer's age, and so its freshness, is reckoned from `now`.
  const Policy = class extends CachePolicy {
    now(): number {
      return now.getTime();
    }
  };
  const policy = new Policy(request(url), { status, headers }, FRESHNESS_OPTIONS);
  if (!policy.storable()) return undefined;
  // Not timeToLive(): it adds stale-while-revalidate and stale-if-error, windows in which a cache may serve a stale
  // copy while it asks again, where a skipped read is not asked at all.
  const fresh = Math.min((policy.maxAge() - policy.age()) * 1000, MAX_FRESHNESS_MS);
  return fresh >= MIN_FRESHNESS_MS ? new Date(now.getTime() + fresh) : undefined;
}
