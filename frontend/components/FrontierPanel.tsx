'use client';

import { useQueries } from '@tanstack/react-query';
import { api, type OptimizationInput } from '@/lib/api';
import { queryKeys } from '@/lib/queries';
import ErrorMessage from './ErrorMessage';
import FrontierChart, { type MarkedPortfolio } from './FrontierChart';

/**
 * The efficient frontier of the portfolio's symbols over the history its risk was measured on, with the portfolio
 * as it is, the maximum-Sharpe and the minimum-volatility portfolios marked. Three answers of `/analytics/optimize`
 * on the same inputs, so all three points sit in the same conventions as the frontier: the current portfolio is
 * the optimiser's only feasible portfolio when each weight is held (within 10⁻⁶) to its current value by its bounds.
 */
export default function FrontierPanel({ weights, from, to }: { weights: Record<string, number>; from: string; to: string }) {
  const symbols = Object.keys(weights);
  const base = { symbols, from, to };
  const pinned: Record<string, [number, number]> = {};
  for (const [symbol, weight] of Object.entries(weights)) pinned[symbol] = [Math.max(0, weight - 1e-6), weight + 1e-6];
  const inputs: OptimizationInput[] = [
    { ...base, objective: 'maxSharpe', frontierPoints: 20 },
    { ...base, objective: 'minVolatility', frontierPoints: 0 },
    { ...base, objective: 'minVolatility', frontierPoints: 0, bounds: pinned },
  ];
  const enough = symbols.length >= 2;
  const [sharpe, minVol, current] = useQueries({
    queries: inputs.map((input) => ({
      queryKey: queryKeys.optimize(input),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.optimize(input, signal),
      enabled: enough,
      staleTime: Infinity,
    })),
  });
  if (!enough) {
    return <p className="muted small">The efficient frontier needs at least two symbols with price history.</p>;
  }
  const error = sharpe.error ?? minVol.error ?? current.error;
  const marked: MarkedPortfolio[] = [];
  if (current.data) marked.push({ label: 'This portfolio', colour: '#f59e0b', shape: 'diamond', ...current.data });
  if (sharpe.data) marked.push({ label: 'Maximum Sharpe ratio', colour: '#16a34a', shape: 'circle', ...sharpe.data });
  if (minVol.data) marked.push({ label: 'Minimum volatility', colour: '#dc2626', shape: 'square', ...minVol.data });
  return (
    <section data-testid="frontier-panel">
      <h3>Efficient frontier</h3>
      <ErrorMessage error={error} />
      {sharpe.isPending && <p className="muted small">Optimising…</p>}
      {sharpe.data && <FrontierChart frontier={sharpe.data.frontier} marked={marked} />}
      {sharpe.data && (
        <p className="muted small">
          {symbols.join(', ')}, {from} to {to}: each asset&apos;s return is its CAGR, the covariance the sample
          covariance of daily returns (PyPortfolioOpt&apos;s conventions); weights between 0 and 1, risk-free rate 2 %.
        </p>
      )}
    </section>
  );
}
