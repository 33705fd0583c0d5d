import { describe, expect, it } from 'vitest';
import { dateWrittenAgain, digitsOnlyDayReadings } from '../../../src/lib/content/date-suggestion.ts';

describe('dateWrittenAgain', () => {
  it('gives a month or day written with one digit its two, with a time as UTC, as the schema reads one without offset', () => {
    expect(dateWrittenAgain('2026-11-5')).toBe('2026-11-05');
    expect(dateWrittenAgain('2026-1-05')).toBe('2026-01-05');
    expect(dateWrittenAgain('2026-11-5 9:30')).toBe('2026-11-05T09:30:00Z');
  });

  it('writes a day in ISO basic form (20261105) or year first with slashes or dots with hyphens, as YAML dates are', () => {
    expect(dateWrittenAgain('20261105')).toBe('2026-11-05');
    expect(dateWrittenAgain('2026/11/05')).toBe('2026-11-05');
    expect(dateWrittenAgain('2026.1.5')).toBe('2026-01-05');
    expect(dateWrittenAgain('2026/11/05 09:30')).toBe('2026-11-05T09:30:00Z');
  });

  it('writes a time zone name as the offset it had at that moment, summer time included', () => {
    expect(dateWrittenAgain('2026-11-05T10:00:00 Europe/Berlin')).toBe('2026-11-05T10:00:00+01:00');
    expect(dateWrittenAgain('2026-07-05 10:00 Europe/Berlin')).toBe('2026-07-05T10:00:00+02:00');
    expect(dateWrittenAgain('2026-11-05T10:00:00 America/New_York')).toBe('2026-11-05T10:00:00-05:00');
  });

  it('offers nothing where the reading is not certain or the day does not exist', () => {
    for (const text of ['05/12/2026', '2026-2-30', '20261305', '2026/11-05', '202611050', '2026/02/30', '2026-11-05T10:00:00 Mars/Olympus', '2026-11-5 25:00', 'soon']) expect(dateWrittenAgain(text), text).toBeUndefined();
  });
});

describe('digitsOnlyDayReadings', () => {
  it('reads a day written in digits day first, then month first, keeping only days that exist', () => {
    expect(digitsOnlyDayReadings('05/12/2026')).toEqual(['2026-12-05', '2026-05-12']);
    expect(digitsOnlyDayReadings(' 5.12.2026 ')).toEqual(['2026-12-05', '2026-05-12']);
    expect(digitsOnlyDayReadings('31/12/2026')).toEqual(['2026-12-31']);
    expect(digitsOnlyDayReadings('12-31-2026')).toEqual(['2026-12-31']);
    expect(digitsOnlyDayReadings('07/07/2026')).toEqual(['2026-07-07']);
  });

  it('reads nothing into a day that exists in neither order, mixed separators or a short year', () => {
    for (const text of ['31/31/2026', '30/02/2026', '05/12-2026', '05/12/26', '2026-05-12', 'soon']) expect(digitsOnlyDayReadings(text), text).toEqual([]);
  });
});
