'use client';

import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api, type Comparison } from '@/lib/api';
import { queryKeys } from '@/lib/queries';
import ErrorMessage from './ErrorMessage';

const WIDTH = 640;
const HEIGHT = 220;
const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4b5563', '#db2777', '#65a30d', '#7c3aed'];

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

/** Side-by-side performance of a few symbols: rebased to 100, volatility, drawdown and their correlations. */
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
        <table className="table" data-testid="compare-table">
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
        </table>
      )}
    </section>
  );
}

function CompareChart({ data }: { data: Comparison }) {
  const all = data.symbols.flatMap((s) => data.normalised[s]);
  const low = Math.min(...all);
  const high = Math.max(...all);
  const n = data.dates.length;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="Performance rebased to 100" data-testid="compare-chart">
        {data.symbols.map((s, i) => (
          <polyline
            key={s}
            fill="none"
            stroke={COLOURS[i % COLOURS.length]}
            strokeWidth="1.5"
            points={data.normalised[s]
              .map((v, t) => `${((t / Math.max(1, n - 1)) * WIDTH).toFixed(1)},${(HEIGHT - ((v - low) / (high - low || 1)) * HEIGHT).toFixed(1)}`)
              .join(' ')}
          />
        ))}
      </svg>
      <figcaption className="muted">
        Rebased to 100, {data.dates[0]} – {data.dates[n - 1]} ({n} common trading days). Source: {data.source}
      </figcaption>
    </figure>
  );
}
