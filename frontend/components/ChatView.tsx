'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, type ChatAnswer } from '@/lib/api';
import { ASSISTANT_KEY, useStoredValue } from '@/lib/storage';
import { queryKeys } from '@/lib/queries';
import ErrorMessage from './ErrorMessage';
import Link from './Link';

interface Line {
  role: 'user' | 'assistant';
  text: string;
  answer?: ChatAnswer;
  /** An answer still arriving. */
  streaming?: boolean;
}

/** The lines with a piece of the answer added to the answer being streamed, which starts with the first piece. */
function withPartial(lines: Line[], piece: string): Line[] {
  const last = lines[lines.length - 1];
  if (last?.streaming) return [...lines.slice(0, -1), { ...last, text: last.text + piece }];
  return [...lines, { role: 'assistant', text: piece, streaming: true }];
}

function withoutStreamed(lines: Line[]): Line[] {
  return lines[lines.length - 1]?.streaming ? lines.slice(0, -1) : lines;
}

/** A conversation with the selected assistant, which remembers it; and what it remembers about you. */
export default function ChatView() {
  const assistant = useStoredValue(ASSISTANT_KEY) ?? 'general';
  const [lines, setLines] = useState<Line[]>([]);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const queryClient = useQueryClient();
  const memories = useQuery({ queryKey: queryKeys.memories, queryFn: ({ signal }) => api.memories(signal) });
  // Always the server's copy: the conversation goes on elsewhere (another tab) and is not cached between visits.
  const history = useQuery({
    queryKey: queryKeys.chatHistory(assistant),
    queryFn: ({ signal }) => api.chatHistory(assistant, signal),
    staleTime: 0,
    gcTime: 0,
    // Fetched once per visit: a refetch would replace the lines of a conversation going on here.
    refetchOnReconnect: false,
  });
  const forgetting = useMutation({
    mutationFn: (id?: string) => (id ? api.forgetMemory(id) : api.forgetEverything()),
    onSuccess: (_, id) => {
      if (!id) setLines([]);
      return queryClient.invalidateQueries({ queryKey: queryKeys.memories });
    },
  });

  useEffect(() => {
    if (history.data) setLines(history.data.map((h) => ({ role: h.role, text: h.text })));
  }, [history.data]);

  async function send(e: FormEvent) {
    e.preventDefault();
    const text = message.trim();
    if (!text || busy) return;
    setBusy(true);
    setError(null);
    setLines((l) => [...l, { role: 'user', text }]);
    setMessage('');
    try {
      const answer = await api.chatStream({ assistantId: assistant, message: text, symbols: [] }, (piece) =>
        setLines((l) => withPartial(l, piece)),
      );
      setLines((l) => [...withoutStreamed(l), { role: 'assistant', text: answer.answer, answer }]);
      if (answer.learned.length > 0) void queryClient.invalidateQueries({ queryKey: queryKeys.memories });
    } catch (err) {
      // a failed turn is not remembered, so its partial answer goes too
      setLines((l) => withoutStreamed(l));
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function forget(id?: string) {
    forgetting.mutate(id);
  }

  return (
    <section>
      <header className="page-header">
        <div>
          <h1>Chat</h1>
          <p className="muted">
            Talking to the <strong>{assistant}</strong> assistant (<Link href="/assistants">change</Link>). It remembers
            the conversation and what you tell it about yourself.
          </p>
        </div>
      </header>
      <section className="panel">
        <ol className="plain-list chat-lines" data-testid="chat-lines">
          {lines.map((line, i) => (
            <li key={i} className={`chat-line ${line.role}`} data-testid={`chat-${line.role}`}>
              <p>{line.text}</p>
              {line.answer && (
                <p className="small muted" data-testid="chat-answer-details">
                  {line.answer.model} · {line.answer.toolCalls.map((t) => t.tool).join(', ') || 'no tools'}
                  {line.answer.learned.length > 0 && ` · remembered: ${line.answer.learned.map((m) => m.content).join('; ')}`}
                </p>
              )}
            </li>
          ))}
        </ol>
        <ErrorMessage error={error ?? history.error ?? forgetting.error} />
        <form className="inline-form" onSubmit={send}>
          <input
            className="grow"
            data-testid="chat-message"
            value={message}
            placeholder="Ask about a symbol, your portfolio, or tell it your risk tolerance…"
            onChange={(e) => setMessage(e.target.value)}
          />
          <button type="submit" className="btn btn-primary" data-testid="chat-send" disabled={busy}>
            {busy ? 'Thinking…' : 'Send'}
          </button>
        </form>
      </section>
      <section className="panel">
        <header className="page-header">
          <h2>What the assistants remember about you</h2>
          <button type="button" className="btn btn-danger-outline" data-testid="forget-everything" onClick={() => forget()}>
            Forget everything
          </button>
        </header>
        <ul className="plain-list" data-testid="memories">
          {(memories.data ?? []).map((m) => (
            <li key={m.id} data-testid="memory">
              <span className="badge">{m.kind.replace('_', ' ')}</span> {m.content}{' '}
              <button type="button" className="btn btn-small" onClick={() => forget(m.id)}>
                Forget
              </button>
            </li>
          ))}
          {(memories.data ?? []).length === 0 && <li className="muted">Nothing yet.</li>}
        </ul>
      </section>
    </section>
  );
}
