'use client';

import { useSyncExternalStore } from 'react';

const NAV_EVENT = 'finagent:navigate';

/** "/portfolios/" -> "/portfolios", "" -> "/" (trailingSlash is off). */
export function normalizePath(path: string): string {
  const trimmed = path.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function currentPath(): string {
  return normalizePath(window.location.pathname);
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const target = normalizePath(path);
  if (target === currentPath() && !options.replace) return;
  if (options.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  window.dispatchEvent(new Event(NAV_EVENT));
  window.scrollTo(0, 0);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAV_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAV_EVENT, onChange);
  };
}

/** Current pathname, or null during server rendering / hydration. */
export function useLocationPath(): string | null {
  return useSyncExternalStore(subscribe, currentPath, () => null);
}

export type Route =
  | { view: 'home' }
  | { view: 'assistants'; focusId: string | null }
  | { view: 'portfolios' }
  | { view: 'portfolio'; id: string }
  | { view: 'accounts' }
  | { view: 'debates' }
  | { view: 'scorecard' }
  | { view: 'backtests' }
  | { view: 'backtest'; id: string }
  | { view: 'chat' }
  | { view: 'debate'; id: string }
  | { view: 'markets'; symbol: string }
  | { view: 'security' }
  | { view: 'admin-users' }
  | { view: 'admin-audit' }
  | { view: 'admin-clients' }
  | { view: 'not-found'; path: string };

export function matchRoute(path: string): Route {
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0) return { view: 'home' };
  if (segments[0] === 'assistants' && segments.length <= 2) {
    return { view: 'assistants', focusId: segments[1] ? decodeURIComponent(segments[1]) : null };
  }
  if (segments[0] === 'portfolios' && segments.length === 1) return { view: 'portfolios' };
  if (segments[0] === 'portfolios' && segments.length === 2) {
    return { view: 'portfolio', id: decodeURIComponent(segments[1]) };
  }
  if (segments[0] === 'accounts' && segments.length === 1) return { view: 'accounts' };
  if (segments[0] === 'debates' && segments.length === 1) return { view: 'debates' };
  if (segments[0] === 'scorecard' && segments.length === 1) return { view: 'scorecard' };
  if (segments[0] === 'backtests' && segments.length === 1) return { view: 'backtests' };
  if (segments[0] === 'backtests' && segments.length === 2) {
    return { view: 'backtest', id: decodeURIComponent(segments[1]) };
  }
  if (segments[0] === 'chat' && segments.length === 1) return { view: 'chat' };
  if (segments[0] === 'debates' && segments.length === 2) return { view: 'debate', id: decodeURIComponent(segments[1]) };
  if (segments[0] === 'markets' && segments.length <= 2) {
    return { view: 'markets', symbol: segments[1] ? decodeURIComponent(segments[1]).toUpperCase() : 'AAPL' };
  }
  if (segments[0] === 'security' && segments.length === 1) return { view: 'security' };
  if (segments[0] === 'admin' && segments.length === 1) return { view: 'admin-users' };
  if (segments[0] === 'admin' && segments[1] === 'users' && segments.length === 2) return { view: 'admin-users' };
  if (segments[0] === 'admin' && segments[1] === 'audit' && segments.length === 2) return { view: 'admin-audit' };
  if (segments[0] === 'admin' && segments[1] === 'clients' && segments.length === 2) return { view: 'admin-clients' };
  return { view: 'not-found', path };
}
