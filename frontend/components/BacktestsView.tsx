'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ColorType, LineSeries, createChart, type UTCTimestamp } from 'lightweight-charts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  getToken,
  type BacktestFigures,
  type BacktestProgress,
  type BacktestRequest,
  type BacktestSymbolResult,
} from '@/lib/api';
import { queryKeys } from '@/lib/queries';
import { navigate } from '@/lib/router';
import ErrorMessage from './ErrorMessage';
import Link from './Link';
import { percent } from './format';

const ASSISTANTS = ['analyst', 'trader', 'advisor', 'riskManager', 'economist', 'general'];
const STRATEGY_COLOURS: Record<string, string> = {
  Debate: '#2563eb',
  'Buy and hold': '#111827',
  MACD: '#f59e0b',
  'KDJ & RSI': '#10b981',
  ZMR: '#ef4444',
  SMA: '#8b5cf6',
};

/** The user's backtests and the form that starts one. */
export default function BacktestsView() {
  const queryClient = useQueryClient();
  const backtests = useQuery({ queryKey: queryKeys.backtests, queryFn: ({ signal }) => api.backtests(signal) });
  const [symbols, setSymbols] = useState('AAPL');
  const [from, setFrom] = useState('2014-01-01');
  const [to, setTo] = useState('2017-12-31');
  const [frequency, setFrequency] = useState('weekly');
  const [assistantType, setAssistantType] = useState('analyst');
  const [costBasisPoints, setCostBasisPoints] = useState('10');
  const starting = useMutation({
    mutationFn: (input: BacktestRequest) => api.startBacktest(input),
    onSuccess: (started) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.backtests, exact: true });
      navigate(`/backtests/${started.id}`);
    },
  });
  const busy = starting.isPending;
  const error = starting.error;

  function start(event: FormEvent) {
    event.preventDefault();
    starting.mutate({
      symbols: symbols.split(/[\s,]+/).filter(Boolean),
      from,
      to,
      frequency,
      assistantType,
      costBasisPoints: Number(costBasisPoints),
    });
  }

  return (
    <section>
      <header className="page-header">
        <h1>Backtests</h1>
      </header>
      <form className="panel form-grid" onSubmit={start} data-testid="backtest-form">
        <p className="muted small">
          On each rebalance day the assistant&apos;s debate runs as of that day: prices to the previous close, and only
          news, filings and posts published before it. Its ratings are traded (strong buy 100 %, buy 75 %, hold 50 %,
          sell 25 %, strong sell 0 %; no rating leaves the holding unchanged) against buy-and-hold and the rule
          baselines of the TradingAgents paper, on the same days and costs.
        </p>
        <label>
          Symbols
          <input value={symbols} onChange={(e) => setSymbols(e.target.value)} data-testid="backtest-symbols" />
        </label>
        <label>
          From
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="backtest-from" />
        </label>
        <label>
          To
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="backtest-to" />
        </label>
        <label>
          Rebalance
          <select value={frequency} onChange={(e) => setFrequency(e.target.value)} data-testid="backtest-frequency">
            <option value="weekly">Weekly</option>
            <option value="monthly">Monthly</option>
          </select>
        </label>
        <label>
          Assistant
          <select value={assistantType} onChange={(e) => setAssistantType(e.target.value)}>
            {ASSISTANTS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          Cost per trade (basis points)
          <input value={costBasisPoints} onChange={(e) => setCostBasisPoints(e.target.value)} inputMode="decimal" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="backtest-start">
          {busy ? 'Starting…' : 'Run backtest'}
        </button>
        <ErrorMessage error={error} />
      </form>
      <section className="panel">
        <h2>Your backtests</h2>
        <ErrorMessage error={backtests.error} />
        {backtests.data && backtests.data.length === 0 && <p className="muted">None yet.</p>}
        {backtests.data && backtests.data.length > 0 && (
          <table className="table" data-testid="backtest-list">
            <thead>
              <tr>
                <th>Symbols</th>
                <th>Period</th>
                <th>Assistant</th>
                <th>Status</th>
                <th className="num">Debates</th>
              </tr>
            </thead>
            <tbody>
              {backtests.data.map((b) => (
                <tr key={b.id}>
                  <td>
                    <Link href={`/backtests/${b.id}`}>{b.request.symbols.join(', ')}</Link>
                  </td>
                  <td>
                    {b.request.from} – {b.request.to} ({b.request.frequency.toLowerCase()})
                  </td>
                  <td>{b.request.assistantType}</td>
                  <td>{b.status}</td>
                  <td className="num">
                    {b.debatesDone} / {b.debatesTotal}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}

/** One backtest: its progress while it runs (streamed), then each symbol's curves, figures and calls. */
export function BacktestView({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const loaded = useQuery({ queryKey: queryKeys.backtest(id), queryFn: ({ signal }) => api.backtest(id, signal) });
  const backtest = loaded.data ?? null;
  const [progress, setProgress] = useState<BacktestProgress | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.backtest(id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.backtests, exact: true });
  };
  const cancelling = useMutation({ mutationFn: () => api.cancelBacktest(id), onSuccess: refresh });
  const replaying = useMutation({
    mutationFn: () => api.replayBacktest(id),
    onSuccess: (replayed) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.backtests, exact: true });
      navigate(`/backtests/${replayed.id}`);
    },
  });
  const error = loaded.error ?? cancelling.error ?? replaying.error;

  useEffect(() => {
    const token = getToken();
    if (!token) return;
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${window.location.host}/ws/portfolio?access_token=${encodeURIComponent(token)}`);
    socket.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as { type: string; id?: string };
      if (event.type !== 'backtest' || event.id !== id) return;
      const update = event as BacktestProgress;
      setProgress(update);
      // The state changed (claimed, ended): fetch the backtest again rather than patch it here.
      if (update.status !== 'running' || update.done === update.total) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.backtest(id) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.backtests, exact: true });
      }
    };
    return () => socket.close();
  }, [id, queryClient]);

  function cancel() {
    cancelling.mutate();
  }

  function replay() {
    replaying.mutate();
  }

  const running = backtest && (backtest.status === 'pending' || backtest.status === 'running');
  const done = progress?.done ?? backtest?.debatesDone ?? 0;
  const total = progress?.total ?? backtest?.debatesTotal ?? 0;
  return (
    <section>
      <header className="page-header">
        <h1>
          Backtest {backtest ? `of ${backtest.request.symbols.join(', ')}` : ''}
        </h1>
        <Link href="/backtests">All backtests</Link>
      </header>
      <ErrorMessage error={error} />
      {backtest && (
        <section className="panel" data-testid="backtest-status">
          <p>
            {backtest.request.assistantType} debates, {backtest.request.frequency.toLowerCase()} from{' '}
            {backtest.request.from} to {backtest.request.to} — <strong data-testid="backtest-state">{backtest.status}</strong>
          </p>
          <progress max={Math.max(total, 1)} value={done} data-testid="backtest-progress" />
          <span className="muted small">
            {' '}
            {done} of {total} debates
            {progress?.day && running ? ` — last: ${progress.symbol} on ${progress.day} ${progress.rating ?? '(no rating)'}` : ''}
          </span>
          {running && (
            <button type="button" className="btn btn-small" onClick={cancel} data-testid="backtest-cancel">
              Cancel
            </button>
          )}
          {backtest.status === 'completed' && (
            <button type="button" className="btn btn-small" onClick={replay} data-testid="backtest-replay">
              Replay
            </button>
          )}
          {backtest.error && <p className="error">{backtest.error}</p>}
          {backtest.result?.stopReason && <p className="muted">Stopped: {backtest.result.stopReason}</p>}
        </section>
      )}
      {backtest?.result?.symbols.map((symbol) => <SymbolResult key={symbol.symbol} result={symbol} />)}
    </section>
  );
}

function SymbolResult({ result }: { result: BacktestSymbolResult }) {
  const textItems = result.calls.reduce((sum, call) => sum + call.textItems, 0);
  return (
    <section className="panel" data-testid={`backtest-result-${result.symbol}`}>
      <h2>{result.symbol}</h2>
      <p className="muted small">
        Prices: {result.source}. Text evidence dated before each day: {textItems} item(s) over {result.calls.length}{' '}
        debates{textItems === 0 ? ' — offline, dated text covers only February 2015 tweets and the SEC samples, so these debates rested on prices alone' : ''}.
      </p>
      <EquityChart result={result} />
      <table className="table" data-testid="backtest-figures">
        <thead>
          <tr>
            <th>Strategy</th>
            <th className="num">Cumulative return</th>
            <th className="num">Annual return</th>
            <th className="num">Sharpe</th>
            <th className="num">Max drawdown</th>
            <th className="num">Hit rate</th>
            <th className="num">Trades</th>
            <th className="num">Costs</th>
          </tr>
        </thead>
        <tbody>
          {result.strategies.map((strategy) => (
            <FigureRow key={strategy.name} name={strategy.name} figures={strategy.figures} />
          ))}
        </tbody>
      </table>
      <details>
        <summary>Every rebalance&apos;s call ({result.calls.length})</summary>
        <table className="table" data-testid="backtest-calls">
          <thead>
            <tr>
              <th>Day</th>
              <th>Rating</th>
              <th className="num">Held</th>
              <th>Headline</th>
            </tr>
          </thead>
          <tbody>
            {result.calls.map((call) => (
              <tr key={call.day}>
                <td>{call.day}</td>
                <td>
                  <Link href={`/debates/${call.debateId}`}>{call.rating ?? 'no rating'}</Link>
                </td>
                <td className="num">{call.exposure == null ? 'unchanged' : `${Math.round(call.exposure * 100)} %`}</td>
                <td className="small">{call.headline}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function FigureRow({ name, figures }: { name: string; figures: BacktestFigures }) {
  const pct = (v: number | null) => (v == null ? '—' : percent(v * 100));
  return (
    <tr>
      <td>
        <span className="legend-swatch" style={{ background: STRATEGY_COLOURS[name] ?? '#6b7280' }} /> {name}
      </td>
      <td className="num">{pct(figures.cumulativeReturn)}</td>
      <td className="num">{pct(figures.annualReturn)}</td>
      <td className="num">{figures.sharpeRatio == null ? '—' : figures.sharpeRatio.toFixed(2)}</td>
      <td className="num">{pct(figures.maxDrawdown)}</td>
      <td className="num">{figures.hitRate == null ? '—' : `${Math.round(figures.hitRate * 100)} %`}</td>
      <td className="num">{figures.trades}</td>
      <td className="num">{figures.costs == null ? '—' : figures.costs.toFixed(2)}</td>
    </tr>
  );
}

/** Each strategy's value every day, from the same starting cash, with lightweight-charts. */
function EquityChart({ result }: { result: BacktestSymbolResult }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const chart = createChart(container.current, {
      height: 300,
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#4b5563' },
      timeScale: { borderVisible: false },
      grid: { vertLines: { visible: false } },
    });
    const times = result.dates.map((d) => (Date.parse(`${d}T00:00:00Z`) / 1000) as UTCTimestamp);
    for (const { name, values } of result.strategies) {
      chart
        .addSeries(LineSeries, {
          color: STRATEGY_COLOURS[name] ?? '#6b7280',
          lineWidth: name === 'Debate' ? 3 : 1,
          title: name,
        })
        .setData(values.map((value, i) => ({ time: times[i], value })));
    }
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [result]);
  return (
    <figure className="chart" data-testid="backtest-chart">
      <div ref={container} />
    </figure>
  );
}
