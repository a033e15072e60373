'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type IssuedClientCredentials, type PartnerClient } from '@/lib/api';
import { queryKeys } from '@/lib/queries';
import { AdminTabs } from './AdminView';
import ErrorMessage from './ErrorMessage';

/** The scopes a partner client may be granted; user-owned data is never among them. */
const SCOPES = ['market:read', 'analytics:run', 'search:read', 'sentiment:run', 'debates:write', 'macro:read'];

/** Admins: partner clients, registered with scopes and a rate limit, rotated and revoked. */
export default function AdminClientsView() {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: queryKeys.partnerClients, queryFn: ({ signal }) => api.partnerClients(signal) });
  const clients = list.data ?? null;
  const [issued, setIssued] = useState<IssuedClientCredentials | null>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['market:read']);
  const [rateLimit, setRateLimit] = useState('600');
  // One change at a time; `key` names the button that is busy (a client's id, or 'register').
  const change = useMutation({
    mutationFn: ({ action }: { key: string; action: () => Promise<void> }) => action(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.partnerClients }),
  });
  const busy = change.isPending ? change.variables.key : null;
  const error = list.error ?? change.error;

  /** Shows a changed client at once; the list is refetched when the change has settled. */
  function replace(client: PartnerClient) {
    queryClient.setQueryData<PartnerClient[]>(queryKeys.partnerClients, (current) => {
      const others = (current ?? []).filter((c) => c.clientId !== client.clientId);
      return [client, ...others].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    });
  }

  function run(key: string, action: () => Promise<void>) {
    change.mutate({ key, action });
  }

  function register(e: FormEvent) {
    e.preventDefault();
    run('register', async () => {
      const created = await api.registerPartnerClient({
        name: name.trim(),
        scopes,
        rateLimitPerMinute: Number(rateLimit),
      });
      setIssued(created);
      replace(created.client);
      setName('');
    });
  }

  const rotate = (clientId: string) =>
    run(clientId, async () => {
      const rotated = await api.rotatePartnerClient(clientId);
      setIssued(rotated);
      replace(rotated.client);
    });

  const revoke = (clientId: string) =>
    run(clientId, async () => {
      replace(await api.revokePartnerClient(clientId));
    });

  const toggleScope = (scope: string) =>
    setScopes((current) => (current.includes(scope) ? current.filter((s) => s !== scope) : [...current, scope]));

  return (
    <section className="panel">
      <header className="page-header">
        <div>
          <h1>Partner clients</h1>
          <p className="muted">
            Partner systems get tokens with their id and secret (OAuth 2.0 client credentials). A secret is shown once;
            a rotated-out secret keeps working for the grace period; a revoked client's tokens stop at once.
          </p>
        </div>
        <AdminTabs current="clients" />
      </header>
      <ErrorMessage error={error} />
      {issued && (
        <div className="alert alert-success" role="status" data-testid="client-secret">
          <p>
            Client <code data-testid="issued-client-id">{issued.clientId}</code>: copy its secret now, it is not shown
            again.
          </p>
          <p>
            <code data-testid="issued-client-secret">{issued.clientSecret}</code>
          </p>
          <button type="button" className="btn btn-small" onClick={() => setIssued(null)}>
            Done
          </button>
        </div>
      )}
      <form className="inline-form" onSubmit={register} noValidate data-testid="client-form">
        <input
          placeholder="Partner name"
          aria-label="Partner name"
          data-testid="client-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        {SCOPES.map((scope) => (
          <label key={scope} className="small">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={() => toggleScope(scope)}
              data-testid={`client-scope-${scope}`}
            />{' '}
            {scope}
          </label>
        ))}
        <input
          type="number"
          min={1}
          aria-label="Requests a minute"
          data-testid="client-rate-limit"
          value={rateLimit}
          onChange={(e) => setRateLimit(e.target.value)}
        />
        <button type="submit" className="btn btn-small btn-primary" disabled={busy !== null} data-testid="client-register">
          Register
        </button>
      </form>
      {clients && (
        <table className="table" data-testid="clients-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Client id</th>
              <th>Scopes</th>
              <th>Requests a minute</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {clients.map((client) => (
              <tr key={client.clientId} data-testid="client-row" data-client-id={client.clientId}>
                <td>{client.name}</td>
                <td className="small">
                  <code>{client.clientId}</code>
                </td>
                <td className="small">{client.scopes.join(' ')}</td>
                <td>{client.rateLimitPerMinute}</td>
                <td data-testid="client-status">
                  {client.status}
                  {client.previousSecretExpiresAt && (
                    <span className="muted small">
                      {' '}
                      (previous secret until {new Date(client.previousSecretExpiresAt).toLocaleString()})
                    </span>
                  )}
                </td>
                <td>
                  {client.status === 'active' && (
                    <span className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy !== null}
                        data-testid="rotate-client"
                        onClick={() => rotate(client.clientId)}
                      >
                        Rotate secret
                      </button>
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy !== null}
                        data-testid="revoke-client"
                        onClick={() => revoke(client.clientId)}
                      >
                        Revoke
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
