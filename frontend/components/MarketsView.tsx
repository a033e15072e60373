'use client';

import { FormEvent, useEffect, useState } from 'react';
import { api, getToken, isAbort, type PriceSeries, type Quote, type RiskReport } from '@/lib/api';
import { navigate } from '@/lib/router';
import ComparePanel from './ComparePanel';
import ErrorMessage from './ErrorMessage';

const WIDTH = 640;
const HEIGHT = 220;

function percent(value: number | null | undefined): string {
  return value == null ? '–' : `${(value * 100).toFixed(2)} %`;
}

/** Weekly closes as an SVG line: enough for a glance, no chart library needed. */
function PriceChart({ series }: { series: PriceSeries }) {
  const closes = series.bars.map((bar) => bar.close);
  if (closes.length < 2) return null;
  const low = Math.min(...closes);
  const high = Math.max(...closes);
  const points = closes
    .map((close, i) => {
      const x = (i / (closes.length - 1)) * WIDTH;
      const y = HEIGHT - ((close - low) / (high - low || 1)) * HEIGHT;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  const first = series.bars[0].date;
  const last = series.bars[series.bars.length - 1].date;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${series.symbol} weekly closes`} data-testid="price-chart">
        <polyline points={points} fill="none" stroke="#2563eb" strokeWidth="1.5" />
      </svg>
      <figcaption className="muted">
        Weekly closes {first} – {last}, {low.toFixed(2)} to {high.toFixed(2)}. Source: {series.source}
      </figcaption>
    </figure>
  );
}

/** A symbol's live quote (streamed over /ws/market), its price history and its risk measures. */
export default function MarketsView({ symbol }: { symbol: string }) {
  const [input, setInput] = useState(symbol);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [livePrice, setLivePrice] = useState<number | null>(null);
  const [series, setSeries] = useState<PriceSeries | null>(null);
  const [risk, setRisk] = useState<RiskReport | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.quote(symbol, controller.signal).then(setQuote, (err: unknown) => !isAbort(err) && setError(err));
    api.history(symbol, '1wk', controller.signal).then(
      (loaded) => {
        setSeries(loaded);
        const closes = loaded.bars.slice(-156).map((bar) => bar.close);
        if (closes.length >= 3) {
          api.risk(closes, 52, controller.signal).then(setRisk, (err: unknown) => !isAbort(err) && setError(err));
        }
      },
      (err: unknown) => !isAbort(err) && setError(err),
    );
    return () => controller.abort();
  }, [symbol]);

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

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = input.trim().toUpperCase();
    if (next) navigate(`/markets/${encodeURIComponent(next)}`);
  }

  const price = livePrice ?? quote?.price;
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
      <ErrorMessage error={error} />
      {quote && (
        <div className="quote">
          <p className="quote-price">
            <strong>{quote.symbol}</strong>{' '}
            <span data-testid="market-price">{price?.toFixed(2)}</span>{' '}
            {quote.change != null && (
              <span className={quote.change >= 0 ? 'up' : 'down'}>
                {quote.change >= 0 ? '+' : ''}
                {quote.change.toFixed(2)} ({quote.changePercent?.toFixed(2)} %)
              </span>
            )}
            {livePrice != null && <span className="badge">live</span>}
          </p>
          <p className="muted" data-testid="market-source">
            Source: {quote.source}
            {quote.simulated && ` — simulated, continuing from the last real close of ${quote.previousCloseDate}`}
          </p>
        </div>
      )}
      {series && <PriceChart series={series} />}
      {risk && (
        <dl className="risk" data-testid="market-risk">
          <dt>Annual return (3 years)</dt>
          <dd>{percent(risk.annualReturn)}</dd>
          <dt>Annual volatility</dt>
          <dd>{percent(risk.annualVolatility)}</dd>
          <dt>Sharpe ratio</dt>
          <dd>{risk.sharpeRatio?.toFixed(2) ?? '–'}</dd>
          <dt>Maximum drawdown</dt>
          <dd>{percent(risk.maxDrawdown)}</dd>
          <dt>Weekly VaR 95 % (historical)</dt>
          <dd>{percent(risk.valueAtRisk.historical)}</dd>
        </dl>
      )}
    </section>
    <ComparePanel key={symbol} initial={symbol === 'SPY' ? ['SPY', 'AAPL'] : [symbol, 'SPY']} />
    </>
  );
}
