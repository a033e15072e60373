'use client';

import type { components } from './api-types';
import { parseServerSentEvents, textChunks } from './sse';
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

/** A token answer in RFC 6749's field names (section 5.1). */
export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope?: string;
}

/** POST /auth/register: the new account and the token that signs its owner in. */
export interface Registration {
  user: User;
  token: TokenResponse;
}

/** An account as admins see it (GET /admin/users). */
export interface AdminUser {
  id: string;
  email: string;
  displayName: string | null;
  roles: string[];
  sso: boolean;
  createdAt: string;
  disabled: boolean;
  disabledAt?: string;
}

export interface AdminUserPage {
  users: AdminUser[];
  page: number;
  size: number;
  total: number;
}

/** One audit log entry: who did what, when, from where, and how it ended. */
export interface AuditEntry {
  id: string;
  occurredAt: string;
  actorKind: 'USER' | 'CLIENT' | 'ANONYMOUS' | 'SYSTEM';
  actorId?: string;
  action: string;
  outcome: 'SUCCESS' | 'FAILURE' | 'DENIED';
  subjectUserId?: string;
  target?: string;
  detail?: string;
  clientAddress?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  page: number;
  size: number;
  total: number;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

function auditQuery(filter: AuditFilter, page: number, size: number): string {
  const params = new URLSearchParams({ page: String(page), size: String(size) });
  for (const [key, value] of Object.entries(filter)) {
    if (value && value.trim()) params.set(key, value.trim());
  }
  return params.toString();
}

/** A partner client as administrators see it (GET /admin/clients); never its secret. */
export interface PartnerClient {
  clientId: string;
  name: string;
  scopes: string[];
  rateLimitPerMinute: number;
  status: 'active' | 'revoked';
  createdAt: string;
  revokedAt?: string;
  previousSecretExpiresAt?: string;
}

/** A client's id with a new secret, in the one answer that shows the secret. */
export interface IssuedClientCredentials {
  clientId: string;
  clientSecret: string;
  client: PartnerClient;
}

/** An identity provider the sign-in page offers besides local accounts (GET /auth/providers). */
export interface SignInProvider {
  id: string;
  name: string;
  signInUrl: string;
}

export interface Assistant {
  id: string;
  name: string;
  description: string;
  color: string;
  icon: string;
  expertise: string[];
}


type Schemas = components['schemas'];

/**
 * A generated schema with the properties `K` present. SmallRye OpenAPI marks only Bean Validation's required
 * properties as required, so every answer's property is optional in lib/api-types.ts; the ones named here are the
 * Java records' primitives and values the server always sets. The rest stay optional: JSON-B leaves out nulls.
 */
type Sent<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };

/** `T` with the types of some of its properties replaced (lists of nested schemas that are themselves `Sent`). */
type Nested<T, O> = Omit<T, keyof O> & O;

/** GET /portfolios. */
export type Portfolio = Sent<Schemas['PortfolioView'], 'id' | 'name' | 'createdAt' | 'updatedAt'>;

/** GET /market/quote/{symbol}: previousClose, its date and the change are absent when not known. */
export type Quote = Sent<Schemas['Quote'], 'symbol' | 'price' | 'timestamp' | 'source' | 'simulated' | 'cached'>;

/** One bar of a price history; `closeOnly` bars (a source with closes only) have open = high = low = close. */
export type Bar = Sent<Schemas['DailyBar'], 'date' | 'open' | 'high' | 'low' | 'close' | 'volume' | 'closeOnly'>;

/** GET /market/history/{symbol}. */
export type PriceSeries = Nested<Sent<Schemas['PriceSeries'], 'symbol' | 'interval' | 'source' | 'cached'>, { bars: Bar[] }>;

export type PerformanceHolding = Nested<
  Schemas['HoldingValue'],
  { holding: Sent<Schemas['Holding'], 'symbol' | 'quantity' | 'costBasis' | 'averageCost' | 'realisedGain'> }
>;

/**
 * A portfolio's performance over time (GET /portfolios/{id}/performance). Without activities there is no
 * currency, no period (from, to) and empty lists.
 */
export type PortfolioPerformance = Nested<
  Sent<Schemas['PerformanceReport'], 'benchmark' | 'maxDrawdown' | 'method' | 'sources'>,
  {
    holdings: PerformanceHolding[];
    totals: Required<Schemas['Totals']>;
    returns: Sent<Schemas['PeriodReturn'], 'period' | 'from' | 'timeWeighted'>[];
    series: Sent<Schemas['Point'], 'date' | 'value' | 'netInvested' | 'growth' | 'drawdown'>[];
  }
>;

export type Allocation = Required<Schemas['Allocation']>;

export type PositionValue = Sent<
  Schemas['PositionValue'],
  | 'id'
  | 'accountId'
  | 'accountName'
  | 'symbol'
  | 'sector'
  | 'quantity'
  | 'averageCost'
  | 'costBasis'
  | 'price'
  | 'marketValue'
  | 'unrealizedPnl'
  | 'priceSource'
  | 'linked'
>;

/** GET /portfolios/{id}/summary: positions at current prices, totals and allocations. */
export type PortfolioSummary = Nested<
  Sent<Schemas['Summary'], 'portfolioId' | 'name' | 'costBasis' | 'marketValue' | 'unrealizedPnl' | 'dayChange' | 'asOf'>,
  { positions: PositionValue[]; byAsset: Allocation[]; bySector: Allocation[]; byAccount: Allocation[] }
>;

export interface PortfolioInput {
  name: string;
  description: string;
}

export const PORTFOLIO_NAME_MAX = 100;




export interface RiskReport {
  observations: number;
  annualReturn: number | null;
  annualVolatility: number | null;
  sharpeRatio: number | null;
  maxDrawdown: number | null;
  valueAtRisk: Record<string, number>;
}

export interface Comparison {
  symbols: string[];
  dates: string[];
  normalised: Record<string, number[]>;
  totalReturn: Record<string, number>;
  annualVolatility: Record<string, number>;
  maxDrawdown: Record<string, number>;
  correlation: number[][];
  source: string;
}

export type StanceName = 'STRONG_SELL' | 'SELL' | 'HOLD' | 'BUY' | 'STRONG_BUY';

export interface DebateArgument {
  claim: string;
  evidence: string[];
  direction: string | null;
  respondsTo: string | null;
}

export interface DebatePosition {
  participant: string;
  /** Absent when the participant abstained. */
  stance?: StanceName | null;
  confidence: number;
  summary: string | null;
  arguments: DebateArgument[];
  revisedFrom: StanceName | null;
  /** No evidence for its mandate: no stance, not counted. Absent in debates stored before abstentions existed. */
  abstained?: boolean;
  lacking?: string[];
  /** The citations it had not weighed before that back a change of stance. */
  newEvidence?: string[];
  /** A change of stance without new evidence, reverted. */
  rejectedChange?: string | null;
}

export interface DebateNote {
  text: string;
  evidence: string[];
  raisedBy: string | null;
}

export interface DebateOutcome {
  status: string;
  participants: { id: string; name: string; mandate: string; model: string; status: string; error: string | null; abstained?: boolean; lacking?: string[] }[];
  initialPositions: DebatePosition[];
  rounds: { round: number; positions: DebatePosition[]; spread: number; converged: boolean; stanceChanges: string[]; rejectedChanges?: string[] }[];
  finalPositions: DebatePosition[];
  consensus: {
    rating: StanceName;
    score: number;
    confidence: number;
    spread: number;
    converged: boolean;
    agreement: { point: string; evidence: string[]; participants: string[] }[];
    dissent: { participant: string; name: string; stance: StanceName; confidence: number; reasons: DebateArgument[] }[];
    abstained?: string[];
  } | null;
  recommendation: {
    /** Absent when the evidence was insufficient for a rating. */
    rating?: StanceName | null;
    insufficientEvidence?: boolean;
    missing?: string[];
    withEvidence?: number;
    abstained?: number;
    headline: string;
    rationale: string;
    evidence: string[];
    risks: DebateNote[];
    whatWouldChange: DebateNote[];
    portfolioActions: { symbol: string; action: string; reason: string }[];
    model: string;
  } | null;
  evidence: {
    items: { id: string; source: string; title: string; snippet: string; url: string | null; date: string | null; category: string; sentiment: number | null }[];
    facts: { id: string; symbol: string; source: string; asOf: string; metrics: Record<string, number> }[];
  };
  tokens: { input: number; output: number };
  budgetLimited: boolean;
  stopReason: string;
  failures: Record<string, string>;
}

export interface Debate {
  id: string;
  query: string;
  assistantType: string;
  symbols: string[];
  status: 'pending' | 'running' | 'completed' | 'failed';
  budgetLimited: boolean;
  model?: string;
  error?: string;
  tokensUsed?: number;
  createdAt: string;
  outcome: DebateOutcome | null;
}

export interface DebateEvent {
  type: 'execution' | 'debate';
  id: string;
  step?: string;
  agentName?: string;
  status: string;
  model?: string;
  tokens?: number;
  error?: string;
  round?: number;
}

export interface ChatAnswer {
  answer: string;
  model: string;
  tokens: number;
  toolCalls: { tool: string; arguments: string; source: string; error?: string }[];
  evidence: { id: string; source: string; metric?: string; value?: number; title?: string }[];
  learned: { id: string; kind: string; content: string }[];
}

export interface StoredMemory {
  id: string;
  kind: string;
  content: string;
  createdAt: string;
}

export interface LinkedAccount {
  accountId: string;
  name: string;
  type: string;
  subtype: string | null;
  availableBalance: number | null;
  currentBalance: number | null;
  limit: number | null;
  currency: string | null;
  lastSyncedAt: string | null;
}

export interface LinkedItem {
  id: string;
  institutionId: string;
  institutionName: string;
  status: 'active' | 'inactive' | 'error';
  errorCode: string | null;
  errorMessage: string | null;
  lastSyncedAt: string | null;
  accounts: LinkedAccount[];
}

export interface SyncResult {
  itemId: string;
  status: 'synced' | 'error' | 'superseded';
  accounts: number;
  added: number;
  modified: number;
  removed: number;
  holdings: number | null;
  errorCode: string | null;
  message: string | null;
  millis: number;
}

export interface LinkToken {
  linkToken: string;
  expiration: string;
  source: string;
  sandboxDialog: boolean;
}

export interface Transaction {
  transactionId: string;
  accountId: string;
  amount: number;
  date: string;
  name: string;
  merchantName: string | null;
  category: string | null;
  pending: boolean;
}

export interface TransactionPage {
  transactions: Transaction[];
  page: number;
  size: number;
  total: number;
}

export interface Holding {
  accountId: string;
  securityId: string;
  symbol: string | null;
  name: string | null;
  type: string | null;
  quantity: number;
  costBasis: number | null;
  institutionPrice: number | null;
  value: number;
  currency: string | null;
}

/** An activity of an account (GET /portfolios/{id}/activities); id is null for a previewed, unstored one. */
export interface ActivityItem {
  id: string | null;
  accountId: string;
  date: string;
  type: 'BUY' | 'SELL' | 'DIVIDEND' | 'INTEREST' | 'FEE' | 'SPLIT' | 'DEPOSIT' | 'WITHDRAWAL';
  symbol: string | null;
  quantity: number | null;
  price: number | null;
  amount: number | null;
  fee: number;
  currency: string;
  source: string;
}

/** What a CSV import read and whether it stored it. */
export interface ActivityImport {
  layout: string;
  rows: number;
  activities: ActivityItem[];
  errors: { line: number; message: string }[];
  stored: boolean;
  added: number;
}



/** What a backtest is asked for (POST /backtests). */
export interface BacktestRequest {
  symbols: string[];
  from: string;
  to: string;
  frequency: string;
  assistantType: string;
  maxRounds?: number;
  tokenBudget?: number;
  startingCash?: number;
  costBasisPoints?: number;
}

/** The figures of one strategy over the backtest (TradingAgents' CR, AR, SR, MDD, with hit rate and costs). */
export interface BacktestFigures {
  cumulativeReturn: number | null;
  annualReturn: number | null;
  sharpeRatio: number | null;
  maxDrawdown: number | null;
  hitRate: number | null;
  calls: number;
  turnover: number | null;
  costs: number | null;
  trades: number;
}

/** The rating a backtest's debate gave on one rebalance day. */
export interface BacktestCall {
  symbol: string;
  day: string;
  debateId: string;
  rating?: string | null;
  exposure?: number | null;
  headline: string;
  tokens: number;
  textItems: number;
}

/** One strategy over a symbol's days: the debate's first, then the baselines in the paper's order. */
export interface BacktestStrategy {
  name: string;
  figures: BacktestFigures;
  values: number[];
}

export interface BacktestSymbolResult {
  symbol: string;
  source: string;
  dates: string[];
  strategies: BacktestStrategy[];
  calls: BacktestCall[];
}

/** A backtest (GET /backtests/{id}); `result` once it has ended. */
export interface Backtest {
  id: string;
  status: 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
  request: BacktestRequest;
  seed: number;
  replayOf?: string | null;
  debatesDone: number;
  debatesTotal: number;
  tokensUsed: number;
  error?: string | null;
  createdAt: string;
  completedAt?: string | null;
  result?: { symbols: BacktestSymbolResult[]; tokens: number; stopReason?: string | null } | null;
}

/** A backtest's progress as /ws/portfolio streams it. */
export interface BacktestProgress {
  type: 'backtest';
  id: string;
  status: Backtest['status'];
  done: number;
  total: number;
  symbol?: string;
  day?: string;
  rating?: string;
  debateId?: string;
}

/** How past calls turned out (GET /scorecard). */
export interface ScorecardGroup {
  key: string;
  backtest: boolean;
  calls: number;
  hits: number;
  hitRate: number;
  meanExcessReturn: number | null;
}

export interface Scorecard {
  byAssistant: ScorecardGroup[];
  byParticipant: ScorecardGroup[];
  byModel: ScorecardGroup[];
  calibration: { from: number; to: number; calls: number; meanConfidence: number | null; hitRate: number | null }[];
  rule: string;
}

/** A debate changed the rating of a held symbol (GET /alerts). */
export interface RatingAlert {
  id: string;
  symbol: string;
  previousRating: string;
  rating: string;
  debateId: string | null;
  message: string;
  createdAt: string;
  readAt?: string | null;
}

export interface RatingWatch {
  symbol: string;
  rating: string;
  debateId: string | null;
  muted: boolean;
  updatedAt: string;
}

export interface PortfolioAccount {
  id: string;
  brokerName: string;
  accountNumber: string;
  accountType: string;
  active: boolean;
  plaidAccountId: string | null;
}




export interface PortfolioRisk {
  weights: Record<string, number>;
  excluded: string[];
  from: string;
  to: string;
  measures: RiskReport;
  simulation: { meanFinalValue: number; probabilityOfLoss: number; valueAtRisk: number; expectedShortfall: number };
  source: string;
}

export const SANDBOX_INSTITUTIONS = [
  { id: 'ins_109508', name: 'First Platypus Bank' },
  { id: 'ins_109509', name: 'First Gingham Credit Union' },
  { id: 'ins_109510', name: 'Tattersall Federal Credit Union' },
  { id: 'ins_109511', name: 'Tartan Bank' },
  { id: 'ins_109512', name: 'Houndstooth Bank' },
];

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
  /** What the caller reads from a successful response (default JSON). */
  accept?: string;
}

/** Sends a request and returns its successful response; a failure becomes an {@link ApiError}. */
export async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const { body, auth = true, signal, accept = 'application/json' } = options;
  const headers: Record<string, string> = { Accept: `${accept}, application/problem+json` };
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
  return res;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The server-sent events of a response, each as soon as it has arrived whole (see lib/sse.ts). */
async function* serverSentEvents(res: Response): AsyncGenerator<{ event: string; data: string }> {
  if (!res.body) return;
  yield* parseServerSentEvents(textChunks(res.body));
}

/**
 * POST /chat/stream: hands each piece of the answer to onPartial as the model writes it and resolves with the
 * whole answer (whose text the pieces make up); a 'problem' event rejects like a failed request.
 */
async function chatStream(
  input: { assistantId: string; message: string; symbols: string[] },
  onPartial: (text: string) => void,
): Promise<ChatAnswer> {
  const res = await send('POST', '/api/v1/chat/stream', { body: input, accept: 'text/event-stream' });
  for await (const { event, data } of serverSentEvents(res)) {
    if (event === 'partial') onPartial((JSON.parse(data) as { text: string }).text);
    else if (event === 'reply') return JSON.parse(data) as ChatAnswer;
    else if (event === 'problem') {
      const problem = JSON.parse(data) as Problem;
      throw new ApiError(problem.status ?? 500, problem);
    }
  }
  throw new ApiError(0, {
    title: 'Network error',
    detail: 'The answer broke off before it was complete. Try again.',
  });
}

export const api = {
  register: (input: { email: string; password: string; displayName: string }) =>
    request<Registration>('POST', '/api/v1/auth/register', { body: input, auth: false }),
  token: (input: { email: string; password: string }) =>
    request<TokenResponse>('POST', '/api/v1/auth/token', { body: input, auth: false }),
  me: (signal?: AbortSignal) => request<User>('GET', '/api/v1/me', { signal }),
  securityEvents: (page: number, size: number, signal?: AbortSignal) =>
    request<AuditPage>('GET', `/api/v1/me/security-events?page=${page}&size=${size}`, { signal }),
  adminUsers: (page: number, size: number, signal?: AbortSignal) =>
    request<AdminUserPage>('GET', `/api/v1/admin/users?page=${page}&size=${size}`, { signal }),
  setUserDisabled: (id: string, disabled: boolean) =>
    request<AdminUser>('POST', `/api/v1/admin/users/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`, {
      body: {},
    }),
  audit: (filter: AuditFilter, page: number, size: number, signal?: AbortSignal) =>
    request<AuditPage>('GET', `/api/v1/admin/audit?${auditQuery(filter, page, size)}`, { signal }),
  partnerClients: (signal?: AbortSignal) => request<PartnerClient[]>('GET', '/api/v1/admin/clients', { signal }),
  registerPartnerClient: (input: { name: string; scopes: string[]; rateLimitPerMinute: number }) =>
    request<IssuedClientCredentials>('POST', '/api/v1/admin/clients', { body: input }),
  rotatePartnerClient: (clientId: string) =>
    request<IssuedClientCredentials>('POST', `/api/v1/admin/clients/${encodeURIComponent(clientId)}/rotate`, {
      body: {},
    }),
  revokePartnerClient: (clientId: string) =>
    request<PartnerClient>('POST', `/api/v1/admin/clients/${encodeURIComponent(clientId)}/revoke`, { body: {} }),
  signInProviders: (signal?: AbortSignal) =>
    request<SignInProvider[]>('GET', '/api/v1/auth/providers', { auth: false, signal }),
  exchangeSignInCode: (code: string) =>
    request<TokenResponse>('POST', '/api/v1/auth/sso/token', { body: { code }, auth: false }),
  assistants: (signal?: AbortSignal) => request<Assistant[]>('GET', '/api/v1/assistants', { signal }),
  portfolios: (signal?: AbortSignal) => request<Portfolio[]>('GET', '/api/v1/portfolios', { signal }),
  createPortfolio: (input: PortfolioInput) =>
    request<Portfolio>('POST', '/api/v1/portfolios', { body: input }),
  updatePortfolio: (id: Portfolio['id'], input: PortfolioInput) =>
    request<Portfolio>('PUT', `/api/v1/portfolios/${encodeURIComponent(String(id))}`, { body: input }),
  quote: (symbol: string, signal?: AbortSignal) =>
    request<Quote>('GET', `/api/v1/market/quote/${encodeURIComponent(symbol)}`, { signal }),
  history: (symbol: string, interval: string, signal?: AbortSignal, from?: string) =>
    request<PriceSeries>(
      'GET',
      `/api/v1/market/history/${encodeURIComponent(symbol)}?interval=${interval}` + (from ? `&from=${from}` : ''),
      { signal },
    ),
  compare: (symbols: string[], signal?: AbortSignal) =>
    request<Comparison>('GET', `/api/v1/market/compare?symbols=${symbols.map(encodeURIComponent).join(',')}`, { signal }),
  risk: (prices: number[], periodsPerYear: number, signal?: AbortSignal) =>
    request<RiskReport>('POST', '/api/v1/analytics/risk', { body: { prices, periodsPerYear }, signal }),
  deletePortfolio: (id: Portfolio['id']) =>
    request<void>('DELETE', `/api/v1/portfolios/${encodeURIComponent(String(id))}`),
  startDebate: (input: { query: string; assistantType: string; symbols: string[] }) =>
    request<{ id: string }>('POST', '/api/v1/debates', { body: input }),
  debate: (id: string, signal?: AbortSignal) =>
    request<Debate>('GET', `/api/v1/debates/${encodeURIComponent(id)}`, { signal }),
  debates: (signal?: AbortSignal) => request<Debate[]>('GET', '/api/v1/debates', { signal }),
  replayDebate: (id: string) => request<{ id: string }>('POST', `/api/v1/debates/${encodeURIComponent(id)}/replay`),
  chatStream,
  chatHistory: (assistantId: string, signal?: AbortSignal) =>
    request<{ role: 'user' | 'assistant'; text: string }[]>('GET', `/api/v1/chat/${encodeURIComponent(assistantId)}/history`, { signal }),
  memories: (signal?: AbortSignal) => request<StoredMemory[]>('GET', '/api/v1/memory', { signal }),
  forgetMemory: (id: string) => request<void>('DELETE', `/api/v1/memory/${encodeURIComponent(id)}`),
  forgetEverything: () => request<void>('DELETE', '/api/v1/memory'),
  linkToken: () => request<LinkToken>('POST', '/api/v1/plaid/link-token', { body: {} }),
  sandboxPublicToken: (input: { institutionId: string; username: string; password: string }) =>
    request<{ publicToken: string }>('POST', '/api/v1/plaid/sandbox/public-token', { body: input }),
  exchange: (publicToken: string) => request<SyncResult>('POST', '/api/v1/plaid/exchange', { body: { publicToken } }),
  linkedItems: (signal?: AbortSignal) => request<LinkedItem[]>('GET', '/api/v1/plaid/items', { signal }),
  syncItem: (id: string) =>
    request<SyncResult>('POST', `/api/v1/plaid/items/${encodeURIComponent(id)}/sync?refresh=true`, { body: {} }),
  unlinkItem: (id: string) => request<void>('DELETE', `/api/v1/plaid/items/${encodeURIComponent(id)}`),
  transactions: (query: { accountId?: string; page: number; size: number }, signal?: AbortSignal) =>
    request<TransactionPage>(
      'GET',
      `/api/v1/plaid/transactions?page=${query.page}&size=${query.size}` +
        (query.accountId ? `&accountId=${encodeURIComponent(query.accountId)}` : ''),
      { signal },
    ),
  holdings: (signal?: AbortSignal) => request<Holding[]>('GET', '/api/v1/plaid/holdings', { signal }),
  portfolioAccounts: (id: string, signal?: AbortSignal) =>
    request<PortfolioAccount[]>('GET', `/api/v1/portfolios/${encodeURIComponent(id)}/accounts`, { signal }),
  addManualAccount: (id: string, brokerName: string) =>
    request<PortfolioAccount>('POST', `/api/v1/portfolios/${encodeURIComponent(id)}/accounts`, {
      body: { brokerName, accountNumber: 'manual', accountType: 'brokerage' },
    }),
  addLinkedAccount: (id: string, plaidAccountId: string) =>
    request<PortfolioAccount>('POST', `/api/v1/portfolios/${encodeURIComponent(id)}/accounts`, {
      body: { plaidAccountId },
    }),
  addPosition: (id: string, input: { symbol: string; quantity: number; averageCost: number }) =>
    request<unknown>('POST', `/api/v1/portfolios/${encodeURIComponent(id)}/positions`, { body: input }),
  activities: (id: string, signal?: AbortSignal) =>
    request<ActivityItem[]>('GET', `/api/v1/portfolios/${encodeURIComponent(id)}/activities`, { signal }),
  importActivities: (id: string, input: { accountId: string; preset: string; csv: string; preview: boolean }) =>
    request<ActivityImport>('POST', `/api/v1/portfolios/${encodeURIComponent(id)}/activities/import`, { body: input }),
  performance: (id: string, signal?: AbortSignal) =>
    request<PortfolioPerformance>('GET', `/api/v1/portfolios/${encodeURIComponent(id)}/performance`, { signal }),
  scorecard: (signal?: AbortSignal) => request<Scorecard>('GET', '/api/v1/scorecard', { signal }),
  backtests: (signal?: AbortSignal) => request<Backtest[]>('GET', '/api/v1/backtests', { signal }),
  backtest: (id: string, signal?: AbortSignal) =>
    request<Backtest>('GET', `/api/v1/backtests/${encodeURIComponent(id)}`, { signal }),
  startBacktest: (input: BacktestRequest) => request<Backtest>('POST', '/api/v1/backtests', { body: input }),
  cancelBacktest: (id: string) => request<void>('POST', `/api/v1/backtests/${encodeURIComponent(id)}/cancel`),
  replayBacktest: (id: string) => request<Backtest>('POST', `/api/v1/backtests/${encodeURIComponent(id)}/replay`),
  alerts: (signal?: AbortSignal) => request<RatingAlert[]>('GET', '/api/v1/alerts', { signal }),
  readAlert: (id: string) => request<void>('POST', `/api/v1/alerts/${encodeURIComponent(id)}/read`, { body: {} }),
  ratingWatches: (signal?: AbortSignal) => request<RatingWatch[]>('GET', '/api/v1/alerts/watches', { signal }),
  muteSymbol: (symbol: string, muted: boolean) =>
    request<RatingWatch>('PUT', `/api/v1/alerts/watches/${encodeURIComponent(symbol)}`, { body: { muted } }),
  portfolioSummary: (id: string, signal?: AbortSignal) =>
    request<PortfolioSummary>('GET', `/api/v1/portfolios/${encodeURIComponent(id)}/summary`, { signal }),
  portfolioRisk: (id: string) =>
    request<PortfolioRisk>('POST', `/api/v1/portfolios/${encodeURIComponent(id)}/risk`, {
      body: { paths: 5000, steps: 252 },
    }),
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
