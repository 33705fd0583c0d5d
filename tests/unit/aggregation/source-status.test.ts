import { describe, expect, it } from 'vitest';
import { FAILING_ATTENTION_MS, NOT_ASKED_ATTENTION_RUNS, NOTHING_NEW_ATTENTION_MS } from '../../../src/lib/aggregation/attention.ts';
import { formatSourcesStatus, sourcesStatus } from '../../../src/lib/aggregation/source-status.ts';
import { afterFailure, afterNotAsked, afterSuccess } from '../../../src/lib/aggregation/source-state.ts';
import { emptyState, type AggregationState, type SourceState } from '../../../src/lib/aggregation/state.ts';

const start = new Date('2026-12-01T12:00:00Z');
const after = (ms: number) => new Date(start.getTime() + ms);
const HOUR = 60 * 60 * 1000;
const feedOf = (id: string) => `https://${id}.example/feed.xml`;
const source = (id: string) => ({ id, name: id, feed: feedOf(id) });
const read = (id: string, now: Date, seen: string[] = [], extra: { freshUntil?: Date; movedTo?: string } = {}) =>
  afterSuccess(undefined, { feedUrl: feedOf(id), validators: {}, contentHash: 'abc', newVersion: true, seen, ...extra }, now);
const notFound = (id: string, previous: SourceState | undefined, now: Date) => afterFailure(previous, feedOf(id), `${feedOf(id)} answered 404 Not Found`, undefined, now, 'not-found');

function stateOf(sources: Record<string, SourceState>): AggregationState {
  return { ...emptyState(), sources };
}

/** The line `formatSourcesStatus` prints for `id`, without its indent and padding. */
function lineOf(text: string, id: string): string {
  const line = text.split('\n').find((candidate) => candidate.trimStart().startsWith(`${id} `));
  return line!.trim().slice(id.length).trim();
}

describe('npm run sources -- status', () => {
  it('reads a state written by a clock that was ahead as a run would, by its own clock: nothing failing or read in times to come', () => {
    const ahead = after(100 * 24 * HOUR);
    const status = sourcesStatus([source('chipwire'), source('pixelpost')], stateOf({ chipwire: notFound('chipwire', undefined, ahead), pixelpost: read('pixelpost', ahead) }), after(HOUR));
    expect(status.sources.map(({ failingSince, lastSuccess }) => failingSince ?? lastSuccess)).toEqual(['2026-12-01T13:00:00Z', '2026-12-01T13:00:00Z']);
  });

  it('ends with the aggregation report’s verdict when every source, on more than one host, has been failing for an hour', () => {
    const failingFor = (id: string, ms: number) => notFound(id, notFound(id, undefined, start), after(ms));
    const broken = sourcesStatus([source('chipwire'), source('pixelpost')], stateOf({ chipwire: failingFor('chipwire', HOUR), pixelpost: failingFor('pixelpost', HOUR) }), after(HOUR));
    expect(broken.allFailingSince).toBe('2026-12-01T12:00:00Z');
    // Failing for less than a day: no source needs attention yet, but the run as a whole is broken.
    expect(broken.totals['needs-attention']).toBe(0);
    expect(formatSourcesStatus(broken).split('\n').at(-1)).toBe(
      'Broken: every source has been failing since 2026-12-01 12:00 UTC: the runner\'s network or the aggregator is likelier at fault than every outlet at once; read the errors above, and check the connection.',
    );
    const oneAnswers = sourcesStatus([source('chipwire'), source('pixelpost')], stateOf({ chipwire: failingFor('chipwire', HOUR), pixelpost: read('pixelpost', start) }), after(HOUR));
    expect(oneAnswers).not.toHaveProperty('allFailingSince');
    expect(formatSourcesStatus(oneAnswers)).not.toContain('Broken:');
  });

  it('says of a source read as it should when it last read a new version and how many items it remembers', () => {
    const now = after(2 * HOUR);
    const status = sourcesStatus([source('chipwire')], stateOf({ chipwire: read('chipwire', start, ['a', 'b', 'c']) }), now);
    expect(status.sources[0]).toMatchObject({ id: 'chipwire', health: 'healthy', lastSuccess: '2026-12-01T12:00:00Z', remembered: 3 });
    const text = formatSourcesStatus(status);
    expect(lineOf(text, 'chipwire')).toBe('last new version read 2026-12-01 12:00 UTC; 3 items remembered');
    expect(text.split('\n').at(-1)).toBe('1 source: 1 healthy.');
  });

  it('says until when a source is fresh, as its server said', () => {
    const state = read('pixelpost', start, ['a'], { freshUntil: after(3 * HOUR) });
    const text = formatSourcesStatus(sourcesStatus([source('pixelpost')], stateOf({ pixelpost: state }), after(HOUR)));
    expect(lineOf(text, 'pixelpost')).toBe('fresh until 2026-12-01 15:00 UTC, as its server said; last new version read 2026-12-01 12:00 UTC; 1 item remembered');
  });

  it('says of a source failing for less than a day since when, how often, the last error and until when it backs off, without advice yet', () => {
    const state = notFound('oldwire', notFound('oldwire', read('oldwire', after(-HOUR)), start), after(HOUR));
    const status = sourcesStatus([source('oldwire')], stateOf({ oldwire: state }), after(HOUR + 10 * 60_000));
    expect(status.sources[0]).toMatchObject({ health: 'failing', failingSince: '2026-12-01T12:00:00Z', consecutiveFailures: 2 });
    const text = formatSourcesStatus(status);
    expect(lineOf(text, 'oldwire')).toMatch(
      /^failing since 2026-12-01 12:00 UTC \(2 failures in a row\): https:\/\/oldwire\.example\/feed\.xml answered 404 Not Found; backing off until 2026-12-01 13:30 UTC; last new version read 2026-12-01 11:00 UTC; 0 items remembered$/,
    );
    expect(text).toContain('1 source: 0 healthy, 1 failing for less than a day.');
    // Its back-off over, it is asked at the next run.
    const due = formatSourcesStatus(sourcesStatus([source('oldwire')], stateOf({ oldwire: state }), after(2 * HOUR)));
    expect(lineOf(due, 'oldwire')).toContain('answered 404 Not Found; the next run tries again; last new version read');
  });

  it('gives a source failing for a day the aggregation report’s words and the advice for its cause', () => {
    const state = notFound('oldwire', notFound('oldwire', read('oldwire', after(-HOUR)), start), after(FAILING_ATTENTION_MS));
    const status = sourcesStatus([source('oldwire')], stateOf({ oldwire: state }), after(FAILING_ATTENTION_MS + 10 * 60_000));
    expect(status.sources[0]).toMatchObject({ health: 'needs-attention', attention: { reason: 'failing', cause: 'not-found' } });
    expect(lineOf(formatSourcesStatus(status), 'oldwire')).toMatch(
      /^failing since 2026-12-01 12:00 UTC \(2 failures in a row\): https:\/\/oldwire\.example\/feed\.xml answered 404 Not Found; the feed is no longer at this address: find its new address on the outlet's site \(or correct a mistyped one\) and update its feed: line; backing off until 2026-12-02 12:30 UTC; last new version read 2026-12-01 11:00 UTC; 0 items remembered$/,
    );
    expect(formatSourcesStatus(status)).toContain('1 source: 0 healthy, 1 needs attention.');
  });

  it('says where a feed moved for good, and of a feed with nothing new for 30 days since when', () => {
    const moved = read('movedwire', start, [], { movedTo: 'https://new.example/feed.xml' });
    const frozen = read('frozenwire', start);
    const text = formatSourcesStatus(sourcesStatus([source('movedwire'), source('frozenwire')], stateOf({ movedwire: moved, frozenwire: frozen }), after(NOTHING_NEW_ATTENTION_MS)));
    expect(lineOf(text, 'movedwire')).toBe(
      'the feed has moved for good to https://new.example/feed.xml (a permanent redirect); update its feed: line in the registry; last new version read 2026-12-01 12:00 UTC; 0 items remembered',
    );
    expect(lineOf(text, 'frozenwire')).toBe('nothing new since 2026-12-01 12:00 UTC; the feed may have moved; 0 items remembered');
    expect(text).toContain('2 sources: 0 healthy, 2 need attention.');
  });

  it('counts the runs a feed was left unasked behind its host, as no failure until they are many', () => {
    const unasked = (runs: number) => Array.from({ length: runs }, (_, run) => after(run * HOUR)).reduce((state, now) => afterNotAsked(state, feedOf('slowwire'), now), read('slowwire', after(-HOUR)));
    const few = formatSourcesStatus(sourcesStatus([source('slowwire')], stateOf({ slowwire: unasked(2) }), after(2 * HOUR)));
    expect(lineOf(few, 'slowwire')).toBe(
      'not asked at 2 runs in a row since 2026-12-01 12:00 UTC; not a failure of this feed; the next run asks feeds left unasked first; last new version read 2026-12-01 11:00 UTC; 0 items remembered',
    );
    expect(few).toContain('1 healthy.');
    const many = formatSourcesStatus(sourcesStatus([source('slowwire')], stateOf({ slowwire: unasked(NOT_ASKED_ATTENTION_RUNS) }), after(NOT_ASKED_ATTENTION_RUNS * HOUR)));
    expect(lineOf(many, 'slowwire')).toMatch(/^not asked at 6 runs in a row since 2026-12-01 12:00 UTC, as its host timed out or refused on another of its feeds/);
    expect(many).toContain('1 needs attention.');
  });

  it('says why a feed is not asked while its host rests, as its server asked', () => {
    const state: AggregationState = {
      ...stateOf({ busywire: read('busywire', start, ['a']) }),
      hosts: { 'busywire.example': { until: '2026-12-01T18:00:00Z', status: 429, answered: feedOf('busywire'), at: '2026-12-01T13:00:00Z' } },
    };
    const line = (now: Date) => lineOf(formatSourcesStatus(sourcesStatus([source('busywire')], state, now)), 'busywire');
    expect(line(after(2 * HOUR))).toBe(
      'not asked for now: its host busywire.example answered https://busywire.example/feed.xml with 429 at 2026-12-01T13:00:00Z and asked not to be asked again before 2026-12-01T18:00:00Z (Retry-After); last new version read 2026-12-01 12:00 UTC; 1 item remembered',
    );
    expect(line(after(7 * HOUR))).toBe('last new version read 2026-12-01 12:00 UTC; 1 item remembered');
  });

  it('lists sources in registry order, a source not yet in the state as never asked, and state for ids no longer listed at the end', () => {
    const state = stateOf({ gone: read('gone', start, ['x', 'y']), chipwire: read('chipwire', start) });
    const status = sourcesStatus([source('newwire'), source('chipwire')], state, after(HOUR));
    expect(status.sources.map((entry) => [entry.id, entry.health])).toEqual([['newwire', 'never-asked'], ['chipwire', 'healthy']]);
    expect(status.unfollowed).toEqual([{ id: 'gone', remembered: 2 }]);
    const lines = formatSourcesStatus(status).split('\n');
    expect(lines.map((line) => line.trim().split(' ')[0])).toEqual(['newwire', 'chipwire', 'gone', '', '2']);
    expect(lineOf(lines.join('\n'), 'newwire')).toBe('never asked yet: the next npm run aggregate reads it');
    expect(lineOf(lines.join('\n'), 'gone')).toBe('no longer in the registry; its state is kept, so its 2 items remembered are not written again (and it resumes if the id is listed again)');
    expect(lines.at(-1)).toBe('2 sources: 1 healthy, 1 never asked; 1 source no longer followed in the state.');
  });

  it('takes every source as never asked before anything was aggregated', () => {
    const status = sourcesStatus([source('a'), source('b')], emptyState(), start);
    expect(status.totals).toEqual({ sources: 2, healthy: 0, failing: 0, 'needs-attention': 0, 'never-asked': 2, unfollowed: 0 });
    expect(formatSourcesStatus(status).split('\n').at(-1)).toBe('2 sources: 0 healthy, 2 never asked.');
  });

  it('keeps a server’s error on its own line, where no CI runner reads a command in it', () => {
    const state = afterFailure(undefined, feedOf('evil'), 'answered\n::warning::forged', undefined, start);
    const text = formatSourcesStatus(sourcesStatus([source('evil')], stateOf({ evil: state }), after(HOUR)));
    expect(text.split('\n')).toHaveLength(3);
    expect(text).not.toMatch(/^\s*::/m);
  });
});
