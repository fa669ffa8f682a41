import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import type { SignedOutNotice } from '../session/use-session.js';
import { errorText } from './error-text.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export function SignInForm(p: { readonly notice: SignedOutNotice; readonly onSignIn: (u: string, pw: string) => Promise<void> }): ReactNode {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    p.onSignIn(username, password).catch((err: unknown) => {
      setError(errorText(t, err));
      setBusy(false);
    });
  };

  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={submit} data-testid="signin-form" aria-labelledby="signin-title">
        <div className="auth-head">
          <h1 id="signin-title">
            {t('app.title')} · {t('signin.title')}
          </h1>
          <LanguageSwitch />
        </div>
        {p.notice === 'expired' && <p className="notice">{t('error.sessionExpired')}</p>}
        {p.notice === 'passwordChanged' && <p className="notice">{t('signin.passwordChanged')}</p>}
        <label>
          {t('signin.username')}
          <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} data-testid="signin-username" />
        </label>
        <label>
          {t('signin.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="signin-password"
          />
        </label>
        {error !== null && (
          <p className="error" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="signin-submit">
          {busy ? t('signin.busy') : t('signin.submit')}
        </button>
      </form>
    </main>
  );
}
