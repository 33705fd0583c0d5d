/** What a feed's answer means for the run: a new version to read, nothing new, or a failure and when to try again. */
import type { FailureCause } from './failure-cause.ts';
import { afterNotModified, freshUntil, validatorsOf, type Validators } from './conditional.ts';
import { contentHash } from './identity.ts';
import { parseRetryAfter } from './schedule.ts';
import { keptValidators } from './source-state.ts';
import type { SourceState } from './state.ts';

/** Statuses whose Retry-After says when the server will take requests again. */
const RETRY_STATUSES = new Set([429, 503]);

/**
 * `freshUntil`: the answer's server says it stays fresh until then (conditional.ts), so it need not be asked before;
 * a 304 or the same body renews it as a new body does.
 */
export type FetchOutcome =
  | { kind: 'changed'; text: string; url: string; movedPermanently?: boolean; contentType?: string; contentEncoding?: string; validators: Validators; contentHash: string; freshUntil?: Date }
  | { kind: 'unchanged'; validators: Validators; freshUntil?: Date }
  | { kind: 'failed'; reason: string; cause?: FailureCause; retryAfter?: Date };

export interface FeedAnswer {
  status: number;
  url: string;
  /** Redirected: whether every redirect on the way was permanent. */
  movedPermanently?: boolean;
  text: string;
  contentType?: string;
  headers: Record<string, string>;
}

/** A response from the server at `now`: a 304, the same body as last time (servers without validators), or a new version. */
export function answerOutcome(answer: FeedAnswer, feedUrl: string, previous: SourceState | undefined, now: Date): FetchOutcome {
  const kept = keptValidators(previous, feedUrl);
  if (answer.status === 304) return { kind: 'unchanged', ...afterNotModified(feedUrl, kept, answer.headers, now) };
  const validators = validatorsOf(feedUrl, answer.status, answer.headers, now);
  const hash = contentHash(answer.text);
  const fresh = freshUntil(feedUrl, answer.status, answer.headers, now);
  // The body read last time: the validators kept describe it, and are sent again rather than rewriting the state for
  // a server that rotates them on every answer. Nothing is missed: a server answers 304 to them only while that body is
  // current. Its Cache-Control and Expires lifetime are this answer's, as those of any full response.
  if (hash === previous?.contentHash) {
    return { kind: 'unchanged', validators: kept.etag || kept.lastModified ? { ...kept, cacheControl: validators.cacheControl, expiresLifetime: validators.expiresLifetime } : validators, freshUntil: fresh };
  }
  return { kind: 'changed', text: answer.text, url: answer.url, movedPermanently: answer.movedPermanently, contentType: answer.contentType, contentEncoding: answer.headers['content-encoding'], validators, contentHash: hash, freshUntil: fresh };
}

/** A failed request: its reason and cause, and for 429 and 503 the instant Retry-After names. */
export function failureOutcome(reason: string, status: number | undefined, headers: Record<string, string> | undefined, now: Date, cause?: FailureCause): Extract<FetchOutcome, { kind: 'failed' }> {
  const retryAfter = status !== undefined && RETRY_STATUSES.has(status) ? parseRetryAfter(headers?.['retry-after'], now) : undefined;
  return { kind: 'failed', reason, ...(cause ? { cause } : {}), retryAfter };
}
