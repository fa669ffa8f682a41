/**
 * Search across every clip's annotations and bookmarks: words in the text
 * or a tag (any case), or one whole tag. Selecting a hit opens its clip at
 * its time.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Annotation } from '../../api/schema/annotation.js';
import type { Video } from '../../api/schema/video.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatPlayerTime } from '../../video/timeline.js';
import type { AnnotationSearchState } from '../../workspace/use-annotation-search.js';
import { errorText } from '../error-text.js';
import { ANNOTATION_KIND_KEY } from './video-text.js';

export interface AnnotationSearchProps {
  readonly search: AnnotationSearchState;
  readonly videos: readonly Video[];
  readonly onOpen: (a: Annotation) => void;
}

export function AnnotationSearch(p: AnnotationSearchProps): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const qq = q.trim();
    const tt = tag.trim();
    if (qq === '' && tt === '') return;
    p.search.run({ ...(qq === '' ? {} : { q: qq }), ...(tt === '' ? {} : { tag: tt }) });
  };
  const name = (a: Annotation): string => p.videos.find((v) => v.id === a.videoId)?.name ?? a.videoId;
  const r = p.search.result;
  return (
    <section className="panel annotation-search" aria-labelledby={`${id}-title`} data-testid="annotation-search">
      <h2 id={`${id}-title`}>{t('search.title')}</h2>
      <form className="stack" onSubmit={submit} role="search">
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('search.text')}</label>
          <input id={`${id}-q`} type="text" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} data-testid="annotation-search-q" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-tag`}>{t('search.tag')}</label>
          <input id={`${id}-tag`} type="text" value={tag} onChange={(e) => setTag(e.target.value)} maxLength={64} data-testid="annotation-search-tag" />
        </div>
        <div className="row">
          <button type="submit" className="small" disabled={p.search.running || (q.trim() === '' && tag.trim() === '')} data-testid="annotation-search-submit">
            {p.search.running ? t('search.running') : t('search.submit')}
          </button>
          {r !== null && (
            <button type="button" className="small link" onClick={p.search.clear}>
              {t('suggest.clear')}
            </button>
          )}
        </div>
      </form>
      {p.search.error !== null && (
        <p className="error small" role="alert">
          {errorText(t, p.search.error)}
        </p>
      )}
      {r !== null && (
        <div data-testid="annotation-search-result" data-count={r.length}>
          {r.length === 0 ? (
            <p className="muted small">{t('search.none')}</p>
          ) : (
            <ul className="annotation-items">
              {r.map((a) => (
                <li key={a.id} className={`annotation-item annotation-${a.kind}`} data-testid="search-hit" data-annotation-id={a.id} data-video-id={a.videoId}>
                  <button type="button" className="annotation-select" onClick={() => p.onOpen(a)} aria-label={t('search.openLabel', { name: name(a), time: formatPlayerTime(a.tS) })}>
                    <span className="annotation-head">
                      <span className="sortie-name">{name(a)}</span> <span className="mono">{formatPlayerTime(a.tS)}</span>{' '}
                      <span className={`kind-badge kind-${a.kind}`}>{t(ANNOTATION_KIND_KEY[a.kind])}</span>
                    </span>
                    {a.text !== '' && <span className="annotation-text">{a.text}</span>}
                    {a.tags.length > 0 && <span className="plan-meta">{a.tags.join(', ')}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
