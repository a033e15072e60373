'use client';

import { linear, niceTicks } from '@/lib/chartScale';

/** A portfolio on the risk–return plane: annual volatility and expected return, as fractions. */
export interface RiskReturn {
  volatility: number;
  expectedReturn: number;
}

export interface MarkedPortfolio extends RiskReturn {
  label: string;
  colour: string;
  shape: 'circle' | 'square' | 'diamond';
}

const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 16, bottom: 44, left: 56 };
const pct = (value: number) => `${(value * 100).toFixed(Math.abs(value) < 0.1 ? 1 : 0)} %`;

/**
 * The efficient frontier as a line through the optimiser's points, with the marked portfolios (the current one, the
 * maximum Sharpe ratio and the minimum volatility) on the same axes. An SVG of our own: lightweight-charts draws
 * series over a time axis, and a frontier's x axis is volatility, not time.
 */
export default function FrontierChart({ frontier, marked }: { frontier: RiskReturn[]; marked: MarkedPortfolio[] }) {
  const all = [...frontier, ...marked];
  const xs = all.map((p) => p.volatility);
  const ys = all.map((p) => p.expectedReturn);
  // The axes span the points, not zero: the frontier and the marked portfolios often lie close together.
  const xTicks = niceTicks(Math.min(...xs), Math.max(...xs), 5);
  const yTicks = niceTicks(Math.min(...ys), Math.max(...ys), 5);
  const x = linear([xTicks[0], xTicks[xTicks.length - 1]], [MARGIN.left, WIDTH - MARGIN.right]);
  const y = linear([yTicks[0], yTicks[yTicks.length - 1]], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const line = [...frontier]
    .sort((a, b) => a.expectedReturn - b.expectedReturn)
    .map((p) => `${x(p.volatility).toFixed(1)},${y(p.expectedReturn).toFixed(1)}`)
    .join(' ');
  const summary = marked.map((m) => `${m.label}: return ${pct(m.expectedReturn)}, volatility ${pct(m.volatility)}`).join('; ');

  return (
    <figure className="chart" data-testid="frontier-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="svg-chart" role="img"
           aria-label={`Efficient frontier, expected return against volatility. ${summary}`}>
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line className="grid" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} />
            <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end">{pct(t)}</text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} x={x(t)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle">{pct(t)}</text>
        ))}
        <line className="axis" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom} />
        <line className="axis" x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
        <text x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 6} textAnchor="middle">Volatility (annual)</text>
        <text x={14} y={(MARGIN.top + HEIGHT - MARGIN.bottom) / 2} textAnchor="middle"
              transform={`rotate(-90 14 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2})`}>Expected return (annual)</text>
        <polyline points={line} fill="none" stroke="#64748b" strokeWidth={2} data-testid="frontier-line" />
        {frontier.map((p, i) => (
          <circle key={i} cx={x(p.volatility)} cy={y(p.expectedReturn)} r={2.5} fill="#64748b" />
        ))}
        {marked.map((m) => (
          <Marker key={m.label} cx={x(m.volatility)} cy={y(m.expectedReturn)} portfolio={m} />
        ))}
      </svg>
      <ul className="chart-legend small legend-list" data-testid="frontier-legend">
        <li><span className="legend-swatch" style={{ background: '#64748b' }} aria-hidden="true" />efficient frontier</li>
        {marked.map((m) => (
          <li key={m.label} data-testid="frontier-marked">
            <span className="legend-swatch" style={{ background: m.colour }} aria-hidden="true" />
            {m.label}: {pct(m.expectedReturn)} at {pct(m.volatility)}
          </li>
        ))}
      </ul>
    </figure>
  );
}

function Marker({ cx, cy, portfolio }: { cx: number; cy: number; portfolio: MarkedPortfolio }) {
  const r = 6;
  const common = { fill: portfolio.colour, stroke: '#0f172a', strokeWidth: 1 };
  const shape =
    portfolio.shape === 'square' ? (
      <rect x={cx - r} y={cy - r} width={2 * r} height={2 * r} {...common} />
    ) : portfolio.shape === 'diamond' ? (
      <polygon points={`${cx},${cy - r - 1} ${cx + r + 1},${cy} ${cx},${cy + r + 1} ${cx - r - 1},${cy}`} {...common} />
    ) : (
      <circle cx={cx} cy={cy} r={r} {...common} />
    );
  return (
    <g>
      <title>{portfolio.label}</title>
      {shape}
    </g>
  );
}
