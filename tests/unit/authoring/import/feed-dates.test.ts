import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../../src/lib/authoring/import/feed-dates.ts';

describe('parseFeedDate', () => {
  it('reads RFC 822 and ISO 8601 dates, treating zone-less times as UTC', () => {
    expect(parseFeedDate('Mon, 11 May 2026 14:05:00 +0200')?.toISOString()).toBe('2026-05-11T12:05:00.000Z');
    expect(parseFeedDate('Mon, 11 May 2026 14:05:00 EST')?.toISOString()).toBe('2026-05-11T19:05:00.000Z');
    expect(parseFeedDate('Mon, 11 May 2026 14:05:00')?.toISOString()).toBe('2026-05-11T14:05:00.000Z');
    expect(parseFeedDate('2026-05-11T14:05:00')?.toISOString()).toBe('2026-05-11T14:05:00.000Z');
    expect(parseFeedDate('2026-05-11T14:05:00-04:00')?.toISOString()).toBe('2026-05-11T18:05:00.000Z');
    expect(parseFeedDate('2026-05-11')?.toISOString()).toBe('2026-05-11T00:00:00.000Z');
  });

  it('rejects what is not a date', () => {
    expect(parseFeedDate('soon')).toBeUndefined();
    expect(parseFeedDate('')).toBeUndefined();
    expect(parseFeedDate(undefined)).toBeUndefined();
  });

  it('reads a date at or before the Unix epoch as no date: it is a missing timestamp printed as a date', () => {
    expect(parseFeedDate('Thu, 01 Jan 1970 00:00:00 GMT')).toBeUndefined();
    expect(parseFeedDate('1960-11-30T00:00:00Z')).toBeUndefined();
    expect(parseFeedDate('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(parseFeedDate('Thu, 01 Jan 1970 00:00:01 GMT')?.toISOString()).toBe('1970-01-01T00:00:01.000Z');
  });
});
