/**
 * The annotation's fields: bookmark or annotation, text, tags (comma
 * separated) and an optional link to a source, lead or sortie (by id; the
 * selected sortie's id is offered). Used to save a new one and to edit one.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ANNOTATION_KINDS, LINK_KINDS, type AnnotationKind, type LinkKind } from '../../api/schema/annotation.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { readAnnotationForm, type AnnotationFormValues } from '../../video/annotation-request.js';
import { ANNOTATION_KIND_KEY, LINK_KIND_KEY } from './video-text.js';
import { FieldProblem } from '../FormMessages.js';

export interface AnnotationFormProps {
  readonly initial: AnnotationFormValues;
  /** The selected sortie's id, offered for a sortie link. */
  readonly sortieId: string | null;
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly onSubmit: (r: Extract<ReturnType<typeof readAnnotationForm>, { ok: true }>) => void;
  readonly onCancel?: () => void;
  readonly testId: string;
}

function isKind(s: string): s is AnnotationKind {
  return ANNOTATION_KINDS.some((k) => k === s);
}
function isLinkKind(s: string): s is LinkKind {
  return LINK_KINDS.some((k) => k === s);
}

export function AnnotationForm(p: AnnotationFormProps): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [v, setV] = useState<AnnotationFormValues>(p.initial);
  const checked = readAnnotationForm(v);
  const [shown, setShown] = useState(false);
  const problem = shown && !checked.ok ? checked.problem : null;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setShown(true);
    if (checked.ok) p.onSubmit(checked);
  };

  return (
    <form className="stack annotation-form" onSubmit={submit} data-testid={p.testId} noValidate>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('annotation.kind')}</label>
        <select
          id={`${id}-kind`}
          value={v.kind}
          onChange={(e) => {
            const k = e.target.value;
            if (isKind(k)) setV({ ...v, kind: k });
          }}
          data-testid="annotation-kind"
        >
          {ANNOTATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(ANNOTATION_KIND_KEY[k])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('annotation.text')}</label>
        <textarea id={`${id}-text`} rows={2} value={v.text} onChange={(e) => setV({ ...v, text: e.target.value })} aria-invalid={problem?.field === 'text'} data-testid="annotation-text" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tags`}>{t('annotation.tags')}</label>
        <input id={`${id}-tags`} type="text" value={v.tags} onChange={(e) => setV({ ...v, tags: e.target.value })} placeholder={t('annotation.tagsPlaceholder')} aria-invalid={problem?.field === 'tags'} data-testid="annotation-tags" />
      </div>
      <fieldset className="group">
        <legend>{t('annotation.link')}</legend>
        <div className="grid-2">
          <select
            aria-label={t('annotation.linkKind')}
            value={v.linkKind}
            onChange={(e) => {
              const k = e.target.value;
              if (k === '') setV({ ...v, linkKind: '' });
              else if (isLinkKind(k)) setV({ ...v, linkKind: k, linkId: v.linkId === '' && k === 'sortie' && p.sortieId !== null ? p.sortieId : v.linkId });
            }}
            data-testid="annotation-link-kind"
          >
            <option value="">{t('annotation.link.none')}</option>
            {LINK_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(LINK_KIND_KEY[k])}
              </option>
            ))}
          </select>
          <input
            type="text"
            aria-label={t('annotation.linkId')}
            placeholder={t('annotation.linkId')}
            value={v.linkId}
            disabled={v.linkKind === ''}
            onChange={(e) => setV({ ...v, linkId: e.target.value })}
            aria-invalid={problem?.field === 'link'}
            data-testid="annotation-link-id"
          />
        </div>
      </fieldset>
      <FieldProblem problem={problem} />
      <div className="row">
        <button type="submit" className="primary small" disabled={p.busy} data-testid="annotation-save">
          {p.submitLabel}
        </button>
        {p.onCancel !== undefined && (
          <button type="button" className="small" onClick={p.onCancel} data-testid="annotation-cancel">
            {t('annotation.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
