'use client';

import { useEffect, useRef, useState } from 'react';
import {
  CandlestickSeries,
  ColorType,
  CrosshairMode,
  HistogramSeries,
  LineSeries,
  createChart,
  type CandlestickData,
  type IChartApi,
  type ISeriesApi,
  type LineData,
  type MouseEventParams,
  type Time,
  type WhitespaceData,
} from 'lightweight-charts';
import type { Bar } from '@/lib/api';
import type { ChartIndicators, Series } from '@/lib/indicators';

export type Overlay = 'sma' | 'ema' | 'bollinger';
export type Oscillator = 'rsi' | 'macd';

const UP = '#16a34a';
const DOWN = '#dc2626';
const COLOURS: Record<string, string> = {
  sma: '#2563eb',
  ema: '#9333ea',
  bollinger: '#6b7280',
  rsi: '#ea580c',
  macd: '#2563eb',
  macdSignal: '#ea580c',
};

/** One bar as the legend shows it. */
interface Ohlc {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** An indicator's values as a line: a gap (whitespace) while it warms up. */
function line(bars: Bar[], values: Series): (LineData | WhitespaceData)[] {
  return bars.map((bar, i) => {
    const value = values[i];
    return value == null ? { time: bar.date } : { time: bar.date, value };
  });
}

const fixed = (value: number) => value.toFixed(2);

/**
 * A price chart on TradingView's lightweight-charts: candles with volume below them, time and price axes, a
 * crosshair whose bar the legend shows (open, high, low, close, volume), the chosen overlays on the candles and
 * RSI and MACD in panes of their own. `live` is the last bar as the live feed has moved it; it replaces the last
 * candle without redrawing the chart.
 */
export default function PriceChart({
  symbol,
  bars,
  live,
  indicators,
  overlays,
  oscillators,
}: {
  symbol: string;
  bars: Bar[];
  live: Bar | null;
  indicators: ChartIndicators | undefined;
  overlays: Overlay[];
  oscillators: Oscillator[];
}) {
  const container = useRef<HTMLDivElement>(null);
  const candles = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const volumes = useRef<ISeriesApi<'Histogram'> | null>(null);
  const [hover, setHover] = useState<Ohlc | null>(null);
  // A chart drawn again (another overlay) starts from the live last bar, not the loaded one.
  const liveBar = useRef(live);
  liveBar.current = live;

  useEffect(() => {
    if (!container.current || bars.length === 0) return;
    const chart: IChartApi = createChart(container.current, {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: 'transparent' },
        textColor: '#4b5563',
        attributionLogo: true,
      },
      crosshair: { mode: CrosshairMode.Normal },
      rightPriceScale: { borderVisible: false },
      timeScale: { borderVisible: false },
      grid: { vertLines: { visible: false } },
    });
    const candleSeries = chart.addSeries(CandlestickSeries, {
      upColor: UP,
      downColor: DOWN,
      borderVisible: false,
      wickUpColor: UP,
      wickDownColor: DOWN,
    });
    candleSeries.setData(bars.map((b) => ({ time: b.date, open: b.open, high: b.high, low: b.low, close: b.close })));
    // Volume on its own scale in the bottom fifth of the price pane, coloured like its candle.
    const volumeSeries = chart.addSeries(HistogramSeries, {
      priceFormat: { type: 'volume' },
      priceScaleId: 'volume',
      lastValueVisible: false,
      priceLineVisible: false,
    });
    volumeSeries.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    volumeSeries.setData(
      bars.map((b) => ({ time: b.date, value: b.volume, color: b.close >= b.open ? `${UP}66` : `${DOWN}66` })),
    );
    candles.current = candleSeries;
    volumes.current = volumeSeries;
    if (liveBar.current) showLive(liveBar.current);

    const overlayLine = (values: Series, title: string, color: string, dashed = false) =>
      chart
        .addSeries(LineSeries, {
          color,
          lineWidth: 1,
          lineStyle: dashed ? 2 : 0,
          title,
          lastValueVisible: false,
          priceLineVisible: false,
          crosshairMarkerVisible: false,
        })
        .setData(line(bars, values));
    if (indicators) {
      if (overlays.includes('sma')) overlayLine(indicators.sma, 'SMA 20', COLOURS.sma);
      if (overlays.includes('ema')) overlayLine(indicators.ema, 'EMA 20', COLOURS.ema);
      if (overlays.includes('bollinger')) {
        overlayLine(indicators.bollinger.upper, 'BB 20, 2σ', COLOURS.bollinger, true);
        overlayLine(indicators.bollinger.middle, '', COLOURS.bollinger, true);
        overlayLine(indicators.bollinger.lower, '', COLOURS.bollinger, true);
      }
      let pane = 1;
      if (oscillators.includes('rsi')) {
        const rsi = chart.addSeries(LineSeries, { color: COLOURS.rsi, lineWidth: 1, title: 'RSI 14' }, pane);
        rsi.setData(line(bars, indicators.rsi));
        rsi.createPriceLine({ price: 70, color: '#9ca3af', lineWidth: 1, lineStyle: 2, axisLabelVisible: false, title: '' });
        rsi.createPriceLine({ price: 30, color: '#9ca3af', lineWidth: 1, lineStyle: 2, axisLabelVisible: false, title: '' });
        pane++;
      }
      if (oscillators.includes('macd')) {
        chart
          .addSeries(HistogramSeries, { color: '#9ca3af', title: 'MACD 12, 26, 9', priceLineVisible: false }, pane)
          .setData(
            line(bars, indicators.macd.histogram).map((p) =>
              'value' in p ? { ...p, color: p.value >= 0 ? `${UP}99` : `${DOWN}99` } : p,
            ),
          );
        chart
          .addSeries(LineSeries, { color: COLOURS.macd, lineWidth: 1, priceLineVisible: false, lastValueVisible: false }, pane)
          .setData(line(bars, indicators.macd.macd));
        chart
          .addSeries(LineSeries, { color: COLOURS.macdSignal, lineWidth: 1, priceLineVisible: false, lastValueVisible: false }, pane)
          .setData(line(bars, indicators.macd.signal));
      }
      chart.panes().forEach((p, i) => p.setStretchFactor(i === 0 ? 3 : 1));
    }

    const onMove = (param: MouseEventParams<Time>) => {
      const candle = param.seriesData.get(candleSeries) as CandlestickData<Time> | undefined;
      const volume = param.seriesData.get(volumeSeries) as { value: number } | undefined;
      if (!candle || param.time === undefined) {
        setHover(null);
        return;
      }
      setHover({
        date: String(param.time),
        open: candle.open,
        high: candle.high,
        low: candle.low,
        close: candle.close,
        volume: volume?.value ?? 0,
      });
    };
    chart.subscribeCrosshairMove(onMove);
    chart.timeScale().fitContent();
    return () => {
      chart.unsubscribeCrosshairMove(onMove);
      candles.current = null;
      volumes.current = null;
      chart.remove();
    };
  }, [bars, indicators, overlays, oscillators]);

  // The live feed moves only the last bar: update it in place (a new bar when the feed has reached a new period).
  function showLive(bar: Bar) {
    candles.current?.update({ time: bar.date, open: bar.open, high: bar.high, low: bar.low, close: bar.close });
    volumes.current?.update({ time: bar.date, value: bar.volume, color: bar.close >= bar.open ? `${UP}66` : `${DOWN}66` });
  }

  useEffect(() => {
    if (live) showLive(live);
  }, [live]);

  const last = live ?? bars[bars.length - 1];
  const shown: Ohlc | null = hover ?? (last ? { ...last } : null);
  const first = bars[0];
  return (
    <figure className="chart price-chart" data-testid="price-chart" aria-label={`${symbol} price chart`}>
      {shown && (
        <p className="chart-legend small" data-testid="price-legend" aria-live="off">
          <strong>{symbol}</strong> {shown.date}{' '}
          <span>O {fixed(shown.open)}</span> <span>H {fixed(shown.high)}</span> <span>L {fixed(shown.low)}</span>{' '}
          <span className={shown.close >= shown.open ? 'up' : 'down'} data-testid="price-legend-close">
            C {fixed(shown.close)}
          </span>{' '}
          <span>Vol {shown.volume.toLocaleString()}</span>
        </p>
      )}
      {/* autoSize follows this box, so it needs a height of its own: the price pane and one band per oscillator. */}
      <div ref={container} className="chart-canvas" style={{ height: 300 + (indicators ? oscillators.length : 0) * 110 }} />
      {first && last && (
        <figcaption className="muted small">
          {bars.length} bars, {first.date} – {last.date}.
        </figcaption>
      )}
    </figure>
  );
}
