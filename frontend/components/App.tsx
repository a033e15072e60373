'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, setToken, setUnauthorizedHandler } from '@/lib/api';
import { queryKeys } from '@/lib/queries';
import { matchRoute, navigate, useLocationPath, type Route } from '@/lib/router';
import { readStored, SIGNED_IN_WITH_KEY, TOKEN_KEY, useStoredValue, writeStored } from '@/lib/storage';
import AccountsView from './AccountsView';
import AdminClientsView from './AdminClientsView';
import { AdminAuditView, AdminUsersView } from './AdminView';
import AssistantsView from './AssistantsView';
import ChatView from './ChatView';
import AuthView from './AuthView';
import Dashboard from './Dashboard';
import { DebateView, DebatesView } from './DebatesView';
import ErrorMessage from './ErrorMessage';
import Link from './Link';
import MarketsView from './MarketsView';
import PortfolioDetailView from './PortfolioDetailView';
import PortfoliosView from './PortfoliosView';
import SecurityEventsView from './SecurityEventsView';
import ScorecardView from './ScorecardView';
import BacktestsView, { BacktestView } from './BacktestsView';
import SignInLanding, { SIGNED_IN_PATH } from './SignInLanding';

/** The main navigation: where each entry leads and which views it stands for. */
const NAVIGATION: { href: string; label: string; testId: string; views: Route['view'][] }[] = [
  { href: '/', label: 'Dashboard', testId: 'nav-dashboard', views: ['home'] },
  { href: '/assistants', label: 'Assistants', testId: 'nav-assistants', views: ['assistants'] },
  { href: '/chat', label: 'Chat', testId: 'nav-chat', views: ['chat'] },
  { href: '/debates', label: 'Ask', testId: 'nav-debates', views: ['debates', 'debate'] },
  { href: '/scorecard', label: 'Scorecard', testId: 'nav-scorecard', views: ['scorecard'] },
  { href: '/backtests', label: 'Backtests', testId: 'nav-backtests', views: ['backtests', 'backtest'] },
  { href: '/portfolios', label: 'Portfolios', testId: 'nav-portfolios', views: ['portfolios', 'portfolio'] },
  { href: '/accounts', label: 'Accounts', testId: 'nav-accounts', views: ['accounts'] },
  { href: '/markets', label: 'Markets', testId: 'nav-markets', views: ['markets'] },
  { href: '/security', label: 'Security', testId: 'nav-security', views: ['security'] },
];

/** Shown only to admins (the API refuses everyone else anyway). */
const ADMIN_NAVIGATION = { href: '/admin/users', label: 'Admin', testId: 'nav-admin', views: ['admin-users', 'admin-audit', 'admin-clients'] as Route['view'][] };

/**
 * The whole front end is this one client component: the WAR serves
 * index.html for every unknown path, and the view is chosen from
 * window.location.pathname.
 */
export default function App() {
  const path = useLocationPath();
  const token = useStoredValue(TOKEN_KEY);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const me = useQuery({
    queryKey: queryKeys.me(token ?? ''),
    queryFn: ({ signal }) => api.me(signal),
    enabled: !!token,
  });
  const user = token ? (me.data ?? null) : null;
  const userError = token ? me.error : null;

  useEffect(() => {
    // The token is already gone: drop what was cached for this user before the sign-in page renders. Clearing
    // later, in an effect after that render, would also cancel the sign-in page's own queries in flight (the
    // list of sign-in providers), and their buttons would never appear.
    setUnauthorizedHandler(() => {
      queryClient.clear();
      setNotice('Your session has ended. Please sign in again.');
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  useEffect(() => {
    if (me.data) setNotice(null);
  }, [me.data]);


  // Server render / hydration: nothing is known about the browser yet.
  if (path === null || token === undefined) {
    return (
      <main className="loading-shell" aria-busy="true">
        <p className="muted">Loading Fin Agent…</p>
      </main>
    );
  }

  if (path === SIGNED_IN_PATH) return <SignInLanding />;
  if (!token) return <AuthView notice={notice} />;

  function signOut() {
    const singleSignOn = readStored(SIGNED_IN_WITH_KEY) === 'sso';
    writeStored(SIGNED_IN_WITH_KEY, null);
    // Nothing cached for this user may be shown to the next one.
    queryClient.clear();
    setToken(null);
    setNotice(null);
    // The sign-on module ends the provider's session too (RP-initiated logout) and returns to the start page.
    if (singleSignOn) window.location.assign('/sso/logout');
    else navigate('/');
  }

  const route = matchRoute(path);
  const isAdmin = user?.roles?.includes('admin') ?? false;
  const navigation = isAdmin ? [...NAVIGATION, ADMIN_NAVIGATION] : NAVIGATION;

  return (
    <div className="app">
      <header className="topbar">
        <Link href="/" className="brand" data-testid="nav-home">
          <span className="brand-mark" aria-hidden="true">
            F
          </span>{' '}
          Fin Agent
        </Link>
        <nav className="nav" aria-label="Main">
          {navigation.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              aria-current={item.views.includes(route.view) ? 'page' : undefined}
              data-testid={item.testId}
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="user">
          {user && (
            <span className="user-name" data-testid="user-name" title={user.email}>
              {user.displayName || user.email}
            </span>
          )}
          <button type="button" className="btn btn-small" data-testid="signout-button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>

      <main className="content">
        <ErrorMessage error={userError} />
        {route.view === 'home' && <Dashboard user={user} />}
        {route.view === 'assistants' && <AssistantsView key="assistants" focusId={route.focusId} />}
        {route.view === 'portfolios' && <PortfoliosView />}
        {route.view === 'portfolio' && <PortfolioDetailView key={route.id} id={route.id} />}
        {route.view === 'accounts' && <AccountsView />}
        {route.view === 'debates' && <DebatesView />}
        {route.view === 'chat' && <ChatView />}
        {route.view === 'scorecard' && <ScorecardView />}
        {route.view === 'backtests' && <BacktestsView />}
        {route.view === 'backtest' && <BacktestView key={route.id} id={route.id} />}
        {route.view === 'debate' && <DebateView key={route.id} id={route.id} />}
        {route.view === 'markets' && <MarketsView key={route.symbol} symbol={route.symbol} />}
        {route.view === 'security' && <SecurityEventsView />}
        {route.view === 'admin-users' && <AdminUsersView selfId={user?.id} />}
        {route.view === 'admin-audit' && <AdminAuditView />}
        {route.view === 'admin-clients' && <AdminClientsView />}
        {route.view === 'not-found' && (
          <section className="panel">
            <h1>Page not found</h1>
            <p className="muted">
              There is nothing at <code>{route.path}</code>.
            </p>
            <Link href="/" className="btn">
              Back to the dashboard
            </Link>
          </section>
        )}
      </main>
    </div>
  );
}
