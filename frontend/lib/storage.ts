'use client';

import { useSyncExternalStore } from 'react';

/** localStorage keys shared with the browser tests. */
export const TOKEN_KEY = 'finagent.token';
export const ASSISTANT_KEY = 'finagent.assistant';
/** 'sso' while the token came from single sign-on, so signing out also ends the provider's session. */
export const SIGNED_IN_WITH_KEY = 'finagent.signedInWith';

const CHANGE_EVENT = 'finagent:storage';

export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage disabled (private mode, sandboxed iframe, ...)
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // ignore: the value simply won't survive a reload
  }
  window.dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: key }));
}

function subscribe(onChange: () => void): () => void {
  // `storage` fires for changes made in other tabs, CHANGE_EVENT for this one.
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/**
 * Reactive view of one localStorage entry. Returns `undefined` while
 * rendering on the server / hydrating (value unknown yet), then the stored
 * string or null.
 */
export function useStoredValue(key: string): string | null | undefined {
  return useSyncExternalStore(
    subscribe,
    () => readStored(key),
    () => undefined,
  );
}
