'use client';

import { useQuery } from '@tanstack/react-query';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { ColorType, LineSeries, createChart, type MouseEventParams, type Time } from 'lightweight-charts';
import { api, type Comparison } from '@/lib/api';
import { queryKeys } from '@/lib/queries';
import ErrorMessage from './ErrorMessage';
import TableScroll from './TableScroll';

const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4b5563', '#db2777', '#65a30d', '#7c3aed'];

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

/** Side-by-side performance of a few symbols: their returns on one percentage axis, volatility, drawdown and their correlations. */
export default function ComparePanel({ initial }: { initial: string[] }) {
  const [input, setInput] = useState(initial.join(', '));
  const [symbols, setSymbols] = useState(initial);
  const { data, error } = useQuery({
    queryKey: queryKeys.compare(symbols),
    queryFn: ({ signal }) => api.compare(symbols, signal),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSymbols(input.split(/[\s,]+/).map((s) => s.trim().toUpperCase()).filter(Boolean));
  }

  return (
    <section className="panel" data-testid="compare-panel">
      <h2>Compare</h2>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor="compare-symbols">Symbols</label>
        <input id="compare-symbols" data-testid="compare-symbols" value={input} onChange={(e) => setInput(e.target.value)} />
        <button type="submit" className="btn" data-testid="compare-go">
          Compare
        </button>
      </form>
      <ErrorMessage error={error} />
      {data && <CompareChart data={data} />}
      {data && (
        <TableScroll label="Comparison"><table className="table" data-testid="compare-table">
          <thead>
            <tr>
              <th>Symbol</th>
              <th className="num">Total return</th>
              <th className="num">Volatility (annual)</th>
              <th className="num">Max drawdown</th>
              {data.symbols.map((s) => (
                <th key={s} className="num">
                  ρ {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.symbols.map((s, i) => (
              <tr key={s}>
                <td style={{ color: COLOURS[i % COLOURS.length] }}>{s}</td>
                <td className="num">{pct(data.totalReturn[s])}</td>
                <td className="num">{pct(data.annualVolatility[s])}</td>
                <td className="num">{pct(data.maxDrawdown[s])}</td>
                {data.correlation[i].map((rho, j) => (
                  <td key={j} className="num">
                    {rho.toFixed(2)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      )}
    </section>
  );
}

/**
 * The symbols' returns since the first common day on one percentage axis (lightweight-charts), with a legend naming
 * each line and its return at the crosshair (or at the end).
 */
function CompareChart({ data }: { data: Comparison }) {
  const container = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<number | null>(null);
  const n = data.dates.length;

  useEffect(() => {
    if (!container.current || n === 0) return;
    const chart = createChart(container.current, {
      height: 260,
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#4b5563' },
      localization: { priceFormatter: (value: number) => `${value.toFixed(0)} %` },
      rightPriceScale: { borderVisible: false },
      timeScale: { borderVisible: false, lockVisibleTimeRangeOnResize: true },
      grid: { vertLines: { visible: false } },
    });
    data.symbols.forEach((symbol, i) => {
      chart
        .addSeries(LineSeries, { color: COLOURS[i % COLOURS.length], lineWidth: 2, title: symbol, priceLineVisible: false })
        .setData(data.dates.map((date, t) => ({ time: date, value: data.normalised[symbol][t] - 100 })));
    });
    const onMove = (param: MouseEventParams<Time>) =>
      setAt(param.time === undefined ? null : data.dates.indexOf(String(param.time)));
    chart.subscribeCrosshairMove(onMove);
    chart.timeScale().fitContent();
    return () => {
      chart.unsubscribeCrosshairMove(onMove);
      chart.remove();
    };
  }, [data, n]);

  const t = at != null && at >= 0 ? at : n - 1;
  return (
    <figure className="chart" data-testid="compare-chart" aria-label="Returns since the first common day, in per cent">
      <ul className="chart-legend small legend-list" data-testid="compare-legend">
        <li className="muted">{data.dates[t]}</li>
        {data.symbols.map((s, i) => (
          <li key={s}>
            <span className="legend-swatch" style={{ background: COLOURS[i % COLOURS.length] }} aria-hidden="true" />
            {s} {signed(data.normalised[s][t] - 100)}
          </li>
        ))}
      </ul>
      <div ref={container} className="chart-canvas" />
      <figcaption className="muted small">
        Return since {data.dates[0]}, to {data.dates[n - 1]} ({n} common trading days). Source: {data.source}
      </figcaption>
    </figure>
  );
}

const signed = (percent: number) => `${percent >= 0 ? '+' : ''}${percent.toFixed(1)} %`;
