import { describe, expect, it } from 'vitest';
import { firstDate, parseFeedDate } from '../../../../src/lib/authoring/import/feed-dates.ts';

describe('parseFeedDate', () => {
  it('reads RFC 822 and ISO 8601 dates, treating zone-less times as UTC', () => {
    expect(parseFeedDate('Mon, 11 May 2026 14:05:00 +0200')?.toISOString()).toBe('2026-05-11T12:05:00.000Z');
    expect(parseFeedDate('Mon, 11 May 2026 14:05:00 EST')?.toISOString()).toBe('2026-05-11T19:05:00.000Z');
    expect(parseFeedDate('Mon, 11 May 2026 14:05:00')?.toISOString()).toBe('2026-05-11T14:05:00.000Z');
    expect(parseFeedDate('2026-05-11T14:05:00')?.toISOString()).toBe('2026-05-11T14:05:00.000Z');
    expect(parseFeedDate('2026-05-11T14:05:00-04:00')?.toISOString()).toBe('2026-05-11T18:05:00.000Z');
    expect(parseFeedDate('2026-05-11')?.toISOString()).toBe('2026-05-11T00:00:00.000Z');
  });

  it('reads an RFC 822 date whose weekday and month the publisher wrote in its own language', () => {
    const read = (text: string) => parseFeedDate(text)?.toISOString();
    expect(read('Do, 03 Dez 2026 10:00:00 +0100')).toBe('2026-12-03T09:00:00.000Z');
    expect(read('Mi, 18 Mär 2026 08:00:00 +0100')).toBe('2026-03-18T07:00:00.000Z');
    expect(read('jeu., 03 déc. 2026 10:00:00 +0100')).toBe('2026-12-03T09:00:00.000Z');
    expect(read('12 septembre 2026 10:00 +0200')).toBe('2026-09-12T08:00:00.000Z');
    expect(read('mié, 05 ago 2026 10:00:00 +0200')).toBe('2026-08-05T08:00:00.000Z');
    expect(read('gio, 09 lug 2026 10:00:00 +0200')).toBe('2026-07-09T08:00:00.000Z');
    expect(read('wo, 04 mrt 2026 10:00:00 +0100')).toBe('2026-03-04T09:00:00.000Z');
    expect(read('sáb, 31 out 2026 10:00:00 -0300')).toBe('2026-10-31T13:00:00.000Z');
    expect(read('Do, 30 Nov 2026 10:00:00 +0100')).toBe('2026-11-30T09:00:00.000Z');
    // A day the calendar lacks stays no date in any language, and a word that is no month is not read as one.
    expect(read('Mo, 30 Feb 2026 10:00 +0100')).toBeUndefined();
    expect(read('Di, 31 Nov 2026 10:00 +0100')).toBeUndefined();
    expect(read('xx, 03 Foo 2026 10:00 GMT')).toBeUndefined();
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

  it('reads a day the calendar lacks as no date, never as the day Date() rolls it over to', () => {
    for (const impossible of ['Mon, 31 Nov 2026 10:00:00 GMT', 'Sat, 30 Feb 2026 10:00:00 +0000', '29 Feb 2025 10:00:00', 'Thu, 29 Feb 25 10:00:00 GMT', '2026-02-30', '2026-11-31T10:00:00+02:00', 'Tue Nov 31 2026 10:00:00 GMT+0000', 'November 31, 2026']) {
      expect(parseFeedDate(impossible), impossible).toBeUndefined();
    }
    expect(parseFeedDate('Sun, 29 Feb 2032 10:00:00 GMT')?.toISOString()).toBe('2032-02-29T10:00:00.000Z');
    expect(parseFeedDate('Mon, 30 Nov 2026 10:00:00 GMT')?.toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(parseFeedDate('Tue Dec 01 2026 10:00:00 GMT+0000')?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    // The next date the item gives is used instead, as for an unreadable one.
    expect(firstDate('Mon, 31 Nov 2026 10:00:00 GMT', '2026-11-30T09:00:00Z')?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  it('reads zone abbreviations with one meaning beyond RFC 822, and an ambiguous one as no date', () => {
    expect(parseFeedDate('Wed, 10 Jun 2026 10:00:00 CEST')?.toISOString()).toBe('2026-06-10T08:00:00.000Z');
    expect(parseFeedDate('Tue, 10 Nov 2026 10:00:00 cet')?.toISOString()).toBe('2026-11-10T09:00:00.000Z');
    expect(parseFeedDate('Wed, 10 Jun 2026 10:00:00 JST')?.toISOString()).toBe('2026-06-10T01:00:00.000Z');
    expect(parseFeedDate('Wed, 10 Jun 2026 10:00:00 KST')?.toISOString()).toBe('2026-06-10T01:00:00.000Z');
    expect(parseFeedDate('Wed, 10 Jun 2026 10:00:00 AEST')?.toISOString()).toBe('2026-06-10T00:00:00.000Z');
    expect(parseFeedDate('Tue, 10 Nov 2026 10:00:00 AEDT')?.toISOString()).toBe('2026-11-09T23:00:00.000Z');
    expect(parseFeedDate('2026-06-10 10:00:00 EEST')?.toISOString()).toBe('2026-06-10T07:00:00.000Z');
    expect(parseFeedDate('Wed, 10 Jun 2026 10:00:00 BST')?.toISOString()).toBe('2026-06-10T09:00:00.000Z');
    // RFC 822's own: CST is US Central, as the standard defines it.
    expect(parseFeedDate('Wed, 10 Jun 2026 10:00:00 CDT')?.toISOString()).toBe('2026-06-10T15:00:00.000Z');
    expect(parseFeedDate('Wed, 10 Jun 2026 10:00:00 CST')?.toISOString()).toBe('2026-06-10T16:00:00.000Z');
    for (const ambiguous of ['Wed, 10 Jun 2026 10:00:00 IST', 'Wed, 10 Jun 2026 10:00:00 AST', 'Wed, 10 Jun 2026 10:00:00 XYZT']) {
      expect(parseFeedDate(ambiguous), ambiguous).toBeUndefined();
    }
  });

  it('reads the zone before a trailing comment, and GMT with a bare offset, rather than taking the time as UTC', () => {
    expect(parseFeedDate('Tue Nov 10 2026 10:00:00 GMT+0100 (Central European Standard Time)')?.toISOString()).toBe('2026-11-10T09:00:00.000Z');
    expect(parseFeedDate('Wed, 10 Jun 2026 10:00:00 +0200 (CEST)')?.toISOString()).toBe('2026-06-10T08:00:00.000Z');
    expect(parseFeedDate('Wed, 10 Jun 2026 10:00:00 GMT+2')?.toISOString()).toBe('2026-06-10T08:00:00.000Z');
    expect(parseFeedDate('Wed, 10 Jun 2026 10:00:00 UTC-5:30')?.toISOString()).toBe('2026-06-10T15:30:00.000Z');
  });

  it('reads an ISO 8601 time with a space before its offset at that offset', () => {
    expect(parseFeedDate('2026-11-30T09:00:00 +01:00')?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(parseFeedDate('2026-11-30 09:00:00 +0100')?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(parseFeedDate('2026-11-30 09:00:00 +01')?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(parseFeedDate('2026-11-30T09:00:00.250 -05:00')?.toISOString()).toBe('2026-11-30T14:00:00.250Z');
    expect(parseFeedDate('2026-11-30T09:00 Z')?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });
});
