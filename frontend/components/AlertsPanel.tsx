'use client';

import { api } from '@/lib/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/queries';
import ErrorMessage from './ErrorMessage';
import Link from './Link';

/** Rating changes on held positions, each linking the debate that changed it, and muting per symbol. */
export default function AlertsPanel() {
  const queryClient = useQueryClient();
  const alerts = useQuery({ queryKey: queryKeys.alerts, queryFn: ({ signal }) => api.alerts(signal) });
  const watches = useQuery({ queryKey: queryKeys.ratingWatches, queryFn: ({ signal }) => api.ratingWatches(signal) });
  const readAlert = useMutation({
    mutationFn: api.readAlert,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.alerts, exact: true }),
  });
  const muteSymbol = useMutation({
    mutationFn: ({ symbol, muted }: { symbol: string; muted: boolean }) => api.muteSymbol(symbol, muted),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.ratingWatches }),
  });

  return (
    <article className="panel" data-testid="dashboard-alerts">
      <h2>Alerts on your holdings</h2>
      <ErrorMessage error={alerts.error ?? watches.error ?? readAlert.error ?? muteSymbol.error} />
      {alerts.data && alerts.data.length === 0 && (
        <p className="muted">No rating changes yet. Debates on symbols you hold are remembered and compared.</p>
      )}
      <ul className="plain-list">
        {(alerts.data ?? []).map((a) => (
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
      {watches.data && watches.data.length > 0 && (
        <table className="table small">
          <tbody>
            {watches.data.map((w) => (
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
