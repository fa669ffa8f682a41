/**
 * The form that adds a glossary term or edits one (administrators): the
 * term and its variants, the neutral Spanish the engine is given, the slang
 * sense and the literal meaning side by side, category, region, whether
 * the term is rewritten before translation or only listed, and a note.
 * The fields the server needs are checked before sending; the server's
 * refusal is shown beside the buttons — for a change someone else made
 * meanwhile (409), with the way to reload and edit again.
 */
import { useId, type FormEvent, type ReactNode } from 'react';
import { GLOSSARY_CATEGORIES, type GlossaryAction } from '../../api/schema/translation-glossary.js';
import type { MessageKey } from '../../i18n/catalogue/keys.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { DraftField, GlossaryDraft } from '../../translation/glossary-form.js';
import type { GlossaryWorkspace } from '../../workspace/use-translation-glossary.js';
import { errorText } from '../error-text.js';
import { categoryKey } from './translation-text.js';

const FIELD_KEY: Readonly<Record<DraftField, MessageKey>> = {
  term: 'translate.gl.term',
  neutral: 'translate.gl.neutral',
  gloss: 'translate.gl.gloss',
  category: 'translate.gl.category',
  region: 'translate.gl.region',
};
const ACTIONS: readonly GlossaryAction[] = ['annotate', 'replace'];

type TextField = Exclude<keyof GlossaryDraft, 'action' | 'category'>;
const withText = (d: GlossaryDraft, k: TextField, v: string): GlossaryDraft => ({ ...d, [k]: v });

export function GlossaryEntryForm(p: { readonly g: GlossaryWorkspace }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const g = p.g;
  const d = g.draft;
  const set = (patch: Partial<GlossaryDraft>): void => g.setDraft({ ...d, ...patch });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    g.save();
  };
  const conflict = g.saveError !== null && g.isConflict(g.saveError);
  const text = (key: TextField, label: MessageKey, multi = false): ReactNode => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(label)}</label>
      {multi ? (
        <textarea id={`${id}-${key}`} rows={2} value={d[key]} onChange={(e) => g.setDraft(withText(d, key, e.target.value))} data-testid={`tr-gl-form-${key}`} />
      ) : (
        <input id={`${id}-${key}`} type="text" value={d[key]} onChange={(e) => g.setDraft(withText(d, key, e.target.value))} data-testid={`tr-gl-form-${key}`} />
      )}
    </div>
  );
  return (
    <form className="stack tr-glossary-form" onSubmit={submit} noValidate data-testid="tr-gl-form" aria-label={g.editing?.kind === 'new' ? t('translate.gl.addTitle') : t('translate.gl.editTitle')}>
      <strong>{g.editing?.kind === 'new' ? t('translate.gl.addTitle') : t('translate.gl.editTitle')}</strong>
      {text('term', 'translate.gl.term')}
      {text('variants', 'translate.gl.variants', true)}
      {text('neutral', 'translate.gl.neutral')}
      <div className="tr-row">
        {text('literal', 'translate.gl.literal')}
        {text('gloss', 'translate.gl.gloss')}
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-category`}>{t('translate.gl.category')}</label>
          <select id={`${id}-category`} value={d.category} onChange={(e) => set({ category: e.target.value })} data-testid="tr-gl-form-category">
            {GLOSSARY_CATEGORIES.map((c) => {
              const k = categoryKey(c);
              return (
                <option key={c} value={c}>
                  {k === undefined ? c : t(k)}
                </option>
              );
            })}
          </select>
        </div>
        {text('region', 'translate.gl.region')}
      </div>
      <fieldset className="group">
        <legend>{t('translate.gl.action')}</legend>
        {ACTIONS.map((a) => (
          <label key={a} className="checkbox">
            <input type="radio" name={`${id}-action`} value={a} checked={d.action === a} onChange={() => set({ action: a })} data-testid={`tr-gl-form-action-${a}`} />
            {a === 'replace' ? t('translate.gl.actionReplace') : t('translate.gl.actionAnnotate')}
          </label>
        ))}
      </fieldset>
      {text('note', 'translate.gl.note', true)}
      {g.missing.length > 0 && (
        <p className="error small" role="alert" data-testid="tr-gl-form-missing">
          {t('translate.gl.missing', { fields: g.missing.map((f) => t(FIELD_KEY[f])).join(', ') })}
        </p>
      )}
      {g.saveError !== null && (
        <div className="error server-message small" role="alert" data-testid={conflict ? 'tr-gl-conflict' : 'tr-gl-form-error'}>
          {conflict ? t('translate.gl.conflict', { message: errorText(t, g.saveError) }) : errorText(t, g.saveError)}
          {conflict && (
            <>
              {' '}
              <button
                type="button"
                className="small"
                onClick={() => {
                  g.cancelEdit();
                  g.reload();
                }}
                data-testid="tr-gl-conflict-reload"
              >
                {t('translate.gl.reload')}
              </button>
            </>
          )}
        </div>
      )}
      <div className="row">
        <button type="submit" className="primary small" disabled={g.saving} data-testid="tr-gl-form-save">
          {t('translate.gl.save')}
        </button>
        <button type="button" className="small" onClick={g.cancelEdit} data-testid="tr-gl-form-cancel">
          {t('translate.gl.cancel')}
        </button>
      </div>
    </form>
  );
}
