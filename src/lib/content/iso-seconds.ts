/** ISO-8601 to the second, in UTC (`2026-11-25T09:30:15Z`): how dates are written into article files. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
