import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { errorText } from './error-text.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/** Server rule for new passwords (docs/api.md): 12–256 characters. */
const MIN_LENGTH = 12;
const MAX_LENGTH = 256;

export function ChangePasswordForm(p: { readonly username: string; readonly onChange: (current: string, next: string) => Promise<void>; readonly onSignOut: () => void }): ReactNode {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if ([...next].length < MIN_LENGTH) return setError(t('password.tooShort'));
    if (next !== confirm) return setError(t('password.mismatch'));
    setBusy(true);
    setError(null);
    p.onChange(current, next).catch((err: unknown) => {
      setError(errorText(t, err));
      setBusy(false);
    });
  };

  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={submit} data-testid="password-form" aria-labelledby="password-title">
        <div className="auth-head">
          <h1 id="password-title">{t('password.title')}</h1>
          <LanguageSwitch />
        </div>
        <p>{t('password.explain')}</p>
        <input type="text" name="username" autoComplete="username" value={p.username} readOnly hidden />
        <label>
          {t('password.current')}
          <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} data-testid="password-current" />
        </label>
        <label>
          {t('password.new')}
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_LENGTH}
            maxLength={MAX_LENGTH}
            value={next}
            onChange={(e) => setNext(e.target.value)}
            aria-describedby="password-rule"
            data-testid="password-new"
          />
        </label>
        <small id="password-rule">{t('password.rule')}</small>
        <label>
          {t('password.confirm')}
          <input type="password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} data-testid="password-confirm" />
        </label>
        {error !== null && (
          <p className="error" role="alert" data-testid="password-error">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy} data-testid="password-submit">
            {busy ? t('password.busy') : t('password.submit')}
          </button>
          <button type="button" onClick={p.onSignOut}>
            {t('header.signOut')}
          </button>
        </div>
      </form>
    </main>
  );
}
