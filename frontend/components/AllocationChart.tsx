'use client';

import type { Allocation } from '@/lib/api';
import { linear, niceTicks } from '@/lib/chartScale';

const WIDTH = 480;
const ROW = 24;
const MARGIN = { top: 8, right: 56, bottom: 28, left: 84 };

/**
 * Allocation as a horizontal bar chart: one bar per key (symbol, sector or account), its share of the market value on
 * a percentage axis and written at the bar's end. An SVG of our own, since lightweight-charts has no category axis.
 */
export default function AllocationChart({ title, rows, testId }: { title: string; rows: Allocation[]; testId?: string }) {
  const sorted = [...rows].sort((a, b) => b.weight - a.weight);
  const height = MARGIN.top + MARGIN.bottom + ROW * Math.max(1, sorted.length);
  const ticks = niceTicks(0, Math.max(0.01, ...sorted.map((r) => r.weight)), 4);
  const x = linear([0, ticks[ticks.length - 1]], [MARGIN.left, WIDTH - MARGIN.right]);
  const bottom = height - MARGIN.bottom;
  return (
    <figure className="chart" data-testid={testId}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="svg-chart" role="img"
           aria-label={`${title}: ${sorted.map((r) => `${r.key} ${(r.weight * 100).toFixed(1)} %`).join(', ')}`}>
        {ticks.map((t) => (
          <g key={t}>
            <line className="grid" x1={x(t)} x2={x(t)} y1={MARGIN.top} y2={bottom} />
            <text x={x(t)} y={bottom + 16} textAnchor="middle">{Math.round(t * 100)} %</text>
          </g>
        ))}
        {sorted.map((row, i) => {
          const top = MARGIN.top + i * ROW;
          return (
            <g key={row.key} data-testid="allocation-bar">
              <text x={MARGIN.left - 6} y={top + ROW / 2 + 4} textAnchor="end">
                {row.key.length > 12 ? `${row.key.slice(0, 11)}…` : row.key}
              </text>
              <rect x={MARGIN.left} y={top + 4} width={Math.max(1, x(row.weight) - MARGIN.left)} height={ROW - 8}
                    fill="#3b82f6" rx={3} />
              <text x={x(row.weight) + 4} y={top + ROW / 2 + 4}>{(row.weight * 100).toFixed(1)} %</text>
            </g>
          );
        })}
        <line className="axis" x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={bottom} />
      </svg>
    </figure>
  );
}
