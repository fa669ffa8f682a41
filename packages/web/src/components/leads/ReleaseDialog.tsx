/**
 * Releasing a lead to a partner unit: an explicit, recorded act. The
 * analyst picks the partner country (ISO alpha-3) and names the unit, the
 * language the partner reads first, and why; sees what the release is made
 * of; and confirms in so many words ("Release to <unit> of <country>: this
 * is recorded"). The server builds the package — only portions marked
 * releasable to that country go in — stores it immutably and answers with
 * its banner, its SHA-256 and what stayed behind.
 *
 * The API has no preview: the package exists only once it is released. So
 * the dialog shows what the server will consider (the lead's portion and
 * each note's) and the rule it applies, not a computed package.
 */
import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { LeadDetail, TextLanguage } from '../../api/schema/lead.js';
import type { ReleaseAnswer } from '../../api/schema/release-package.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { countryName } from '../../leads/countries.js';
import { readReleaseForm } from '../../leads/lead-request.js';
import { errorText } from '../error-text.js';
import { CountrySelect } from './CountrySelect.js';
import { LanguageSelect } from './LanguageSelect.js';
import { Portion } from './MarkingText.js';

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
  // The first field takes the focus when the dialog opens.
  useEffect(() => document.getElementById(`${id}-country`)?.focus(), [id]);
  const checked = readReleaseForm(country, unit, note);
  const problem = shown && !checked.ok ? checked.problem : null;
  const l = p.lead;
  const notes = l.evidence.filter((e) => e.kind === 'note');
  const others = l.evidence.length - notes.length;

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
              <CountrySelect id={`${id}-country`} value={country} onChange={setCountry} label={t('release.country')} placeholder={t('release.countryPick')} testId="release-country" />
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
              <p className="small warning" data-testid="release-no-preview">
                {t('release.noPreview')}
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
            {problem !== null && (
              <p className="field-error" role="alert">
                {t(problem.key, problem.values)}
              </p>
            )}
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
            {error !== null && (
              <p className="error server-message" role="alert" data-testid="release-error">
                {error}
              </p>
            )}
            <div className="row">
              <button type="button" className="primary danger-confirm" disabled={busy} onClick={() => release(step)} data-testid="release-confirm">
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

