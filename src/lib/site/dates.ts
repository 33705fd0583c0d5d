/** Date display in the site's configured time zone; machine-readable values stay ISO-8601 instants. */
import type { ArticleDate } from '../content/written-dates.ts';

export interface DateFormatter {
  /** "Nov 24, 2026" in the site's zone; a day written alone, as written, in any zone. */
  date(value: ArticleDate): string;
  /**
   * "Nov 24, 2026, 9:30 AM UTC", for the article header's title attribute; a day written alone, which is read as its
   * midnight in UTC, has no time to show and is its date alone.
   */
  dateTime(value: ArticleDate): string;
  /** "Nov 24, 2026, 9:30 AM UTC" always, even at midnight in UTC: when the moment itself matters (a scheduled piece's). */
  instant(value: Date): string;
  /** Whether two dates fall on one calendar day in the site's zone, where their dates alone would read the same. */
  sameDay(a: ArticleDate, b: ArticleDate): boolean;
  /** "2026-11-24": the day the pages show, written as front matter writes days, for the tools' tables. */
  isoDay(value: ArticleDate): string;
}

export function createDateFormatter(locale: string, timeZone: string): DateFormatter {
  const date = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' });
  // A day written alone is read as its midnight in UTC, which west of UTC falls on the day before: it shows as written.
  const writtenDate = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  const formatDay = once((value: Date) => writtenDate.format(value));
  const formatZonedDate = once((value: Date) => date.format(value));
  const formatDate = ({ at, dayAlone }: ArticleDate) => (dayAlone ? formatDay : formatZonedDate)(at);
  const formatInstant = once((value: Date) => dateTime.format(value));
  const day = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return {
    date: formatDate,
    dateTime: (value) => (value.dayAlone ? formatDay(value.at) : formatInstant(value.at)),
    instant: formatInstant,
    sameDay: (a, b) => formatDate(a) === formatDate(b),
    isoDay: ({ at, dayAlone }) => {
      if (dayAlone) return at.toISOString().slice(0, 10);
      const parts = Object.fromEntries(day.formatToParts(at).map((part) => [part.type, part.value]));
      return `${parts.year}-${parts.month}-${parts.day}`;
    },
  };
}

/** An article's dates show on a dozen pages (its own, listings, related lists): each instant is formatted once. */
function once(format: (value: Date) => string): (value: Date) => string {
  const formatted = new Map<number, string>();
  return (value) => {
    const instant = value.getTime();
    let text = formatted.get(instant);
    if (text === undefined) formatted.set(instant, (text = format(value)));
    return text;
  };
}
