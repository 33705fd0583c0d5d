/**
 * Whether an article's dates were written with a time of day. YAML reads `2026-12-01` and `2026-12-02T00:00:00Z` as
 * one instant, midnight in UTC; only the front matter's text tells a day written alone from a time that falls there.
 */
import { writtenPlainValue } from './front-matter-lines.ts';

/** The front-matter fields that hold a date. */
export const DATE_FIELDS = ['publishedAt', 'updatedAt'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/** A date as an article gives it: its instant, and whether the editor wrote the day alone (read as its midnight in UTC). */
export interface ArticleDate {
  readonly at: Date;
  readonly dayAlone: boolean;
}

/** Article data after the schema: `dayAlone` names the date fields written without a time. */
export interface DatedData {
  publishedAt: Date;
  updatedAt?: Date;
  dayAlone?: Partial<Record<DateField, true>>;
}

/** The article's `field`, with what the editor wrote: for its pages, feeds' dates and messages. */
export function articleDate(data: DatedData, field: 'publishedAt'): ArticleDate;
export function articleDate(data: DatedData, field: DateField): ArticleDate | undefined;
export function articleDate(data: DatedData, field: DateField): ArticleDate | undefined {
  const at = data[field];
  return at && { at, dayAlone: data.dayAlone?.[field] === true };
}

/** A day written alone, `2026-12-01`: the one rule for "no time was written". */
export function isWrittenDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
}

/** A Date at midnight in UTC: all YAML makes of a day written alone, and of a time written there. */
export const isUtcMidnight = (value: unknown): value is Date => value instanceof Date && value.getTime() % 86_400_000 === 0;

/**
 * The front matter's values with each date field written as a day alone, which YAML read as an instant, given back
 * as that day's text (`2026-12-01`), as it would be had the editor quoted it: the schema then knows no time was
 * written. A time written at midnight in UTC (`2026-12-01T19:00:00-05:00`) stays the instant it is. The text is read
 * again only when a date field is a midnight in UTC.
 */
export function withDatesAsWritten<Data extends Record<string, unknown>>(data: Data, frontMatter: string): Data {
  const fields = DATE_FIELDS.filter((field) => isUtcMidnight(data[field]));
  if (fields.length === 0) return data;
  const copy: Record<string, unknown> = { ...data };
  for (const field of fields) {
    const text = writtenPlainValue(frontMatter, field);
    if (isWrittenDay(text)) copy[field] = text.trim();
  }
  return copy as Data;
}
