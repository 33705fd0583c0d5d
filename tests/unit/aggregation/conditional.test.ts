import { describe, expect, it } from 'vitest';
import { afterNotModified, conditionalHeaders, freshUntil, validatorsOf } from '../../../src/lib/aggregation/conditional.ts';

const url = 'https://wire.example/feed.xml';
const lastModified = 'Mon, 30 Nov 2026 10:00:00 GMT';
/** When the full responses below came. */
const received = new Date('2026-12-01T12:00:00Z');

describe('conditional requests', () => {
  it('keeps ETag and Last-Modified and sends them back as If-None-Match and If-Modified-Since', () => {
    const validators = validatorsOf(url, 200, { etag: '"v7"', 'last-modified': lastModified }, received);
    expect(validators).toEqual({ etag: '"v7"', lastModified });
    expect(conditionalHeaders(url, validators)).toEqual({ 'if-none-match': '"v7"', 'if-modified-since': lastModified });
    expect(conditionalHeaders(url, { etag: 'W/"weak"' })).toEqual({ 'if-none-match': 'W/"weak"' });
  });

  it('keeps nothing from a response its server forbids storing, and asks unconditionally without validators', () => {
    expect(validatorsOf(url, 200, { etag: '"v7"', 'cache-control': 'no-store' }, received)).toEqual({});
    expect(conditionalHeaders(url, {})).toEqual({});
  });

  it('a private response is still the reader’s to keep', () => {
    expect(validatorsOf(url, 200, { etag: '"v7"', 'cache-control': 'private, max-age=0' }, received)).toEqual({ etag: '"v7"', cacheControl: 'private, max-age=0' });
  });

  it('a 304 keeps the validators (taking updated ones), but one naming another version drops them', () => {
    const validatorsAfter = (kept: Parameters<typeof afterNotModified>[1], headers: Record<string, string>) => afterNotModified(url, kept, headers, new Date()).validators;
    expect(validatorsAfter({ etag: '"v7"' }, { etag: '"v7"' })).toEqual({ etag: '"v7"' });
    expect(validatorsAfter({ lastModified }, {})).toEqual({ lastModified });
    expect(validatorsAfter({ etag: '"v7"', lastModified }, {})).toEqual({ etag: '"v7"', lastModified });
    expect(validatorsAfter({ etag: '"v7"', lastModified }, { etag: '"v7"', 'last-modified': 'Tue, 01 Dec 2026 09:00:00 GMT' })).toEqual({ etag: '"v7"', lastModified: 'Tue, 01 Dec 2026 09:00:00 GMT' });
    expect(validatorsAfter({ etag: '"v7"' }, { etag: '"v8"' })).toEqual({});
  });

  it('a 304 renews the freshness by its own Cache-Control or Expires, reckoned from the time it came', () => {
    const now = new Date('2026-12-01T13:00:00Z');
    expect(afterNotModified(url, { etag: '"v7"' }, { etag: '"v7"', 'cache-control': 'max-age=3600' }, now)).toEqual({ validators: { etag: '"v7"', cacheControl: 'max-age=3600' }, freshUntil: new Date('2026-12-01T14:00:00Z') });
    expect(afterNotModified(url, { lastModified }, { date: now.toUTCString(), expires: 'Tue, 01 Dec 2026 14:30:00 GMT' }, now).freshUntil).toEqual(new Date('2026-12-01T14:30:00Z'));
    expect(afterNotModified(url, { etag: '"v7"' }, { etag: '"v7"' }, now).freshUntil).toBeUndefined();
    expect(afterNotModified(url, { etag: '"v7"' }, { etag: '"v8"', 'cache-control': 'max-age=3600' }, now).freshUntil).toBeUndefined();
  });

  it('a bare 304 renews the max-age of the full response it confirms, as that response updated by the 304', () => {
    const now = new Date('2026-12-01T13:00:00Z');
    const stored = { etag: '"v7"', cacheControl: 'max-age=3600' };
    const bare = { etag: '"v7"', date: now.toUTCString() };
    expect(afterNotModified(url, stored, bare, now)).toEqual({ validators: stored, freshUntil: new Date('2026-12-01T14:00:00Z') });
    expect(afterNotModified(url, stored, { ...bare, age: '600' }, now).freshUntil).toEqual(new Date('2026-12-01T13:50:00Z'));
    // Answering our own If-Modified-Since without validators of its own, it still confirms the stored answer.
    expect(afterNotModified(url, { lastModified, cacheControl: 'max-age=3600' }, { date: now.toUTCString() }, now)).toEqual({ validators: { lastModified, cacheControl: 'max-age=3600' }, freshUntil: new Date('2026-12-01T14:00:00Z') });
  });

  it('a bare 304 renews the lifetime an Expires gave the full response (Expires − Date), from the 304’s own Date', () => {
    const sent = new Date('2026-12-01T12:00:00Z');
    const stored = validatorsOf(url, 200, { etag: '"v7"', date: sent.toUTCString(), expires: 'Tue, 01 Dec 2026 13:30:00 GMT' }, received);
    expect(stored).toEqual({ etag: '"v7"', expiresLifetime: 5400 });
    const now = new Date('2026-12-01T14:00:00Z');
    expect(afterNotModified(url, stored, { etag: '"v7"', date: now.toUTCString() }, now)).toEqual({ validators: stored, freshUntil: new Date('2026-12-01T15:30:00Z') });
    expect(afterNotModified(url, stored, { etag: '"v7"' }, now).freshUntil).toEqual(new Date('2026-12-01T15:30:00Z'));
    // Its own freshness, when it sends one, decides instead.
    expect(afterNotModified(url, stored, { etag: '"v7"', date: now.toUTCString(), 'cache-control': 'no-cache' }, now).freshUntil).toBeUndefined();
    expect(afterNotModified(url, stored, { etag: '"v7"', date: now.toUTCString(), expires: 'Tue, 01 Dec 2026 14:45:00 GMT' }, now).freshUntil).toEqual(new Date('2026-12-01T14:45:00Z'));
  });

  it('a bare 304 renews the Expires lifetime of a full response that expires at the end of time, keeping the state as it was', () => {
    const stored = validatorsOf(url, 200, { etag: '"v7"', date: received.toUTCString(), expires: 'Sat, 13 Sep 275760 00:00:00 GMT' }, received);
    const now = new Date('2026-12-01T14:00:00Z');
    expect(afterNotModified(url, stored, { etag: '"v7"', date: now.toUTCString() }, now)).toEqual({ validators: stored, freshUntil: new Date('2026-12-01T20:00:00Z') });
  });

  it('keeps no Expires lifetime where max-age overrides it, or where it is too short to save a request', () => {
    const date = 'Tue, 01 Dec 2026 12:00:00 GMT';
    expect(validatorsOf(url, 200, { etag: '"v7"', 'cache-control': 'max-age=600', date, expires: 'Tue, 01 Dec 2026 14:00:00 GMT' }, received).expiresLifetime).toBeUndefined();
    expect(validatorsOf(url, 200, { etag: '"v7"', date, expires: 'Tue, 01 Dec 2026 12:10:00 GMT' }, received).expiresLifetime).toBeUndefined();
    expect(validatorsOf(url, 200, { etag: '"v7"', date, expires: '0' }, received).expiresLifetime).toBeUndefined();
  });

  it('reckons the Expires lifetime of a response without a Date from the time it came', () => {
    expect(validatorsOf(url, 200, { etag: '"v7"', expires: 'Tue, 01 Dec 2026 14:00:00 GMT' }, received).expiresLifetime).toBe(7200);
  });

  it('a 304 with a Cache-Control of its own replaces the stored one, and one naming another version keeps nothing', () => {
    const now = new Date('2026-12-01T13:00:00Z');
    const stored = { etag: '"v7"', cacheControl: 'max-age=3600' };
    expect(afterNotModified(url, stored, { etag: '"v7"', 'cache-control': 'no-cache' }, now)).toEqual({ validators: { etag: '"v7"', cacheControl: 'no-cache' }, freshUntil: undefined });
    expect(afterNotModified(url, stored, { etag: '"v7"', 'cache-control': 'max-age=7200' }, now).freshUntil).toEqual(new Date('2026-12-01T15:00:00Z'));
    expect(afterNotModified(url, stored, { etag: '"v8"' }, now)).toEqual({ validators: {} });
  });
});

describe('freshness: when a feed need not be asked again', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const inMinutes = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  const date = now.toUTCString();
  const fresh = (headers: Record<string, string>) => freshUntil(url, 200, headers, now);

  it('lasts for max-age, less the Age a cache on the way has already counted', () => {
    expect(fresh({ 'cache-control': 'max-age=3600' })).toEqual(inMinutes(60));
    expect(fresh({ 'cache-control': 'public, max-age=3600', age: '600' })).toEqual(inMinutes(50));
    expect(fresh({ 'cache-control': 'private, max-age=3600' })).toEqual(inMinutes(60));
  });

  it('lasts until Expires, reckoned from the server’s Date so that its clock may differ from ours', () => {
    expect(fresh({ date, expires: inMinutes(90).toUTCString() })).toEqual(inMinutes(90));
    const slowServer = new Date(now.getTime() - 10 * 60_000);
    expect(fresh({ date: slowServer.toUTCString(), expires: new Date(slowServer.getTime() + 90 * 60_000).toUTCString() })).toEqual(inMinutes(90));
    expect(fresh({ date, expires: '0' })).toBeUndefined();
    expect(fresh({ 'cache-control': 'max-age=3600', date, expires: inMinutes(300).toUTCString() })).toEqual(inMinutes(60));
  });

  it('is none for no-store, no-cache, a shared cache’s s-maxage, or a guess from Last-Modified', () => {
    expect(fresh({ 'cache-control': 'no-store, max-age=3600' })).toBeUndefined();
    expect(fresh({ 'cache-control': 'no-cache, max-age=3600' })).toBeUndefined();
    expect(fresh({ 'cache-control': 's-maxage=3600' })).toBeUndefined();
    expect(fresh({ date, 'last-modified': 'Mon, 02 Nov 2026 12:00:00 GMT' })).toBeUndefined();
    expect(fresh({})).toBeUndefined();
  });

  it('does not count stale-while-revalidate or stale-if-error, in which a cache asks again', () => {
    expect(fresh({ 'cache-control': 'max-age=3600, stale-while-revalidate=86400, stale-if-error=86400' })).toEqual(inMinutes(60));
    expect(fresh({ 'cache-control': 'max-age=60, stale-while-revalidate=86400' })).toBeUndefined();
  });

  it('is at most six hours, however long the server says, and not kept when under half an hour', () => {
    expect(fresh({ 'cache-control': 'max-age=31536000, immutable' })).toEqual(inMinutes(360));
    expect(fresh({ date, expires: new Date('2027-12-01T12:00:00Z').toUTCString() })).toEqual(inMinutes(360));
    expect(fresh({ 'cache-control': 'max-age=1799' })).toBeUndefined();
    expect(fresh({ 'cache-control': 'max-age=1800' })).toEqual(inMinutes(30));
  });
});
