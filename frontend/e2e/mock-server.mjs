#!/usr/bin/env node
// In-memory stand-in for the Java WAR, for working on the front end (and
// running the browser test) without the real server:
//   npm run build && npm run mock-server        # http://127.0.0.1:8080
//   BASE_URL=http://127.0.0.1:8080 npm run test:e2e
// It serves ./out like the WAR does (unknown paths -> index.html) and
// implements the /api/v1 contract with problem+json errors. Not for production.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const DEFAULT_STATIC_DIR = resolve(here, '..', 'out');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const ASSISTANTS = [
  { id: 'general', name: 'General Assistant', description: 'Everyday questions about money and markets.', color: '#3b82f6', icon: 'bot', expertise: ['Budgeting', 'Basics', 'Q&A'] },
  { id: 'analyst', name: 'Financial Analyst', description: 'Company fundamentals, valuation and earnings.', color: '#8b5cf6', icon: 'line-chart', expertise: ['Valuation', 'Earnings', 'Ratios'] },
  { id: 'trader', name: 'Trader', description: 'Technical analysis and short-term market moves.', color: '#f59e0b', icon: 'trending-up', expertise: ['Technicals', 'Momentum', 'Options'] },
  { id: 'advisor', name: 'Investment Advisor', description: 'Long-term planning and asset allocation.', color: '#10b981', icon: 'briefcase', expertise: ['Allocation', 'Retirement', 'Tax'] },
  { id: 'riskManager', name: 'Risk Manager', description: 'Exposure, drawdowns and hedging.', color: '#ef4444', icon: 'shield', expertise: ['VaR', 'Hedging', 'Diversification'] },
  { id: 'economist', name: 'Economist', description: 'Macro trends, rates and policy.', color: '#06b6d4', icon: 'globe', expertise: ['Macro', 'Rates', 'Inflation'] },
];

function send(res, status, body, type = 'application/json') {
  const payload = body === undefined ? '' : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(payload);
}

function problem(res, status, title, detail, errors) {
  const body = { type: 'about:blank', title, status, detail };
  if (errors) body.errors = errors;
  send(res, status, body, 'application/problem+json');
}

async function readJson(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 1_000_000) throw new Error('too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

export function createMockServer({ staticDir = DEFAULT_STATIC_DIR } = {}) {
  const users = new Map(); // email -> user (with password)
  const tokens = new Map(); // token -> email
  const portfolios = new Map(); // email -> Map(id -> portfolio)
  let nextId = 1;

  const publicUser = (u) => ({ id: u.id, email: u.email, displayName: u.displayName, roles: u.roles });

  function authenticate(req, res) {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const email = match && tokens.get(match[1]);
    if (!email) {
      problem(res, 401, 'Unauthorized', 'Authentication is required to access this resource.');
      return null;
    }
    return users.get(email);
  }

  function validatePortfolio(body) {
    const errors = [];
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (name.length < 1 || name.length > 100) errors.push({ field: 'name', message: 'size must be between 1 and 100' });
    if (body.description != null && typeof body.description !== 'string') errors.push({ field: 'description', message: 'must be a string' });
    return errors;
  }

  async function api(req, res, path) {
    const method = req.method;
    if (path === '/api/v1/auth/register' && method === 'POST') {
      const body = await readJson(req);
      const errors = [];
      if (typeof body.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(body.email)) errors.push({ field: 'email', message: 'must be a well-formed email address' });
      if (typeof body.password !== 'string' || body.password.length < 8) errors.push({ field: 'password', message: 'size must be at least 8' });
      if (typeof body.displayName !== 'string' || !body.displayName.trim()) errors.push({ field: 'displayName', message: 'must not be blank' });
      if (errors.length) return problem(res, 400, 'Bad Request', 'Validation failed', errors);
      const email = body.email.toLowerCase();
      if (users.has(email)) return problem(res, 409, 'Conflict', 'An account with this email already exists.');
      const user = { id: nextId++, email, password: body.password, displayName: body.displayName.trim(), roles: ['USER'] };
      users.set(email, user);
      return send(res, 201, publicUser(user));
    }
    if (path === '/api/v1/auth/token' && method === 'POST') {
      const body = await readJson(req);
      const user = users.get(String(body.email ?? '').toLowerCase());
      if (!user || user.password !== body.password) return problem(res, 401, 'Unauthorized', 'Invalid email or password.');
      const token = randomUUID();
      tokens.set(token, user.email);
      return send(res, 200, { accessToken: token, tokenType: 'Bearer', expiresIn: 3600 });
    }
    if (path === '/api/v1/assistants' && method === 'GET') return send(res, 200, ASSISTANTS);
    if (path === '/api/v1/me' && method === 'GET') {
      const user = authenticate(req, res);
      return user && send(res, 200, publicUser(user));
    }
    if (path === '/api/v1/portfolios' || path.startsWith('/api/v1/portfolios/')) {
      const user = authenticate(req, res);
      if (!user) return;
      if (!portfolios.has(user.email)) portfolios.set(user.email, new Map());
      const mine = portfolios.get(user.email);
      const id = path.split('/')[4];
      if (!id && method === 'GET') return send(res, 200, [...mine.values()]);
      if (!id && method === 'POST') {
        const body = await readJson(req);
        const errors = validatePortfolio(body);
        if (errors.length) return problem(res, 400, 'Bad Request', 'Validation failed', errors);
        const now = new Date().toISOString();
        const p = { id: String(nextId++), name: body.name.trim(), description: body.description ?? '', createdAt: now, updatedAt: now };
        mine.set(p.id, p);
        return send(res, 201, p);
      }
      const existing = id && mine.get(decodeURIComponent(id));
      if (id && !existing) return problem(res, 404, 'Not Found', `Portfolio ${id} was not found.`);
      if (existing && method === 'PUT') {
        const body = await readJson(req);
        const errors = validatePortfolio(body);
        if (errors.length) return problem(res, 400, 'Bad Request', 'Validation failed', errors);
        Object.assign(existing, { name: body.name.trim(), description: body.description ?? '', updatedAt: new Date().toISOString() });
        return send(res, 200, existing);
      }
      if (existing && method === 'DELETE') {
        mine.delete(existing.id);
        res.writeHead(204).end();
        return;
      }
      return problem(res, 405, 'Method Not Allowed', `${method} is not supported here.`);
    }
    return problem(res, 404, 'Not Found', `No endpoint ${method} ${path}.`);
  }

  async function file(req, res, path) {
    const root = resolve(staticDir);
    const candidate = normalize(join(root, decodeURIComponent(path)));
    let target = join(root, 'index.html'); // SPA fallback, like the WAR
    if (candidate.startsWith(root + sep)) {
      const info = await stat(candidate).catch(() => null);
      if (info?.isFile()) target = candidate;
    }
    const body = await readFile(target).catch(() => null);
    if (!body) return send(res, 404, 'Not found (did you run `npm run build`?)', 'text/plain; charset=utf-8');
    res.writeHead(200, { 'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      if (path.startsWith('/api/')) await api(req, res, path);
      else if (req.method === 'GET' || req.method === 'HEAD') await file(req, res, path);
      else problem(res, 405, 'Method Not Allowed', `${req.method} is not supported here.`);
    } catch (err) {
      if (!res.headersSent) problem(res, 400, 'Bad Request', `Could not process the request: ${err.message}`);
      else res.destroy();
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  createMockServer({ staticDir: process.env.STATIC_DIR ?? DEFAULT_STATIC_DIR }).listen(port, host, () => {
    console.log(`Fin Agent mock server on http://${host}:${port}`);
  });
}
