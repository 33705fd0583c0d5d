import { describe, expect, it } from 'vitest';
import { backoffUntil, parseRetryAfter } from '../../../src/lib/aggregation/schedule.ts';

const now = new Date('2026-12-01T12:00:00Z');
const minutes = (date: Date | undefined) => (date!.getTime() - now.getTime()) / 60_000;

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toEqual(new Date('2026-12-01T12:02:00Z'));
    expect(parseRetryAfter('Tue, 01 Dec 2026 14:30:00 GMT', now)).toEqual(new Date('2026-12-01T14:30:00Z'));
  });

  it('ignores what it cannot read, never goes back in time, and caps absurd waits at a week', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('Mon, 30 Nov 2026 10:00:00 GMT', now)).toEqual(now);
    expect(minutes(parseRetryAfter('99999999', now))).toBe(7 * 24 * 60);
  });
});

describe('backoffUntil', () => {
  it('waits for the next run after one failure, then doubles from 30 minutes up to a day', () => {
    expect(backoffUntil(1, now)).toBeUndefined();
    expect([2, 3, 4, 5, 6, 7, 8, 20].map((failures) => minutes(backoffUntil(failures, now)))).toEqual([30, 60, 120, 240, 480, 960, 1440, 1440]);
  });
});
