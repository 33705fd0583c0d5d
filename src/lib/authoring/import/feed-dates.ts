/** Dates as feeds write them (ISO 8601 or RFC 822, sometimes without a zone), read as instants. */
import { isCalendarDay } from '../../content/calendar-day.ts';
import { parseDate } from '../../content/parse-date.ts';

const HAS_ZONE = /(?:[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT)[+-]\d{1,2}(?::\d{2})?|\b(?:GMT|UTC|UT|Z|[ECMP][SD]T)\b)\s*$/i;
/** A trailing comment, as RFC 822 allows and Date.toString() writes ("GMT+0200 (Central European Standard Time)"). */
const COMMENT = /\s*\([^()]*\)$/;

/**
 * Zones feeds write beyond RFC 822's (UT, GMT, Z and the US zones EST to PDT, which Date() reads itself), as offsets.
 * Only abbreviations with one meaning in feeds are here: IST (India, Ireland, Israel), AST (Atlantic, Arabia) and CST
 * as China's are not, since a guess would be hours wrong; CST stays RFC 822's US Central. BST is British Summer Time:
 * Bangladesh writes +06:00 or BDT in the feeds it publishes. A date in a zone that is not read counts as no date.
 */
const ZONE_OFFSETS: Readonly<Record<string, string>> = {
  WET: '+0000',
  WEST: '+0100',
  BST: '+0100',
  CET: '+0100',
  CEST: '+0200',
  EET: '+0200',
  EEST: '+0300',
  HKT: '+0800',
  SGT: '+0800',
  AWST: '+0800',
  JST: '+0900',
  KST: '+0900',
  ACST: '+0930',
  ACDT: '+1030',
  AEST: '+1000',
  AEDT: '+1100',
  NZST: '+1200',
  NZDT: '+1300',
  HST: '-1000',
  AKST: '-0900',
  AKDT: '-0800',
};
const ZONE_ABBREVIATION = /\b([a-z]{3,4})\s*$/i;

/** The text with a trailing zone abbreviation from ZONE_OFFSETS written as its offset, which Date() reads. */
function withOffset(text: string): string {
  return text.replace(ZONE_ABBREVIATION, (abbreviation, name: string) => ZONE_OFFSETS[name.toUpperCase()] ?? abbreviation);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** 31 Nov 2026 (RFC 822) and Nov 31, 2026 (as JavaScript's Date.toString() and some feeds print it). */
const NAMED_MONTH_DAYS = [
  /\b(?<day>\d{1,2})[\s-]+(?<month>[a-z]{3})[a-z]*\.?[\s-]+(?<year>\d{4}|\d{2})\b/i,
  /\b(?<month>[a-z]{3})[a-z]*\.?\s+(?<day>\d{1,2}),?\s+(?<year>\d{4})\b/i,
];

/** The year, month (1-12) and day a date string writes, in the forms Date() reads; undefined for other text. */
function writtenDay(text: string): [number, number, number] | undefined {
  const numeric = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(text);
  if (numeric) return [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  const named = NAMED_MONTH_DAYS.map((pattern) => pattern.exec(text)?.groups).find((groups) => groups !== undefined);
  const month = MONTHS.indexOf(named?.month?.toLowerCase() ?? '') + 1;
  if (!named || !month) return undefined;
  const year = Number(named.year);
  // Two-digit years as RFC 2822 reads them (and Date() does): 00-49 are 2000-2049, 50-99 are 1950-1999.
  return [named.year!.length === 2 ? year + (year < 50 ? 2000 : 1900) : year, month, Number(named.day)];
}

/**
 * Months as some publishers' software writes them in its own language in an otherwise RFC 822 date (German, French,
 * Spanish, Italian, Dutch, Portuguese: "Do, 03 Dez 2026", "jeu., 03 déc. 2026"), by their first four or three
 * letters; a month whose first three letters are English (Nov, Juni, mars) is read as English already.
 */
const LOCAL_MONTHS: Readonly<Record<string, string>> = {
  ene: 'jan', gen: 'jan', janv: 'jan', fev: 'feb', fév: 'feb', févr: 'feb', mär: 'mar', mrz: 'mar', maa: 'mar', mrt: 'mar',
  avr: 'apr', abr: 'apr', mai: 'may', mag: 'may', mei: 'may', juin: 'jun', giu: 'jun', juil: 'jul', lug: 'jul',
  ago: 'aug', aoû: 'aug', aou: 'aug', set: 'sep', okt: 'oct', ott: 'oct', out: 'oct', dez: 'dec', déc: 'dec', dic: 'dec',
};
/** An RFC 822 date whose weekday and month may be in another language: "[weekday,] day month year rest". */
const LOCAL_RFC_822 = /^(?:\p{L}+\.?,?\s+)?(\d{1,2})\.?\s+(\p{L}+)\.?\s+(\d{4}|\d{2})\b/u;

/** The date without its weekday (in whatever language), and with a month in one of LOCAL_MONTHS' languages in English. */
function withEnglishMonth(text: string): string {
  const match = LOCAL_RFC_822.exec(text);
  if (!match) return text;
  const [written, day, monthName, year] = match as unknown as [string, string, string, string];
  const name = monthName.toLowerCase();
  const english = MONTHS.includes(name.slice(0, 3)) ? name.slice(0, 3) : undefined;
  const month = english ?? [name.slice(0, 4), name.slice(0, 3)].map((start) => LOCAL_MONTHS[start]).find(Boolean);
  return month ? `${day} ${month} ${year}${text.slice(written.length)}` : text;
}

/** An ISO 8601 date and time with a space before its offset ("2026-11-30T09:00:00 +01:00", "… +01"), as some software prints it. */
const SPACED_ISO_OFFSET = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s+([+-]\d{2}(?::?\d{2})?|Z)$/i;

/**
 * A date string from a feed (ISO 8601 or RFC 822), when it names a real instant. A time without a zone is read
 * as UTC, as the schema does, so an import never depends on the machine's time zone. A date at or before the Unix
 * epoch is a missing timestamp that a publisher's software printed (1 Jan 1970, 0001-01-01), not when a story ran.
 * A day the calendar lacks (31 November) is no date either: Date() would roll it over to a day the feed never gave.
 */
export function parseFeedDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  // Without its comment, the zone before it is seen, so the time is not read as UTC.
  const text = withOffset(withEnglishMonth(value.trim().replace(COMMENT, ''))).replace(SPACED_ISO_OFFSET, (_, dateTime: string, offset: string) => dateTime + (offset.length === 3 ? `${offset}:00` : offset));
  const written = writtenDay(text);
  if (written && !isCalendarDay(...written)) return undefined;
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
