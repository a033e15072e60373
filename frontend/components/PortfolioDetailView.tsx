'use client';

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Allocation, type PortfolioSummary } from '@/lib/api';
import { queryKeys } from '@/lib/queries';
import ErrorMessage from './ErrorMessage';
import Link from './Link';
import PerformancePanel from './PerformancePanel';
import Stat from './Stat';
import { money, percent } from './format';

/** One portfolio: its positions at current prices with P&L, allocation, and risk. */
export default function PortfolioDetailView({ id }: { id: string }) {
  const summary = useQuery({ queryKey: queryKeys.portfolioSummary(id), queryFn: ({ signal }) => api.portfolioSummary(id, signal) });
  const linked = useQuery({ queryKey: queryKeys.linkedItems, queryFn: ({ signal }) => api.linkedItems(signal) });
  // A simulation on demand: its answer belongs to this press of the button, not to a cache.
  const riskRun = useMutation({ mutationFn: () => api.portfolioRisk(id) });
  const risk = riskRun.data ?? null;
  const riskError = riskRun.error;
  const measuring = riskRun.isPending;

  function measure() {
    riskRun.mutate();
  }

  const data = summary.data;
  const investmentAccounts = (linked.data ?? []).flatMap((item) =>
    item.accounts.filter((a) => a.type === 'investment').map((a) => ({ ...a, institution: item.institutionName })),
  );

  return (
    <section>
      <header className="page-header">
        <div>
          <h1>{data?.name ?? 'Portfolio'}</h1>
          <p className="muted">
            <Link href="/portfolios">All portfolios</Link>
          </p>
        </div>
      </header>
      <ErrorMessage error={summary.error} />
      {summary.isPending && <p className="muted">Valuing positions…</p>}
      {data && (
        <>
          <div className="dashboard-grid">
            <Stat label="Market value" value={money(data.marketValue)} testId="portfolio-value" />
            <Stat
              label="Unrealised P&L"
              value={`${money(data.unrealizedPnl)} (${percent(data.unrealizedPnlPercent)})`}
              tone={data.unrealizedPnl}
              testId="portfolio-pnl"
            />
            <Stat
              label="Day change"
              value={`${money(data.dayChange)} (${percent(data.dayChangePercent)})`}
              tone={data.dayChange}
            />
          </div>
          <section className="panel">
            <h2>Positions</h2>
            {data.positions.length === 0 ? (
              <p className="muted" data-testid="positions-empty">
                No positions yet: add a linked investment account or a position below.
              </p>
            ) : (
              <table className="table" data-testid="positions-table">
                <thead>
                  <tr>
                    <th>Symbol</th>
                    <th>Account</th>
                    <th className="num">Quantity</th>
                    <th className="num">Avg cost</th>
                    <th className="num">Price</th>
                    <th className="num">Value</th>
                    <th className="num">P&L</th>
                  </tr>
                </thead>
                <tbody>
                  {data.positions.map((p) => (
                    <tr key={p.id} data-testid="position-row">
                      <td title={p.name ?? undefined}>
                        <Link href={`/markets/${encodeURIComponent(p.symbol)}`}>{p.symbol}</Link>
                        {p.linked && <span className="badge">linked</span>}
                      </td>
                      <td className="small">{p.accountName}</td>
                      <td className="num">{p.quantity}</td>
                      <td className="num">{money(p.averageCost)}</td>
                      <td className="num" title={`Price source: ${p.priceSource}`}>
                        {money(p.price)}
                      </td>
                      <td className="num">{money(p.marketValue)}</td>
                      <td className={`num ${p.unrealizedPnl < 0 ? 'negative' : 'positive'}`}>
                        {money(p.unrealizedPnl)} ({percent(p.unrealizedPnlPercent)})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="muted small">
              Prices: {[...new Set(data.positions.map((p) => p.priceSource))].join('; ') || '—'}
            </p>
          </section>
          <div className="dashboard-grid">
            <AllocationPanel title="By sector" rows={data.bySector} />
            <AllocationPanel title="By account" rows={data.byAccount} />
          </div>
        </>
      )}

      <PerformancePanel portfolioId={id} />

      <section className="panel">
        <h2>Add holdings</h2>
        <AddLinkedAccount portfolioId={id} accounts={investmentAccounts} />
        <AddPosition portfolioId={id} />
      </section>

      <section className="panel">
        <header className="page-header">
          <h2>Risk</h2>
          <button type="button" className="btn" data-testid="measure-risk" disabled={measuring} onClick={measure}>
            {measuring ? 'Measuring…' : 'Measure risk'}
          </button>
        </header>
        <ErrorMessage error={riskError} />
        {risk && (
          <dl className="risk" data-testid="portfolio-risk">
            <dt>Annual volatility</dt>
            <dd>{percent((risk.measures.annualVolatility ?? 0) * 100)}</dd>
            <dt>Sharpe ratio</dt>
            <dd>{risk.measures.sharpeRatio?.toFixed(2) ?? '—'}</dd>
            <dt>Max drawdown</dt>
            <dd>{percent((risk.measures.maxDrawdown ?? 0) * 100)}</dd>
            <dt>1-year Monte Carlo VaR (95%)</dt>
            <dd>{percent(risk.simulation.valueAtRisk * 100)}</dd>
            <dt>Chance of a loss after a year</dt>
            <dd>{percent(risk.simulation.probabilityOfLoss * 100)}</dd>
            <dt>History used</dt>
            <dd className="small">
              {risk.from} to {risk.to} ({risk.source})
              {risk.excluded.length > 0 && `; without history: ${risk.excluded.join(', ')}`}
            </dd>
          </dl>
        )}
      </section>
    </section>
  );
}

function AllocationPanel({ title, rows }: { title: string; rows: Allocation[] }) {
  return (
    <section className="panel">
      <h2>{title}</h2>
      <ul className="plain-list">
        {rows.map((row) => (
          <li key={row.key} className="allocation">
            <span>{row.key}</span>
            <span className="allocation-bar" style={{ width: `${Math.round(row.weight * 100)}%` }} aria-hidden="true" />
            <span className="small">{(row.weight * 100).toFixed(1)}%</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AddLinkedAccount({
  portfolioId,
  accounts,
}: {
  portfolioId: string;
  accounts: { accountId: string; name: string; institution: string }[];
}) {
  const queryClient = useQueryClient();
  const [accountId, setAccountId] = useState('');
  const adding = useMutation({
    mutationFn: (plaidAccountId: string) => api.addLinkedAccount(portfolioId, plaidAccountId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.portfolio(portfolioId) }),
  });
  const error = adding.error;
  if (accounts.length === 0) {
    return (
      <p className="muted small">
        <Link href="/accounts">Connect a bank</Link> to add its investment accounts here.
      </p>
    );
  }
  function add(e: FormEvent) {
    e.preventDefault();
    adding.mutate(accountId || accounts[0].accountId);
  }
  return (
    <form className="inline-form" onSubmit={add}>
      <ErrorMessage error={error} />
      <label className="field">
        <span>Linked investment account</span>
        <select data-testid="linked-account-select" value={accountId} onChange={(e) => setAccountId(e.target.value)}>
          {accounts.map((a) => (
            <option key={a.accountId} value={a.accountId}>
              {a.institution} · {a.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn" data-testid="add-linked-account">
        Add account
      </button>
    </form>
  );
}

function AddPosition({ portfolioId }: { portfolioId: string }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ symbol: '', quantity: '', averageCost: '' });
  const adding = useMutation({
    mutationFn: (input: { symbol: string; quantity: number; averageCost: number }) => api.addPosition(portfolioId, input),
    onSuccess: () => {
      setForm({ symbol: '', quantity: '', averageCost: '' });
      return queryClient.invalidateQueries({ queryKey: queryKeys.portfolio(portfolioId) });
    },
  });
  const error = adding.error;
  function add(e: FormEvent) {
    e.preventDefault();
    adding.mutate({
      symbol: form.symbol.trim(),
      quantity: Number(form.quantity),
      averageCost: Number(form.averageCost),
    });
  }
  return (
    <form className="inline-form" onSubmit={add} noValidate>
      <ErrorMessage error={error} />
      <label className="field">
        <span>Symbol</span>
        <input data-testid="position-symbol" value={form.symbol} onChange={(e) => setForm({ ...form, symbol: e.target.value })} />
      </label>
      <label className="field">
        <span>Quantity</span>
        <input
          data-testid="position-quantity"
          inputMode="decimal"
          value={form.quantity}
          onChange={(e) => setForm({ ...form, quantity: e.target.value })}
        />
      </label>
      <label className="field">
        <span>Average cost</span>
        <input
          data-testid="position-cost"
          inputMode="decimal"
          value={form.averageCost}
          onChange={(e) => setForm({ ...form, averageCost: e.target.value })}
        />
      </label>
      <button type="submit" className="btn" data-testid="add-position">
        Add position
      </button>
    </form>
  );
}
