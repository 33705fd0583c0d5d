/**
 * Conditional requests by HTTP's caching rules (http-cache-semantics decides): which validators of a response
 * may be kept, the If-None-Match / If-Modified-Since headers they turn into, and what a 304 confirms.
 */
import CachePolicy from 'http-cache-semantics';

/** What the state file keeps of a feed's last full response. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

const request = (url: string): CachePolicy.Request => ({ url, method: 'GET', headers: {} });

/** The feed reader is one private client, not a shared cache: `Cache-Control: private` does not stop it. */
const OPTIONS: CachePolicy.Options = { shared: false };

function storedPolicy(url: string, validators: Validators): CachePolicy {
  const headers: CachePolicy.Headers = {};
  if (validators.etag) headers.etag = validators.etag;
  if (validators.lastModified) headers['last-modified'] = validators.lastModified;
  return new CachePolicy(request(url), { status: 200, headers }, OPTIONS);
}

function pickValidators(headers: CachePolicy.Headers): Validators {
  const value = (name: string) => {
    const header = headers[name];
    return typeof header === 'string' && header.trim() ? header.trim() : undefined;
  };
  return { etag: value('etag'), lastModified: value('last-modified') };
}

/** The validators of a full response, or none when its server forbids keeping it (`Cache-Control: no-store`). */
export function validatorsOf(url: string, status: number, headers: Record<string, string>): Validators {
  const policy = new CachePolicy(request(url), { status, headers }, OPTIONS);
  return policy.storable() ? pickValidators(headers) : {};
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

/**
 * The validators to keep after a 304: the kept ones, updated by any the 304 repeats. A 304 that names another
 * version (a different ETag) confirms nothing, so the validators are dropped and the next run asks for the whole
 * feed; one with no validators at all still answers our own conditional request.
 */
export function validatorsAfterNotModified(url: string, validators: Validators, headers: Record<string, string>): Validators {
  const { policy, matches } = storedPolicy(url, validators).revalidatedPolicy(request(url), { status: 304, headers });
  if (matches) return pickValidators(policy.responseHeaders());
  return headers.etag ? {} : validators;
}
