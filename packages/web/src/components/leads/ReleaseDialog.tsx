/**
 * Releasing a lead to a partner unit: an explicit, recorded act. The
 * analyst picks the partner country (ISO alpha-3) and names the unit, the
 * language the partner reads first, and why; sees what the server will
 * consider (the lead's portion and each note's) and the rule it applies;
 * then, on review, the package the server would make now (a dry run,
 * stored nowhere: its banner, what stays behind, and the rendering the
 * partner would read, marked PREVIEW); and confirms in so many words
 * ("Release to <unit> of <country>: this is recorded"). The server builds
 * the package again, stores it immutably and answers with its banner, its
 * SHA-256 and what stayed behind.
 */
import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { LeadDetail, TextLanguage } from '../../api/schema/lead.js';
import type { ReleaseAnswer, ReleasePreview } from '../../api/schema/release-package.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { countryName } from '../../leads/countries.js';
import { useLabelScope } from '../../session/label-scope.js';
import { readReleaseForm } from '../../leads/lead-request.js';
import { errorText } from '../error-text.js';
import { CountrySelect } from './CountrySelect.js';
import { LanguageSelect } from './LanguageSelect.js';
import { Portion } from './MarkingText.js';
import { FieldProblem, ServerMessage } from '../FormMessages.js';

export interface ReleaseDialogProps {
  readonly client: ApiClient;
  readonly lead: LeadDetail;
  readonly onClose: () => void;
  readonly onReleased: (a: ReleaseAnswer) => void;
}

type Step = { readonly s: 'form' } | { readonly s: 'confirm'; readonly country: string; readonly unit: string; readonly note: string } | { readonly s: 'done'; readonly answer: ReleaseAnswer };

export function ReleaseDialog(p: ReleaseDialogProps): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const [country, setCountry] = useState('');
  const [unit, setUnit] = useState('');
  const [language, setLanguage] = useState<TextLanguage>('es');
  const [note, setNote] = useState('');
  const [step, setStep] = useState<Step>({ s: 'form' });
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ readonly answer: ReleasePreview } | { readonly error: string } | null>(null);
  const [previewLang, setPreviewLang] = useState<TextLanguage>('es');
  const scope = useLabelScope();
  // The first field takes the focus when the dialog opens.
  useEffect(() => document.getElementById(`${id}-country`)?.focus(), [id]);
  const checked = readReleaseForm(country, unit, note);
  const problem = shown && !checked.ok ? checked.problem : null;
  const l = p.lead;
  const notes = l.evidence.filter((e) => e.kind === 'note');
  const others = l.evidence.length - notes.length;

  const confirming = step.s === 'confirm' ? step : null;
  // The dry run for what is being confirmed: fetched when the confirm step opens, dropped on the way back.
  useEffect(() => {
    if (confirming === null) return undefined;
    const ac = new AbortController();
    setPreview(null);
    setPreviewLang(language);
    p.client.previewRelease(l.id, { partnerCountry: confirming.country, partnerUnit: confirming.unit, language, note: confirming.note }, ac.signal).then(
      (answer) => setPreview({ answer }),
      (err: unknown) => {
        if (!ac.signal.aborted) setPreview({ error: errorText(t, err) });
      },
    );
    return () => ac.abort();
  }, [confirming, language, l.id, p.client, t]);
  const review = (): void => {
    setShown(true);
    if (checked.ok) setStep({ s: 'confirm', ...checked.value });
  };
  const release = (c: Extract<Step, { s: 'confirm' }>): void => {
    setBusy(true);
    setError(null);
    p.client.releaseLead(l.id, { partnerCountry: c.country, partnerUnit: c.unit, language, note: c.note }).then(
      (a) => {
        setBusy(false);
        setStep({ s: 'done', answer: a });
        p.onReleased(a);
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && !busy) p.onClose();
  };
  const where = (code: string, u: string): string => t('release.confirmText', { unit: u, country: `${countryName(code, intl)} (${code})` });

  return (
    <div className="modal-backdrop" onKeyDown={onKey}>
      <div className="modal panel" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid="release-dialog" data-step={step.s}>
        <div className="panel-head">
          <h2 id={`${id}-title`}>{t('release.title', { title: l.title })}</h2>
          <button type="button" className="small" onClick={p.onClose} disabled={busy} aria-label={t('common.close')} data-testid="release-close">
            ×
          </button>
        </div>
        {step.s === 'form' && (
          <div className="stack">
            <div className="field">
              <label htmlFor={`${id}-country`}>{t('release.country')}</label>
              <CountrySelect id={`${id}-country`} value={country} onChange={setCountry} label={t('release.country')} placeholder={t('release.countryPick')} exclude={[scope.ownCountry]} testId="release-country" />
            </div>
            <div className="field">
              <label htmlFor={`${id}-unit`}>{t('release.unit')}</label>
              <input id={`${id}-unit`} type="text" value={unit} onChange={(e) => setUnit(e.target.value)} placeholder={t('release.unitPlaceholder')} aria-invalid={problem?.field === 'unit'} data-testid="release-unit" />
            </div>
            <LanguageSelect value={language} onChange={setLanguage} label={t('release.language')} testId="release-language" />
            <div className="field">
              <label htmlFor={`${id}-note`}>{t('release.note')}</label>
              <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} data-testid="release-note" />
            </div>
            <section className="release-preview" data-testid="release-preview">
              <h3>{t('release.previewTitle')}</h3>
              <p className="small muted" data-testid="release-preview-next">
                {t('release.previewNext')}
              </p>
              <ul className="plain-list small">
                <li>
                  <Portion text={l.portion} /> {t('release.previewLead')}
                </li>
                {notes.map((n) => (
                  <li key={n.id} data-testid="release-preview-note" data-portion={n.portion}>
                    <Portion text={n.portion} /> {t('release.previewNote', { text: n.text.length > 60 ? `${n.text.slice(0, 59)}…` : n.text })}
                  </li>
                ))}
                {others > 0 && <li>{t('release.previewOthers', { count: others })}</li>}
              </ul>
              <p className="small muted">{t('release.previewRule', { country: country === '' ? t('release.theCountry') : country })}</p>
            </section>
            <FieldProblem problem={problem} />
            <div className="row">
              <button type="button" className="primary" onClick={review} data-testid="release-review">
                {t('release.review')}
              </button>
              <button type="button" onClick={p.onClose}>
                {t('annotation.cancel')}
              </button>
            </div>
          </div>
        )}
        {step.s === 'confirm' && (
          <div className="stack">
            <p className="release-confirm-text" data-testid="release-confirm-text">
              {where(step.country, step.unit)}
            </p>
            <p className="small muted">{t('release.confirmExplain', { language: language.toUpperCase() })}</p>
            <section className="release-dry-run" data-testid="release-dry-run" data-state={preview === null ? 'loading' : 'error' in preview ? 'error' : 'ready'}>
              <h3>{t('release.dryRunTitle')}</h3>
              {preview === null && <p className="muted small">{t('common.loading')}</p>}
              {preview !== null && 'error' in preview && (
                <p className="error server-message" role="alert" data-testid="release-dry-run-error">
                  {preview.error}
                </p>
              )}
              {preview !== null && 'answer' in preview && (
                <>
                  <div className="release-banner mono" lang="en" translate="no" data-testid="release-dry-run-banner">
                    {preview.answer.banner}
                  </div>
                  {preview.answer.simulated && (
                    <p className="warning small" data-testid="release-dry-run-simulated">
                      {t('release.dryRunSimulated')}
                    </p>
                  )}
                  <p className="small" data-testid="release-dry-run-counts" data-released={preview.answer.releasedNotes} data-notes={preview.answer.withheld.notes} data-other={preview.answer.withheld.otherEvidence}>
                    {t('release.withheldWould', { released: preview.answer.releasedNotes, notes: preview.answer.withheld.notes, other: preview.answer.withheld.otherEvidence })}{' '}
                    {preview.answer.hasHazardZone ? t('release.dryRunZone') : t('release.dryRunNoZone')}
                  </p>
                  <LanguageSelect value={previewLang} onChange={setPreviewLang} label={t('release.dryRunLanguage')} testId="release-dry-run-language" />
                  {/* The server's own rendering, in a sandbox with nothing allowed: no script, no navigation, no form. */}
                  <iframe className="release-dry-run-frame" title={t('release.dryRunTitle')} sandbox="" srcDoc={preview.answer.html[previewLang]} data-testid="release-dry-run-frame" data-lang={previewLang} />
                </>
              )}
            </section>
            <ServerMessage text={error} testId="release-error" />
            <div className="row">
              <button type="button" className="primary danger-confirm" disabled={busy || preview === null || 'error' in preview} onClick={() => release(step)} data-testid="release-confirm">
                {busy ? t('release.releasing') : t('release.confirm')}
              </button>
              <button type="button" disabled={busy} onClick={() => setStep({ s: 'form' })} data-testid="release-back">
                {t('release.back')}
              </button>
            </div>
          </div>
        )}
        {step.s === 'done' && (
          <div className="stack" data-testid="release-done">
            <p className="notice">{where(step.answer.release.partnerCountry, step.answer.release.partnerUnit)} ✓</p>
            <div className="release-banner mono" lang="en" translate="no" data-testid="release-done-banner">
              {step.answer.release.banner}
            </div>
            <p className="small mono">SHA-256 {step.answer.release.sha256}</p>
            <p className="small" data-testid="release-withheld" data-notes={step.answer.withheld.notes} data-other={step.answer.withheld.otherEvidence}>
              {t('release.withheld', { notes: step.answer.withheld.notes, other: step.answer.withheld.otherEvidence, released: step.answer.package.notes.length })}
            </p>
            <div className="row">
              <button type="button" className="primary" onClick={p.onClose} data-testid="release-done-close">
                {t('common.close')}
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

