/**
 * Dates as front matter and the settings write them, in a module of their own: a tool that reads only a setting
 * (the search index's step waiting beside Pagefind) does not load the article schema and what it brings.
 */
import { isCalendarDay } from './calendar-day.ts';

/** Accepts YAML dates and ISO-8601 strings; a date-time without an offset is read as UTC so builds never depend on the machine's zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

export function parseDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (!isCalendarDay(year, month, day)) return undefined;
  const hasTime = text.length > 10;
  const date = new Date(hasTime && !match[1] ? `${text.replace(' ', 'T')}Z` : text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
