'use client';

import { graphql } from './graphql';

/** The dashboard's data in one GraphQL query (ear's GraphQlIT sends the same one). */
export const DASHBOARD_QUERY = `query Dashboard($symbols: [String!]!) {
  me { id email displayName }
  portfolios {
    id name updatedAt
    valuation {
      marketValue costBasis unrealizedPnl unrealizedPnlPercent dayChange
      positions { id symbol quantity averageCost price marketValue unrealizedPnl priceSource }
    }
  }
  quotes(symbols: $symbols) { symbol price previousClose changePercent source simulated }
  debates(limit: 5) { id query status rating createdAt }
  alerts { id symbol message debateId readAt }
  ratingWatches { symbol rating muted }
}`;

/** The market line the dashboard shows. */
export const DASHBOARD_SYMBOLS = ['SPY'];

export interface DashboardPosition {
  id: string;
  symbol: string;
  quantity: number;
  averageCost: number;
  price: number;
  marketValue: number;
  unrealizedPnl: number;
  priceSource: string;
}

export interface DashboardPortfolio {
  id: string;
  name: string;
  updatedAt: string | null;
  /** Null when the portfolio could not be valued. */
  valuation: {
    marketValue: number;
    costBasis: number;
    unrealizedPnl: number;
    unrealizedPnlPercent: number | null;
    dayChange: number | null;
    positions: DashboardPosition[];
  } | null;
}

export interface DashboardQuote {
  symbol: string;
  price: number;
  previousClose: number | null;
  changePercent: number | null;
  source: string;
  simulated: boolean;
}

export interface DashboardDebate {
  id: string;
  query: string;
  status: 'pending' | 'running' | 'completed' | 'failed';
  rating: string | null;
  createdAt: string;
}

export interface DashboardAlert {
  id: string;
  symbol: string;
  message: string;
  debateId: string | null;
  readAt: string | null;
}

export interface DashboardWatch {
  symbol: string;
  rating: string;
  muted: boolean;
}

export interface DashboardData {
  me: { id: string; email: string; displayName: string | null };
  portfolios: DashboardPortfolio[];
  /** Null when a quote could not be had. */
  quotes: DashboardQuote[] | null;
  debates: DashboardDebate[];
  alerts: DashboardAlert[];
  ratingWatches: DashboardWatch[];
}

export function loadDashboard(signal?: AbortSignal): Promise<DashboardData> {
  return graphql<DashboardData>(DASHBOARD_QUERY, { symbols: DASHBOARD_SYMBOLS }, signal);
}
