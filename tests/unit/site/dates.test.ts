import { describe, expect, it } from 'vitest';
import { createDateFormatter } from '../../../src/lib/site/dates.ts';

/** An instant written with its time, and a day written alone (`2026-11-22`), as articles give them. */
const at = (text: string) => ({ at: new Date(text), dayAlone: false });
const day = (text: string) => ({ at: new Date(text), dayAlone: true });

describe('dates in the site zone', () => {
  const utc = createDateFormatter('en-US', 'UTC');
  const tokyo = createDateFormatter('en-US', 'Asia/Tokyo');
  const morning = at('2026-11-29T04:30:00Z');
  const noon = at('2026-11-29T12:00:00Z');
  const nextDay = at('2026-11-30T00:30:00Z');

  it('shows the date, and the date with the time and zone', () => {
    expect(utc.date(morning)).toBe('Nov 29, 2026');
    expect(utc.dateTime(noon)).toBe('Nov 29, 2026, 12:00 PM UTC');
  });

  it('gives a date written without a time as the date alone, not a midnight no one wrote', () => {
    expect(utc.dateTime(day('2026-11-22'))).toBe('Nov 22, 2026');
    expect(tokyo.dateTime(day('2026-11-22'))).toBe('Nov 22, 2026');
    expect(utc.dateTime(at('2026-11-22T00:00:01Z'))).toBe('Nov 22, 2026, 12:00 AM UTC');
  });

  it('shows a date written without a time as written, in a zone west of UTC too, where its midnight in UTC is the day before', () => {
    const newYork = createDateFormatter('en-US', 'America/New_York');
    expect(newYork.date(day('2026-11-22'))).toBe('Nov 22, 2026');
    expect(newYork.dateTime(day('2026-11-22'))).toBe('Nov 22, 2026');
    expect(newYork.isoDay(day('2026-11-22'))).toBe('2026-11-22');
    expect(newYork.sameDay(day('2026-11-22'), at('2026-11-22T15:00:00Z'))).toBe(true);
    expect(newYork.date(at('2026-11-22T03:00:00Z'))).toBe('Nov 21, 2026');
  });

  it('gives a time written at midnight in UTC its time, and west of UTC its own day', () => {
    const newYork = createDateFormatter('en-US', 'America/New_York');
    // 2026-12-01T19:00:00-05:00 is 2026-12-02T00:00:00Z.
    expect(newYork.date(at('2026-12-01T19:00:00-05:00'))).toBe('Dec 1, 2026');
    expect(newYork.dateTime(at('2026-12-01T19:00:00-05:00'))).toBe('Dec 1, 2026, 7:00 PM EST');
    expect(newYork.isoDay(at('2026-12-02T00:00:00Z'))).toBe('2026-12-01');
    expect(utc.dateTime(at('2026-12-02T00:00:00Z'))).toBe('Dec 2, 2026, 12:00 AM UTC');
    expect(newYork.sameDay(at('2026-12-02T00:00:00Z'), day('2026-12-02'))).toBe(false);
  });

  it('gives an instant its time always, midnight in UTC too, where the moment matters', () => {
    expect(utc.instant(new Date('2026-11-22'))).toBe('Nov 22, 2026, 12:00 AM UTC');
    expect(tokyo.instant(new Date('2026-11-22'))).toBe('Nov 22, 2026, 9:00 AM GMT+9');
  });

  it('tells two instants of one day in the zone from two days', () => {
    expect(utc.sameDay(morning, noon)).toBe(true);
    expect(utc.sameDay(noon, nextDay)).toBe(false);
  });

  it('judges the day in the zone, not in UTC', () => {
    // In Tokyo, 12:00 UTC is 21:00 on the 29th and 00:30 UTC on the 30th is 09:30 on the 30th; 15:30 UTC on the 29th is already the 30th there.
    expect(tokyo.sameDay(noon, nextDay)).toBe(false);
    expect(tokyo.sameDay(morning, noon)).toBe(true);
    expect(tokyo.sameDay(at('2026-11-29T15:30:00Z'), nextDay)).toBe(true);
    expect(utc.sameDay(at('2026-11-29T15:30:00Z'), nextDay)).toBe(false);
  });

  it('writes the day in the zone as front matter writes days, for the tools', () => {
    expect(tokyo.isoDay(at('2026-11-29T15:30:00Z'))).toBe('2026-11-30');
    expect(utc.isoDay(at('2026-11-29T15:30:00Z'))).toBe('2026-11-29');
    expect(createDateFormatter('en-US', 'America/Los_Angeles').isoDay(at('2026-01-01T07:59:00Z'))).toBe('2025-12-31');
  });
});
