import type { ReactNode } from 'react';
import type { Session } from '../api/schema/session.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { LiveStatus } from '../live/live-socket.js';
import type { BasemapStatus } from '../map/MapView.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export function Header(p: { readonly session: Session; readonly live: LiveStatus; readonly basemap: BasemapStatus | null; readonly demo: boolean; readonly onSignOut: () => void }): ReactNode {
  const { t } = useI18n();
  const liveText = p.live === 'open' ? t('live.connected') : p.live === 'connecting' ? t('live.connecting') : t('live.reconnecting');
  const basemapShort = p.basemap?.kind === 'pmtiles' ? t('basemap.pmtilesShort') : t('basemap.embeddedShort');
  const basemapLong = p.basemap?.kind === 'pmtiles' ? t('basemap.pmtiles') : t('basemap.embedded');
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <span className="subtitle">{t('app.subtitle')}</span>
      </div>
      <div className="header-status">
        {p.demo && (
          <span className="badge badge-simulated" data-testid="demo-badge">
            {t('header.demo')}
          </span>
        )}
        <span className="basemap-label" title={basemapLong} data-testid="basemap-label" data-basemap={p.basemap?.kind ?? 'embedded'}>
          {basemapShort}
        </span>
        <span className={`live live-${p.live}`} role="status" aria-label={t('live.status', { state: liveText })} data-testid="live-status" data-state={p.live}>
          <span className="dot" aria-hidden="true" />
          {liveText}
        </span>
      </div>
      <div className="header-user">
        <LanguageSwitch />
        <span className="user" data-testid="current-user">
          {t('header.user', { user: p.session.username, role: t(`role.${p.session.role}`) })}
        </span>
        <button type="button" onClick={p.onSignOut} data-testid="sign-out">
          {t('header.signOut')}
        </button>
      </div>
    </header>
  );
}
