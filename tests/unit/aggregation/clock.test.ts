import { describe, expect, it } from 'vitest';
import { needsAttention } from '../../../src/lib/aggregation/attention.ts';
import { stateAtClock } from '../../../src/lib/aggregation/clock.ts';
import { noteHostRest, restingBecause, type HostRests } from '../../../src/lib/aggregation/host-rest.ts';
import { formatReportMarkdown, formatReportText, summarizeRun } from '../../../src/lib/aggregation/report.ts';
import { afterFailure, afterNotAsked, afterSuccess, backingOffUntil } from '../../../src/lib/aggregation/source-state.ts';
import { emptyState, type AggregationState } from '../../../src/lib/aggregation/state.ts';

const feed = 'https://wire.example/feed.xml';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** The real time of the run whose clock was wrong, and of the next, half an hour later, whose clock is right. */
const real = Date.parse('2026-12-01T12:00:00Z');
const at = (ms: number) => new Date(ms);
const right = at(real + HOUR / 2);

function stateWith(source: AggregationState['sources'][string], hosts?: HostRests): AggregationState {
  return { ...emptyState(), sources: { wire: source }, ...(hosts ? { hosts } : {}) };
}

describe('a state written by a run whose clock was ahead, read by one whose clock is right', () => {
  it('counts a failure that began at that run from this run, so it needs attention a day on, not when that clock comes round', () => {
    const ahead = at(real + 100 * DAY);
    const failing = afterFailure(undefined, feed, `${feed} answered 500`, undefined, ahead);
    const { state } = stateAtClock(stateWith(afterFailure(failing, feed, `${feed} answered 500`, undefined, right)), right);
    expect(state.sources.wire!.failingSince).toBe('2026-12-01T12:30:00Z');
    const sources = [{ id: 'wire', name: 'Wire', feed, state: state.sources.wire }];
    expect(needsAttention(sources, at(real + HOUR / 2 + DAY))).toMatchObject([{ reason: 'failing', since: '2026-12-01T12:30:00Z' }]);
  });

  it('counts nothing new from this run when that run read the last new version, not from a time to come', () => {
    const ahead = at(real + 100 * DAY);
    const read = afterSuccess(undefined, { feedUrl: feed, validators: {}, newVersion: true, seen: [] }, ahead);
    const { state } = stateAtClock(stateWith(read), right);
    expect(state.sources.wire!.lastSuccess).toBe('2026-12-01T12:30:00Z');
    expect(needsAttention([{ id: 'wire', name: 'Wire', feed, state: state.sources.wire }], at(real + HOUR / 2 + 30 * DAY))).toMatchObject([{ reason: 'nothing-new', since: '2026-12-01T12:30:00Z' }]);
  });

  it('backs off from this run as long as that run meant, not for as long as its clock was ahead besides', () => {
    const ahead = at(real + 3 * DAY);
    const twice = afterFailure(afterFailure(undefined, feed, 'answered 500', undefined, ahead), feed, 'answered 500', undefined, ahead);
    // Within a week, so taken as a Retry-After could have set it: three days and a half hour from the right clock.
    expect(backingOffUntil(twice, feed, right)).toBeDefined();
    const { state } = stateAtClock(stateWith(twice), right);
    expect(backingOffUntil(state.sources.wire, feed, right)).toEqual(at(real + HOUR));
  });

  it('rests a host from this run as long as its Retry-After asked at that run, not for as long as that clock was ahead', () => {
    const ahead = at(real + 12 * HOUR);
    const rests: HostRests = {};
    noteHostRest(rests, feed, feed, 503, at(real + 13 * HOUR), ahead);
    expect(restingBecause(rests, 'https://wire.example/other.xml', at(real + 2 * HOUR))).toBeDefined();
    const { state, ahead: found } = stateAtClock(stateWith(afterNotAsked(undefined, feed, ahead), rests), right);
    expect(restingBecause(state.hosts, 'https://wire.example/other.xml', at(real + 2 * HOUR))).toBeUndefined();
    expect(state.hosts!['wire.example']).toMatchObject({ at: '2026-12-01T12:30:00Z', until: '2026-12-01T13:30:00Z' });
    expect(state.sources.wire!.notAskedSince).toBe('2026-12-01T12:30:00Z');
    expect(found).toEqual({ aheadMs: 12 * HOUR - HOUR / 2, sources: 1, hosts: 1 });
  });

  it('leaves a state with nothing ahead of the clock as it was, the same object', () => {
    const stored = stateWith(afterFailure(undefined, feed, 'answered 500', undefined, at(real)));
    expect(stateAtClock(stored, right)).toEqual({ state: stored });
    expect(stateAtClock(stored, right).state).toBe(stored);
  });

  it('says so in the report, once, in words, as far ahead as the furthest', () => {
    const report = summarizeRun([], false, [], undefined, { aheadMs: 100 * DAY - HOUR / 2, sources: 2, hosts: 1 });
    const line = "the state held times up to 99 days ahead of this run's clock, for 2 sources and 1 host resting: an earlier run's clock was ahead, or this machine's is behind; they were taken as this run's time, so that no failure, back-off or rest waits for that clock; check the clock of the machine that ran it.";
    expect(formatReportText(report).split('\n').filter((text) => text.startsWith('Clock:'))).toEqual([`Clock: ${line}`]);
    expect(formatReportMarkdown(report)).toContain(`**Clock:** ${line}`);
    expect(formatReportText(summarizeRun([], false))).not.toContain('Clock:');
  });
});
