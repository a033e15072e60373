'use client';

import { api } from '@/lib/api';
import { useResource } from '@/lib/useResource';
import ErrorMessage from './ErrorMessage';
import Link from './Link';

/** Rating changes on held positions, each linking the debate that changed it, and muting per symbol. */
export default function AlertsPanel() {
  const alerts = useResource((signal) => api.alerts(signal));
  const watches = useResource((signal) => api.ratingWatches(signal));

  async function read(id: string) {
    await api.readAlert(id);
    alerts.reload();
  }

  async function mute(symbol: string, muted: boolean) {
    await api.muteSymbol(symbol, muted);
    watches.reload();
  }

  return (
    <article className="panel" data-testid="dashboard-alerts">
      <h2>Alerts on your holdings</h2>
      <ErrorMessage error={alerts.error ?? watches.error} />
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
              <button type="button" className="btn small" onClick={() => read(a.id)}>
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
                  <button type="button" className="btn small" onClick={() => mute(w.symbol, !w.muted)}>
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
