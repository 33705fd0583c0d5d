import { describe, expect, it } from 'vitest';
import { allFailingSince, FAILING_ATTENTION_MS, needsAttention, NOT_ASKED_ATTENTION_RUNS, NOTHING_NEW_ATTENTION_MS } from '../../../src/lib/aggregation/attention.ts';
import { afterFailure, afterNotAsked, afterSuccess } from '../../../src/lib/aggregation/source-state.ts';
import type { SourceState } from '../../../src/lib/aggregation/state.ts';

const feedUrl = 'https://wire.example/feed.xml';
const start = new Date('2026-12-01T12:00:00Z');
const after = (ms: number) => new Date(start.getTime() + ms);
const read = (now: Date, newVersion = true) => afterSuccess(undefined, { feedUrl, validators: {}, contentHash: 'abc', newVersion, seen: [] }, now);

/** Fails at `start`, then at every instant given. */
function failing(...later: Date[]): SourceState {
  return later.reduce((state, now) => afterFailure(state, feedUrl, 'https://wire.example/feed.xml answered 404 Not Found', undefined, now), afterFailure(undefined, feedUrl, 'https://wire.example/feed.xml answered 404 Not Found', undefined, start));
}

const check = (state: SourceState | undefined, now: Date, feed = feedUrl) => needsAttention([{ id: 'wire', name: 'The Wire', feed, state }], now);

describe('sources that need attention', () => {
  it('lists a source failing for 24 hours, never fetched successfully, with when it began and the last error', () => {
    const state = failing(after(FAILING_ATTENTION_MS - 60_000));
    expect(check(state, after(FAILING_ATTENTION_MS - 1000))).toEqual([]);
    expect(check(state, after(FAILING_ATTENTION_MS))).toEqual([
      { id: 'wire', name: 'The Wire', reason: 'failing', since: '2026-12-01T12:00:00Z', consecutiveFailures: 2, error: 'https://wire.example/feed.xml answered 404 Not Found', neverRead: true, host: 'wire.example' },
    ]);
  });

  it('says of a failing source whether its address has ever given a feed, so that a typo is suspected before a move', () => {
    const afterReading = [read(after(-60_000))].map((state) => afterFailure(state, feedUrl, 'https://wire.example/feed.xml answered 404 Not Found', undefined, start))[0]!;
    const readBefore = afterFailure(afterReading, feedUrl, 'https://wire.example/feed.xml answered 404 Not Found', undefined, after(FAILING_ATTENTION_MS));
    expect(check(readBefore, after(FAILING_ATTENTION_MS))[0]).not.toHaveProperty('neverRead');
    // Read at another address before the feed: line was edited: this one has never given a feed.
    expect(check(readBefore, after(FAILING_ATTENTION_MS), 'https://wire.example/rss.xml')).toEqual([]);
    const edited = afterFailure(afterFailure(afterReading, 'https://wire.example/rss.xml', 'https://wire.example/rss.xml answered 404 Not Found', undefined, start), 'https://wire.example/rss.xml', 'https://wire.example/rss.xml answered 404 Not Found', undefined, after(FAILING_ATTENTION_MS));
    expect(check(edited, after(FAILING_ATTENTION_MS), 'https://wire.example/rss.xml')).toMatchObject([{ reason: 'failing', neverRead: true }]);
  });

  it('gives the last failure’s cause, for the advice, only while its failures are counted for the address the feed: line names', () => {
    const timedOut = afterFailure(failing(after(FAILING_ATTENTION_MS - 60_000)), feedUrl, 'https://wire.example/feed.xml did not answer within 20 s (timed out)', undefined, after(FAILING_ATTENTION_MS), 'timeout');
    expect(check(timedOut, after(FAILING_ATTENTION_MS))).toMatchObject([{ reason: 'failing', error: 'https://wire.example/feed.xml did not answer within 20 s (timed out)', cause: 'timeout' }]);
    expect(check(failing(after(FAILING_ATTENTION_MS)), after(FAILING_ATTENTION_MS))[0]).not.toHaveProperty('cause');
    // The feed: line edited since: the old address's failures, and their cause, say nothing of the new one.
    expect(check(timedOut, after(FAILING_ATTENTION_MS), 'https://wire.example/rss/all.xml')).toEqual([]);
  });

  it('forgets the failures once the source answers again', () => {
    const recovered = afterSuccess(failing(after(FAILING_ATTENTION_MS)), { feedUrl, validators: {}, newVersion: false, seen: [] }, after(FAILING_ATTENTION_MS + 1000));
    expect(check(recovered, after(2 * FAILING_ATTENTION_MS))).toEqual([]);
  });

  it('lists a source answering with nothing new for 30 days, from its last new version', () => {
    const quiet = afterSuccess(read(start), { feedUrl, validators: {}, newVersion: false, seen: [] }, after(NOTHING_NEW_ATTENTION_MS - 1000));
    expect(check(quiet, after(NOTHING_NEW_ATTENTION_MS - 1000))).toEqual([]);
    expect(check(quiet, after(NOTHING_NEW_ATTENTION_MS))).toEqual([{ id: 'wire', name: 'The Wire', reason: 'nothing-new', since: '2026-12-01T12:00:00Z', host: 'wire.example' }]);
    expect(check(read(after(NOTHING_NEW_ATTENTION_MS - 1000)), after(NOTHING_NEW_ATTENTION_MS))).toEqual([]);
  });

  it('judges “nothing new” by the address the feed: line names: an edited line is not quiet for the old address’s time', () => {
    const newAddress = 'https://wire.example/rss/all.xml';
    const quiet = read(start);
    // The new address not read yet (failing for an hour, or left unasked behind its host): nothing to say of it.
    const newFailing = afterFailure(quiet, newAddress, 'https://wire.example/rss/all.xml answered 500', undefined, after(NOTHING_NEW_ATTENTION_MS));
    expect(check(newFailing, after(NOTHING_NEW_ATTENTION_MS + 3_600_000), newAddress)).toEqual([]);
    expect(check(afterNotAsked(quiet, newAddress, after(NOTHING_NEW_ATTENTION_MS)), after(NOTHING_NEW_ATTENTION_MS), newAddress)).toEqual([]);
    // Its first answer starts its own clock, even when it lists what the old address did.
    const readAtNew = afterSuccess(newFailing, { feedUrl: newAddress, validators: {}, newVersion: false, seen: [] }, after(NOTHING_NEW_ATTENTION_MS + 3_600_000));
    expect(check(readAtNew, after(2 * NOTHING_NEW_ATTENTION_MS), newAddress)).toEqual([]);
    expect(check(readAtNew, after(2 * NOTHING_NEW_ATTENTION_MS + 3_600_000), newAddress)).toEqual([{ id: 'wire', name: 'The Wire', reason: 'nothing-new', since: '2026-12-31T13:00:00Z', host: 'wire.example' }]);
  });

  it('names a quiet source that starts failing only as failing, once a day has passed', () => {
    const quietThenFailing = afterFailure(read(start), feedUrl, 'answered 500', undefined, after(NOTHING_NEW_ATTENTION_MS));
    expect(check(quietThenFailing, after(NOTHING_NEW_ATTENTION_MS + 1000))).toEqual([]);
    expect(check(quietThenFailing, after(NOTHING_NEW_ATTENTION_MS + FAILING_ATTENTION_MS))).toMatchObject([{ reason: 'failing', since: '2026-12-31T12:00:00Z' }]);
  });

  it('lists a feed that moved for good until its feed: line names the new address, or a read finds it where it was', () => {
    const newAddress = 'https://new.example/feed.xml';
    const moved = afterSuccess(undefined, { feedUrl, validators: {}, newVersion: true, movedTo: newAddress, seen: [] }, start);
    expect(check(moved, after(1000))).toEqual([{ id: 'wire', name: 'The Wire', reason: 'moved', movedTo: newAddress, host: 'wire.example' }]);
    expect(check(moved, after(NOTHING_NEW_ATTENTION_MS))).toMatchObject([{ reason: 'moved' }]);
    expect(check(moved, after(1000), newAddress)).toEqual([]);
    // The feed: line edited to a third address before it was read: the old address's move is no longer news.
    expect(check(moved, after(1000), 'https://wire.example/other.xml')).toEqual([]);
    expect(check(afterSuccess(moved, { feedUrl, validators: {}, newVersion: false, seen: [] }, after(1000)), after(2000))).toEqual([]);
  });

  it('leaves out a healthy source and one not fetched yet, and keeps the order given', () => {
    const now = after(NOTHING_NEW_ATTENTION_MS);
    const sources = [
      { id: 'dead', name: 'Dead', feed: feedUrl, state: failing() },
      { id: 'healthy', name: 'Healthy', feed: feedUrl, state: read(after(NOTHING_NEW_ATTENTION_MS - 60_000)) },
      { id: 'new', name: 'New', feed: feedUrl },
      { id: 'frozen', name: 'Frozen', feed: feedUrl, state: read(start) },
    ];
    expect(needsAttention(sources, now).map((source) => [source.id, source.reason])).toEqual([
      ['dead', 'failing'],
      ['frozen', 'nothing-new'],
    ]);
  });
});

describe('a feed left unasked behind its host’s other feeds', () => {
  const halfHour = 30 * 60_000;
  /** Read at `start`, then left unasked at `runs` scheduled runs. */
  const unasked = (runs: number, state: SourceState = read(start)) => Array.from({ length: runs }, (_, index) => after((index + 1) * halfHour)).reduce((kept, now) => afterNotAsked(kept, feedUrl, now), state);

  it('needs attention once it has been left unasked at so many runs in a row, saying since when; not for its old address’s runs once its feed: line names another', () => {
    expect(check(unasked(NOT_ASKED_ATTENTION_RUNS - 1), after(NOT_ASKED_ATTENTION_RUNS * halfHour))).toEqual([]);
    expect(check(unasked(NOT_ASKED_ATTENTION_RUNS), after(NOT_ASKED_ATTENTION_RUNS * halfHour))).toEqual([
      { id: 'wire', name: 'The Wire', reason: 'not-asked', since: '2026-12-01T12:30:00Z', runs: NOT_ASKED_ATTENTION_RUNS, host: 'wire.example' },
    ]);
    expect(check(unasked(NOT_ASKED_ATTENTION_RUNS), after(NOT_ASKED_ATTENTION_RUNS * halfHour), 'https://wire.example/new-feed.xml')).toEqual([]);
  });

  it('counts again from nothing once it is asked, whether it answers or fails', () => {
    const answered = afterSuccess(unasked(NOT_ASKED_ATTENTION_RUNS - 1), { feedUrl, validators: {}, newVersion: false, seen: [] }, after(4 * 60 * 60_000));
    expect(check(unasked(NOT_ASKED_ATTENTION_RUNS - 1, answered), after(8 * 60 * 60_000))).toEqual([]);
    const failed = afterFailure(unasked(NOT_ASKED_ATTENTION_RUNS - 1), feedUrl, 'timed out', undefined, after(4 * 60 * 60_000));
    expect(afterNotAsked(failed, feedUrl, after(5 * 60 * 60_000))).toMatchObject({ notAskedSince: '2026-12-01T12:30:00Z', notAskedRuns: 1 });
  });
});

describe('every source failing', () => {
  const now = new Date('2026-12-01T13:00:00Z');
  const failing = (since: string): SourceState => ({ consecutiveFailures: 2, failingSince: since, lastError: { at: since, message: 'could not reach the host' }, seen: [] });
  const healthy: SourceState = { consecutiveFailures: 0, lastSuccess: '2026-12-01T12:30:00Z', seen: [] };
  const on = (host: string, state?: SourceState) => ({ feed: `https://${host}/feed.xml`, state });

  it('is said, with since when the last source began to fail, once every source on two hosts or more has failed for an hour', () => {
    expect(allFailingSince([on('a.example', failing('2026-12-01T10:00:00Z')), on('b.example', failing('2026-12-01T12:00:00Z'))], now)).toBe('2026-12-01T12:00:00Z');
  });

  it('is not said for one run of failures (a blip on the runner), while any source answers, or for one host down', () => {
    expect(allFailingSince([on('a.example', failing('2026-12-01T12:30:00Z')), on('b.example', failing('2026-12-01T12:30:00Z'))], now)).toBeUndefined();
    expect(allFailingSince([on('a.example', failing('2026-12-01T10:00:00Z')), on('b.example', healthy)], now)).toBeUndefined();
    expect(allFailingSince([on('a.example', failing('2026-12-01T10:00:00Z')), on('b.example')], now)).toBeUndefined();
    expect(allFailingSince([on('a.example', failing('2026-12-01T10:00:00Z')), { feed: 'https://a.example/other.xml', state: failing('2026-12-01T10:00:00Z') }], now)).toBeUndefined();
    expect(allFailingSince([], now)).toBeUndefined();
  });

  const sportFeed = 'https://a.example/sport.xml';
  const sources = (sport: SourceState, feed = sportFeed) => [on('a.example', failing('2026-12-01T11:00:00Z')), { feed, state: sport }, on('b.example', failing('2026-12-01T11:30:00Z'))];

  it('counts a feed left unasked behind its host’s silence as failing since the first run it was, even once it fails on its own', () => {
    const notAsked = afterNotAsked(healthy, sportFeed, new Date('2026-12-01T11:00:00Z'));
    expect(allFailingSince(sources(notAsked), now)).toBe('2026-12-01T11:30:00Z');
    expect(allFailingSince(sources(afterFailure(notAsked, sportFeed, 'answered 500', undefined, new Date('2026-12-01T12:30:00Z'))), now)).toBe('2026-12-01T11:30:00Z');
    expect(allFailingSince(sources(afterNotAsked(healthy, sportFeed, new Date('2026-12-01T12:30:00Z'))), now)).toBeUndefined();
  });

  it('does not count a feed as unasked for the time its old address was, once its feed: line names another', () => {
    const newFeed = 'https://sport.a.example/rss.xml';
    const oldNotAsked = afterNotAsked(healthy, sportFeed, new Date('2026-12-01T11:00:00Z'));
    expect(allFailingSince(sources(oldNotAsked, newFeed), now)).toBeUndefined();
    // Left unasked, or failing, at the new address: counted from then, not from the old address's first run unasked.
    expect(afterNotAsked(oldNotAsked, newFeed, new Date('2026-12-01T12:30:00Z'))).toMatchObject({ notAskedSince: '2026-12-01T12:30:00Z', notAskedFor: newFeed });
    const failedAtNew = afterFailure(oldNotAsked, newFeed, 'answered 500', undefined, new Date('2026-12-01T12:30:00Z'));
    expect(failedAtNew.notAskedSince).toBeUndefined();
    expect(allFailingSince(sources(failedAtNew, newFeed), now)).toBeUndefined();
  });

  it('does not count a feed as failing for the time its old address failed, once its feed: line names another', () => {
    const newFeed = 'https://sport.a.example/rss.xml';
    const oldFailing = afterFailure(healthy, sportFeed, 'answered 404', undefined, new Date('2026-12-01T10:00:00Z'));
    // The new address is left unasked behind its host's silence: it has been so for half an hour, not failing for three.
    const newNotAsked = afterNotAsked(oldFailing, newFeed, new Date('2026-12-01T12:30:00Z'));
    expect(allFailingSince(sources(newNotAsked, newFeed), now)).toBeUndefined();
    expect(needsAttention([{ id: 'sport', name: 'Sport', feed: newFeed, state: newNotAsked }], new Date('2026-12-02T11:00:00Z'))).toEqual([]);
    expect(needsAttention([{ id: 'sport', name: 'Sport', feed: sportFeed, state: newNotAsked }], new Date('2026-12-02T11:00:00Z'))).toMatchObject([{ reason: 'failing', since: '2026-12-01T10:00:00Z' }]);
  });
});
