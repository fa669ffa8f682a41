/**
 * The videos, newest first, with their processing state: queued, the
 * server's progress while it reads the metadata and makes the playable
 * file, failed with the reason, or ready (with "no metadata" when the file
 * had no KLV: it plays but cannot be placed on the map). Opening one puts
 * it in the player; administrators may delete one.
 */
import type { ReactNode } from 'react';
import type { VideoId } from '../../api/schema/ids.js';
import { hasNoMetadata, type Video } from '../../api/schema/video.js';
import { formatDuration, formatIsoLocal } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { VideosState } from '../../workspace/use-videos.js';
import { errorText } from '../error-text.js';
import { SimulatedBadge } from '../SimulatedBadge.js';

export interface VideoListProps {
  readonly videos: VideosState;
  readonly openId: VideoId | null;
  readonly canDelete: boolean;
  readonly onOpen: (id: VideoId) => void;
  readonly onDelete: (v: Video) => void;
}

function VideoState(p: { readonly v: Video }): ReactNode {
  const { t, intl } = useI18n();
  const v = p.v;
  const percent = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 }).format(v.progress);
  switch (v.status) {
    case 'uploaded':
      return <span className="job-badge job-queued">{t('videos.queued')}</span>;
    case 'processing':
      return (
        <span className="video-progress">
          <span className="job-badge job-running">{t('videos.processing', { percent, step: v.message })}</span>
          <progress max={1} value={v.progress} aria-label={t('videos.processing', { percent, step: v.message })} />
        </span>
      );
    case 'failed':
      return (
        <span className="job-badge job-failed" data-testid="video-failure">
          {t('videos.failed', { message: v.failure?.message ?? v.message })}
        </span>
      );
    case 'ready':
      return hasNoMetadata(v) ? (
        <span className="job-badge warning" data-testid="video-no-metadata" title={v.report?.note ?? undefined}>
          {t('videos.noMetadata')}
        </span>
      ) : (
        <span className="job-badge job-done">{t('videos.ready')}</span>
      );
  }
}

export function VideoList(p: VideoListProps): ReactNode {
  const { t, intl } = useI18n();
  const list = p.videos.videos;
  return (
    <section className="panel videos" aria-labelledby="videos-title" data-testid="video-list">
      <h2 id="videos-title">{t('videos.title')}</h2>
      {p.videos.error !== null && (
        <p className="error" role="alert">
          {errorText(t, p.videos.error)}{' '}
          <button type="button" className="small" onClick={p.videos.reload}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {list === null && p.videos.error === null && <p className="muted">{t('common.loading')}</p>}
      {list !== null && list.length === 0 && <p className="muted">{t('videos.empty')}</p>}
      <ul className="sortie-list">
        {(list ?? []).map((v) => {
          const selected = v.id === p.openId;
          return (
            <li
              key={v.id}
              className={selected ? 'selected' : undefined}
              data-testid="video-item"
              data-video-id={v.id}
              data-status={v.status}
              data-simulated={v.simulated ? 'true' : 'false'}
              data-no-metadata={v.status === 'ready' && hasNoMetadata(v) ? 'true' : 'false'}
            >
              <button type="button" className="sortie-select" aria-pressed={selected} onClick={() => p.onOpen(v.id)} data-testid="video-open">
                <span className="sortie-name">
                  {v.name} {v.simulated && <SimulatedBadge />}
                </span>
                <span className="sortie-meta">
                  {t('videos.meta', { who: v.createdBy, when: formatIsoLocal(intl, v.createdAt) })}
                  {v.durationS !== null && ` · ${formatDuration(v.durationS)}`}
                </span>
                <VideoState v={v} />
              </button>
              {p.canDelete && (
                <button type="button" className="danger small" aria-label={t('videos.deleteLabel', { name: v.name })} onClick={() => p.onDelete(v)} data-testid="video-delete">
                  {t('sorties.delete')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
