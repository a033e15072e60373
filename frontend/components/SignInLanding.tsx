'use client';

import { useEffect, useState } from 'react';
import { api, setToken } from '@/lib/api';
import { navigate } from '@/lib/router';
import { SIGNED_IN_WITH_KEY, writeStored } from '@/lib/storage';
import ErrorMessage from './ErrorMessage';

/** Where the path leads after the identity provider's sign-in (the sign-on module sends the browser here). */
export const SIGNED_IN_PATH = '/signed-in';

/**
 * Ends a single sign-on: exchanges the one-time code from the URL fragment for an access token, removes the code
 * from the address bar and history, and opens the dashboard.
 */
export default function SignInLanding() {
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const code = new URLSearchParams(window.location.hash.slice(1)).get('code');
    window.history.replaceState(null, '', SIGNED_IN_PATH);
    if (!code) {
      navigate('/', { replace: true });
      return;
    }
    api.exchangeSignInCode(code).then(
      (res) => {
        writeStored(SIGNED_IN_WITH_KEY, 'sso');
        setToken(res.access_token);
        navigate('/', { replace: true });
      },
      (err: unknown) => setError(err),
    );
  }, []);

  return (
    <main className="auth">
      <div className="auth-card">
        <h1 className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">F</span> Fin Agent
        </h1>
        {error ? (
          <>
            <ErrorMessage error={error} />
            <button type="button" className="btn" onClick={() => navigate('/', { replace: true })}>
              Back to sign-in
            </button>
          </>
        ) : (
          <p className="muted" aria-busy="true">
            Signing you in…
          </p>
        )}
      </div>
    </main>
  );
}
