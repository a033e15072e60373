'use client';

import { useMemo, useState, type FormEvent } from 'react';
import { api, type ActivityImport, type PortfolioAccount } from '@/lib/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/queries';
import ErrorMessage from './ErrorMessage';
import GrowthChart from './GrowthChart';
import Stat from './Stat';
import { money, percent } from './format';

const PRESETS = [
  { id: 'schwab', label: 'Charles Schwab (Transactions export)' },
  { id: 'fidelity', label: 'Fidelity (Accounts history export)' },
  { id: 'generic', label: 'Generic: date,type,symbol,quantity,price,fee,amount,currency' },
];

/**
 * A portfolio's activities and what they add up to: a broker CSV import with a preview, then realised and
 * unrealised P&L, time- and money-weighted returns and the growth chart against the benchmark.
 */
export default function PerformancePanel({ portfolioId }: { portfolioId: string }) {
  const queryClient = useQueryClient();
  const performance = useQuery({
    queryKey: queryKeys.performance(portfolioId),
    queryFn: ({ signal }) => api.performance(portfolioId, signal),
  });
  const accounts = useQuery({
    queryKey: queryKeys.portfolioAccounts(portfolioId),
    queryFn: ({ signal }) => api.portfolioAccounts(portfolioId, signal),
  });
  const data = performance.data;
  const growth = useMemo(() => (data?.series ?? []).map((p) => ({ time: p.date, value: p.growth })), [data]);
  const benchmarkGrowth = useMemo(
    () =>
      (data?.series ?? [])
        .filter((p) => p.benchmarkGrowth != null)
        .map((p) => ({ time: p.date, value: p.benchmarkGrowth as number })),
    [data],
  );
  const noActivities = data !== undefined && data.series.length === 0;

  /** Stored activities change the portfolio's performance, accounts and positions (its summary). */
  function changed() {
    void queryClient.invalidateQueries({ queryKey: queryKeys.portfolio(portfolioId) });
  }

  return (
    <section className="panel" data-testid="performance-panel">
      <h2>Performance</h2>
      <ErrorMessage error={performance.error} />
      {performance.isPending && <p className="muted">Replaying activities…</p>}
      {noActivities && (
        <p className="muted" data-testid="performance-empty">
          Performance over time follows from activities: import a broker export below.
        </p>
      )}
      {data && !noActivities && (
        <>
          <div className="dashboard-grid">
            <Stat label="Realised P&L (FIFO)" value={money(data.totals.realisedGain, data.currency)} tone={data.totals.realisedGain} testId="realised" />
            <Stat label="Unrealised P&L" value={money(data.totals.unrealisedGain, data.currency)} tone={data.totals.unrealisedGain} testId="unrealised" />
            <Stat label="Dividends" value={money(data.totals.dividends, data.currency)} />
            <Stat label="Fees" value={money(data.totals.fees, data.currency)} />
            <Stat label="Max drawdown" value={percent(data.maxDrawdown * 100)} />
          </div>
          <table className="table" data-testid="returns-table">
            <caption className="muted small">
              Time-weighted and money-weighted (XIRR, a year&apos;s rate) returns, {data.from} to {data.to}
            </caption>
            <thead>
              <tr>
                <th>Period</th>
                <th className="num">Time-weighted</th>
                <th className="num">Money-weighted</th>
                <th className="num">{data.benchmark}</th>
              </tr>
            </thead>
            <tbody>
              {data.returns.map((r) => (
                <tr key={r.period}>
                  <td>{r.period}</td>
                  <td className="num">{percent(r.timeWeighted * 100)}</td>
                  <td className="num">{r.moneyWeighted == null ? '—' : percent(r.moneyWeighted * 100)}</td>
                  <td className="num">{r.benchmark == null ? '—' : percent(r.benchmark * 100)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <GrowthChart series={growth} benchmark={benchmarkGrowth} benchmarkName={data.benchmark} />
          <p className="muted small">{data.method}</p>
          <p className="muted small">Prices: {data.sources.join('; ')}</p>
        </>
      )}
      <ImportForm portfolioId={portfolioId} accounts={accounts.data ?? []} onImported={changed} />
    </section>
  );
}

function ImportForm({
  portfolioId,
  accounts,
  onImported,
}: {
  portfolioId: string;
  accounts: PortfolioAccount[];
  onImported: () => void;
}) {
  const manual = accounts.filter((a) => a.plaidAccountId == null);
  const [accountId, setAccountId] = useState('');
  const [preset, setPreset] = useState('schwab');
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<ActivityImport | null>(null);

  async function targetAccount(): Promise<string> {
    if (accountId) return accountId;
    if (manual.length > 0) return manual[0].id;
    const created = await api.addManualAccount(portfolioId, presetBroker(preset));
    setAccountId(created.id);
    return created.id;
  }

  const importing = useMutation({
    mutationFn: async (previewOnly: boolean) =>
      api.importActivities(portfolioId, { accountId: await targetAccount(), preset, csv, preview: previewOnly }),
    onSuccess: (result) => {
      setPreview(result);
      if (result.stored) {
        setCsv('');
        onImported();
      }
    },
  });
  const busy = importing.isPending;
  const error = importing.error;

  function run(event: FormEvent, previewOnly: boolean) {
    event.preventDefault();
    importing.mutate(previewOnly);
  }

  async function readFile(file: File | undefined) {
    if (file) setCsv(await file.text());
  }

  return (
    <form className="form" onSubmit={(e) => run(e, false)} data-testid="import-form">
      <h3>Import activities</h3>
      <label>
        Format
        <select value={preset} onChange={(e) => setPreset(e.target.value)} data-testid="import-preset">
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {manual.length > 0 && (
        <label>
          Account
          <select value={accountId} onChange={(e) => setAccountId(e.target.value)}>
            {manual.map((a) => (
              <option key={a.id} value={a.id}>
                {a.brokerName} {a.accountNumber}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        CSV file
        <input type="file" accept=".csv,text/csv" onChange={(e) => readFile(e.target.files?.[0])} />
      </label>
      <label>
        Or paste the export
        <textarea rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} data-testid="import-csv" />
      </label>
      <div className="actions">
        <button type="button" className="btn" disabled={busy || !csv} onClick={(e) => run(e, true)} data-testid="import-preview">
          Preview
        </button>
        <button type="submit" className="btn primary" disabled={busy || !csv} data-testid="import-submit">
          Import
        </button>
      </div>
      <ErrorMessage error={error} />
      {preview && (
        <div data-testid="import-result">
          <p className="small">
            {preview.rows} row(s) read as {preview.layout}:{' '}
            {preview.stored ? `${preview.added} activities stored` : 'nothing stored'}
          </p>
          {preview.errors.length > 0 && (
            <ul className="errors">
              {preview.errors.map((e) => (
                <li key={`${e.line}-${e.message}`}>
                  {e.line > 0 ? `Line ${e.line}: ` : ''}
                  {e.message}
                </li>
              ))}
            </ul>
          )}
          {!preview.stored && preview.activities.length > 0 && (
            <table className="table small">
              <tbody>
                {preview.activities.map((a, i) => (
                  <tr key={i}>
                    <td>{a.date}</td>
                    <td>{a.type}</td>
                    <td>{a.symbol ?? ''}</td>
                    <td className="num">{a.quantity ?? ''}</td>
                    <td className="num">{a.price ?? a.amount ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </form>
  );
}

function presetBroker(preset: string): string {
  return preset === 'schwab' ? 'Charles Schwab' : preset === 'fidelity' ? 'Fidelity' : 'Imported';
}
