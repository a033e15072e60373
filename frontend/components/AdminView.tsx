'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type AdminUserPage, type AuditFilter } from '@/lib/api';
import { queryKeys } from '@/lib/queries';
import AuditTable from './AuditTable';
import ErrorMessage from './ErrorMessage';
import Link from './Link';
import Pager from './Pager';

const PAGE_SIZE = 25;

/** The administration pages' tabs. */
export function AdminTabs({ current }: { current: 'users' | 'audit' | 'clients' }) {
  return (
    <nav className="row-actions" aria-label="Administration">
      <Link href="/admin/users" className="btn btn-small" aria-current={current === 'users' ? 'page' : undefined}
        data-testid="admin-tab-users">
        Users
      </Link>
      <Link href="/admin/audit" className="btn btn-small" aria-current={current === 'audit' ? 'page' : undefined}
        data-testid="admin-tab-audit">
        Audit log
      </Link>
      <Link href="/admin/clients" className="btn btn-small" aria-current={current === 'clients' ? 'page' : undefined}
        data-testid="admin-tab-clients">
        Partner clients
      </Link>
    </nav>
  );
}

/** Admins: every account, with disable and enable. */
export function AdminUsersView({ selfId }: { selfId: string | number | undefined }) {
  const [page, setPage] = useState(0);
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: queryKeys.adminUsers(page, PAGE_SIZE),
    queryFn: ({ signal }) => api.adminUsers(page, PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
  });
  const data = users.data;
  const toggling = useMutation({
    mutationFn: ({ id, disable }: { id: string; disable: boolean }) => api.setUserDisabled(id, disable),
    onSuccess: (changed) => {
      queryClient.setQueryData<AdminUserPage>(queryKeys.adminUsers(page, PAGE_SIZE), (current) =>
        current ? { ...current, users: current.users.map((u) => (u.id === changed.id ? changed : u)) } : current,
      );
      return queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
  const busyId = toggling.isPending ? toggling.variables.id : null;
  const error = users.error ?? toggling.error;

  function toggle(id: string, disable: boolean) {
    toggling.mutate({ id, disable });
  }

  return (
    <section className="panel">
      <header className="page-header">
        <div>
          <h1>Users</h1>
          <p className="muted">A disabled account cannot sign in, and its tokens stop working at once.</p>
        </div>
        <AdminTabs current="users" />
      </header>
      <ErrorMessage error={error} />
      {data && (
        <>
          <table className="table" data-testid="admin-users-table">
            <thead>
              <tr>
                <th>E-mail</th>
                <th>Name</th>
                <th>Roles</th>
                <th>Created</th>
                <th>Status</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.users.map((u) => (
                <tr key={u.id} data-testid="admin-user-row" data-email={u.email}>
                  <td>{u.email}</td>
                  <td>{u.displayName ?? ''}</td>
                  <td className="small">
                    {u.roles.join(', ')}
                    {u.sso ? ' (SSO)' : ''}
                  </td>
                  <td className="small">{new Date(u.createdAt).toLocaleDateString()}</td>
                  <td data-testid="admin-user-status">{u.disabled ? 'disabled' : 'active'}</td>
                  <td>
                    {String(u.id) !== String(selfId) && (
                      <button
                        type="button"
                        className="btn btn-small"
                        data-testid={u.disabled ? 'enable-user' : 'disable-user'}
                        disabled={busyId !== null}
                        onClick={() => toggle(u.id, !u.disabled)}
                      >
                        {u.disabled ? 'Enable' : 'Disable'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} total={data.total} size={PAGE_SIZE} onPage={setPage} />
        </>
      )}
    </section>
  );
}

/** Admins: the audit log, filtered by actor, action, outcome and time. */
export function AdminAuditView() {
  const [draft, setDraft] = useState<AuditFilter>({});
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(0);
  const { data, error } = useQuery({
    queryKey: queryKeys.audit(filter, page, PAGE_SIZE),
    queryFn: ({ signal }) => api.audit(filter, page, PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
  });

  function apply(e: FormEvent) {
    e.preventDefault();
    const toInstant = (local?: string) => (local ? new Date(local).toISOString() : undefined);
    setFilter({ ...draft, from: toInstant(draft.from), to: toInstant(draft.to) });
    setPage(0);
  }

  const field = (key: keyof AuditFilter) => ({
    value: draft[key] ?? '',
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
  });

  return (
    <section className="panel">
      <header className="page-header">
        <div>
          <h1>Audit log</h1>
          <p className="muted">Who did what, when, from which address, and how it ended. Nothing here holds a secret.</p>
        </div>
        <AdminTabs current="audit" />
      </header>
      <form className="inline-form" onSubmit={apply} noValidate data-testid="audit-filter">
        <input placeholder="Actor id" data-testid="audit-actor" {...field('actor')} />
        <input placeholder="Action, e.g. auth.sign_in" data-testid="audit-action" {...field('action')} />
        <select data-testid="audit-outcome" {...field('outcome')}>
          <option value="">Any outcome</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
          <option value="denied">Denied</option>
        </select>
        <input type="datetime-local" aria-label="From" data-testid="audit-from" {...field('from')} />
        <input type="datetime-local" aria-label="To" data-testid="audit-to" {...field('to')} />
        <button type="submit" className="btn btn-small" data-testid="audit-apply">
          Filter
        </button>
      </form>
      <ErrorMessage error={error} />
      {data && (
        <>
          <p className="muted small" data-testid="audit-total">
            {data.total} events
          </p>
          <AuditTable entries={data.entries} showActor />
          <Pager page={page} total={data.total} size={PAGE_SIZE} onPage={setPage} />
        </>
      )}
    </section>
  );
}
