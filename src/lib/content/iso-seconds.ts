/** ISO-8601 to the second, in UTC (`2026-11-25T09:30:15Z`): how dates are written into article files. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A date as messages show it, as an editor would write it: the day alone at a UTC midnight, else the instant in UTC. */
export function shownInstant(date: Date): string {
  const instant = isoSeconds(date);
  return instant.endsWith('T00:00:00Z') ? instant.slice(0, 10) : instant;
}
