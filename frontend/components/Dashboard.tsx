'use client';

import { api, type User } from '@/lib/api';
import { ASSISTANT_KEY, useStoredValue } from '@/lib/storage';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '@/lib/queries';
import { accentStyle } from './AssistantCard';
import AlertsPanel from './AlertsPanel';
import AssistantIcon from './AssistantIcon';
import ErrorMessage from './ErrorMessage';
import Link from './Link';

export default function Dashboard({ user }: { user: User | null }) {
  const assistants = useQuery({ queryKey: queryKeys.assistants, queryFn: ({ signal }) => api.assistants(signal) });
  const portfolios = useQuery({ queryKey: queryKeys.portfolios, queryFn: ({ signal }) => api.portfolios(signal) });
  const selectedId = useStoredValue(ASSISTANT_KEY);
  const assistant = assistants.data?.find((a) => a.id === selectedId);
  const recent = [...(portfolios.data ?? [])]
    .sort((a, b) => String(b.updatedAt ?? '').localeCompare(String(a.updatedAt ?? '')))
    .slice(0, 5);

  return (
    <section>
      <header className="page-header">
        <div>
          <h1>{user ? `Welcome, ${user.displayName || user.email}` : 'Welcome'}</h1>
          <p className="muted">Here is an overview of your Fin Agent workspace.</p>
        </div>
      </header>

      <ErrorMessage error={assistants.error ?? portfolios.error} />

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
          {portfolios.isPending ? (
            <p className="muted">Loading…</p>
          ) : portfolios.data && portfolios.data.length > 0 ? (
            <>
              <p className="muted">
                {portfolios.data.length} portfolio{portfolios.data.length === 1 ? '' : 's'}
                {portfolios.data.length > recent.length ? ' — most recently updated:' : ':'}
              </p>
              <ul className="plain-list">
                {recent.map((p) => (
                  <li key={p.id}>{p.name}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">No portfolios yet.</p>
          )}
          <Link href="/portfolios" className="btn">
            Manage portfolios
          </Link>
        </article>

        <AlertsPanel />
      </div>
    </section>
  );
}
