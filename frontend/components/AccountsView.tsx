'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { usePlaidLink } from 'react-plaid-link';
import {
  api,
  SANDBOX_INSTITUTIONS,
  type LinkedItem,
  type LinkToken,
  type SyncResult,
} from '@/lib/api';
import { queryKeys } from '@/lib/queries';
import ErrorMessage from './ErrorMessage';
import { money } from './format';

const PAGE_SIZE = 25;

/** Linked institutions (through Plaid), their accounts, transactions and investment holdings. */
export default function AccountsView() {
  const queryClient = useQueryClient();
  const items = useQuery({ queryKey: queryKeys.linkedItems, queryFn: ({ signal }) => api.linkedItems(signal) });
  const holdings = useQuery({ queryKey: queryKeys.holdings, queryFn: ({ signal }) => api.holdings(signal) });
  const [linking, setLinking] = useState<LinkToken | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  /** A sync or (un)link changes items, accounts, transactions and holdings, and what portfolios hold. */
  function refreshAll(result?: SyncResult) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.plaid });
    void queryClient.invalidateQueries({ queryKey: queryKeys.portfolios });
    if (result) setMessage(describeSync(result));
  }

  async function startLink() {
    setError(null);
    setMessage(null);
    try {
      setLinking(await api.linkToken());
    } catch (err) {
      setError(err);
    }
  }

  async function finishLink(publicToken: string) {
    try {
      const result = await api.exchange(publicToken);
      setLinking(null);
      refreshAll(result);
    } catch (err) {
      setError(err);
    }
  }

  const list = items.data ?? [];
  return (
    <section>
      <header className="page-header">
        <div>
          <h1>Accounts</h1>
          <p className="muted">Your banks and brokerages, linked through Plaid and kept in sync.</p>
        </div>
        <button type="button" className="btn btn-primary" data-testid="connect-bank-button" onClick={startLink}>
          Connect a bank
        </button>
      </header>
      <ErrorMessage error={error} />
      {message && (
        <div className="alert alert-success" role="status" data-testid="sync-message">
          {message}
        </div>
      )}
      {linking && linking.sandboxDialog && (
        <SandboxLinkDialog source={linking.source} onLinked={finishLink} onCancel={() => setLinking(null)} />
      )}
      {linking && !linking.sandboxDialog && (
        <PlaidLinkLauncher token={linking.linkToken} onLinked={finishLink} onExit={() => setLinking(null)} />
      )}

      <ErrorMessage error={items.error} />
      {items.isPending && <p className="muted">Loading linked accounts…</p>}
      {!items.isPending && list.length === 0 && (
        <p className="muted" data-testid="accounts-empty">
          No bank is linked yet. Connect one to see your balances, transactions and holdings.
        </p>
      )}
      {list.map((item) => (
        <ItemPanel key={item.id} item={item} onChanged={refreshAll} />
      ))}

      {list.length > 0 && <Transactions items={list} />}

      {(holdings.data ?? []).length > 0 && (
        <section className="panel">
          <h2>Holdings</h2>
          <table className="table" data-testid="holdings-table">
            <thead>
              <tr>
                <th>Symbol</th>
                <th>Name</th>
                <th className="num">Quantity</th>
                <th className="num">Cost basis</th>
                <th className="num">Value</th>
              </tr>
            </thead>
            <tbody>
              {(holdings.data ?? []).map((h) => (
                <tr key={`${h.accountId}-${h.securityId}`} data-testid="holding-row">
                  <td>{h.symbol ?? '—'}</td>
                  <td>{h.name ?? h.type}</td>
                  <td className="num">{h.quantity}</td>
                  <td className="num">{h.costBasis == null ? '—' : money(h.costBasis)}</td>
                  <td className="num">{money(h.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

function describeSync(result: SyncResult): string {
  if (result.status === 'error') return `Sync failed: ${result.message ?? result.errorCode}`;
  if (result.status === 'superseded') return 'Already up to date.';
  return `Synced: ${result.added} new, ${result.modified} changed, ${result.removed} removed transactions.`;
}

function ItemPanel({ item, onChanged }: { item: LinkedItem; onChanged: (result?: SyncResult) => void }) {
  const action = useMutation({
    mutationFn: (call: () => Promise<SyncResult | void>) => call(),
    onSuccess: (result) => onChanged(result ?? undefined),
  });
  const busy = action.isPending;
  const error = action.error;
  const run = (call: () => Promise<SyncResult | void>) => action.mutate(call);

  return (
    <section className="panel" data-testid="linked-item">
      <header className="page-header">
        <div>
          <h2 data-testid="institution-name">{item.institutionName}</h2>
          <p className="muted small">
            {item.lastSyncedAt ? `Synced ${new Date(item.lastSyncedAt).toLocaleString()}` : 'Not synced yet'}
          </p>
        </div>
        <div className="row-actions">
          <button type="button" className="btn" data-testid="sync-button" disabled={busy} onClick={() => run(() => api.syncItem(item.id))}>
            {busy ? 'Working…' : 'Sync now'}
          </button>
          <button type="button" className="btn btn-danger-outline" disabled={busy} onClick={() => run(() => api.unlinkItem(item.id))}>
            Unlink
          </button>
        </div>
      </header>
      {item.status === 'error' && (
        <div className="alert alert-error" role="alert" data-testid="item-error">
          This connection needs your attention ({item.errorCode}): {item.errorMessage}. Your synced data is kept.
        </div>
      )}
      <ErrorMessage error={error} />
      <table className="table" data-testid="accounts-table">
        <thead>
          <tr>
            <th>Account</th>
            <th>Type</th>
            <th className="num">Available</th>
            <th className="num">Balance</th>
          </tr>
        </thead>
        <tbody>
          {item.accounts.map((a) => (
            <tr key={a.accountId} data-testid="account-row">
              <td>{a.name}</td>
              <td>
                {a.type}
                {a.subtype ? ` · ${a.subtype}` : ''}
              </td>
              <td className="num">{a.availableBalance == null ? '—' : money(a.availableBalance, a.currency)}</td>
              <td className="num">{a.currentBalance == null ? '—' : money(a.currentBalance, a.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Transactions({ items }: { items: LinkedItem[] }) {
  const [accountId, setAccountId] = useState('');
  const [page, setPage] = useState(0);
  const { data, error } = useQuery({
    queryKey: queryKeys.transactions(accountId, page, PAGE_SIZE),
    queryFn: ({ signal }) => api.transactions({ accountId: accountId || undefined, page, size: PAGE_SIZE }, signal),
    // Paging keeps the current page on screen until the next one has arrived.
    placeholderData: keepPreviousData,
  });
  const accounts = items.flatMap((i) => i.accounts);
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <section className="panel">
      <header className="page-header">
        <h2>Transactions</h2>
        <label className="field">
          <span>Account</span>
          <select
            data-testid="transactions-account"
            value={accountId}
            onChange={(e) => {
              setAccountId(e.target.value);
              setPage(0);
            }}
          >
            <option value="">All accounts</option>
            {accounts.map((a) => (
              <option key={a.accountId} value={a.accountId}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <ErrorMessage error={error} />
      {data && (
        <>
          <p className="muted small" data-testid="transactions-total">
            {data.total} transactions
          </p>
          <table className="table" data-testid="transactions-table">
            <thead>
              <tr>
                <th>Date</th>
                <th>Description</th>
                <th>Category</th>
                <th className="num">Amount</th>
              </tr>
            </thead>
            <tbody>
              {data.transactions.map((t) => (
                <tr key={t.transactionId} data-testid="transaction-row">
                  <td>{t.date}</td>
                  <td>{t.merchantName ?? t.name}</td>
                  <td className="small">{category(t.category)}</td>
                  {/* Plaid's convention: positive amounts leave the account. */}
                  <td className={`num ${t.amount > 0 ? 'negative' : 'positive'}`}>{money(-t.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row-actions">
            <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Newer
            </button>
            <span className="small">
              Page {page + 1} of {pages}
            </span>
            <button type="button" className="btn btn-small" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
              Older
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function category(json: string | null): string {
  if (!json) return '';
  try {
    const parts = JSON.parse(json) as string[];
    return (parts[0] ?? '').replace(/_/g, ' ').toLowerCase();
  } catch {
    return '';
  }
}

/** In place of Plaid Link when the local (or Plaid's) sandbox answers: a sandbox institution and test login. */
function SandboxLinkDialog({
  source,
  onLinked,
  onCancel,
}: {
  source: string;
  onLinked: (publicToken: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [institutionId, setInstitutionId] = useState(SANDBOX_INSTITUTIONS[0].id);
  const [username, setUsername] = useState('user_good');
  const [password, setPassword] = useState('pass_good');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { publicToken } = await api.sandboxPublicToken({ institutionId, username, password });
      await onLinked(publicToken);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" role="dialog" aria-label="Connect a sandbox bank" data-testid="sandbox-dialog" onSubmit={submit}>
      <h2>Connect a sandbox bank</h2>
      <p className="muted small">
        Answered by the {source}. Test login: <code>user_good</code> / <code>pass_good</code>.
      </p>
      <ErrorMessage error={error} />
      <div className="form-row">
        <label className="field">
          <span>Institution</span>
          <select data-testid="sandbox-institution" value={institutionId} onChange={(e) => setInstitutionId(e.target.value)}>
            {SANDBOX_INSTITUTIONS.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Username</span>
          <input data-testid="sandbox-username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            data-testid="sandbox-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" className="btn btn-primary" data-testid="sandbox-connect" disabled={busy}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Plaid's own Link widget, loaded from Plaid when real keys are configured. */
function PlaidLinkLauncher({
  token,
  onLinked,
  onExit,
}: {
  token: string;
  onLinked: (publicToken: string) => Promise<void>;
  onExit: () => void;
}) {
  const { open, ready } = usePlaidLink({
    token,
    onSuccess: (publicToken) => {
      if (publicToken) void onLinked(publicToken);
    },
    onExit,
  });
  return (
    <div className="panel">
      <button type="button" className="btn btn-primary" disabled={!ready} onClick={() => open()}>
        {ready ? 'Open Plaid Link' : 'Loading Plaid Link…'}
      </button>
    </div>
  );
}
