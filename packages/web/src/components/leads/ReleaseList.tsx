/**
 * A lead's releases, immutable: to which unit of which country, when and
 * by whom, the server's banner of what was released and the package's
 * SHA-256, with its renderings — HTML in English and Spanish (opened in a
 * new tab) and PDF (fetched on request; the server may have no Chromium).
 */
import type { ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { LeadId } from '../../api/schema/ids.js';
import { TEXT_LANGUAGES, type ReleaseSummary } from '../../api/schema/lead.js';
import { formatIsoLocal } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { countryName } from '../../leads/countries.js';
import { releaseRenderingUrl } from '../../leads/lead-request.js';
import { PdfLink } from './PdfLink.js';

export function ReleaseList(p: { readonly client: ApiClient; readonly leadId: LeadId; readonly releases: readonly ReleaseSummary[] }): ReactNode {
  const { t, intl } = useI18n();
  return (
    <section className="lead-releases" data-testid="release-list">
      <h3>{t('release.listTitle', { count: p.releases.length })}</h3>
      {p.releases.length === 0 && <p className="muted small">{t('release.none')}</p>}
      <ul className="release-items">
        {p.releases.map((r) => (
          <li key={r.id} className="release-item" data-testid="release-item" data-release-id={r.id} data-country={r.partnerCountry} data-unit={r.partnerUnit} data-banner={r.banner}>
            <div className="release-head">
              <strong>{r.partnerUnit}</strong> — {countryName(r.partnerCountry, intl)} ({r.partnerCountry})
            </div>
            <div className="muted small">{t('release.meta', { who: r.createdBy, when: formatIsoLocal(intl, r.createdAt), lang: r.language.toUpperCase() })}</div>
            <div className="release-banner mono" lang="en" translate="no" data-testid="release-banner">
              {r.banner}
            </div>
            <div className="muted small mono" title={r.sha256}>
              SHA-256 {r.sha256.slice(0, 16)}…
            </div>
            {r.withheld !== null && (
              <div className="muted small" data-testid="release-item-withheld" data-notes={r.withheld.notes} data-other={r.withheld.otherEvidence}>
                {t('release.withheldLater', { notes: r.withheld.notes, other: r.withheld.otherEvidence })}
              </div>
            )}
            <div className="row wrap release-links">
              {TEXT_LANGUAGES.map((l) => (
                <a key={l} href={releaseRenderingUrl(p.leadId, r.id, 'html', l)} target="_blank" rel="noopener" data-testid={`release-html-${l}`}>
                  {t('release.html', { lang: l.toUpperCase() })}
                </a>
              ))}
              {TEXT_LANGUAGES.map((l) => (
                <PdfLink key={l} client={p.client} path={releaseRenderingUrl(p.leadId, r.id, 'pdf', l)} filename={`release-${r.id}-${l}.pdf`} label={t('release.pdf', { lang: l.toUpperCase() })} testId={`release-pdf-${l}`} />
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
