/** Date display in the site's configured time zone; machine-readable values stay ISO-8601 instants. */

export interface DateFormatter {
  /** "Nov 24, 2026" in the site's zone; a date written without a time, as written, in any zone. */
  date(value: Date): string;
  /**
   * "Nov 24, 2026, 9:30 AM UTC", for the article header's title attribute; a date written without a time, which is
   * read as that day's midnight in UTC, has none to show and is its date alone.
   */
  dateTime(value: Date): string;
  /** "Nov 24, 2026, 9:30 AM UTC" always, even at midnight in UTC: when the moment itself matters (a scheduled piece's). */
  instant(value: Date): string;
  /** Whether two instants fall on one calendar day in the site's zone, where their dates alone would read the same. */
  sameDay(a: Date, b: Date): boolean;
  /** "2026-11-24": the day the pages show, written as front matter writes days, for the tools' tables. */
  isoDay(value: Date): string;
}

export function createDateFormatter(locale: string, timeZone: string): DateFormatter {
  const date = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' });
  // A date written alone is read as its midnight in UTC, which west of UTC falls on the day before: it shows as written.
  const writtenDate = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  const formatDate = once((value: Date) => (isDateAlone(value) ? writtenDate : date).format(value));
  const formatInstant = once((value: Date) => dateTime.format(value));
  const day = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return {
    date: formatDate,
    dateTime: (value) => (isDateAlone(value) ? formatDate(value) : formatInstant(value)),
    instant: formatInstant,
    sameDay: (a, b) => formatDate(a) === formatDate(b),
    isoDay: (value) => {
      if (isDateAlone(value)) return value.toISOString().slice(0, 10);
      const parts = Object.fromEntries(day.formatToParts(value).map((part) => [part.type, part.value]));
      return `${parts.year}-${parts.month}-${parts.day}`;
    },
  };
}

const DAY_MS = 86_400_000;

/** Midnight in UTC, as `2026-11-22` is read: an editor who meant a time of day would have written one. */
function isDateAlone(value: Date): boolean {
  return value.getTime() % DAY_MS === 0;
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
