'use client';

import { api } from '@/lib/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DashboardAlert, DashboardWatch } from '@/lib/dashboard';
import { queryKeys } from '@/lib/queries';
import ErrorMessage from './ErrorMessage';
import Link from './Link';

/**
 * Rating changes on held positions, each linking the debate that changed it, and muting per symbol. The dashboard's
 * GraphQL query loads them; a change reloads that query.
 */
export default function AlertsPanel({ alerts, watches }: { alerts?: DashboardAlert[]; watches?: DashboardWatch[] }) {
  const queryClient = useQueryClient();
  const reload = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.dashboard }),
      queryClient.invalidateQueries({ queryKey: queryKeys.alerts }),
    ]);
  const readAlert = useMutation({ mutationFn: api.readAlert, onSuccess: reload });
  const muteSymbol = useMutation({
    mutationFn: ({ symbol, muted }: { symbol: string; muted: boolean }) => api.muteSymbol(symbol, muted),
    onSuccess: reload,
  });

  return (
    <article className="panel" data-testid="dashboard-alerts">
      <h2>Alerts on your holdings</h2>
      <ErrorMessage error={readAlert.error ?? muteSymbol.error} />
      {alerts && alerts.length === 0 && (
        <p className="muted">No rating changes yet. Debates on symbols you hold are remembered and compared.</p>
      )}
      <ul className="plain-list">
        {(alerts ?? []).map((a) => (
          <li key={a.id} className={a.readAt ? 'muted' : undefined} data-testid="alert-row">
            {a.message}
            {a.debateId && (
              <>
                {' '}
                <Link href={`/debates/${a.debateId}`}>debate</Link>
              </>
            )}
            {!a.readAt && (
              <button type="button" className="btn small" onClick={() => readAlert.mutate(a.id)}>
                Mark read
              </button>
            )}
          </li>
        ))}
      </ul>
      {watches && watches.length > 0 && (
        <table className="table small">
          <tbody>
            {watches.map((w) => (
              <tr key={w.symbol}>
                <td>{w.symbol}</td>
                <td>{w.rating.replace('_', ' ')}</td>
                <td>
                  <button type="button" className="btn small" onClick={() => muteSymbol.mutate({ symbol: w.symbol, muted: !w.muted })}>
                    {w.muted ? 'Unmute' : 'Mute'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
