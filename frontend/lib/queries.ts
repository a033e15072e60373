'use client';

import { QueryClient } from '@tanstack/react-query';
import { ApiError, type AuditFilter } from './api';

/**
 * One query key per resource, shaped like the API's paths, so that invalidating a prefix
 * (for example `['portfolios', id]`) refreshes everything below it after a change.
 */
export const queryKeys = {
  me: (token: string) => ['me', token] as const,
  securityEvents: (page: number, size: number) => ['me', 'security-events', page, size] as const,
  signInProviders: ['auth', 'providers'] as const,
  dashboard: ['graphql', 'dashboard'] as const,
  assistants: ['assistants'] as const,
  portfolios: ['portfolios'] as const,
  portfolio: (id: string) => ['portfolios', id] as const,
  portfolioSummary: (id: string) => ['portfolios', id, 'summary'] as const,
  performance: (id: string) => ['portfolios', id, 'performance'] as const,
  portfolioAccounts: (id: string) => ['portfolios', id, 'accounts'] as const,
  plaid: ['plaid'] as const,
  linkedItems: ['plaid', 'items'] as const,
  holdings: ['plaid', 'holdings'] as const,
  transactions: (accountId: string, page: number, size: number) => ['plaid', 'transactions', accountId, page, size] as const,
  debates: ['debates'] as const,
  debate: (id: string) => ['debates', id] as const,
  chatHistory: (assistantId: string) => ['chat', assistantId, 'history'] as const,
  memories: ['memory'] as const,
  scorecard: ['scorecard'] as const,
  backtests: ['backtests'] as const,
  backtest: (id: string) => ['backtests', id] as const,
  alerts: ['alerts'] as const,
  ratingWatches: ['alerts', 'watches'] as const,
  quote: (symbol: string) => ['market', 'quote', symbol] as const,
  history: (symbol: string, interval: string) => ['market', 'history', symbol, interval] as const,
  compare: (symbols: string[]) => ['market', 'compare', symbols] as const,
  risk: (symbol: string, interval: string) => ['analytics', 'risk', symbol, interval] as const,
  adminUsers: (page: number, size: number) => ['admin', 'users', page, size] as const,
  audit: (filter: AuditFilter, page: number, size: number) => ['admin', 'audit', filter, page, size] as const,
  partnerClients: ['admin', 'clients'] as const,
};

/**
 * The app's cache. A client error (4xx) is an answer, not a hiccup, so only network failures and
 * server errors are retried; refetching on window focus is off because views reload what a change
 * touches explicitly (by invalidation) and the live feeds push the rest.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) =>
          failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
