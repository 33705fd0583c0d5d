/** ISO-8601 to the second, in UTC (`2026-11-25T09:30:15Z`): how dates are written into article files. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A date as messages show it, as an editor would write it: the day alone when it was written alone (`dayAlone`, see
 * written-dates.ts), else the instant in UTC, midnight included.
 */
export function shownInstant(date: Date, dayAlone: boolean): string {
  const instant = isoSeconds(date);
  return dayAlone ? instant.slice(0, 10) : instant;
}
