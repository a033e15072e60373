'use client';

import type { Execution } from '@/lib/api';
import { linear, niceTicks, timeline } from '@/lib/chartScale';

const WIDTH = 640;
const ROW = 22;
const MARGIN = { top: 8, right: 12, bottom: 30, left: 150 };
const COLOURS: Record<string, string> = { completed: '#3b82f6', failed: '#dc2626', running: '#f59e0b' };

/**
 * The debate's execution graph as a timeline: one row per step (agent and step), a bar from its start to its
 * finish on an axis of seconds since the first step began, so that steps that ran in parallel stand one above the
 * other. An SVG of our own: lightweight-charts has no rows of intervals.
 */
export default function ExecutionTimeline({ executions, now }: { executions: Execution[]; now: number }) {
  const { bars, span, parallel } = timeline(
    executions.map((e) => ({
      id: String(e.id),
      // The agent's name reads best in a narrow row; the step (e.g. agent:technical) is in the bar's tooltip.
      label: e.agentName || e.step,
      detail: e.step,
      status: e.status,
      createdAt: e.createdAt,
      completedAt:
        e.completedAt ??
        (e.executionTimeMs != null ? new Date(Date.parse(e.createdAt) + e.executionTimeMs).toISOString() : null),
    })),
    now,
  );
  if (bars.length === 0) return null;
  const seconds = span / 1000;
  const ticks = niceTicks(0, Math.max(seconds, 0.001), 6);
  const x = linear([0, ticks[ticks.length - 1]], [MARGIN.left, WIDTH - MARGIN.right]);
  const height = MARGIN.top + MARGIN.bottom + ROW * bars.length;
  const bottom = height - MARGIN.bottom;
  return (
    <figure className="chart" data-testid="execution-timeline">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="svg-chart" role="img"
           aria-label={`Execution timeline: ${bars.length} steps over ${seconds.toFixed(1)} s, at most ${parallel} at once`}>
        {ticks.map((t) => (
          <g key={t}>
            <line className="grid" x1={x(t)} x2={x(t)} y1={MARGIN.top} y2={bottom} />
            <text x={x(t)} y={bottom + 14} textAnchor="middle">{t} s</text>
          </g>
        ))}
        <text x={WIDTH - MARGIN.right} y={height - 2} textAnchor="end">seconds since the first step began</text>
        {bars.map((bar, i) => {
          const top = MARGIN.top + i * ROW;
          const start = x(bar.start / 1000);
          const width = Math.max(2, x(bar.end / 1000) - start);
          return (
            <g key={bar.id} data-testid="timeline-bar" data-status={bar.status}>
              <title>{`${bar.label} (${bar.detail}): ${bar.status}, ${(bar.start / 1000).toFixed(2)} s to ${(bar.end / 1000).toFixed(2)} s`}</title>
              <text x={MARGIN.left - 6} y={top + ROW / 2 + 4} textAnchor="end">
                {bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label}
              </text>
              <rect x={start} y={top + 4} width={width} height={ROW - 8} rx={3}
                    fill={COLOURS[bar.status] ?? '#94a3b8'} opacity={bar.running ? 0.6 : 1} />
            </g>
          );
        })}
        <line className="axis" x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={bottom} />
      </svg>
      <figcaption className="muted small" data-testid="timeline-summary">
        {bars.length} steps in {seconds.toFixed(1)} s; at most {parallel} ran at once.
      </figcaption>
    </figure>
  );
}
