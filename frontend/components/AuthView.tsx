'use client';

import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  api,
  ApiError,
  hasFieldError,
  setToken,
  validationError,
  type FieldError,
} from '@/lib/api';
import { queryKeys } from '@/lib/queries';
import ErrorMessage from './ErrorMessage';

type Busy = 'signin' | 'register' | null;

/** Sign-in / registration form shown whenever there is no valid token; creating an account signs in. */
export default function AuthView({ notice }: { notice: string | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<unknown>(null);
  // Without the list the page still offers local accounts, which always work: a failure shows none.
  const providers =
    useQuery({ queryKey: queryKeys.signInProviders, queryFn: ({ signal }) => api.signInProviders(signal), retry: false })
      .data ?? [];

  function requireCredentials(extra: FieldError[] = []): boolean {
    const errors: FieldError[] = [];
    if (!email.trim()) errors.push({ field: 'email', message: 'Email is required.' });
    if (!password) errors.push({ field: 'password', message: 'Password is required.' });
    errors.push(...extra);
    if (errors.length === 0) return true;
    setError(validationError('Please fill in the required fields.', errors));
    return false;
  }

  async function signIn(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    if (!requireCredentials()) return;
    setBusy('signin');
    setError(null);
    try {
      const res = await api.token({ email: email.trim(), password });
      if (!res?.access_token) throw new ApiError(500, { detail: 'The server did not return an access token.' });
      setToken(res.access_token); // App re-renders into the signed-in views
    } catch (err) {
      setError(err);
      setBusy(null);
    }
  }

  async function register() {
    if (busy) return;
    const extra = displayName.trim()
      ? []
      : [{ field: 'displayName', message: 'Display name is required to create an account.' }];
    if (!requireCredentials(extra)) return;
    setBusy('register');
    setError(null);
    try {
      const registration = await api.register({ email: email.trim(), password, displayName: displayName.trim() });
      if (!registration?.token?.access_token) {
        throw new ApiError(500, { detail: 'The server did not return an access token.' });
      }
      setToken(registration.token.access_token); // signed in: App re-renders into the signed-in views
    } catch (err) {
      setError(err);
      setBusy(null);
    }
  }

  return (
    <main className="auth">
      <div className="auth-card">
        <h1 className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">F</span> Fin Agent
        </h1>
        <p className="muted">Your financial assistant. Sign in, or create an account.</p>

        {notice && !error && <div className="alert alert-info">{notice}</div>}
        <ErrorMessage error={error} />

        {providers.map((provider) => (
          <div className="actions" key={provider.id}>
            <a className="btn btn-primary" data-testid={`signin-${provider.id}`} href={provider.signInUrl}>
              Sign in with {provider.name}
            </a>
          </div>
        ))}
        {providers.length > 0 && <p className="muted">Or with a local account:</p>}

        <form onSubmit={signIn} noValidate>
          <label className="field">
            <span>Email</span>
            <input
              type="email"
              autoComplete="username"
              data-testid="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={hasFieldError(error, 'email') || undefined}
            />
          </label>
          <label className="field">
            <span>Password</span>
            <input
              type="password"
              autoComplete="current-password"
              data-testid="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={hasFieldError(error, 'password') || undefined}
            />
          </label>
          <label className="field">
            <span>
              Display name <span className="muted">(new accounts only)</span>
            </span>
            <input
              type="text"
              autoComplete="nickname"
              data-testid="display-name"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              aria-invalid={hasFieldError(error, 'displayName') || undefined}
            />
          </label>
          <div className="actions">
            <button type="submit" className="btn btn-primary" data-testid="signin-button" disabled={busy !== null}>
              {busy === 'signin' ? 'Signing in…' : 'Sign in'}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="register-button"
              onClick={register}
              disabled={busy !== null}
            >
              {busy === 'register' ? 'Creating account…' : 'Create account'}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
