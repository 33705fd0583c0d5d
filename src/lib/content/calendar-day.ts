/** Whether a day exists in the calendar: Date() rolls 30 February over to 2 March, a day nobody wrote. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const lastOfMonth = new Date(0);
  // setUTCFullYear, not Date.UTC, which takes years below 100 for 1900-1999 (and 1900 was no leap year).
  lastOfMonth.setUTCFullYear(year, month, 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= lastOfMonth.getUTCDate();
}
