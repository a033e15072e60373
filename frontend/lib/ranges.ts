/**
 * The chart's range presets count back from the newest bar the history has, not from today: the offline history
 * bundled with the application ends years ago (2018), and "the last year" before today would be empty there.
 */
export interface Dated {
  date: string;
}

/** The first day of a range of `months` ending on `last` (ISO dates, `YYYY-MM-DD`). */
export function rangeStart(last: string, months: number): string {
  const end = new Date(`${last}T00:00:00Z`);
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - months, end.getUTCDate()));
  // A day past the end of the shorter month rolls over (31 March less a month is 3 March): keep the month's last day.
  if (start.getUTCMonth() !== (((end.getUTCMonth() - months) % 12) + 12) % 12) start.setUTCDate(0);
  return start.toISOString().slice(0, 10);
}

/** The index of the first bar of a range of `months` ending on the last bar; 0 for all (`months` null). */
export function rangeFirstIndex(bars: Dated[], months: number | null): number {
  if (months === null || bars.length === 0) return 0;
  const from = rangeStart(bars[bars.length - 1].date, months);
  const index = bars.findIndex((bar) => bar.date >= from);
  return index < 0 ? bars.length : index;
}
