'use client';

import { useEffect } from 'react';
import { api } from '@/lib/api';
import { ASSISTANT_KEY, useStoredValue, writeStored } from '@/lib/storage';
import { useResource } from '@/lib/useResource';
import AssistantCard from './AssistantCard';
import ErrorMessage from './ErrorMessage';

/** Assistant selector; `/assistants/<id>` deep links scroll to and outline that card. */
export default function AssistantsView({ focusId }: { focusId: string | null }) {
  const assistants = useResource(api.assistants);
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
        <button type="button" className="btn" onClick={assistants.reload}>
          Try again
        </button>
      )}
      {assistants.loading && <p className="muted">Loading assistants…</p>}
      {!assistants.loading && !assistants.error && list.length === 0 && (
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
