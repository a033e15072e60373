'use client';

import { TOKEN_KEY, readStored, writeStored } from './storage';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 7807 problem details as returned by the API (application/problem+json). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `Request failed (HTTP ${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

export interface User {
  id: string | number;
  email: string;
  displayName: string;
  roles: string[];
}

export interface TokenResponse {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
}

export interface Assistant {
  id: string;
  name: string;
  description: string;
  color: string;
  icon: string;
  expertise: string[];
}

export interface Portfolio {
  id: string | number;
  name: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PortfolioInput {
  name: string;
  description: string;
}

export const PORTFOLIO_NAME_MAX = 100;

export interface Quote {
  symbol: string;
  price: number;
  previousClose: number | null;
  previousCloseDate: string | null;
  change: number | null;
  changePercent: number | null;
  timestamp: string;
  source: string;
  simulated: boolean;
  cached: boolean;
}

export interface Bar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface PriceSeries {
  symbol: string;
  interval: string;
  source: string;
  cached: boolean;
  bars: Bar[];
}

export interface RiskReport {
  observations: number;
  annualReturn: number | null;
  annualVolatility: number | null;
  sharpeRatio: number | null;
  maxDrawdown: number | null;
  valueAtRisk: Record<string, number>;
}

let unauthorizedHandler: (() => void) | null = null;

/** Called after any authenticated call answers 401 (the token is cleared first). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export function getToken(): string | null {
  return readStored(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  writeStored(TOKEN_KEY, token);
}

async function readProblem(res: Response): Promise<Problem> {
  const fallback: Problem = {
    status: res.status,
    title: res.statusText || `HTTP ${res.status}`,
    detail: `Request failed (HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}).`,
  };
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return fallback;
  try {
    const body: unknown = await res.json();
    if (!body || typeof body !== 'object') return fallback;
    const raw = body as Record<string, unknown>;
    const errors = Array.isArray(raw.errors)
      ? raw.errors
          .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
          .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
          .filter((e) => e.message !== '')
      : undefined;
    return {
      type: typeof raw.type === 'string' ? raw.type : undefined,
      title: typeof raw.title === 'string' ? raw.title : fallback.title,
      status: typeof raw.status === 'number' ? raw.status : res.status,
      detail: typeof raw.detail === 'string' && raw.detail ? raw.detail : undefined,
      errors,
    };
  } catch {
    return fallback;
  }
}

interface RequestOptions {
  body?: unknown;
  /** Send the bearer token and treat 401 as "signed out" (default true). */
  auth?: boolean;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const { body, auth = true, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth) {
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
  }

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, {
      title: 'Network error',
      detail: 'Could not reach the server. Check your connection and try again.',
    });
  }

  if (res.status === 401 && auth) {
    setToken(null);
    unauthorizedHandler?.();
  }
  if (!res.ok) throw new ApiError(res.status, await readProblem(res));
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  register: (input: { email: string; password: string; displayName: string }) =>
    request<User>('POST', '/api/v1/auth/register', { body: input, auth: false }),
  token: (input: { email: string; password: string }) =>
    request<TokenResponse>('POST', '/api/v1/auth/token', { body: input, auth: false }),
  me: (signal?: AbortSignal) => request<User>('GET', '/api/v1/me', { signal }),
  assistants: (signal?: AbortSignal) => request<Assistant[]>('GET', '/api/v1/assistants', { signal }),
  portfolios: (signal?: AbortSignal) => request<Portfolio[]>('GET', '/api/v1/portfolios', { signal }),
  createPortfolio: (input: PortfolioInput) =>
    request<Portfolio>('POST', '/api/v1/portfolios', { body: input }),
  updatePortfolio: (id: Portfolio['id'], input: PortfolioInput) =>
    request<Portfolio>('PUT', `/api/v1/portfolios/${encodeURIComponent(String(id))}`, { body: input }),
  quote: (symbol: string, signal?: AbortSignal) =>
    request<Quote>('GET', `/api/v1/market/quote/${encodeURIComponent(symbol)}`, { signal }),
  history: (symbol: string, interval: string, signal?: AbortSignal) =>
    request<PriceSeries>('GET', `/api/v1/market/history/${encodeURIComponent(symbol)}?interval=${interval}`, { signal }),
  risk: (prices: number[], periodsPerYear: number, signal?: AbortSignal) =>
    request<RiskReport>('POST', '/api/v1/analytics/risk', { body: { prices, periodsPerYear }, signal }),
  deletePortfolio: (id: Portfolio['id']) =>
    request<void>('DELETE', `/api/v1/portfolios/${encodeURIComponent(String(id))}`),
};

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

/** Message + field errors to show for any thrown value. */
export function describeError(err: unknown): { message: string; fieldErrors: FieldError[] } {
  if (err instanceof ApiError) return { message: err.message, fieldErrors: err.fieldErrors };
  if (err instanceof Error) return { message: err.message, fieldErrors: [] };
  if (typeof err === 'string') return { message: err, fieldErrors: [] };
  return { message: 'Something went wrong.', fieldErrors: [] };
}

/** Local (client-side) validation error, rendered like a 400 from the server. */
export function validationError(detail: string, errors: FieldError[] = []): ApiError {
  return new ApiError(400, { title: 'Validation failed', status: 400, detail, errors });
}

export function hasFieldError(err: unknown, field: string): boolean {
  return err instanceof ApiError && err.fieldErrors.some((e) => e.field === field);
}
