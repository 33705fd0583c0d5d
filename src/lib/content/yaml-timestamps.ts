/**
 * YAML timestamps with the years 0000-0099 read as written. js-yaml builds timestamps with Date.UTC, which takes
 * those years for 1900-1999, so `publishedAt: 0050-01-01` would pass the schema's earliest year as 1950.
 */
import yaml from 'js-yaml';
import { isCalendarDay } from './calendar-day.ts';

/** js-yaml's timestamp forms: a date, or a date-time with an optional fraction and zone. */
const TIMESTAMP = /^(\d{4})-(\d\d?)-(\d\d?)(?:(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.(\d*))?(?:[ \t]*(?:Z|([-+])(\d\d?)(?::(\d\d))?))?)?$/;

/** The instant a timestamp with a year below 100 stands for; undefined for any other text. */
export function earlyYearTimestamp(text: string): Date | undefined {
  const match = TIMESTAMP.exec(text);
  if (!match || Number(match[1]) >= 100) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', sign, zoneHours = '0', zoneMinutes = '0'] = match;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour), Number(minute), Number(second), Number(fraction.slice(0, 3).padEnd(3, '0')));
  const offset = (Number(zoneHours) * 60 + Number(zoneMinutes)) * 60_000;
  return sign ? new Date(date.getTime() - (sign === '-' ? -offset : offset)) : date;
}

/**
 * Whether each part of a timestamp is in its range: js-yaml's Date.UTC rolls `2026-02-30` over to 2 March and
 * `T25:61` into the next day, where the editor meant some other instant.
 */
export function isTimestampInRange(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second, zoneHours, zoneMinutes] = [1, 2, 3, 4, 5, 6, 9, 10].map((group) => Number(match[group] ?? 0)) as [number, number, number, number, number, number, number, number];
  return isCalendarDay(year, month, day) && hour <= 23 && minute <= 59 && second <= 59 && zoneHours <= 23 && zoneMinutes <= 59;
}

/**
 * A timestamp constructor that reads early years as written and leaves every other timestamp to `construct`; a
 * timestamp with a part out of range stays text, which the schema then refuses as not a date.
 */
export function withEarlyYears(construct: (data: string) => unknown): (data: string) => unknown {
  return (data) => (isTimestampInRange(data) ? (earlyYearTimestamp(data) ?? construct(data)) : data);
}

/** js-yaml's own timestamp type, shared by its default schema (exported at run time, missing from its typings). */
export const yamlTimestampType = (yaml as typeof yaml & { types: { timestamp: yaml.Type } }).types.timestamp;
const timestamp = yamlTimestampType;

/** js-yaml's default schema with early years read as written: what the article parser loads front matter with. */
export const ARTICLE_YAML_SCHEMA = yaml.DEFAULT_SCHEMA.extend({
  implicit: [
    new yaml.Type('tag:yaml.org,2002:timestamp', {
      kind: 'scalar',
      resolve: timestamp.resolve,
      construct: withEarlyYears(timestamp.construct),
      instanceOf: Date,
      represent: timestamp.represent ?? undefined,
    }),
  ],
});
