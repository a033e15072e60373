'use client';

import { useEffect, useRef } from 'react';
import { ColorType, LineSeries, PriceScaleMode, createChart, type LineData } from 'lightweight-charts';

/**
 * The growth of a portfolio (time-weighted, so deposits do not show as gains) against its benchmark, on a
 * percentage axis that starts both at 0 % on the first day shown.
 */
export default function GrowthChart({
  series,
  benchmark,
  benchmarkName,
}: {
  series: LineData[];
  benchmark: LineData[];
  benchmarkName: string;
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const chart = createChart(container.current, {
      height: 280,
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#4b5563' },
      rightPriceScale: { mode: PriceScaleMode.Percentage },
      timeScale: { borderVisible: false },
      grid: { vertLines: { visible: false } },
    });
    chart.addSeries(LineSeries, { color: '#2563eb', lineWidth: 2, title: 'Portfolio' }).setData(series);
    if (benchmark.length > 0) {
      chart.addSeries(LineSeries, { color: '#9ca3af', lineWidth: 1, title: benchmarkName }).setData(benchmark);
    }
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [series, benchmark, benchmarkName]);

  return (
    <figure className="chart" data-testid="growth-chart">
      <div ref={container} />
      <figcaption className="muted small">
        <span className="legend-swatch" style={{ background: '#2563eb' }} /> Portfolio (time-weighted){' '}
        <span className="legend-swatch" style={{ background: '#9ca3af' }} /> {benchmarkName}
      </figcaption>
    </figure>
  );
}
