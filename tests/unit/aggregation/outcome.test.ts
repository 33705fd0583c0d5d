import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/lib/aggregation/identity.ts';
import { answerOutcome, failureOutcome } from '../../../src/lib/aggregation/outcome.ts';

const url = 'https://wire.example/feed.xml';
const now = new Date('2026-12-01T12:00:00Z');
const answer = (fields: { status?: number; text?: string; headers?: Record<string, string> }) => ({ status: 200, url, text: '<rss/>', headers: {}, ...fields });

describe('answerOutcome', () => {
  it('a new body is a change to read, with its validators and fingerprint', () => {
    expect(answerOutcome(answer({ headers: { etag: '"2"' } }), url, undefined, now)).toEqual({ kind: 'changed', text: '<rss/>', url, contentType: undefined, validators: { etag: '"2"' }, contentHash: contentHash('<rss/>') });
  });

  it('a 304, or the very body read last time, is unchanged', () => {
    const previous = { etag: '"1"', validatorsFor: url, contentHash: contentHash('<rss/>'), consecutiveFailures: 0, seen: [] };
    expect(answerOutcome(answer({ status: 304, text: '', headers: { etag: '"1"' } }), url, previous, now)).toEqual({ kind: 'unchanged', validators: { etag: '"1"' } });
    expect(answerOutcome(answer({}), url, previous, now)).toEqual({ kind: 'unchanged', validators: { etag: '"1"' } });
  });

  it('the very body under new validators keeps the ones stored, unless none were', () => {
    const previous = { etag: '"1"', validatorsFor: url, contentHash: contentHash('<rss/>'), consecutiveFailures: 0, seen: [] };
    const rotated = answer({ headers: { etag: '"2"', 'last-modified': 'Tue, 01 Dec 2026 12:00:00 GMT' } });
    expect(answerOutcome(rotated, url, previous, now)).toEqual({ kind: 'unchanged', validators: { etag: '"1"' } });
    expect(answerOutcome(rotated, url, { ...previous, etag: undefined }, now)).toEqual({ kind: 'unchanged', validators: { etag: '"2"', lastModified: 'Tue, 01 Dec 2026 12:00:00 GMT' } });
  });

  it('the very body under new validators takes its Cache-Control, kept for the 304s that do not repeat it', () => {
    const previous = { etag: '"1"', cacheControl: 'max-age=60', validatorsFor: url, contentHash: contentHash('<rss/>'), consecutiveFailures: 0, seen: [] };
    const rotated = answer({ headers: { etag: '"2"', 'cache-control': 'max-age=3600' } });
    expect(answerOutcome(rotated, url, previous, now)).toEqual({ kind: 'unchanged', validators: { etag: '"1"', cacheControl: 'max-age=3600' }, freshUntil: new Date('2026-12-01T13:00:00Z') });
  });
});

describe('failureOutcome', () => {
  it('takes Retry-After from a 429 or a 503 only', () => {
    expect(failureOutcome('answered 429', 429, { 'retry-after': '60' }, now)).toEqual({ kind: 'failed', reason: 'answered 429', retryAfter: new Date('2026-12-01T12:01:00Z') });
    expect(failureOutcome('answered 503', 503, { 'retry-after': 'Tue, 01 Dec 2026 13:00:00 GMT' }, now).retryAfter).toEqual(new Date('2026-12-01T13:00:00Z'));
    expect(failureOutcome('answered 500', 500, { 'retry-after': '60' }, now).retryAfter).toBeUndefined();
    expect(failureOutcome('timed out', undefined, undefined, now).retryAfter).toBeUndefined();
  });
});
