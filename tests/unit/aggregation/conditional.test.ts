import { describe, expect, it } from 'vitest';
import { conditionalHeaders, validatorsAfterNotModified, validatorsOf } from '../../../src/lib/aggregation/conditional.ts';

const url = 'https://wire.example/feed.xml';
const lastModified = 'Mon, 30 Nov 2026 10:00:00 GMT';

describe('conditional requests', () => {
  it('keeps ETag and Last-Modified and sends them back as If-None-Match and If-Modified-Since', () => {
    const validators = validatorsOf(url, 200, { etag: '"v7"', 'last-modified': lastModified });
    expect(validators).toEqual({ etag: '"v7"', lastModified });
    expect(conditionalHeaders(url, validators)).toEqual({ 'if-none-match': '"v7"', 'if-modified-since': lastModified });
    expect(conditionalHeaders(url, { etag: 'W/"weak"' })).toEqual({ 'if-none-match': 'W/"weak"' });
  });

  it('keeps nothing from a response its server forbids storing, and asks unconditionally without validators', () => {
    expect(validatorsOf(url, 200, { etag: '"v7"', 'cache-control': 'no-store' })).toEqual({});
    expect(conditionalHeaders(url, {})).toEqual({});
  });

  it('a private response is still the reader’s to keep', () => {
    expect(validatorsOf(url, 200, { etag: '"v7"', 'cache-control': 'private, max-age=0' })).toEqual({ etag: '"v7"' });
  });

  it('a 304 keeps the validators (taking updated ones), but one naming another version drops them', () => {
    expect(validatorsAfterNotModified(url, { etag: '"v7"' }, { etag: '"v7"' })).toEqual({ etag: '"v7"' });
    expect(validatorsAfterNotModified(url, { lastModified }, {})).toEqual({ lastModified });
    expect(validatorsAfterNotModified(url, { etag: '"v7"', lastModified }, {})).toEqual({ etag: '"v7"', lastModified });
    expect(validatorsAfterNotModified(url, { etag: '"v7"' }, { etag: '"v8"' })).toEqual({});
  });
});
