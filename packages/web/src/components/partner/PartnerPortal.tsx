/**
 * The whole app for a partner official (role `partner`): the packages
 * released to their country, in their language (Spanish unless they chose
 * otherwise), each with its banner, its rendering, its hazard zones and
 * the reports back. Nothing else exists here — no sorties, tracks,
 * detections, videos, plans or leads — and no live feed (the role has no
 * right to it).
 */
import { useEffect, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { Session } from '../../api/schema/session.js';
import { formatIsoLocal } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { storedLocale } from '../../i18n/locale-storage.js';
import { usePartnerPackages } from '../../workspace/use-partner-packages.js';
import { errorText } from '../error-text.js';
import { LanguageSwitch } from '../LanguageSwitch.js';
import { SimulatedBadge } from '../SimulatedBadge.js';
import { StatusBadge } from '../leads/LeadList.js';
import { PackageView } from './PackageView.js';

export function PartnerPortal(p: { readonly client: ApiClient; readonly session: Session; readonly onSignOut: () => void }): ReactNode {
  const { t, intl, locale, setLocale } = useI18n();
  // Partner officials read Spanish unless they have chosen English.
  useEffect(() => {
    if (storedLocale() === null) setLocale('es');
  }, [setLocale]);
  const w = usePartnerPackages(p.client, locale);
  const list = w.list;
  return (
    <div className="portal" data-testid="partner-portal">
      <header className="app-header">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <span className="subtitle">{t('portal.subtitle')}</span>
        </div>
        <div className="header-user">
          <LanguageSwitch />
          <span className="user" data-testid="current-user">
            {t('header.user', { user: p.session.username, role: t('role.partner') })}
          </span>
          <button type="button" onClick={p.onSignOut} data-testid="sign-out">
            {t('header.signOut')}
          </button>
        </div>
      </header>
      <div className="portal-columns">
        <aside className="sidebar left" aria-labelledby="packages-title">
          <section className="panel" data-testid="package-list">
            <div className="panel-head">
              <h2 id="packages-title">{t('portal.packagesTitle')}</h2>
              <button type="button" className="small" onClick={w.reload} data-testid="packages-reload">
                {t('dashboard.reload')}
              </button>
            </div>
            {w.listError !== null && (
              <p className="error" role="alert">
                {errorText(t, w.listError)}
              </p>
            )}
            {list === null && w.listError === null && <p className="muted">{t('common.loading')}</p>}
            {list !== null && (
              <p className="muted small" data-testid="package-count" data-total={list.total}>
                {t('portal.count', { count: list.total })}
              </p>
            )}
            {list !== null && list.packages.length === 0 && (
              <p className="muted" data-testid="packages-empty">
                {t('portal.empty')}
              </p>
            )}
            <ul className="lead-items">
              {(list?.packages ?? []).map((k) => (
                <li key={k.id} className={k.id === w.openId ? 'selected' : undefined} data-testid="package-item" data-package-id={k.id} data-status={k.status ?? ''}>
                  <button type="button" className="lead-select" aria-pressed={k.id === w.openId} onClick={() => w.open(k.id)} data-testid="package-open">
                    <span className="release-banner mono" lang="en" translate="no">
                      {k.banner}
                    </span>
                    <span className="lead-title" lang={k.title.lang}>
                      {k.title.text}
                    </span>
                    <span className="lead-meta">
                      {k.simulated && <SimulatedBadge />} {k.status !== null && <StatusBadge status={k.status} />} {k.partnerUnit} · {formatIsoLocal(intl, k.createdAt)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </aside>
        <main className="portal-main">
          {w.detailError !== null && (
            <p className="error" role="alert">
              {errorText(t, w.detailError)}
            </p>
          )}
          {w.detail !== null && w.detail.id === w.openId && <PackageView client={p.client} detail={w.detail} html={w.html} htmlError={w.htmlError} onUpdated={w.updated} />}
          {w.openId === null && list !== null && list.packages.length > 0 && <p className="muted">{t('portal.pick')}</p>}
        </main>
      </div>
    </div>
  );
}
