'use client';

import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  api,
  hasFieldError,
  PORTFOLIO_NAME_MAX,
  validationError,
  type ApiError,
  type Portfolio,
  type PortfolioInput,
} from '@/lib/api';
import { queryKeys } from '@/lib/queries';
import ErrorMessage from './ErrorMessage';
import Link from './Link';

/** Client-side check mirroring the server rule (name is 1..100 chars). */
function validate(input: PortfolioInput): ApiError | null {
  const name = input.name.trim();
  if (!name) {
    return validationError('Please give the portfolio a name.', [{ field: 'name', message: 'Name is required.' }]);
  }
  if (name.length > PORTFOLIO_NAME_MAX) {
    return validationError('The portfolio name is too long.', [
      { field: 'name', message: `Name must be at most ${PORTFOLIO_NAME_MAX} characters.` },
    ]);
  }
  return null;
}

function clean(input: PortfolioInput): PortfolioInput {
  return { name: input.name.trim(), description: input.description.trim() };
}

function formatDate(value: string | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

/**
 * Shows the server's answer to a change at once, then refetches the list (and anything below the
 * portfolio) so that what is shown is what the server holds.
 */
function afterChange(queryClient: QueryClient, update: (list: Portfolio[]) => Portfolio[]) {
  queryClient.setQueryData<Portfolio[]>(queryKeys.portfolios, (list) => (list ? update(list) : list));
  return queryClient.invalidateQueries({ queryKey: queryKeys.portfolios });
}

export default function PortfoliosView() {
  const queryClient = useQueryClient();
  const portfolios = useQuery({ queryKey: queryKeys.portfolios, queryFn: ({ signal }) => api.portfolios(signal) });
  const [form, setForm] = useState<PortfolioInput>({ name: '', description: '' });
  const [invalid, setInvalid] = useState<ApiError | null>(null);
  const [editingId, setEditingId] = useState<Portfolio['id'] | null>(null);
  const creation = useMutation({
    mutationFn: api.createPortfolio,
    onSuccess: (created) => {
      setForm({ name: '', description: '' });
      return afterChange(queryClient, (list) => [...list, created]);
    },
  });
  const creating = creation.isPending;
  const error = invalid ?? creation.error;

  function create(e: FormEvent) {
    e.preventDefault();
    if (creating) return;
    const problem = validate(form);
    setInvalid(problem);
    if (problem) return;
    creation.mutate(clean(form));
  }

  const list = portfolios.data ?? [];

  return (
    <section>
      <header className="page-header">
        <div>
          <h1>Portfolios</h1>
          <p className="muted">Group your holdings into portfolios your assistant can reason about.</p>
        </div>
      </header>

      <form className="panel portfolio-form" onSubmit={create} noValidate>
        <h2>New portfolio</h2>
        <ErrorMessage error={error} />
        <div className="form-row">
          <label className="field">
            <span>Name</span>
            <input
              type="text"
              data-testid="portfolio-name"
              value={form.name}
              maxLength={PORTFOLIO_NAME_MAX}
              placeholder="e.g. Retirement"
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              aria-invalid={hasFieldError(error, 'name') || undefined}
            />
          </label>
          <label className="field grow">
            <span>Description</span>
            <input
              type="text"
              data-testid="portfolio-description"
              value={form.description}
              placeholder="Optional"
              onChange={(e) => setForm({ ...form, description: e.target.value })}
              aria-invalid={hasFieldError(error, 'description') || undefined}
            />
          </label>
          <button type="submit" className="btn btn-primary" data-testid="create-portfolio-button" disabled={creating}>
            {creating ? 'Creating…' : 'Create portfolio'}
          </button>
        </div>
      </form>

      {portfolios.error != null && (
        <>
          <ErrorMessage error={portfolios.error} />
          <button type="button" className="btn" onClick={() => void portfolios.refetch()}>
            Try again
          </button>
        </>
      )}
      {portfolios.isPending && <p className="muted">Loading portfolios…</p>}
      {!portfolios.isPending && !portfolios.error && list.length === 0 && (
        <p className="muted" data-testid="portfolios-empty">
          You have no portfolios yet. Create your first one above.
        </p>
      )}

      <ul className="portfolio-list">
        {list.map((p) =>
          editingId === p.id ? (
            <PortfolioEditor
              key={p.id}
              portfolio={p}
              onCancel={() => setEditingId(null)}
              onSaved={(updated) => {
                void afterChange(queryClient, (items) => items.map((x) => (x.id === p.id ? updated : x)));
                setEditingId(null);
              }}
            />
          ) : (
            <PortfolioRow
              key={p.id}
              portfolio={p}
              onEdit={() => setEditingId(p.id)}
              onDeleted={() => {
                queryClient.removeQueries({ queryKey: queryKeys.portfolio(String(p.id)) });
                void afterChange(queryClient, (items) => items.filter((x) => x.id !== p.id));
              }}
            />
          ),
        )}
      </ul>
    </section>
  );
}

function PortfolioRow({
  portfolio,
  onEdit,
  onDeleted,
}: {
  portfolio: Portfolio;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const deletion = useMutation({
    mutationFn: () => api.deletePortfolio(portfolio.id),
    onSuccess: onDeleted,
    onError: () => setConfirming(false),
  });
  const deleting = deletion.isPending;
  const error = deletion.error;

  function remove() {
    deletion.mutate();
  }

  return (
    <li className="portfolio-row" data-testid="portfolio-row" data-portfolio-id={String(portfolio.id)}>
      <div className="portfolio-main">
        <strong className="portfolio-title" data-testid="portfolio-row-name">
          <Link href={`/portfolios/${encodeURIComponent(String(portfolio.id))}`} data-testid="open-portfolio">
            {portfolio.name}
          </Link>
        </strong>
        {portfolio.description && <p className="portfolio-desc">{portfolio.description}</p>}
        <p className="muted small">Updated {formatDate(portfolio.updatedAt || portfolio.createdAt)}</p>
        <ErrorMessage error={error} />
      </div>
      <div className="row-actions">
        {confirming ? (
          <>
            <span className="small">Delete “{portfolio.name}”?</span>
            <button
              type="button"
              className="btn btn-danger"
              data-testid="confirm-delete-button"
              onClick={remove}
              disabled={deleting}
            >
              {deleting ? 'Deleting…' : 'Delete'}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)} disabled={deleting}>
              Cancel
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn" data-testid="edit-portfolio-button" onClick={onEdit}>
              Edit
            </button>
            <button
              type="button"
              className="btn btn-danger-outline"
              data-testid="delete-portfolio-button"
              onClick={() => setConfirming(true)}
            >
              Delete
            </button>
          </>
        )}
      </div>
    </li>
  );
}

function PortfolioEditor({
  portfolio,
  onCancel,
  onSaved,
}: {
  portfolio: Portfolio;
  onCancel: () => void;
  onSaved: (p: Portfolio) => void;
}) {
  const [form, setForm] = useState<PortfolioInput>({
    name: portfolio.name,
    description: portfolio.description ?? '',
  });
  const [invalid, setInvalid] = useState<ApiError | null>(null);
  const update = useMutation({
    mutationFn: (input: PortfolioInput) => api.updatePortfolio(portfolio.id, input),
    onSuccess: onSaved,
  });
  const saving = update.isPending;
  const error = invalid ?? update.error;

  function save(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const problem = validate(form);
    setInvalid(problem);
    if (problem) return;
    update.mutate(clean(form));
  }

  return (
    <li className="portfolio-row editing" data-testid="portfolio-row" data-portfolio-id={String(portfolio.id)}>
      <form className="portfolio-edit" onSubmit={save} noValidate>
        <ErrorMessage error={error} />
        <div className="form-row">
          <label className="field">
            <span>Name</span>
            <input
              type="text"
              data-testid="edit-portfolio-name"
              value={form.name}
              maxLength={PORTFOLIO_NAME_MAX}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              aria-invalid={hasFieldError(error, 'name') || undefined}
              autoFocus
            />
          </label>
          <label className="field grow">
            <span>Description</span>
            <input
              type="text"
              data-testid="edit-portfolio-description"
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
              aria-invalid={hasFieldError(error, 'description') || undefined}
            />
          </label>
          <button type="submit" className="btn btn-primary" data-testid="save-portfolio-button" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="btn" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
        </div>
      </form>
    </li>
  );
}
