'use client';

import { useEffect, useRef } from 'react';
import { AreaSeries, ColorType, LineSeries, createChart } from 'lightweight-charts';
import { tradingDaysAfter } from '@/lib/chartScale';
import { money } from './format';

/** The Monte Carlo answer the fan is drawn from: for each step in `bandSteps`, the value at each of `bandPercentiles`. */
export interface Fan {
  bandSteps: number[];
  bandPercentiles: number[];
  bands: number[][];
}

const BACKGROUND = '#ffffff';
const OUTER = '#bfdbfe';
const INNER = '#60a5fa';
const MEDIAN = '#1d4ed8';

/**
 * The Monte Carlo fan chart on lightweight-charts: the simulated portfolio value's 5–95 % and 25–75 % bands and its
 * median, by trading day after `start` (the last day of the history simulated from). lightweight-charts fills an
 * area down to the bottom of the pane, so the bands are painted from the top: the 95th percentile's area in the
 * outer colour, the 75th's in the inner one, the 25th's in the outer one again and the 5th's in the background.
 */
export default function FanChart({ fan, start }: { fan: Fan; start: string }) {
  const container = useRef<HTMLDivElement>(null);
  const column = (percentile: number) => fan.bandPercentiles.indexOf(percentile);
  const dates = datesOf(fan, start);
  const last = fan.bands[fan.bands.length - 1] ?? [];

  useEffect(() => {
    if (!container.current || fan.bands.length === 0) return;
    const chart = createChart(container.current, {
      height: 260,
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: BACKGROUND }, textColor: '#4b5563' },
      rightPriceScale: { borderVisible: false },
      // A phone turned sideways (or a window resized) keeps the whole year in view.
      timeScale: { borderVisible: false, lockVisibleTimeRangeOnResize: true },
      grid: { vertLines: { visible: false }, horzLines: { visible: false } },
      handleScroll: false,
      handleScale: false,
    });
    const dates = datesOf(fan, start);
    const column = (percentile: number) => fan.bandPercentiles.indexOf(percentile);
    const values = (percentile: number) => {
      const j = column(percentile);
      return fan.bands.map((row, i) => ({ time: dates[i], value: row[j] }));
    };
    const area = (percentile: number, fill: string, line: string) =>
      chart
        .addSeries(AreaSeries, {
          topColor: fill,
          bottomColor: fill,
          lineColor: line,
          lineWidth: 1,
          priceLineVisible: false,
          lastValueVisible: false,
          crosshairMarkerVisible: false,
        })
        .setData(values(percentile));
    area(95, OUTER, OUTER);
    area(75, INNER, INNER);
    area(25, OUTER, INNER);
    area(5, BACKGROUND, OUTER);
    chart
      .addSeries(LineSeries, { color: MEDIAN, lineWidth: 2, title: 'median', priceLineVisible: false })
      .setData(values(50));
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [fan, start]);

  return (
    <figure className="chart" data-testid="fan-chart" aria-label="Monte Carlo fan chart of the portfolio's value">
      <div ref={container} className="chart-canvas" />
      <figcaption className="muted small">
        <span className="legend-swatch" style={{ background: MEDIAN }} aria-hidden="true" /> median{' '}
        <span className="legend-swatch" style={{ background: INNER }} aria-hidden="true" /> 25–75 %{' '}
        <span className="legend-swatch" style={{ background: OUTER }} aria-hidden="true" /> 5–95 % of simulated paths,
        by trading day after {start}
        {last.length > 0 && (
          <>
            ; on {dates[dates.length - 1]}: median {money(last[column(50)])}, 5 % {money(last[column(5)])}, 95 %{' '}
            {money(last[column(95)])}
          </>
        )}
      </figcaption>
    </figure>
  );
}

const datesOf = (fan: Fan, start: string) => fan.bandSteps.map((step) => tradingDaysAfter(start, step));
