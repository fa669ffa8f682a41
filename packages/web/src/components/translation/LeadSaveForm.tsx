/**
 * Where a translation is saved: a lead the user may see (newest first) and
 * the note's marking, chosen with pickers as for any evidence. The save
 * button itself is beside the translation, in the main view.
 */
import { useId, type ReactNode } from 'react';
import { isLeadId } from '../../api/schema/ids.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { TranslationWorkspace } from '../../workspace/use-translation.js';
import { errorText } from '../error-text.js';
import { MarkingPicker } from '../leads/MarkingPicker.js';

export function LeadSaveForm(p: { readonly tr: TranslationWorkspace }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const tr = p.tr;
  return (
    <section className="tr-save-form stack" data-testid="tr-save-form">
      <h3>{t('translate.saveTitle')}</h3>
      {tr.leadsError !== null && (
        <p className="error small" role="alert">
          {errorText(t, tr.leadsError)}{' '}
          <button type="button" className="small" onClick={tr.reloadLeads}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {tr.leads === null && tr.leadsError === null && <p className="muted small">{t('translate.leadsLoading')}</p>}
      {tr.leads !== null && tr.leads.length === 0 && <p className="muted small">{t('translate.leadsEmpty')}</p>}
      {tr.leads !== null && tr.leads.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-lead`}>{t('translate.leadPick')}</label>
          <select
            id={`${id}-lead`}
            value={tr.leadId ?? ''}
            onChange={(e) => {
              const v = e.target.value;
              tr.setLeadId(v !== '' && isLeadId(v) ? v : null);
            }}
            data-testid="tr-lead"
          >
            <option value="">{t('translate.leadNone')}</option>
            {tr.leads.map((l) => (
              <option key={l.id} value={l.id}>
                {l.portion} {l.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <MarkingPicker draft={tr.marking} onChange={tr.setMarking} legend={t('translate.noteMarking')} testId="tr-marking" />
      <p className="muted small">{t('translate.saveHelp')}</p>
    </section>
  );
}
