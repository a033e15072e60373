'use client';

import { api, type Scorecard, type ScorecardGroup } from '@/lib/api';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '@/lib/queries';
import ErrorMessage from './ErrorMessage';
import { percent } from './format';

/** How the user's past recommendations turned out, and whether their confidence meant anything. */
export default function ScorecardView() {
  const scorecard = useQuery({ queryKey: queryKeys.scorecard, queryFn: ({ signal }) => api.scorecard(signal) });
  const data = scorecard.data;
  return (
    <section>
      <header className="page-header">
        <h1>Scorecard</h1>
      </header>
      <ErrorMessage error={scorecard.error} />
      {scorecard.isPending && <p className="muted">Scoring past calls…</p>}
      {data && data.byAssistant.length === 0 && (
        <p className="muted" data-testid="scorecard-empty">
          No call has reached its horizon yet: each recommendation is judged against SPY once its horizon has passed.
        </p>
      )}
      {data && data.byAssistant.length > 0 && (
        <>
          <GroupTable title="By assistant" rows={data.byAssistant} testId="scorecard-assistants" />
          <section className="panel">
            <h2>Calibration</h2>
            <CalibrationChart calibration={data.calibration} />
          </section>
          <GroupTable title="By participant" rows={data.byParticipant} />
          <GroupTable title="By model" rows={data.byModel} />
        </>
      )}
      {data && <p className="muted small">{data.rule}</p>}
    </section>
  );
}

function GroupTable({ title, rows, testId }: { title: string; rows: ScorecardGroup[]; testId?: string }) {
  return (
    <section className="panel">
      <h2>{title}</h2>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th>Name</th>
            <th className="num">Calls</th>
            <th className="num">Hit rate</th>
            <th className="num">Mean excess over SPY</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={`${g.key}-${g.backtest}`}>
              <td>
                {g.key}
                {g.backtest && <span className="badge">backtest</span>}
              </td>
              <td className="num">{g.calls}</td>
              <td className="num">{percent(g.hitRate * 100)}</td>
              <td className="num">{g.meanExcessReturn == null ? '—' : percent(g.meanExcessReturn * 100)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A reliability diagram: each confidence bucket's hit rate against the diagonal of perfect calibration. */
function CalibrationChart({ calibration }: { calibration: Scorecard['calibration'] }) {
  const size = 240;
  const pad = 36;
  const scale = (v: number) => pad + v * (size - 2 * pad);
  const y = (v: number) => size - scale(v);
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  return (
    <figure className="chart" data-testid="calibration-chart">
      <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-label="Hit rate by confidence bucket">
        <line x1={scale(0)} y1={y(0)} x2={scale(1)} y2={y(1)} stroke="#9ca3af" strokeDasharray="4 3" />
        {ticks.map((t) => (
          <g key={t} fontSize="9" fill="#4b5563">
            <text x={scale(t)} y={size - pad + 14} textAnchor="middle">{`${t * 100}%`}</text>
            <text x={pad - 6} y={y(t) + 3} textAnchor="end">{`${t * 100}%`}</text>
          </g>
        ))}
        <line x1={scale(0)} y1={y(0)} x2={scale(1)} y2={y(0)} stroke="#4b5563" />
        <line x1={scale(0)} y1={y(0)} x2={scale(0)} y2={y(1)} stroke="#4b5563" />
        {calibration
          .filter((b) => b.hitRate != null && b.meanConfidence != null)
          .map((b) => (
            <circle key={b.from} cx={scale(b.meanConfidence as number)} cy={y(b.hitRate as number)} r={3 + Math.min(b.calls, 10)} fill="#2563eb" fillOpacity="0.6">
              <title>{`${b.calls} call(s) at ${percent((b.meanConfidence as number) * 100)} confidence: right ${percent((b.hitRate as number) * 100)}`}</title>
            </circle>
          ))}
      </svg>
      <figcaption className="muted small">
        Confidence (across) against how often the calls were right (up); the dashed line is perfect calibration.
      </figcaption>
    </figure>
  );
}
