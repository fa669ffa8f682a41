/**
 * Motion cue over a region of the picture: draw the region (drag a
 * rectangle over the picture), run, and the segments of time when
 * something moved in it, listed and marked on the timeline. Clearly a cue
 * for an analyst to look — not a detection.
 */
import { useId, type ReactNode } from 'react';
import { isActive } from '../../api/schema/job.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatPlayerTime } from '../../video/timeline.js';
import type { MotionCueState } from '../../workspace/use-motion-cue.js';
import { errorText } from '../error-text.js';

export interface MotionPanelProps {
  readonly motion: MotionCueState;
  readonly canRun: boolean;
  readonly ready: boolean;
  readonly onSeek: (tS: number) => void;
}

export function MotionPanel(p: MotionPanelProps): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const m = p.motion;
  const latest = m.jobs?.[0];
  const active = latest !== undefined && isActive(latest.state);
  const done = m.jobs?.find((j) => j.state === 'done' && j.result !== null);
  const percent = (x: number): string => new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 }).format(x);
  const roi = m.roi;
  return (
    <section className="panel motion" aria-labelledby={`${id}-title`} data-testid="motion-panel">
      <h2 id={`${id}-title`}>{t('motion.title')}</h2>
      <p className="motion-warning small" data-testid="motion-disclaimer">
        {t('motion.notDetection')}
      </p>
      {p.canRun && (
        <>
          <div className="row wrap">
            <button type="button" className="small" aria-pressed={m.drawing} disabled={!p.ready} onClick={() => m.setDrawing(!m.drawing)} data-testid="motion-draw">
              {m.drawing ? t('motion.drawing') : roi === null ? t('motion.draw') : t('motion.redraw')}
            </button>
            <button type="button" className="primary small" disabled={roi === null || m.starting || active || !p.ready} onClick={m.run} data-testid="motion-run">
              {m.starting ? t('job.starting') : t('motion.run')}
            </button>
          </div>
          <p className="small muted" data-testid="motion-roi" data-set={roi === null ? 'false' : 'true'}>
            {roi === null
              ? t('motion.noRegion')
              : t('motion.region', { x0: percent(roi.x0), y0: percent(roi.y0), x1: percent(roi.x1), y1: percent(roi.y1) })}
          </p>
        </>
      )}
      {m.error !== null && (
        <p className="error small" role="alert">
          {errorText(t, m.error)}
        </p>
      )}
      {latest !== undefined && (
        <div className="job-state" data-testid="motion-job" data-state={latest.state} role="status">
          <span>
            {latest.state === 'queued' && t('job.queued')}
            {latest.state === 'running' && t('job.running', { percent: percent(latest.progress) })}
            {latest.state === 'failed' && t('job.failed', { message: latest.error?.message ?? latest.message })}
            {latest.state === 'cancelled' && t('job.cancelled')}
            {latest.state === 'done' && t('motion.done', { count: latest.result?.segments.length ?? 0 })}
          </span>
          {active && <progress max={1} value={latest.state === 'running' ? latest.progress : undefined} aria-label={t('motion.title')} />}
        </div>
      )}
      {done?.result != null && (
        <div data-testid="motion-result" data-segments={done.result.segments.length}>
          {done.result.segments.length === 0 ? (
            <p className="muted small">{t('motion.none')}</p>
          ) : (
            <ol className="motion-segments">
              {done.result.segments.map((s, i) => (
                <li key={i} data-testid="motion-segment" data-start={s.startS} data-end={s.endS}>
                  <button type="button" className="link-like" onClick={() => p.onSeek(s.startS)}>
                    {t('motion.segmentLabel', { n: i + 1, from: formatPlayerTime(s.startS), to: formatPlayerTime(s.endS) })}
                  </button>{' '}
                  <span className="small muted">{t('motion.score', { peak: percent(s.peakScore) })}</span>
                </li>
              ))}
            </ol>
          )}
          <p className="small muted">{t('motion.frames', { frames: done.result.frames, fps: done.result.fps })}</p>
        </div>
      )}
    </section>
  );
}
