'use client';

import type { AuditEntry } from '@/lib/api';
import TableScroll from './TableScroll';

function when(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

function actor(entry: AuditEntry): string {
  if (entry.actorKind === 'USER' || entry.actorKind === 'CLIENT') return `${entry.actorKind.toLowerCase()} ${entry.actorId}`;
  return entry.actorKind.toLowerCase();
}

/** Audit log entries, newest first; the admin log and a user's own security events share it. */
export default function AuditTable({ entries, showActor }: { entries: AuditEntry[]; showActor: boolean }) {
  if (entries.length === 0) return <p className="muted" data-testid="audit-empty">No events.</p>;
  return (
    <TableScroll label="Audit log"><table className="table" data-testid="audit-table">
      <thead>
        <tr>
          <th>When</th>
          {showActor && <th>Who</th>}
          <th>What</th>
          <th>Outcome</th>
          <th>Target</th>
          <th>Detail</th>
          <th>From</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-testid="audit-row">
            <td className="small">{when(e.occurredAt)}</td>
            {showActor && <td className="small">{actor(e)}</td>}
            <td>{e.action}</td>
            <td className={e.outcome === 'SUCCESS' ? 'positive' : 'negative'}>{e.outcome.toLowerCase()}</td>
            <td className="small">{e.target ?? ''}</td>
            <td className="small">{e.detail ?? ''}</td>
            <td className="small">{e.clientAddress ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table></TableScroll>
  );
}
