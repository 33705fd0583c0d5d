/**
 * A refused date written again in the form the schema reads, when its reading is certain: `2026-11-5` (a digit
 * short) as 2026-11-05, `20261105` (ISO's basic form, which YAML reads as a number) and `2026/11/05` or `2026.11.05`
 * (year first, so month before day) as 2026-11-05, and a time followed by a time zone's name (`Europe/Berlin`, `UTC`) with the zone's offset
 * at that moment, which Intl knows. A day written with digits only (`05/12/2026`) is May or December by country:
 * it gets both readings, or the one that is a day (`31/12/2026`).
 */
import { isCalendarDay } from './calendar-day.ts';

const SHORT_DIGITS = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/i;
const BASIC_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const NAMED_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)\s*([A-Za-z][A-Za-z_+-]*(?:\/[A-Za-z_+-]+)*)$/;

/** Two numbers and a four-digit year, with the same `/`, `.` or `-` between them. */
const DIGITS_ONLY_DAY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

const two = (digits: string) => digits.padStart(2, '0');

/**
 * The ISO days `05/12/2026` may stand for: the day first (2026-12-05), then the month first (2026-05-12); only
 * those that exist, and one when both are the same day. Empty for any other text.
 */
export function digitsOnlyDayReadings(text: string): string[] {
  const match = DIGITS_ONLY_DAY.exec(text.trim());
  if (!match) return [];
  const [, first, , second, year] = match as unknown as [string, string, string, string, string];
  const readings = [
    [second, first],
    [first, second],
  ].filter(([month, day]) => isCalendarDay(Number(year), Number(month), Number(day)));
  return [...new Set(readings.map(([month, day]) => `${year}-${two(month!)}-${two(day!)}`))];
}

/** `text` as the schema would read it, or undefined when there is no certain reading. */
export function dateWrittenAgain(text: string): string | undefined {
  const short = SHORT_DIGITS.exec(text.trim().replace(BASIC_DAY, '$1-$2-$3'));
  if (short) {
    const [, year, , month, day, hour, minute, second = '00'] = short;
    if (!isCalendarDay(Number(year), Number(month), Number(day))) return undefined;
    const date = `${year}-${two(month!)}-${two(day!)}`;
    return hour === undefined ? date : Number(hour) < 24 ? `${date}T${two(hour)}:${minute}:${second}Z` : undefined;
  }
  const named = NAMED_ZONE.exec(text.trim());
  if (!named) return undefined;
  const [, date, time, zone] = named;
  const local = `${date}T${time!.length === 5 ? `${time}:00` : time}`;
  const offset = zoneOffset(local, zone!);
  return offset === undefined ? undefined : `${local}${offset}`;
}

/** The offset (`+01:00`, or `Z`) the zone had at the local time `local`, or undefined for a name Intl does not know. */
function zoneOffset(local: string, zone: string): string | undefined {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  } catch {
    return undefined;
  }
  const asUtc = Date.parse(`${local}Z`);
  if (Number.isNaN(asUtc)) return undefined;
  const offsetAt = (instant: number) => format.formatToParts(instant).find((part) => part.type === 'timeZoneName')!.value.replace(/^GMT/, '');
  const minutesOf = (offset: string) => (offset === '' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))));
  // The offset at the instant the local time would be in UTC, then at the instant it is: right on both sides of a change.
  const offset = offsetAt(asUtc - minutesOf(offsetAt(asUtc)) * 60_000);
  return offset === '' ? 'Z' : offset;
}
