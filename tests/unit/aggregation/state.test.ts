import { describe, expect, it } from 'vitest';
import { afterNotModified, validatorsOf } from '../../../src/lib/aggregation/conditional.ts';
import { afterFailure, afterNotAsked, afterSuccess, appendSeen, backingOffUntil, failingSince, freshUntilFor, inAskingOrder, keptValidators } from '../../../src/lib/aggregation/source-state.ts';
import { itemKeys, storedKey } from '../../../src/lib/aggregation/identity.ts';
import { allSeenKeys, emptySourceState, emptyState, MAX_SEEN_PER_SOURCE, parseState, serializeState, StateError } from '../../../src/lib/aggregation/state.ts';
import type { FeedEntry } from '../../../src/lib/authoring/import/parse-feed.ts';

const now = new Date('2026-12-01T12:00:00.250Z');
const feedUrl = 'https://wire.example/feed.xml';

describe('the state file', () => {
  it('reads back what it writes, sorted by source, in whole seconds', () => {
    const state = emptyState();
    state.sources.zeta = afterSuccess(undefined, { feedUrl, validators: { etag: '"1"' }, contentHash: 'abc', newVersion: true, seen: ['link:z.example/a'] }, now);
    state.sources.alpha = afterFailure(undefined, feedUrl, 'answered 500', undefined, now);
    const text = serializeState(state);
    expect(Object.keys(JSON.parse(text).sources)).toEqual(['alpha', 'zeta']);
    expect(text).toContain('"lastSuccess": "2026-12-01T12:00:00Z"');
    expect(parseState(text, 'state.json')).toEqual(state);
    expect(serializeState(parseState(text, 'state.json'))).toBe(text);
  });

  it('names the file and the field when it is not a state file', () => {
    expect(() => parseState('{', 'content/.aggregate-state.json')).toThrow(StateError);
    expect(() => parseState('{', 'content/.aggregate-state.json')).toThrow(/^content\/\.aggregate-state\.json: not valid JSON/);
    expect(() => parseState('{"version":1,"sources":{"a":{"consecutiveFailures":-1}}}', 's.json')).toThrow(/^s\.json:1: sources\.a\.consecutiveFailures: /);
  });

  it('says what is wrong on one line, whatever the file holds, so that a CI log cannot read a workflow command in it', () => {
    const messageLines = (text: string) => {
      try {
        parseState(text, 's.json');
      } catch (error) {
        return (error as Error).message.split(/\r\n|\r|\n/);
      }
      throw new Error('parsed');
    };
    expect(messageLines('{"version":1,\n::error::forged')).toHaveLength(1);
    expect(messageLines('{"version":1,"sources":{"a\\n::error::forged":{"consecutiveFailures":-1}}}')).toEqual([expect.stringMatching(/^s\.json:1: sources\.a\\u000a::error::forged\.consecutiveFailures: /)]);
  });

  it('names the line of the field at fault, as the file is written, so a hand edit gone wrong is found at once', () => {
    const state = { ...emptyState(), sources: { calm: afterFailure(undefined, feedUrl, 'answered 500', undefined, now), edited: afterFailure(undefined, feedUrl, 'answered 500', undefined, now) } };
    const text = serializeState(state).replace(/("edited": \{[^}]*?"at": )"[^"]+"/, '$1"yesterday"');
    const line = text.split('\n').findIndex((content) => content.includes('"yesterday"')) + 1;
    expect(line).toBeGreaterThan(10);
    expect(() => parseState(text, 'content/.aggregate-state.json')).toThrow(`content/.aggregate-state.json:${line}: sources.edited.lastError.at: is not a date-time; restore it from git, or delete it to start afresh`);
    expect(() => parseState(text.replace('"version": 1', '"version": 2'), 'state.json')).toThrow(/^state\.json:2: version: /);
  });
});

describe('source state over runs', () => {
  it('asks a feed whose back-off ends more than a week ahead, as a run with a clock gone wrong or a hand edit leaves it', () => {
    const wrongClock = new Date('2027-06-01T12:00:00Z');
    const refused = afterFailure(undefined, feedUrl, 'answered 503', new Date('2027-06-08T12:00:00Z'), wrongClock);
    expect(backingOffUntil(refused, feedUrl, wrongClock)).toEqual(new Date('2027-06-08T12:00:00Z'));
    expect(backingOffUntil(refused, feedUrl, now)).toBeUndefined();
    const edited = { ...refused, nextFetchAfter: '2026-12-08T12:00:00Z' };
    expect(backingOffUntil(edited, feedUrl, now)).toEqual(new Date('2026-12-08T12:00:00Z'));
  });

  it('counts failures, keeps Retry-After or the back-off (the later), and a success clears both', () => {
    const inTwoHours = new Date('2026-12-01T14:00:00Z');
    const once = afterFailure(undefined, feedUrl, 'answered 429', inTwoHours, now);
    expect(once).toMatchObject({ consecutiveFailures: 1, nextFetchAfter: '2026-12-01T14:00:00Z', lastError: { message: 'answered 429' } });
    expect(backingOffUntil(once, feedUrl, now)).toEqual(inTwoHours);
    expect(backingOffUntil(once, feedUrl, inTwoHours)).toBeUndefined();
    const twice = afterFailure(once, feedUrl, 'answered 500', undefined, now);
    expect(twice).toMatchObject({ consecutiveFailures: 2, nextFetchAfter: '2026-12-01T12:30:00Z' });
    const recovered = afterSuccess(twice, { feedUrl, validators: {}, newVersion: false, seen: [] }, now);
    expect(recovered).toMatchObject({ consecutiveFailures: 0, lastError: { message: 'answered 500' } });
    expect(recovered.nextFetchAfter).toBeUndefined();
  });

  it('a 304 changes nothing worth committing', () => {
    const read = afterSuccess(undefined, { feedUrl, validators: { etag: '"1"' }, contentHash: 'abc', newVersion: true, seen: ['k'] }, now);
    expect(afterSuccess(read, { feedUrl, validators: { etag: '"1"' }, newVersion: false, seen: [] }, new Date('2026-12-02T00:00:00Z'))).toEqual(read);
  });

  it('sends validators only to the feed address they were given for', () => {
    const read = afterSuccess(undefined, { feedUrl, validators: { etag: '"1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' }, contentHash: 'abc', newVersion: true, seen: [] }, now);
    expect(keptValidators(read, feedUrl)).toEqual({ etag: '"1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' });
    expect(keptValidators(read, 'https://wire.example/rss/all.xml')).toEqual({});
    expect(afterSuccess(undefined, { feedUrl, validators: {}, contentHash: 'abc', newVersion: true, seen: [] }, now).validatorsFor).toBeUndefined();
  });

  it('keeps an answer fresh until its server said, for the feed address it came from, until a new version or a failure', () => {
    const until = new Date('2026-12-01T13:00:00Z');
    const read = afterSuccess(undefined, { feedUrl, validators: {}, freshUntil: until, contentHash: 'abc', newVersion: true, seen: [] }, now);
    expect(read).toMatchObject({ freshUntil: '2026-12-01T13:00:00Z', freshFor: feedUrl });
    expect(freshUntilFor(read, feedUrl, new Date('2026-12-01T12:49:59Z'))).toEqual(until);
    expect(freshUntilFor(read, feedUrl, until)).toBeUndefined();
    // Ending before the next scheduled run could see it (30 minutes on, give or take): asked now, not an hour late.
    expect(freshUntilFor(read, feedUrl, new Date('2026-12-01T12:50:00Z'))).toBeUndefined();
    expect(freshUntilFor(read, 'https://wire.example/rss/all.xml', now)).toBeUndefined();
    expect(freshUntilFor({ ...read, freshUntil: '2027-12-01T13:00:00Z' }, feedUrl, now)).toBeUndefined();
    // A read that brings no new version (a 304) renews the freshness from its answer, as a new version does; an answer
    // whose server says nothing of freshness ends it.
    const renewed = new Date('2026-12-01T14:00:00Z');
    expect(afterSuccess(read, { feedUrl, validators: {}, freshUntil: renewed, newVersion: false, seen: [] }, until)).toEqual({ ...read, freshUntil: '2026-12-01T14:00:00Z' });
    expect(freshUntilFor(afterSuccess(read, { feedUrl, validators: {}, newVersion: false, seen: [] }, until), feedUrl, now)).toBeUndefined();
    expect(freshUntilFor(afterSuccess(read, { feedUrl, validators: {}, contentHash: 'def', newVersion: true, seen: [] }, until), feedUrl, now)).toBeUndefined();
    expect(freshUntilFor(afterFailure(read, feedUrl, 'answered 500', undefined, now), feedUrl, now)).toBeUndefined();
    expect(parseState(serializeState({ version: 1, sources: { wire: read } }), 'state.json').sources.wire).toEqual(read);
  });

  it('loads a state written before freshness was kept, and writes it back unchanged', () => {
    const text = serializeState(parseState('{"version":1,"sources":{"wire":{"etag":"\\"1\\"","validatorsFor":"https://wire.example/feed.xml","consecutiveFailures":0,"seen":[]}}}', 'state.json'));
    expect(text).not.toContain('fresh');
    expect(freshUntilFor(parseState(text, 'state.json').sources.wire, feedUrl, now)).toBeUndefined();
  });

  it('keeps the Cache-Control of the answer its validators came with, and none without validators', () => {
    const read = afterSuccess(undefined, { feedUrl, validators: { etag: '"1"', cacheControl: 'max-age=3600' }, contentHash: 'abc', newVersion: true, seen: [] }, now);
    expect(keptValidators(read, feedUrl)).toEqual({ etag: '"1"', cacheControl: 'max-age=3600' });
    expect(keptValidators(read, 'https://wire.example/rss/all.xml')).toEqual({});
    expect(parseState(serializeState({ version: 1, sources: { wire: read } }), 'state.json').sources.wire).toEqual(read);
    expect(afterSuccess(undefined, { feedUrl, validators: { cacheControl: 'max-age=3600' }, contentHash: 'abc', newVersion: true, seen: [] }, now).cacheControl).toBeUndefined();
  });

  it('loads a state written before Cache-Control was kept: a bare 304 renews no freshness, as before, until a full response gives the Cache-Control', () => {
    const text = '{"version":1,"sources":{"wire":{"etag":"\\"1\\"","validatorsFor":"https://wire.example/feed.xml","consecutiveFailures":0,"seen":[]}}}';
    const legacy = parseState(text, 'state.json').sources.wire!;
    expect(serializeState({ version: 1, sources: { wire: legacy } })).not.toContain('cacheControl');
    const revalidated = afterNotModified(feedUrl, keptValidators(legacy, feedUrl), { etag: '"1"', date: now.toUTCString() }, now);
    expect(revalidated.freshUntil).toBeUndefined();
    expect(afterSuccess(legacy, { feedUrl, ...revalidated, newVersion: false, seen: [] }, now)).toEqual(legacy);
    const validators = validatorsOf(feedUrl, 200, { etag: '"2"', 'cache-control': 'max-age=3600' }, now);
    const full = afterSuccess(legacy, { feedUrl, validators, contentHash: 'def', newVersion: true, seen: [] }, now);
    expect(afterNotModified(feedUrl, keptValidators(full, feedUrl), { etag: '"2"', date: now.toUTCString() }, now).freshUntil).toEqual(new Date('2026-12-01T13:00:00.250Z'));
  });

  it('loads a state written before validators named their address, and sends those to no address', () => {
    const legacy = parseState('{"version":1,"sources":{"wire":{"etag":"\\"1\\"","consecutiveFailures":0,"seen":[]}}}', 'state.json');
    expect(legacy.sources.wire).toMatchObject({ etag: '"1"' });
    expect(keptValidators(legacy.sources.wire, feedUrl)).toEqual({});
  });

  it('reads a link key saved with www. as the key the same link has now, and every key as its fingerprint', () => {
    const saved = parseState(
      JSON.stringify({ version: 1, sources: { wire: { consecutiveFailures: 0, seen: ['link:www.wire.example/2026/a?id=1', 'link:www.com/a', 'guid:wire:www.x', 'link:wire.example/b'] } } }),
      'state.json',
    );
    expect(saved.sources.wire!.seen).toEqual(['link:wire.example/2026/a?id=1', 'link:www.com/a', 'guid:wire:www.x', 'link:wire.example/b'].map(storedKey));
    expect(allSeenKeys(saved)).toContain(storedKey(itemKeys({ title: 'A', link: 'https://www.wire.example/2026/a?id=1', authors: [], categories: [] } satisfies FeedEntry, 'other')[0]!));
  });

  it('reads back the key of a link on a www.www. host as written, so the item is still known at the next run', () => {
    const state = emptyState();
    const entry = { title: 'A', link: 'https://www.www.wire.example/a', authors: [], categories: [] } satisfies FeedEntry;
    state.sources.wire = afterSuccess(undefined, { feedUrl, validators: {}, newVersion: true, seen: itemKeys(entry, 'wire') }, now);
    const text = serializeState(state);
    expect(serializeState(parseState(text, 'state.json'))).toBe(text);
    expect(allSeenKeys(parseState(text, 'state.json'))).toContain(storedKey(itemKeys(entry, 'wire')[0]!));
  });

  /** A key as the state keeps it: the feed's items are given by their plain keys, and kept as these. */
  const k = (key: string) => storedKey(key);

  it('remembers keys once each, forgetting the oldest beyond the cap', () => {
    expect(appendSeen([k('a'), k('b')], ['b', 'c', 'c'])).toEqual([k('a'), k('b'), k('c')]);
    const full = Array.from({ length: MAX_SEEN_PER_SOURCE }, (_, index) => k(`k${index}`));
    const next = appendSeen(full, ['new']);
    expect(next).toHaveLength(MAX_SEEN_PER_SOURCE);
    expect(next[0]).toBe(k('k1'));
    expect(next.at(-1)).toBe(k('new'));
  });

  it('keeps each key in 16 characters, whatever its length, and reads a key a state kept whole as that', () => {
    const long = `link:wire.example/${'story-'.repeat(40)}`;
    expect(appendSeen([], [long])).toEqual([k(long)]);
    expect(k(long)).toMatch(/^[\w-]{16}$/);
    expect(k(k(long))).toBe(k(long));
    expect(parseState(JSON.stringify({ version: 1, sources: { wire: { consecutiveFailures: 0, seen: [long, k('guid:wire:1')] } } }), 'state.json').sources.wire!.seen).toEqual([k(long), k('guid:wire:1')]);
  });

  it('keeps a busy source to about 11 KB of state file, however long its links and however many items it has handled', () => {
    const keys = Array.from({ length: 2000 }, (_, index) => `link:outlet.example.com/2026/12/06/chip-makers-report-a-record-quarter-as-server-demand-grows-${index}`);
    const busy = afterSuccess(undefined, { feedUrl, validators: {}, newVersion: true, seen: keys, listed: new Set(keys.slice(-200).map(k)) }, now);
    expect(Buffer.byteLength(serializeState({ ...emptyState(), sources: { wire: busy } }))).toBeLessThan(12 * 1024);
  });

  it('forgets beyond the cap only keys of items the feed no longer lists, and drops the unlisted ones once the feed shrinks', () => {
    const full = Array.from({ length: MAX_SEEN_PER_SOURCE }, (_, index) => k(`k${index}`));
    const listed = new Set([k('k0'), k('k1'), k('new')]);
    const next = appendSeen(full, ['new'], listed);
    expect(next).toHaveLength(MAX_SEEN_PER_SOURCE);
    expect(next.slice(0, 3)).toEqual([k('k0'), k('k1'), k('k3')]);
    const added = Array.from({ length: 5 }, (_, index) => `n${index}`);
    const grown = appendSeen(full, added, new Set([...full, ...added.map(k)]));
    expect(grown).toHaveLength(MAX_SEEN_PER_SOURCE + 5);
    const shrunk = appendSeen(grown, ['later'], new Set([k('later')]));
    expect(shrunk).toHaveLength(MAX_SEEN_PER_SOURCE);
    expect(shrunk[0]).toBe(k('k6'));
  });

  it('forgets the keys beyond the cap once the feed no longer lists them, at a read that brings nothing new too', () => {
    const full = Array.from({ length: MAX_SEEN_PER_SOURCE + 200 }, (_, index) => k(`k${index}`));
    const archive = new Set(full);
    // The feed listed its whole archive when last read: a 304 keeps every key, as the feed still lists them.
    const asBefore = afterSuccess({ ...emptySourceState(), seen: full }, { feedUrl, validators: {}, newVersion: false, seen: [] }, now);
    expect(asBefore.seen).toEqual(full);
    expect(afterSuccess(asBefore, { feedUrl, validators: {}, newVersion: false, seen: [], listed: archive }, now).seen).toEqual(full);
    // Then it stops publishing and lists only its newest ten.
    const stopped = afterSuccess(asBefore, { feedUrl, validators: {}, newVersion: true, seen: [], listed: new Set(full.slice(-10)) }, now);
    expect(stopped.seen).toEqual(full.slice(200));
  });
});

describe('when a run of failures began', () => {
  const at = (iso: string) => new Date(iso);

  it('is the first failure of the streak, kept through later failures and cleared by a success', () => {
    const first = afterFailure(undefined, feedUrl, 'answered 404', undefined, at('2026-12-01T12:00:00Z'));
    expect(first.failingSince).toBe('2026-12-01T12:00:00Z');
    const third = afterFailure(afterFailure(first, feedUrl, 'answered 404', undefined, at('2026-12-01T12:30:00Z')), feedUrl, 'answered 500', undefined, at('2026-12-02T13:00:00Z'));
    expect(third).toMatchObject({ consecutiveFailures: 3, failingSince: '2026-12-01T12:00:00Z', lastError: { at: '2026-12-02T13:00:00Z', message: 'answered 500' } });
    const recovered = afterSuccess(third, { feedUrl, validators: {}, newVersion: false, seen: [] }, at('2026-12-02T14:00:00Z'));
    expect(recovered.failingSince).toBeUndefined();
    expect(failingSince(recovered)).toBeUndefined();
    expect(afterFailure(recovered, feedUrl, 'answered 404', undefined, at('2026-12-03T09:00:00Z')).failingSince).toBe('2026-12-03T09:00:00Z');
  });

  it('starts afresh when the feed address changes, as the count does', () => {
    const old = afterFailure(afterFailure(undefined, feedUrl, 'answered 404', undefined, at('2026-11-01T00:00:00Z')), feedUrl, 'answered 404', undefined, at('2026-11-02T00:00:00Z'));
    const moved = afterFailure(old, 'https://wire.example/rss/all.xml', 'answered 500', undefined, at('2026-12-01T12:00:00Z'));
    expect(moved).toMatchObject({ consecutiveFailures: 1, failingSince: '2026-12-01T12:00:00Z' });
  });

  it('is written after the failure count, and the file reads back the same', () => {
    const state = emptyState();
    state.sources.dead = afterFailure(undefined, feedUrl, 'answered 404', undefined, now);
    const text = serializeState(state);
    expect(Object.keys(JSON.parse(text).sources.dead)).toEqual(['lastError', 'consecutiveFailures', 'failingSince', 'failuresFor', 'seen']);
    expect(serializeState(parseState(text, 'state.json'))).toBe(text);
  });

  it('in a state written before it was recorded, is taken from the last failure, and kept from then on', () => {
    const legacy = parseState(
      JSON.stringify({ version: 1, sources: { dead: { lastError: { at: '2026-11-20T08:00:00Z', message: 'answered 404' }, consecutiveFailures: 9, seen: [] } } }),
      'state.json',
    ).sources.dead!;
    expect(legacy.failingSince).toBeUndefined();
    expect(failingSince(legacy)).toBe('2026-11-20T08:00:00Z');
    expect(afterFailure(legacy, feedUrl, 'answered 404', undefined, at('2026-12-01T12:00:00Z'))).toMatchObject({ consecutiveFailures: 10, failingSince: '2026-11-20T08:00:00Z' });
  });
});

describe('the cause of the last failure', () => {
  const at = (iso: string) => new Date(iso);

  it('is kept beside its message, replaced by the next failure’s, and the file reads back the same', () => {
    const first = afterFailure(undefined, feedUrl, 'https://wire.example/feed.xml answered 503 Service Unavailable', undefined, at('2026-12-01T12:00:00Z'), 'server-error');
    expect(first.lastError).toEqual({ at: '2026-12-01T12:00:00Z', message: 'https://wire.example/feed.xml answered 503 Service Unavailable', cause: 'server-error' });
    const second = afterFailure(first, feedUrl, 'https://wire.example/feed.xml answered 404 Not Found', undefined, at('2026-12-01T12:30:00Z'), 'not-found');
    expect(second.lastError).toEqual({ at: '2026-12-01T12:30:00Z', message: 'https://wire.example/feed.xml answered 404 Not Found', cause: 'not-found' });
    // A failure no cause covers leaves none behind from the one before.
    expect(afterFailure(second, feedUrl, 'unexpected error: boom', undefined, at('2026-12-01T13:00:00Z')).lastError).toEqual({ at: '2026-12-01T13:00:00Z', message: 'unexpected error: boom' });
    const state = emptyState();
    state.sources.dead = second;
    const text = serializeState(state);
    expect(JSON.parse(text).sources.dead.lastError).toEqual({ at: '2026-12-01T12:30:00Z', message: 'https://wire.example/feed.xml answered 404 Not Found', cause: 'not-found' });
    expect(serializeState(parseState(text, 'state.json'))).toBe(text);
  });

  it('is absent in a state written before causes were kept, which loads and is written back unchanged', () => {
    const text = serializeState(parseState(JSON.stringify({ version: 1, sources: { dead: { lastError: { at: '2026-11-20T08:00:00Z', message: 'answered 404' }, consecutiveFailures: 9, seen: [] } } }), 'state.json'));
    expect(JSON.parse(text).sources.dead.lastError).toEqual({ at: '2026-11-20T08:00:00Z', message: 'answered 404' });
    expect(serializeState(parseState(text, 'state.json'))).toBe(text);
  });

  it('loads a state that kept a plain-HTTP port asked over https:// as a certificate problem, and keeps its own cause now', () => {
    const message = 'could not reach wire.example:8080: its TLS certificate was rejected (ERR_SSL_WRONG_VERSION_NUMBER)';
    const before = JSON.stringify({ version: 1, sources: { wire: { lastError: { at: '2026-11-20T08:00:00Z', message, cause: 'tls' }, consecutiveFailures: 2, seen: [] } } });
    expect(JSON.parse(serializeState(parseState(before, 'state.json'))).sources.wire.lastError.cause).toBe('tls');
    const now = JSON.stringify({ version: 1, sources: { wire: { lastError: { at: '2026-11-20T08:00:00Z', message, cause: 'not-tls' }, consecutiveFailures: 2, seen: [] } } });
    const text = serializeState(parseState(now, 'state.json'));
    expect(JSON.parse(text).sources.wire.lastError.cause).toBe('not-tls');
  });

  it('names the line and the field when it is none of the causes', () => {
    const text = JSON.stringify({ version: 1, sources: { dead: { lastError: { at: '2026-11-20T08:00:00Z', message: 'answered 404', cause: 'gremlins' }, consecutiveFailures: 9, seen: [] } } }, null, 2);
    expect(() => parseState(text, 'state.json')).toThrow(/^state\.json:\d+: sources\.dead\.lastError\.cause: .*; restore it from git, or delete it to start afresh$/);
  });
});

describe('a feed left unasked in a run', () => {
  const at = (instant: string) => new Date(instant);

  it('keeps its record, notes since when, and counts the runs in a row; the file reads back the same', () => {
    const failedOnce = afterFailure(undefined, feedUrl, 'answered 500', undefined, at('2026-12-01T11:30:00Z'));
    const first = afterNotAsked(failedOnce, feedUrl, at('2026-12-01T12:00:00Z'));
    const second = afterNotAsked(first, feedUrl, at('2026-12-01T12:30:00Z'));
    expect(second).toMatchObject({ consecutiveFailures: 1, nextFetchAfter: undefined, lastError: { message: 'answered 500' }, notAskedSince: '2026-12-01T12:00:00Z', notAskedFor: feedUrl, notAskedRuns: 2 });
    const state = { ...emptyState(), sources: { wire: second } };
    expect(parseState(serializeState(state), 'state.json')).toEqual(state);
  });

  it('loads a state written before the runs were counted, and counts from its next run unasked', () => {
    const legacy = parseState(JSON.stringify({ version: 1, sources: { wire: { consecutiveFailures: 0, notAskedSince: '2026-12-01T10:00:00Z', notAskedFor: feedUrl, seen: [] } } }), 'state.json');
    expect(serializeState(legacy)).not.toContain('notAskedRuns');
    expect(afterNotAsked(legacy.sources.wire, feedUrl, at('2026-12-01T12:00:00Z'))).toMatchObject({ notAskedSince: '2026-12-01T10:00:00Z', notAskedRuns: 1 });
  });
});

describe('the order a run asks feeds in', () => {
  const at = (instant: string) => new Date(instant);
  const feed = (id: string) => `https://wire.example/${id}.xml`;

  it('asks the feeds left unasked first, the longest unasked first, then the rest as listed, and the failing last as listed', () => {
    const unaskedLater = afterNotAsked(undefined, feed('later'), at('2026-12-01T12:30:00Z'));
    const unaskedEarlier = afterNotAsked(undefined, feed('earlier'), at('2026-12-01T12:00:00Z'));
    // Failing after runs unasked: it keeps its notAskedSince, and still goes with the failing.
    const failingUnasked = afterFailure(afterNotAsked(undefined, feed('hangs'), at('2026-12-01T11:00:00Z')), feed('hangs'), 'timed out', undefined, at('2026-12-01T12:30:00Z'));
    const failing = afterFailure(undefined, feed('down'), 'answered 500', undefined, at('2026-12-01T12:00:00Z'));
    const feeds = [
      { id: 'down', state: failing },
      { id: 'read', state: afterSuccess(undefined, { feedUrl: feed('read'), validators: {}, newVersion: true, seen: [] }, at('2026-12-01T12:00:00Z')) },
      { id: 'later', state: unaskedLater },
      { id: 'hangs', state: failingUnasked },
      { id: 'new', state: undefined },
      { id: 'earlier', state: unaskedEarlier },
    ].map(({ id, state }) => ({ id, state, feedUrl: feed(id) }));
    expect(inAskingOrder(feeds).map(({ id }) => id)).toEqual(['earlier', 'later', 'read', 'new', 'down', 'hangs']);
  });

  it('takes a feed left unasked at another address (its feed: line edited since) as not left unasked', () => {
    const moved = { state: afterNotAsked(undefined, feed('old'), at('2026-12-01T12:00:00Z')), feedUrl: feed('new') };
    const listed = { state: undefined, feedUrl: feed('first') };
    expect(inAskingOrder([listed, moved])).toEqual([listed, moved]);
  });
});
