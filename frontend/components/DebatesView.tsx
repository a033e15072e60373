'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, getToken, type DebateEvent, type DebatePosition } from '@/lib/api';
import { navigate } from '@/lib/router';
import { ASSISTANT_KEY, useStoredValue } from '@/lib/storage';
import { queryKeys } from '@/lib/queries';
import ErrorMessage from './ErrorMessage';
import Link from './Link';

const ASSISTANTS = [
  ['general', 'General Assistant'],
  ['analyst', 'Financial Analyst'],
  ['trader', 'Trading Assistant'],
  ['advisor', 'Investment Advisor'],
  ['riskManager', 'Risk Manager'],
  ['economist', 'Macro Economist'],
];

const stance = (name: string) => name.replace('_', ' ').toLowerCase();

/** The debate's answer in words: a rating, or "insufficient evidence" when the debate lacked it. */
const verdict = (recommendation: { rating?: string | null; insufficientEvidence?: boolean }) =>
  recommendation.insufficientEvidence || !recommendation.rating ? 'insufficient evidence' : stance(recommendation.rating);

/** Ask the assistants a question: they search, analyse, debate and agree (or not) on a recommendation. */
export function DebatesView() {
  const stored = useStoredValue(ASSISTANT_KEY);
  const [query, setQuery] = useState('');
  const [assistant, setAssistant] = useState<string | null>(null);
  const [symbols, setSymbols] = useState('');
  const queryClient = useQueryClient();
  const past = useQuery({ queryKey: queryKeys.debates, queryFn: ({ signal }) => api.debates(signal) });
  const starting = useMutation({
    mutationFn: api.startDebate,
    onSuccess: ({ id }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.debates, exact: true });
      navigate(`/debates/${id}`);
    },
  });
  // Busy from the request until the view changes to the new debate.
  const busy = starting.isPending || starting.isSuccess;
  const error = starting.error ?? past.error;

  function start(e: FormEvent) {
    e.preventDefault();
    starting.mutate({
      query: query.trim(),
      assistantType: assistant ?? stored ?? 'analyst',
      symbols: symbols.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean),
    });
  }

  return (
    <section>
      <header className="page-header">
        <div>
          <h1>Ask the assistants</h1>
          <p className="muted">
            Several agents with different mandates search, analyse and debate your question, then agree on a
            recommendation — and say where they still disagree.
          </p>
        </div>
      </header>
      <form className="panel" onSubmit={start} noValidate>
        <ErrorMessage error={error} />
        <div className="form-row">
          <label className="field grow">
            <span>Question</span>
            <input data-testid="debate-query" value={query} placeholder="Should I buy Apple now?" onChange={(e) => setQuery(e.target.value)} />
          </label>
          <label className="field">
            <span>Symbols</span>
            <input data-testid="debate-symbols" value={symbols} placeholder="AAPL" onChange={(e) => setSymbols(e.target.value)} />
          </label>
          <label className="field">
            <span>Assistant</span>
            <select data-testid="debate-assistant" value={assistant ?? stored ?? 'analyst'} onChange={(e) => setAssistant(e.target.value)}>
              {ASSISTANTS.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn-primary" data-testid="debate-start" disabled={busy}>
            {busy ? 'Starting…' : 'Ask'}
          </button>
        </div>
      </form>
      {(past.data ?? []).length > 0 && (
        <section className="panel">
          <h2>Earlier questions</h2>
          <ul className="plain-list">
            {(past.data ?? []).map((d) => (
              <li key={d.id}>
                <Link href={`/debates/${d.id}`}>{d.query}</Link>{' '}
                <span className="muted small">
                  {d.symbols.join(', ')} · {d.status}
                  {d.outcome?.recommendation ? ` · ${verdict(d.outcome.recommendation)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

/** One debate, live: its steps as they run, then positions, rounds, consensus and the recommendation. */
export function DebateView({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const loaded = useQuery({ queryKey: queryKeys.debate(id), queryFn: ({ signal }) => api.debate(id, signal) });
  const debate = loaded.data ?? null;
  const [events, setEvents] = useState<DebateEvent[]>([]);
  const replaying = useMutation({
    mutationFn: () => api.replayDebate(id),
    onSuccess: ({ id: replayId }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.debates, exact: true });
      navigate(`/debates/${replayId}`);
    },
  });
  const error = loaded.error ?? replaying.error;

  useEffect(() => {
    const token = getToken();
    if (!token) return;
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${window.location.host}/ws/debates/${encodeURIComponent(id)}?access_token=${encodeURIComponent(token)}`);
    socket.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as DebateEvent;
      if (event.type === 'debate') {
        // The debate's state changed (a round, the outcome): fetch it again rather than patch it here.
        void queryClient.invalidateQueries({ queryKey: queryKeys.debate(id) });
        // The list of past debates shows statuses too.
        void queryClient.invalidateQueries({ queryKey: queryKeys.debates, exact: true });
        return;
      }
      setEvents((list) => {
        const others = list.filter((e) => e.id !== event.id);
        return [...others, event];
      });
    };
    return () => socket.close();
  }, [id, queryClient]);

  function replay() {
    replaying.mutate();
  }

  const outcome = debate?.outcome;
  const evidence = new Map((outcome?.evidence.items ?? []).map((item) => [item.id, item]));
  return (
    <section>
      <header className="page-header">
        <div>
          <h1>{debate?.query ?? 'Debate'}</h1>
          <p className="muted">
            <Link href="/debates">All questions</Link>
            {debate && ` · ${debate.assistantType} · ${debate.symbols.join(', ')} · ${debate.status}`}
            {debate?.model && ` · model: ${debate.model}`}
          </p>
        </div>
        {debate && (debate.status === 'completed' || debate.status === 'failed') && (
          <button type="button" className="btn" data-testid="debate-replay" onClick={replay}
                  title="Run it again on the same evidence, settings and seed">
            Replay
          </button>
        )}
      </header>
      <ErrorMessage error={error} />
      <section className="panel">
        <h2>Steps</h2>
        <ol className="plain-list" data-testid="debate-steps">
          {events.map((e) => (
            <li key={e.id} data-testid="debate-step" data-status={e.status}>
              <strong>{e.agentName}</strong> <span className="small muted">{e.step}</span>{' '}
              <span className={`badge ${e.status === 'failed' ? 'negative' : ''}`}>{e.status}</span>
              {e.tokens != null && <span className="small muted"> {e.tokens} tokens</span>}
              {e.error && <span className="small negative"> {e.error}</span>}
            </li>
          ))}
        </ol>
      </section>
      {outcome?.recommendation && (
        <section className="panel" data-testid="debate-recommendation">
          <h2>
            Recommendation: <span data-testid="debate-rating">{verdict(outcome.recommendation)}</span>
          </h2>
          <p>
            <strong>{outcome.recommendation.headline}</strong>
          </p>
          {outcome.recommendation.insufficientEvidence && (
            <div data-testid="debate-insufficient">
              <p>No rating: a rating needs market data for each symbol and evidence for at least two mandates. Missing:</p>
              <ul>
                {(outcome.recommendation.missing ?? []).map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          )}
          <p>{outcome.recommendation.rationale}</p>
          <Cited label="Evidence" ids={outcome.recommendation.evidence} evidence={evidence} />
          <Notes title="Risks" notes={outcome.recommendation.risks} />
          <Notes title="What would change the view" notes={outcome.recommendation.whatWouldChange} />
          {outcome.recommendation.portfolioActions.length > 0 && (
            <>
              <h3>For your portfolio</h3>
              <ul>
                {outcome.recommendation.portfolioActions.map((a) => (
                  <li key={a.symbol}>
                    <strong>{a.symbol}</strong>: {a.action} — {a.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="small muted">
            Model: {outcome.recommendation.model ?? 'rules'} · {outcome.tokens.input + outcome.tokens.output} tokens
            {outcome.budgetLimited && ' · stopped by the token budget'} · {outcome.stopReason}
          </p>
        </section>
      )}
      {outcome?.consensus && (
        <section className="panel" data-testid="debate-consensus">
          <h2>Consensus: {stance(outcome.consensus.rating)}</h2>
          <p className="small muted">
            Confidence {(outcome.consensus.confidence * 100).toFixed(0)} %, spread {outcome.consensus.spread} notches
            {outcome.consensus.converged ? ', converged' : ', not converged'}
            {(outcome.consensus.abstained ?? []).length > 0 &&
              ` · not counted (abstained): ${(outcome.consensus.abstained ?? []).join(', ')}`}
          </p>
          <h3>Agreed</h3>
          <ul>
            {outcome.consensus.agreement.map((a, i) => (
              <li key={i}>{a.point}</li>
            ))}
          </ul>
          {outcome.consensus.dissent.length > 0 && (
            <>
              <h3>Still disagree</h3>
              <ul data-testid="debate-dissent">
                {outcome.consensus.dissent.map((d) => (
                  <li key={d.participant}>
                    <strong>{d.name}</strong> ({stance(d.stance)}): {d.reasons.map((r) => r.claim).join(' ')}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {outcome && (
        <section className="panel">
          <h2>Positions</h2>
          <Positions title="Initial analysis" positions={outcome.initialPositions} evidence={evidence} />
          {outcome.rounds.map((r) => (
            <Positions key={r.round} title={`Round ${r.round}${r.converged ? ' (converged)' : ''}`} positions={r.positions}
                       evidence={evidence} />
          ))}
        </section>
      )}
      {outcome && (
        <section className="panel">
          <h2>Evidence</h2>
          <ul className="plain-list" data-testid="debate-evidence">
            {outcome.evidence.items.map((item) => (
              <li key={item.id}>
                <code>{item.id}</code> {item.url ? <a href={item.url}>{item.title}</a> : item.title}{' '}
                <span className="small muted">
                  {item.source}
                  {` · ${item.category}`}
                  {item.date ? ` · ${item.date}` : ' · undated'}
                  {item.sentiment != null ? ` · sentiment ${item.sentiment.toFixed(2)}` : ''}
                </span>
              </li>
            ))}
            {outcome.evidence.facts.map((f) => (
              <li key={f.id}>
                <code>{f.id}</code> {f.symbol}: {Object.entries(f.metrics).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')}{' '}
                <span className="small muted">
                  {f.source} · as of {f.asOf}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function Positions({ title, positions, evidence }: { title: string; positions: DebatePosition[]; evidence: Map<string, { title: string; source: string }> }) {
  return (
    <>
      <h3>{title}</h3>
      <ul className="plain-list" data-testid="debate-positions">
        {positions.map((p) =>
          p.abstained || !p.stance ? (
            <li key={p.participant} data-testid="debate-abstained">
              <strong>{p.participant}</strong>: <span className="badge">abstained</span>{' '}
              <span className="small muted">lacked {(p.lacking ?? []).join('; ') || 'evidence for its mandate'}</span>
            </li>
          ) : (
            <li key={p.participant}>
              <strong>{p.participant}</strong>: {stance(p.stance)} ({(p.confidence * 100).toFixed(0)} %)
              {p.revisedFrom && <span className="small muted"> revised from {stance(p.revisedFrom)}</span>} — {p.summary}
              {p.revisedFrom && (p.newEvidence ?? []).length > 0 && (
                <span data-testid="debate-stance-change">
                  <Cited label=" on evidence not weighed before" ids={p.newEvidence ?? []} evidence={evidence} />
                </span>
              )}
              {p.rejectedChange && (
                <span className="small negative" data-testid="debate-rejected-change"> Rejected change: {p.rejectedChange}</span>
              )}
            </li>
          ),
        )}
      </ul>
    </>
  );
}

function Notes({ title, notes }: { title: string; notes: { text: string }[] }) {
  if (notes.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {notes.map((n, i) => (
          <li key={i}>{n.text}</li>
        ))}
      </ul>
    </>
  );
}

function Cited({ label, ids, evidence }: { label: string; ids: string[]; evidence: Map<string, { title: string; source: string }> }) {
  return (
    <p className="small">
      {label}:{' '}
      {ids.map((id) => (
        <code key={id} title={evidence.get(id.split('#')[0])?.title}>
          {id}{' '}
        </code>
      ))}
    </p>
  );
}
