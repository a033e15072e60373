/**
 * Technical indicators for the price chart, one value per close and `null` while an indicator warms up (or when
 * there are too few closes for it). The definitions are the server's (`TechnicalIndicators` in the EJB module), so
 * a chart and an agent quoting an indicator agree: EMA with 2 / (n + 1) seeded by the simple average of the first
 * n closes, RSI with Wilder's smoothing (1 / n) seeded by the mean gain and loss of the first n changes, Bollinger
 * bands of k population standard deviations, and the MACD signal line as an EMA of the MACD line from its first
 * value. Computed here over every bar loaded, before the chart cuts out its range, so that a short range starts
 * with warmed-up lines.
 */
export type Series = (number | null)[];

export function sma(values: number[], period: number): Series {
  const out: Series = values.map(() => null);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (i >= period) sum -= values[i - period];
    if (i >= period - 1) out[i] = sum / period;
  }
  return out;
}

export function ema(values: number[], period: number): Series {
  const out: Series = values.map(() => null);
  if (values.length < period) return out;
  const alpha = 2 / (period + 1);
  let current = values.slice(0, period).reduce((a, b) => a + b, 0) / period;
  out[period - 1] = current;
  for (let i = period; i < values.length; i++) {
    current = alpha * values[i] + (1 - alpha) * current;
    out[i] = current;
  }
  return out;
}

export interface Bands {
  upper: Series;
  middle: Series;
  lower: Series;
}

export function bollinger(closes: number[], period: number, k: number): Bands {
  const middle = sma(closes, period);
  const upper: Series = closes.map(() => null);
  const lower: Series = closes.map(() => null);
  for (let i = period - 1; i < closes.length; i++) {
    const mean = middle[i] as number;
    let squares = 0;
    for (let j = i - period + 1; j <= i; j++) squares += (closes[j] - mean) ** 2;
    const sd = Math.sqrt(squares / period);
    upper[i] = mean + k * sd;
    lower[i] = mean - k * sd;
  }
  return { upper, middle, lower };
}

function rsiOf(gain: number, loss: number): number {
  if (loss === 0) return gain === 0 ? 50 : 100;
  return 100 - 100 / (1 + gain / loss);
}

export function rsi(closes: number[], period: number): Series {
  const out: Series = closes.map(() => null);
  if (closes.length < period + 1) return out;
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= period; i++) {
    const change = closes[i] - closes[i - 1];
    gain += Math.max(change, 0);
    loss += Math.max(-change, 0);
  }
  gain /= period;
  loss /= period;
  out[period] = rsiOf(gain, loss);
  for (let i = period + 1; i < closes.length; i++) {
    const change = closes[i] - closes[i - 1];
    gain = (gain * (period - 1) + Math.max(change, 0)) / period;
    loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
    out[i] = rsiOf(gain, loss);
  }
  return out;
}

export interface Macd {
  macd: Series;
  signal: Series;
  histogram: Series;
}

export function macd(closes: number[], fast: number, slow: number, signalPeriod: number): Macd {
  const fastEma = ema(closes, fast);
  const slowEma = ema(closes, slow);
  const line: Series = closes.map((_, i) => (i >= slow - 1 ? (fastEma[i] as number) - (slowEma[i] as number) : null));
  const signal: Series = closes.map(() => null);
  const histogram: Series = closes.map(() => null);
  const defined = line.slice(slow - 1) as number[];
  const smoothed = ema(defined, signalPeriod);
  smoothed.forEach((value, i) => {
    if (value === null) return;
    signal[slow - 1 + i] = value;
    histogram[slow - 1 + i] = defined[i] - value;
  });
  return { macd: line, signal, histogram };
}

/** What the chart draws: SMA 20, EMA 20, Bollinger 20 with 2σ, RSI 14, MACD 12, 26, 9. */
export interface ChartIndicators {
  sma: Series;
  ema: Series;
  bollinger: Bands;
  rsi: Series;
  macd: Macd;
}

export function chartIndicators(closes: number[]): ChartIndicators {
  return {
    sma: sma(closes, 20),
    ema: ema(closes, 20),
    bollinger: bollinger(closes, 20, 2),
    rsi: rsi(closes, 14),
    macd: macd(closes, 12, 26, 9),
  };
}
