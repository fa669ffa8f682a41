/**
 * The clip's annotations and bookmarks in timeline order: selecting one
 * seeks the player to it (and shows its ground point on the map); its
 * author (or an administrator) may edit or delete it — the server decides,
 * and its refusal is shown.
 */
import { useId, useState, type ReactNode } from 'react';
import type { Annotation } from '../../api/schema/annotation.js';
import type { AnnotationId } from '../../api/schema/ids.js';
import type { Session } from '../../api/schema/session.js';
import { canAnalyse, isAdmin } from '../../api/schema/session.js';
import { formatLatLon } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { annotationFormValues } from '../../video/annotation-request.js';
import { formatPlayerTime } from '../../video/timeline.js';
import type { VideoAnnotationsState } from '../../workspace/use-video-annotations.js';
import { errorText } from '../error-text.js';
import { AnnotationForm } from './AnnotationForm.js';
import { ANNOTATION_KIND_KEY, LINK_KIND_KEY } from './video-text.js';

export interface AnnotationListProps {
  readonly annotations: VideoAnnotationsState;
  readonly session: Session;
  readonly sortieId: string | null;
  readonly onSeek: (a: Annotation) => void;
}

export function AnnotationList(p: AnnotationListProps): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [editing, setEditing] = useState<AnnotationId | null>(null);
  const [busy, setBusy] = useState<AnnotationId | null>(null);
  const [errors, setErrors] = useState<ReadonlyMap<AnnotationId, unknown>>(new Map());
  const list = p.annotations.list;
  const mayChange = (a: Annotation): boolean => canAnalyse(p.session.role) && (a.author === p.session.username || isAdmin(p.session.role));
  const fail = (aid: AnnotationId, err: unknown): void => setErrors((m) => new Map(m).set(aid, err));
  const clearError = (aid: AnnotationId): void =>
    setErrors((m) => {
      const n = new Map(m);
      n.delete(aid);
      return n;
    });

  return (
    <section className="panel annotations" aria-labelledby={`${id}-title`} data-testid="annotation-list">
      <h2 id={`${id}-title`}>{t('annotations.title')}</h2>
      {p.annotations.error !== null && (
        <p className="error" role="alert">
          {errorText(t, p.annotations.error)}
        </p>
      )}
      {list === null && p.annotations.error === null && <p className="muted">{t('common.loading')}</p>}
      {list !== null && list.length === 0 && <p className="muted small">{canAnalyse(p.session.role) ? t('annotations.empty') : t('annotations.emptyReadOnly')}</p>}
      <ul className="annotation-items">
        {(list ?? []).map((a) => {
          const err = errors.get(a.id);
          return (
            <li key={a.id} className={`annotation-item annotation-${a.kind}`} data-testid="annotation-item" data-annotation-id={a.id} data-kind={a.kind}>
              <button type="button" className="annotation-select" onClick={() => p.onSeek(a)} aria-label={t('annotations.seekLabel', { kind: t(ANNOTATION_KIND_KEY[a.kind]), time: formatPlayerTime(a.tS), text: a.text })} data-testid="annotation-seek">
                <span className="annotation-head">
                  <span className="mono">{formatPlayerTime(a.tS)}</span> <span className={`kind-badge kind-${a.kind}`}>{t(ANNOTATION_KIND_KEY[a.kind])}</span>
                </span>
                {a.text !== '' && <span className="annotation-text">{a.text}</span>}
                {a.tags.length > 0 && (
                  <span className="tags">
                    {a.tags.map((tag) => (
                      <span key={tag} className="tag">
                        {tag}
                      </span>
                    ))}
                  </span>
                )}
                <span className="plan-meta">
                  {t('annotations.by', { who: a.author })}
                  {a.ground !== null && ` · ${formatLatLon(a.ground.lat, a.ground.lon)}`}
                  {a.link !== null && ` · ${t(LINK_KIND_KEY[a.link.kind])} ${a.link.id}`}
                </span>
              </button>
              {mayChange(a) && editing !== a.id && (
                <span className="row">
                  <button type="button" className="small" onClick={() => setEditing(a.id)} aria-label={t('annotations.editLabel', { time: formatPlayerTime(a.tS) })} data-testid="annotation-edit">
                    {t('annotations.edit')}
                  </button>
                  <button
                    type="button"
                    className="small danger"
                    disabled={busy === a.id}
                    aria-label={t('annotations.deleteLabel', { time: formatPlayerTime(a.tS) })}
                    onClick={() => {
                      if (!window.confirm(t('annotations.confirmDelete', { time: formatPlayerTime(a.tS) }))) return;
                      setBusy(a.id);
                      clearError(a.id);
                      p.annotations.remove(a.id).then(
                        () => setBusy(null),
                        (e: unknown) => {
                          setBusy(null);
                          fail(a.id, e);
                        },
                      );
                    }}
                    data-testid="annotation-delete"
                  >
                    {t('annotations.delete')}
                  </button>
                </span>
              )}
              {editing === a.id && (
                <AnnotationForm
                  initial={annotationFormValues(a)}
                  sortieId={p.sortieId}
                  submitLabel={t('annotations.saveChanges')}
                  busy={busy === a.id}
                  testId="annotation-edit-form"
                  onCancel={() => setEditing(null)}
                  onSubmit={(r) => {
                    setBusy(a.id);
                    clearError(a.id);
                    p.annotations.update(a.id, { kind: r.kind, text: r.text, tags: r.tags, link: r.link }).then(
                      () => {
                        setBusy(null);
                        setEditing(null);
                      },
                      (e: unknown) => {
                        setBusy(null);
                        fail(a.id, e);
                      },
                    );
                  }}
                />
              )}
              {err !== undefined && (
                <p className="error small" role="alert" data-testid="annotation-error">
                  {errorText(t, err)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
