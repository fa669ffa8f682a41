/**
 * One release package as the partner official sees it: the server's
 * banner at the top and the bottom, the title and the lead's state, the
 * package's own HTML rendering embedded in a sandboxed frame (no script,
 * no same-origin access: it is a document, not part of the app), the
 * hazard zones on a map, the PDF, the reports back, and the history.
 */
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { PackageDetail, PartnerUpdateAnswer } from '../../api/schema/partner-package.js';
import { languageName } from '../../format/language-name.js';
import { formatIsoLocal } from '../../format/numbers.js';
import { packageFeatures } from '../../geo/package-features.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { countryName } from '../../leads/countries.js';
import { packageRenderingUrl } from '../../leads/lead-request.js';
import { errorText } from '../error-text.js';
import { StatusBadge } from '../leads/LeadList.js';
import { OutcomeText } from '../leads/LeadTimeline.js';
import { STATUS_KEY } from '../leads/lead-text.js';
import { Banner } from '../leads/MarkingText.js';
import { PdfLink } from '../leads/PdfLink.js';
import { SimulatedBadge } from '../SimulatedBadge.js';
import { PartnerReports } from './PartnerReports.js';

const PackageMap = lazy(() => import('../../map/PackageMap.js'));

export interface PackageViewProps {
  readonly client: ApiClient;
  readonly detail: PackageDetail;
  readonly html: string | null;
  readonly htmlError: unknown;
  readonly onUpdated: (a: PartnerUpdateAnswer) => void;
}

export function PackageView(p: PackageViewProps): ReactNode {
  const { t, intl, locale } = useI18n();
  const d = p.detail;
  const features = useMemo(() => packageFeatures(d.package), [d.package]);
  // The title as this language's version holds it (with the original beside a machine translation).
  const title = d.package.versions[d.language].title;
  return (
    <article className="package-view" data-testid="package-view" data-package-id={d.id} data-status={d.status ?? ''} data-language={d.language}>
      <Banner text={d.banner} where="top" testId="package-banner-top" />
      {d.simulated && (
        <p className="package-simulated" role="note" data-testid="package-simulated">
          <SimulatedBadge /> {t('portal.simulated')}
        </p>
      )}
      <header className="package-head">
        <h2 className="package-title" lang={title.lang} data-testid="package-title" data-translation={title.translation}>
          {title.text}
        </h2>
        {title.translation === 'not-translated' && <span className="translation-label">{t('portal.notTranslated')}</span>}
        {title.translation === 'machine-translated' && (
          <>
            <span className="translation-label">{t('portal.machineTranslated', { engine: title.engine === null ? '—' : `${title.engine.id} ${title.engine.version}` })}</span>
            {title.original !== null && (
              <span className="translation-original small">
                {t('portal.original', { language: languageName(title.originalLang, intl) })}: <span lang={title.originalLang} data-testid="package-title-original">{title.original}</span>
              </span>
            )}
          </>
        )}
        <div className="row wrap">
          {d.status !== null ? <StatusBadge status={d.status} /> : <span className="muted small">{t('portal.noStatus')}</span>}
          <span className="muted small">{t('portal.releasedTo', { unit: d.partnerUnit, country: countryName(d.partnerCountry, intl), when: formatIsoLocal(intl, d.createdAt) })}</span>
        </div>
        <p className="purpose">{t('portal.purpose')}</p>
      </header>
      <div className="package-body">
        <section className="package-document" aria-label={t('portal.document')}>
          {p.html === null && p.htmlError === null && <p className="muted">{t('common.loading')}</p>}
          {p.htmlError !== null && (
            <p className="error" role="alert">
              {errorText(t, p.htmlError)}
            </p>
          )}
          {p.html !== null && <iframe className="package-frame" title={t('portal.document')} sandbox="" srcDoc={p.html} referrerPolicy="no-referrer" data-testid="package-html" />}
          <div className="row wrap">
            <PdfLink client={p.client} path={packageRenderingUrl(d.id, 'pdf', locale)} filename={`package-${d.id}-${locale}.pdf`} label={t('release.pdf', { lang: locale.toUpperCase() })} testId="package-pdf" />
            <span className="muted small mono" title={d.sha256}>
              SHA-256 {d.sha256.slice(0, 16)}…
            </span>
          </div>
        </section>
        <section className="package-side">
          <h3>{t('portal.mapTitle')}</h3>
          <div className="package-map-wrap">
            <Suspense fallback={<div className="map-placeholder">{t('common.loading')}</div>}>
              <PackageMap features={features} label={t('portal.mapTitle')} webglMissing={t('map.webglMissing')} />
            </Suspense>
          </div>
          <p className="muted small">
            {t('portal.mapLegend', { zones: features.hazards.features.length })} {t('hazards.disclaimer')}
          </p>
          <PartnerReports client={p.client} packageId={d.id} status={d.status} nextStates={d.nextStates} onUpdated={p.onUpdated} />
          <section className="package-history" data-testid="package-history">
            <h3>{t('portal.historyTitle')}</h3>
            <ol className="event-list">
              {d.history.map((h, i) => (
                <li key={`${i}-${h.status}`} className="event" data-testid="package-history-entry" data-status={h.status} data-by={h.by ?? ''}>
                  <div className="event-head">
                    <span className="event-states">{t(STATUS_KEY[h.status])}</span>
                    <span className="muted small">{h.by === null ? formatIsoLocal(intl, h.at) : t('timelineLead.by', { who: h.by, when: formatIsoLocal(intl, h.at) })}</span>
                  </div>
                  {h.occurredAt !== h.at && <div className="small">{t('timelineLead.occurred', { when: formatIsoLocal(intl, h.occurredAt) })}</div>}
                  {h.outcome !== null && (
                    <div className="small">
                      <OutcomeText outcome={h.outcome} />
                    </div>
                  )}
                  {h.note !== null && h.note !== '' && <div className="event-note">{h.note}</div>}
                </li>
              ))}
            </ol>
          </section>
        </section>
      </div>
      <Banner text={d.banner} where="bottom" testId="package-banner-bottom" />
    </article>
  );
}
