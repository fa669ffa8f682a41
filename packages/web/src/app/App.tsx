/**
 * The app's top level: the language, then the session decides what is
 * shown — the workspace, or for a partner official the partner portal and
 * nothing else.
 */
import type { ReactNode } from 'react';
import { errorText } from '../components/error-text.js';
import { ChangePasswordForm } from '../components/ChangePasswordForm.js';
import { PartnerPortal } from '../components/partner/PartnerPortal.js';
import { SignInForm } from '../components/SignInForm.js';
import { I18nProvider } from '../i18n/I18nProvider.js';
import { useI18n } from '../i18n/i18n-context.js';
import { isPartner } from '../api/schema/session.js';
import { useSession } from '../session/use-session.js';
import { Workspace } from '../workspace/Workspace.js';

function Screens(): ReactNode {
  const { t } = useI18n();
  const s = useSession();
  const signOut = (): void => {
    s.signOut().catch((err: unknown) => console.warn('sign-out failed', err));
  };
  switch (s.state.status) {
    case 'loading':
      return <p className="splash">{t('common.loading')}</p>;
    case 'unreachable':
      return (
        <div className="splash" role="alert">
          <p>{errorText(t, s.state.error)}</p>
          <button type="button" onClick={s.retry}>
            {t('common.retry')}
          </button>
        </div>
      );
    case 'signedOut':
      return <SignInForm notice={s.state.notice} onSignIn={s.signIn} />;
    case 'mustChangePassword':
      return <ChangePasswordForm username={s.state.session.username} onChange={s.changePassword} onSignOut={signOut} />;
    case 'signedIn':
      if (isPartner(s.state.session.role)) return <PartnerPortal key={s.state.session.username} client={s.client} session={s.state.session} onSignOut={signOut} />;
      return <Workspace key={s.state.session.username} client={s.client} session={s.state.session} appConfig={s.appConfig} onSignOut={signOut} />;
  }
}

export function App(): ReactNode {
  return (
    <I18nProvider>
      <Screens />
    </I18nProvider>
  );
}
