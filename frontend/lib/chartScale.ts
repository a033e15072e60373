/**
 * The arithmetic of the charts drawn as SVG (efficient frontier, allocation, execution timeline) and of the fan
 * chart's dates: plain functions, so that `npm test` checks them without a browser.
 */

/** About `count` round tick values (1, 2 or 5 times a power of ten apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  // From the tick at or below min to the first at or above max, so that every value lies within the axis.
  for (let t = Math.floor(min / step + 1e-9) * step; ; t += step) {
    ticks.push(Number(t.toPrecision(12)));
    if (t >= max - step * 1e-9) break;
  }
  return ticks;
}

/** The linear map from `domain` onto `range` (a zero-width domain maps to the middle of the range). */
export function linear([d0, d1]: [number, number], [r0, r1]: [number, number]): (x: number) => number {
  if (d0 === d1) return () => (r0 + r1) / 2;
  return (x) => r0 + ((x - d0) / (d1 - d0)) * (r1 - r0);
}

/** The date `days` trading days (Monday to Friday) after `date` (ISO, `YYYY-MM-DD`); holidays are not known here. */
export function tradingDaysAfter(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** One step of a debate's execution as the timeline needs it. */
export interface TimedStep {
  id: string;
  label: string;
  detail?: string;
  status: string;
  createdAt: string;
  completedAt?: string | null;
}

/** A step placed on the timeline: milliseconds from the first step's start; `end` is `now` for a running step. */
export interface TimelineBar {
  id: string;
  label: string;
  detail?: string;
  status: string;
  start: number;
  end: number;
  running: boolean;
}

/**
 * The steps in order of their start, each from its start to its finish in milliseconds after the first start, and
 * how many ran at once at most (steps overlapping in time ran in parallel).
 */
export function timeline(steps: TimedStep[], now: number): { bars: TimelineBar[]; span: number; parallel: number } {
  const timed = steps
    .map((s) => ({ ...s, from: Date.parse(s.createdAt), to: s.completedAt ? Date.parse(s.completedAt) : NaN }))
    .filter((s) => Number.isFinite(s.from))
    .sort((a, b) => a.from - b.from || a.label.localeCompare(b.label));
  if (timed.length === 0) return { bars: [], span: 0, parallel: 0 };
  const origin = timed[0].from;
  const bars = timed.map((s) => {
    const running = !Number.isFinite(s.to);
    return {
      id: s.id,
      label: s.label,
      detail: s.detail,
      status: s.status,
      start: s.from - origin,
      end: Math.max(s.from, running ? now : s.to) - origin,
      running,
    };
  });
  const span = Math.max(...bars.map((b) => b.end));
  // Sweep the starts and ends in time order (an end before a start at the same instant: touching is not overlapping).
  const events = bars.flatMap((b) => [
    { at: b.start, delta: 1 },
    { at: b.end, delta: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let open = 0;
  let parallel = 0;
  for (const e of events) {
    open += e.delta;
    parallel = Math.max(parallel, open);
  }
  return { bars, span, parallel };
}
