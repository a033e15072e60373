'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '@/lib/api';
import { ASSISTANT_KEY, useStoredValue, writeStored } from '@/lib/storage';
import { queryKeys } from '@/lib/queries';
import AssistantCard from './AssistantCard';
import ErrorMessage from './ErrorMessage';

/** Assistant selector; `/assistants/<id>` deep links scroll to and outline that card. */
export default function AssistantsView({ focusId }: { focusId: string | null }) {
  const assistants = useQuery({ queryKey: queryKeys.assistants, queryFn: ({ signal }) => api.assistants(signal) });
  const selectedId = useStoredValue(ASSISTANT_KEY);
  const list = assistants.data ?? [];
  const selected = list.find((a) => a.id === selectedId);

  useEffect(() => {
    if (!focusId || !assistants.data) return;
    document.getElementById(`assistant-${focusId}`)?.scrollIntoView({ block: 'center' });
  }, [focusId, assistants.data]);

  return (
    <section>
      <header className="page-header">
        <div>
          <h1>Assistants</h1>
          <p className="muted">
            Choose who you want to talk to.{' '}
            {selected ? (
              <>
                Current assistant: <strong>{selected.name}</strong>.
              </>
            ) : (
              'No assistant selected yet.'
            )}
          </p>
        </div>
      </header>

      <ErrorMessage error={assistants.error} />
      {assistants.error != null && (
        <button type="button" className="btn" onClick={() => void assistants.refetch()}>
          Try again
        </button>
      )}
      {assistants.isPending && <p className="muted">Loading assistants…</p>}
      {!assistants.isPending && !assistants.error && list.length === 0 && (
        <p className="muted">No assistants are available.</p>
      )}

      <div className="assistant-grid">
        {list.map((a) => (
          <AssistantCard
            key={a.id}
            assistant={a}
            selected={a.id === selectedId}
            focused={a.id === focusId}
            onSelect={(id) => writeStored(ASSISTANT_KEY, id)}
          />
        ))}
      </div>
    </section>
  );
}
