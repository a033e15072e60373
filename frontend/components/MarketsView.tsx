'use client';

import { useQuery } from '@tanstack/react-query';
import { FormEvent, useEffect, useMemo, useState } from 'react';
import { api, getToken } from '@/lib/api';
import { queryKeys } from '@/lib/queries';
import { navigate } from '@/lib/router';
import ComparePanel from './ComparePanel';
import ErrorMessage from './ErrorMessage';
import { chartIndicators, type ChartIndicators } from '@/lib/indicators';
import { liveSession, withLivePrice } from '@/lib/liveBar';
import { rangeFirstIndex } from '@/lib/ranges';
import PriceChart, { type Oscillator, type Overlay } from './PriceChart';

function percent(value: number | null | undefined): string {
  return value == null ? '–' : `${(value * 100).toFixed(2)} %`;
}

/**
 * The range presets: how many months back from the newest bar each starts (null: all there is) and the bars it is
 * drawn with (daily up to a year, then weekly, so that a chart holds at most a few thousand bars);
 * `periodsPerYear` annualises the risk measures of those bars.
 */
const RANGES = [
  { id: '1M', months: 1, interval: '1d', periodsPerYear: 252 },
  { id: '3M', months: 3, interval: '1d', periodsPerYear: 252 },
  { id: '6M', months: 6, interval: '1d', periodsPerYear: 252 },
  { id: '1Y', months: 12, interval: '1d', periodsPerYear: 252 },
  { id: '5Y', months: 60, interval: '1wk', periodsPerYear: 52 },
  { id: 'MAX', months: null, interval: '1wk', periodsPerYear: 52 },
] as const;
type RangeId = (typeof RANGES)[number]['id'];

/**
 * What each interval asks the history API for. Daily bars without a start: the API answers its default (a year up
 * to today from a live provider, everything from the bundled offline history, which ends in 2018), and the ranges
 * count back from the newest bar. Weekly bars from 1970, which every source answers with all it has.
 */
const HISTORY_FROM: Record<string, string | undefined> = { '1d': undefined, '1wk': '1970-01-01' };

const OVERLAYS: { id: Overlay; label: string }[] = [
  { id: 'sma', label: 'SMA 20' },
  { id: 'ema', label: 'EMA 20' },
  { id: 'bollinger', label: 'Bollinger 20, 2σ' },
];
const OSCILLATORS: { id: Oscillator; label: string }[] = [
  { id: 'rsi', label: 'RSI 14' },
  { id: 'macd', label: 'MACD 12, 26, 9' },
];

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** A symbol's live quote (streamed over /ws/market), its candle chart with indicators, and its risk measures. */
export default function MarketsView({ symbol }: { symbol: string }) {
  const [input, setInput] = useState(symbol);
  const [rangeId, setRangeId] = useState<RangeId>('1Y');
  const [overlays, setOverlays] = useState<Overlay[]>(['sma']);
  const [oscillators, setOscillators] = useState<Oscillator[]>(['rsi', 'macd']);
  const [livePrice, setLivePrice] = useState<number | null>(null);
  const range = RANGES.find((r) => r.id === rangeId) ?? RANGES[3];

  const quote = useQuery({ queryKey: queryKeys.quote(symbol), queryFn: ({ signal }) => api.quote(symbol, signal) });
  const history = useQuery({
    queryKey: queryKeys.history(symbol, range.interval),
    queryFn: ({ signal }) => api.history(symbol, range.interval, signal, HISTORY_FROM[range.interval]),
  });
  const allBars = history.data?.bars;
  // Indicators over every bar loaded, then cut to the range with its bars, so that a short range starts warmed up.
  const allIndicators = useMemo(() => (allBars ? chartIndicators(allBars.map((b) => b.close)) : undefined), [allBars]);
  const first = useMemo(() => rangeFirstIndex(allBars ?? [], range.months), [allBars, range.months]);
  const bars = useMemo(() => allBars?.slice(first), [allBars, first]);
  const indicators = useMemo<ChartIndicators | undefined>(() => {
    if (!allIndicators) return undefined;
    const cut = (series: (number | null)[]) => series.slice(first);
    return {
      sma: cut(allIndicators.sma),
      ema: cut(allIndicators.ema),
      bollinger: {
        upper: cut(allIndicators.bollinger.upper),
        middle: cut(allIndicators.bollinger.middle),
        lower: cut(allIndicators.bollinger.lower),
      },
      rsi: cut(allIndicators.rsi),
      macd: {
        macd: cut(allIndicators.macd.macd),
        signal: cut(allIndicators.macd.signal),
        histogram: cut(allIndicators.macd.histogram),
      },
    };
  }, [allIndicators, first]);
  const closes = useMemo(() => (bars ?? []).map((b) => b.close), [bars]);
  const risk = useQuery({
    queryKey: [...queryKeys.risk(symbol, range.interval), range.id, bars?.[bars.length - 1]?.date],
    queryFn: ({ signal }) => api.risk(closes, range.periodsPerYear, signal),
    enabled: closes.length >= 3,
  });

  useEffect(() => {
    const token = getToken();
    if (!token) return;
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${window.location.host}/ws/market?access_token=${encodeURIComponent(token)}`);
    socket.onopen = () => socket.send(JSON.stringify({ type: 'subscribe', symbols: [symbol] }));
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as { type: string; q?: [string, number | null][] };
      const tick = message.type === 'ticks' ? message.q?.find(([s]) => s === symbol) : undefined;
      if (tick && tick[1] != null) setLivePrice(tick[1]);
    };
    return () => socket.close();
  }, [symbol]);

  const simulatedAfter = quote.data?.simulated ? quote.data.previousCloseDate : null;
  const live = useMemo(() => {
    if (!bars || bars.length === 0 || livePrice == null) return null;
    const session = liveSession(new Date().toISOString().slice(0, 10), simulatedAfter);
    return withLivePrice(bars[bars.length - 1], livePrice, range.interval, session);
  }, [bars, livePrice, range.interval, simulatedAfter]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = input.trim().toUpperCase();
    if (next) navigate(`/markets/${encodeURIComponent(next)}`);
  }

  const price = livePrice ?? quote.data?.price;
  const q = quote.data;
  return (
    <>
    <section className="panel">
      <h1>Markets</h1>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor="market-symbol">Symbol</label>
        <input id="market-symbol" data-testid="market-symbol" value={input} maxLength={10}
               onChange={(event) => setInput(event.target.value)} />
        <button type="submit" className="btn" data-testid="market-go">Show</button>
      </form>
      <ErrorMessage error={quote.error ?? history.error ?? risk.error} />
      {q && (
        <div className="quote">
          <p className="quote-price">
            <strong>{q.symbol}</strong>{' '}
            <span data-testid="market-price">{price?.toFixed(2)}</span>{' '}
            {q.change != null && (
              <span className={q.change >= 0 ? 'up' : 'down'}>
                {q.change >= 0 ? '+' : ''}
                {q.change.toFixed(2)} ({q.changePercent?.toFixed(2)} %)
              </span>
            )}
            {livePrice != null && <span className="badge" data-testid="market-live">live</span>}
          </p>
          <p className="muted" data-testid="market-source">
            Source: {q.source}
            {q.simulated && ` — simulated, continuing from the last real close of ${q.previousCloseDate}`}
          </p>
        </div>
      )}
      <div className="chart-controls">
        <div className="row-actions" role="group" aria-label="Range">
          {RANGES.map((r) => (
            <button key={r.id} type="button" className="btn btn-small" aria-pressed={r.id === rangeId}
                    data-testid={`range-${r.id}`} onClick={() => setRangeId(r.id)}>
              {r.id}
            </button>
          ))}
        </div>
        <div className="row-actions" role="group" aria-label="Indicators">
          {OVERLAYS.map((o) => (
            <label key={o.id} className="small">
              <input type="checkbox" checked={overlays.includes(o.id)} data-testid={`overlay-${o.id}`}
                     onChange={() => setOverlays((list) => toggle(list, o.id))} /> {o.label}
            </label>
          ))}
          {OSCILLATORS.map((o) => (
            <label key={o.id} className="small">
              <input type="checkbox" checked={oscillators.includes(o.id)} data-testid={`pane-${o.id}`}
                     onChange={() => setOscillators((list) => toggle(list, o.id))} /> {o.label}
            </label>
          ))}
        </div>
      </div>
      {history.isPending && <p className="muted">Loading prices…</p>}
      {bars && bars.length === 0 && <p className="muted" data-testid="price-empty">No prices for {symbol}.</p>}
      {bars && bars.length > 0 && (
        <PriceChart symbol={symbol} bars={bars} live={live} indicators={indicators}
                    overlays={overlays} oscillators={oscillators} />
      )}
      {history.data && (
        <p className="muted small" data-testid="price-source">
          {range.interval === '1d' ? 'Daily' : 'Weekly'} bars. Source: {history.data.source}
        </p>
      )}
      {risk.data && (
        <dl className="risk" data-testid="market-risk">
          <dt>Annual return ({range.id})</dt>
          <dd>{percent(risk.data.annualReturn)}</dd>
          <dt>Annual volatility</dt>
          <dd>{percent(risk.data.annualVolatility)}</dd>
          <dt>Sharpe ratio</dt>
          <dd>{risk.data.sharpeRatio?.toFixed(2) ?? '–'}</dd>
          <dt>Maximum drawdown</dt>
          <dd>{percent(risk.data.maxDrawdown)}</dd>
          <dt>{range.interval === '1d' ? 'Daily' : 'Weekly'} VaR 95 % (historical)</dt>
          <dd>{percent(risk.data.valueAtRisk.historical)}</dd>
        </dl>
      )}
    </section>
    <ComparePanel key={symbol} initial={symbol === 'SPY' ? ['SPY', 'AAPL'] : [symbol, 'SPY']} />
    </>
  );
}
