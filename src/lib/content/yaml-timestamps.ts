/**
 * YAML timestamps as the schema judges them: by the day as written. js-yaml builds each timestamp as an instant, which
 * loses the zone it was written in (so `1899-12-31T23:00:00Z` would pass as 1900 somewhere) and, through Date.UTC,
 * takes the years 0000-0099 for 1900-1999 (so `0050-01-01` would pass as 1950). A timestamp written before the earliest
 * year stays text, which the schema refuses by that year, quoting it as the editor wrote it.
 */
import yaml from 'js-yaml';
import { isCalendarDay } from './calendar-day.ts';
import { EARLIEST_YEAR } from './field-limits.ts';

/** js-yaml's timestamp forms: a date, or a date-time with an optional fraction and zone. */
const TIMESTAMP = /^(\d{4})-(\d\d?)-(\d\d?)(?:(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.(\d*))?(?:[ \t]*(?:Z|([-+])(\d\d?)(?::(\d\d))?))?)?$/;

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
 * The zone a date-time is written with, as written (`Z`, `+09:00`), or null for one written without (read as UTC);
 * undefined for a date alone or anything that is no timestamp.
 */
export function writtenZone(text: string): string | null | undefined {
  const match = TIMESTAMP.exec(text.trim());
  if (!match?.[4]) return undefined;
  const zone = /(?:Z|[-+]\d\d?(?::\d\d)?)$/.exec(text.trim());
  return zone ? zone[0] : null;
}

/**
 * A timestamp constructor that leaves a timestamp written before EARLIEST_YEAR, or with a part out of range, as text,
 * which the schema then refuses as too early or as not a date; every other timestamp goes to `construct`.
 */
export function withWrittenYears(construct: (data: string) => unknown): (data: string) => unknown {
  return (data) => (isTimestampInRange(data) && Number(data.slice(0, 4)) >= EARLIEST_YEAR ? construct(data) : data);
}

/** js-yaml's own timestamp type, shared by its default schema (exported at run time, missing from its typings). */
export const yamlTimestampType = (yaml as typeof yaml & { types: { timestamp: yaml.Type } }).types.timestamp;
const timestamp = yamlTimestampType;

/** js-yaml's default schema with timestamps judged by the year written: what the article parser loads front matter with. */
export const ARTICLE_YAML_SCHEMA = yaml.DEFAULT_SCHEMA.extend({
  implicit: [
    new yaml.Type('tag:yaml.org,2002:timestamp', {
      kind: 'scalar',
      resolve: timestamp.resolve,
      construct: withWrittenYears(timestamp.construct),
      instanceOf: Date,
      represent: timestamp.represent ?? undefined,
    }),
  ],
});
