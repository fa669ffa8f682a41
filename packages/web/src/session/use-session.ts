/**
 * The signed-in state of the app and the API client bound to it. The app
 * starts by asking the server for the current session; a 401 anywhere later
 * returns to the sign-in form, and a 403 NARIZ_PASSWORD_CHANGE (or a session
 * that says so) to the change-password form, before anything else.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { ApiClient } from '../api/client.js';
import type { AppConfig } from '../api/schema/app-config.js';
import type { Session } from '../api/schema/session.js';

export type SignedOutNotice = 'expired' | 'passwordChanged' | null;

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'unreachable'; readonly error: ApiError }
  | { readonly status: 'signedOut'; readonly notice: SignedOutNotice }
  | { readonly status: 'mustChangePassword'; readonly session: Session }
  | { readonly status: 'signedIn'; readonly session: Session };

export interface SessionApi {
  readonly state: SessionState;
  readonly client: ApiClient;
  readonly appConfig: AppConfig;
  readonly signIn: (username: string, password: string) => Promise<void>;
  readonly signOut: () => Promise<void>;
  readonly changePassword: (current: string, next: string) => Promise<void>;
  readonly retry: () => void;
}

/** Until /api/app-config answers (the server's own defaults). */
const DEFAULT_CONFIG: AppConfig = { version: '', pmtilesUrl: null, demo: false, ownCountry: 'USA' };

export function useSession(): SessionApi {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [appConfig, setAppConfig] = useState<AppConfig>(DEFAULT_CONFIG);
  const [attempt, setAttempt] = useState(0);

  const client = useMemo(
    () =>
      new ApiClient({
        onUnauthorized: () => setState((s) => (s.status === 'signedOut' ? s : { status: 'signedOut', notice: 'expired' })),
        onPasswordChangeRequired: () => setState((s) => (s.status === 'signedIn' ? { status: 'mustChangePassword', session: s.session } : s)),
      }),
    [],
  );

  const enter = useCallback(
    (s: Session | null, notice: SignedOutNotice = null) => {
      client.setSession(s);
      if (s === null) setState({ status: 'signedOut', notice });
      else setState(s.mustChangePassword ? { status: 'mustChangePassword', session: s } : { status: 'signedIn', session: s });
    },
    [client],
  );

  useEffect(() => {
    let live = true;
    client.appConfig().then(
      (c) => live && setAppConfig(c),
      (err: unknown) => console.warn('app-config unavailable; using the embedded basemap', err),
    );
    client.currentSession().then(
      (s) => live && enter(s),
      (err: unknown) => live && setState({ status: 'unreachable', error: err instanceof ApiError ? err : new ApiError('network', 0, null, String(err)) }),
    );
    return () => {
      live = false;
    };
  }, [client, enter, attempt]);

  const signIn = useCallback(async (username: string, password: string) => enter(await client.signIn(username, password)), [client, enter]);

  const signOut = useCallback(async () => {
    try {
      await client.signOut();
    } finally {
      enter(null);
    }
  }, [client, enter]);

  const changePassword = useCallback(
    async (current: string, next: string) => {
      await client.changePassword(current, next);
      // The server may keep the session (now without the flag) or end it: either way the app follows.
      enter(await client.currentSession(), 'passwordChanged');
    },
    [client, enter],
  );

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((a) => a + 1);
  }, []);

  return { state, client, appConfig, signIn, signOut, changePassword, retry };
}
