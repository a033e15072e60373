'use client';

import { api, type User } from '@/lib/api';
import { ASSISTANT_KEY, useStoredValue } from '@/lib/storage';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '@/lib/queries';
import { loadDashboard } from '@/lib/dashboard';
import { money, percent } from './format';
import { accentStyle } from './AssistantCard';
import AlertsPanel from './AlertsPanel';
import AssistantIcon from './AssistantIcon';
import ErrorMessage from './ErrorMessage';
import Link from './Link';

export default function Dashboard({ user }: { user: User | null }) {
  const assistants = useQuery({ queryKey: queryKeys.assistants, queryFn: ({ signal }) => api.assistants(signal) });
  // Everything of the caller's in one GraphQL query, fetched again whenever the dashboard opens.
  const dashboard = useQuery({ queryKey: queryKeys.dashboard, queryFn: ({ signal }) => loadDashboard(signal), staleTime: 0 });
  const portfolios = dashboard.data?.portfolios;
  const market = dashboard.data?.quotes?.[0];
  const debates = dashboard.data?.debates ?? [];
  const me = dashboard.data?.me ?? user;
  const selectedId = useStoredValue(ASSISTANT_KEY);
  const assistant = assistants.data?.find((a) => a.id === selectedId);
  const recent = [...(portfolios ?? [])]
    .sort((a, b) => String(b.updatedAt ?? '').localeCompare(String(a.updatedAt ?? '')))
    .slice(0, 5);

  return (
    <section>
      <header className="page-header">
        <div>
          <h1>{me ? `Welcome, ${me.displayName || me.email}` : 'Welcome'}</h1>
          <p className="muted">Here is an overview of your Fin Agent workspace.</p>
        </div>
      </header>

      <ErrorMessage error={assistants.error ?? dashboard.error} />

      <div className="dashboard-grid">
        <article className="panel" data-testid="dashboard-assistant">
          <h2>Your assistant</h2>
          {assistants.isPending ? (
            <p className="muted">Loading…</p>
          ) : assistant ? (
            <div className="assistant-summary" style={accentStyle(assistant)}>
              <span className="assistant-badge">
                <AssistantIcon name={assistant.icon} label={assistant.name} />
              </span>
              <div>
                <strong>{assistant.name}</strong>
                <p className="muted">{assistant.description}</p>
              </div>
            </div>
          ) : (
            <p className="muted">You have not chosen an assistant yet.</p>
          )}
          <Link href="/assistants" className="btn">
            {assistant ? 'Change assistant' : 'Choose an assistant'}
          </Link>
        </article>

        <article className="panel" data-testid="dashboard-portfolios">
          <h2>Your portfolios</h2>
          {dashboard.isPending ? (
            <p className="muted">Loading…</p>
          ) : portfolios && portfolios.length > 0 ? (
            <>
              <p className="muted">
                {portfolios.length} portfolio{portfolios.length === 1 ? '' : 's'}
                {portfolios.length > recent.length ? ' — most recently updated:' : ':'}
              </p>
              <ul className="plain-list">
                {recent.map((p) => (
                  <li key={p.id}>
                    {p.name}{' '}
                    {p.valuation && (
                      <span className="muted">
                        {money(p.valuation.marketValue)} · P&amp;L {money(p.valuation.unrealizedPnl)} (
                        {percent(p.valuation.unrealizedPnlPercent)})
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">No portfolios yet.</p>
          )}
          {market && (
            <p className="muted" data-testid="dashboard-market">
              {market.symbol} {money(market.price)} ({percent(market.changePercent)} today, {market.source})
            </p>
          )}
          <Link href="/portfolios" className="btn">
            Manage portfolios
          </Link>
        </article>

        <article className="panel" data-testid="dashboard-debates">
          <h2>Recent debates</h2>
          {dashboard.isPending ? (
            <p className="muted">Loading…</p>
          ) : debates.length > 0 ? (
            <ul className="plain-list">
              {debates.map((d) => (
                <li key={d.id}>
                  <Link href={`/debates/${d.id}`}>{d.query}</Link>{' '}
                  <span className="muted">{d.rating ? d.rating.replace('_', ' ') : d.status}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No debates yet.</p>
          )}
          <Link href="/debates" className="btn">
            Open debates
          </Link>
        </article>

        <AlertsPanel alerts={dashboard.data?.alerts} watches={dashboard.data?.ratingWatches} />
      </div>
    </section>
  );
}
