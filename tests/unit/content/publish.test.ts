import { describe, expect, it } from 'vitest';
import { isPublished, publishInstant, unpublishedReason } from '../../../src/lib/content/publish.ts';
import { parseDate } from '../../../src/lib/content/parse-date.ts';

const now = new Date('2026-11-25T12:00:00Z');
const article = (publishedAt: string, draft = false) => ({ publishedAt: parseDate(publishedAt)!, draft });

describe('publishing', () => {
  it('publishes an article dated in the past', () => {
    expect(isPublished(article('2026-11-24'), now)).toBe(true);
    expect(unpublishedReason(article('2026-11-24'), now)).toBeUndefined();
  });

  it('never publishes a draft, however old', () => {
    expect(isPublished(article('2020-01-01', true), now)).toBe(false);
    expect(unpublishedReason(article('2020-01-01', true), now)).toBe('draft');
  });

  it('calls a future-dated draft a draft, not scheduled', () => {
    expect(unpublishedReason(article('2030-01-01', true), now)).toBe('draft');
  });

  it('holds back an article dated in the future until a build after its instant', () => {
    expect(isPublished(article('2026-11-25T12:00:01Z'), now)).toBe(false);
    expect(unpublishedReason(article('2026-11-25T12:00:01Z'), now)).toBe('scheduled');
  });

  it('publishes at the exact instant', () => {
    expect(isPublished(article('2026-11-25T12:00:00Z'), now)).toBe(true);
    expect(isPublished(article('2026-11-25T12:00:00.001Z'), now)).toBe(false);
  });

  it('compares instants, so offsets are honoured: 09:00 in Tokyo is 00:00Z', () => {
    const tokyoMorning = article('2026-11-25T09:00:00+09:00');
    expect(isPublished(tokyoMorning, new Date('2026-11-24T23:59:59.999Z'))).toBe(false);
    expect(isPublished(tokyoMorning, new Date('2026-11-25T00:00:00Z'))).toBe(true);
    // 20:00 in Tokyo is 11:00Z: out by noon UTC, although 20:00 read as UTC would still be hours away.
    expect(isPublished(article('2026-11-25T20:00:00+09:00'), now)).toBe(true);
    // 09:00 in New York is 14:00Z: still waiting at noon UTC.
    expect(isPublished(article('2026-11-25T09:00:00-05:00'), now)).toBe(false);
  });

  it('reads a date without a time as midnight UTC', () => {
    expect(isPublished(article('2026-11-25'), new Date('2026-11-24T23:59:59Z'))).toBe(false);
    expect(isPublished(article('2026-11-25'), new Date('2026-11-25T00:00:00Z'))).toBe(true);
  });
});

describe('the instant a build publishes up to', () => {
  it('is NEWSDESK_NOW when given, the clock otherwise', () => {
    expect(publishInstant('2026-12-01T09:00:00Z')).toEqual(new Date('2026-12-01T09:00:00Z'));
    expect(publishInstant(undefined, () => now)).toBe(now);
    expect(publishInstant('', () => now)).toBe(now);
  });

  it('refuses a value that is not a date, instead of publishing nothing', () => {
    expect(() => publishInstant('next tuesday')).toThrow('NEWSDESK_NOW="next tuesday" is not a date; use an ISO-8601 instant such as 2026-12-01T09:00:00Z');
  });

  it('refuses a number or a day that does not exist, which would be read as another date, and reads a time without a zone as UTC, as front matter does', () => {
    for (const bad of ['0', '1', '12', '2026', 'Dec 1 2026', '2026-02-30']) {
      expect(() => publishInstant(bad), bad).toThrow(`NEWSDESK_NOW="${bad}" is not a date; use an ISO-8601 instant such as 2026-12-01T09:00:00Z`);
    }
    expect(publishInstant('2026-12-01')).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(publishInstant('2026-12-01T09:00')).toEqual(new Date('2026-12-01T09:00:00Z'));
    expect(publishInstant('2026-12-01T09:00:00+02:00')).toEqual(new Date('2026-12-01T07:00:00Z'));
  });
});
