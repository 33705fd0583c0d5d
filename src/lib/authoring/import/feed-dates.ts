/** Dates as feeds write them (ISO 8601 or RFC 822, sometimes without a zone), read as instants. */
import { parseDate } from '../../content/schema.ts';

const HAS_ZONE = /(?:[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|Z|[ECMP][SD]T)\b)\s*$/i;

/**
 * A date string from a feed (ISO 8601 or RFC 822), when it names a real instant. A time without a zone is read
 * as UTC, as the schema does, so an import never depends on the machine's time zone. A date at or before the Unix
 * epoch is a missing timestamp that a publisher's software printed (1 Jan 1970, 0001-01-01), not when a story ran.
 */
export function parseFeedDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const text = value.trim();
  const iso = parseDate(text);
  if (iso) return afterEpoch(iso);
  for (const candidate of HAS_ZONE.test(text) ? [text] : [`${text} GMT`, text]) {
    const date = new Date(candidate);
    if (!Number.isNaN(date.getTime())) return afterEpoch(date);
  }
  return undefined;
}

function afterEpoch(date: Date): Date | undefined {
  return date.getTime() > 0 ? date : undefined;
}

/** The first of the values that is a date, as `parseFeedDate` reads it. */
export function firstDate(...values: unknown[]): Date | undefined {
  for (const value of values) {
    const date = parseFeedDate(value);
    if (date) return date;
  }
  return undefined;
}
