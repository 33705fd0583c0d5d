/**
 * Conditional requests by HTTP's caching rules (http-cache-semantics decides): which validators of a response
 * may be kept, the If-None-Match / If-Modified-Since headers they turn into, what a 304 confirms, and how long an
 * answer stays fresh, so that the feed need not be asked at all.
 */
import CachePolicy from 'http-cache-semantics';

/**
 * What the state file keeps of a feed's last full response: its validators, and its Cache-Control, which still gives
 * the freshness after a 304 that does not repeat it. Not its Expires, an instant most servers stamp anew on every
 * answer (which would change the state at every run), but the lifetime it gives (Expires − Date, in seconds) where no
 * max-age overrides it: the same at every answer, and what a 304 without a freshness of its own renews.
 */
export interface Validators {
  etag?: string;
  lastModified?: string;
  cacheControl?: string;
  expiresLifetime?: number;
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

/** What to keep of `headers`, of an answer received at `receivedAt`. */
function keptOf(headers: CachePolicy.Headers, receivedAt: Date): Validators {
  const value = (name: string) => {
    const header = headers[name];
    return typeof header === 'string' && header.trim() ? header.trim() : undefined;
  };
  const cacheControl = value('cache-control');
  return { etag: value('etag'), lastModified: value('last-modified'), cacheControl, expiresLifetime: expiresLifetime(cacheControl, value('expires'), value('date'), receivedAt) };
}

/**
 * Seconds from the response's Date (or, when it sends none, the time it came) to its Expires (RFC 9111 §4.2.1), when
 * that decides its freshness (no max-age) and could make it fresh for MIN_FRESHNESS_MS; undefined otherwise. At most
 * MAX_EXPIRES_LIFETIME_S: any longer is as fresh, and an Expires at the end of time renewed from a later Date would
 * fall past the last instant a date can name, and be lost.
 */
function expiresLifetime(cacheControl: string | undefined, expires: string | undefined, date: string | undefined, receivedAt: Date): number | undefined {
  if (!expires || /(?:^|,)\s*max-age\s*=/i.test(cacheControl ?? '')) return undefined;
  const sent = Date.parse(date ?? '');
  const lifetime = Math.round((Date.parse(expires) - (Number.isNaN(sent) ? receivedAt.getTime() : sent)) / 1000);
  return lifetime * 1000 >= MIN_FRESHNESS_MS ? Math.min(lifetime, MAX_EXPIRES_LIFETIME_S) : undefined;
}

/** A year: far beyond MAX_FRESHNESS_MS, so a feed is as fresh by it as by any longer lifetime. */
const MAX_EXPIRES_LIFETIME_S = 365 * 24 * 60 * 60;

/**
 * The Date and Expires of a stored response whose Expires gave it `expiresLifetime`, as a 304 without an Expires of
 * its own renews it: that lifetime from the 304's Date (or from `now`, when it sends none).
 */
function renewedExpires(stored: Validators, headers: Record<string, string>, now: Date): Record<string, string> {
  if (!stored.expiresLifetime || headers.expires) return {};
  const sent = Date.parse(headers.date ?? '');
  const date = Number.isNaN(sent) ? now.getTime() : sent;
  return { date: new Date(date).toUTCString(), expires: new Date(date + stored.expiresLifetime * 1000).toUTCString() };
}

/**
 * What to keep of a full response received at `now`, or nothing when its server forbids keeping it
 * (`Cache-Control: no-store`).
 */
export function validatorsOf(url: string, status: number, headers: Record<string, string>, now: Date): Validators {
  const policy = new CachePolicy(request(url), { status, headers }, OPTIONS);
  return policy.storable() ? keptOf(headers, now) : {};
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
 * max-age of the full response it confirms, or the lifetime its Expires gave. A 304 that names another version (a
 * different ETag) confirms nothing, so the validators are dropped and the next run asks for the whole feed; one with
 * no validators at all still answers our own conditional request, and the validators sent are kept.
 */
export function afterNotModified(url: string, stored: Validators, headers: Record<string, string>, now: Date): Revalidated {
  const { matches } = storedPolicy(url, stored).revalidatedPolicy(request(url), { status: 304, headers });
  if (!matches && headers.etag) return { validators: {} };
  // The library updates only the fields the stored answer had; the RFC updates every field the 304 sends.
  const updated = { ...storedHeaders(stored), ...renewedExpires(stored, headers, now), ...headers };
  const kept = keptOf(updated, now);
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
