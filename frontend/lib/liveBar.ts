/** A price bar as the history API sends it (`DailyBar`), dated `YYYY-MM-DD`. */
export interface PriceBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  closeOnly: boolean;
}

const DAY = 86_400_000;

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * The day a live price belongs to: today for a real quote; for the simulated intraday feed (offline, no provider
 * keys) the first weekday after the last real close it continues from, so that its candle follows that close on
 * the chart rather than standing years after it.
 */
export function liveSession(today: string, simulatedAfter: string | null | undefined): string {
  if (!simulatedAfter) return today;
  let next = Date.parse(`${simulatedAfter}T00:00:00Z`) + DAY;
  while ([0, 6].includes(new Date(next).getUTCDay())) next += DAY;
  return new Date(next).toISOString().slice(0, 10);
}

/**
 * The last bar with a live price of `session` applied: the same bar while the session is in its period (its day
 * for daily bars, the seven days from its date for weekly ones), otherwise a new bar that opens at that price.
 * Markets do not trade at weekends, so a weekend price moves the last session's daily bar rather than opening a
 * Saturday or Sunday one.
 */
export function withLivePrice<B extends PriceBar>(last: B, price: number, interval: string, session: string): B {
  const days = (Date.parse(session) - Date.parse(last.date)) / DAY;
  const weekend = weekday(session) === 0 || weekday(session) === 6;
  const samePeriod = interval === '1wk' ? days < 7 : days < 1 || weekend;
  if (!samePeriod) {
    return { ...last, date: session, open: price, high: price, low: price, close: price, volume: 0, closeOnly: false };
  }
  return { ...last, high: Math.max(last.high, price), low: Math.min(last.low, price), close: price };
}
