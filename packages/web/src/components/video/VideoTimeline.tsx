/**
 * The player's timeline: a seek slider (keyboard: arrows, Page Up/Down,
 * Home, End), and under it the clip's marks — motion-cue segments (a cue,
 * not a detection) and annotations and bookmarks — each a button that seeks
 * to it.
 */
import { useId, type ReactNode } from 'react';
import type { Annotation } from '../../api/schema/annotation.js';
import type { MotionSegment } from '../../api/schema/motion.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatPlayerTime, timelineAt, timelineSpan } from '../../video/timeline.js';
import { ANNOTATION_KIND_KEY } from './video-text.js';

export interface VideoTimelineProps {
  readonly timeS: number;
  readonly durationS: number;
  /** Seconds per step of the slider (a frame). */
  readonly stepS: number;
  readonly segments: readonly MotionSegment[];
  readonly annotations: readonly Annotation[];
  readonly onSeek: (tS: number) => void;
}

export function VideoTimeline(p: VideoTimelineProps): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const d = p.durationS;
  return (
    <div className="video-timeline" data-testid="video-timeline">
      <label htmlFor={`${id}-t`} className="visually-hidden">
        {t('player.seek')}
      </label>
      <input
        id={`${id}-t`}
        type="range"
        min={0}
        max={d > 0 ? d : 0}
        step={p.stepS > 0 ? p.stepS : 'any'}
        value={Math.min(p.timeS, d > 0 ? d : 0)}
        disabled={!(d > 0)}
        onChange={(e) => p.onSeek(Number(e.target.value))}
        aria-valuetext={`${formatPlayerTime(p.timeS)} / ${formatPlayerTime(d)}`}
        data-testid="video-seek"
      />
      <div className="timeline-marks" aria-label={t('player.marks')} role="group">
        <span className="timeline-playhead" style={{ left: `${timelineAt(p.timeS, d) * 100}%` }} aria-hidden="true" />
        {p.segments.map((s, i) => {
          const span = timelineSpan(s.startS, s.endS, d);
          const label = t('motion.segmentLabel', { n: i + 1, from: formatPlayerTime(s.startS), to: formatPlayerTime(s.endS) });
          return (
            <button
              key={`m${i}`}
              type="button"
              className="timeline-cue"
              style={{ left: `${span.left * 100}%`, width: `${span.width * 100}%` }}
              onClick={() => p.onSeek(s.startS)}
              aria-label={label}
              title={`${label} — ${t('motion.notDetection')}`}
              data-testid="timeline-segment"
            />
          );
        })}
        {p.annotations.map((a) => (
          <button
            key={a.id}
            type="button"
            className={`timeline-tick timeline-${a.kind}`}
            style={{ left: `${timelineAt(a.tS, d) * 100}%` }}
            onClick={() => p.onSeek(a.tS)}
            aria-label={t('annotations.seekLabel', { kind: t(ANNOTATION_KIND_KEY[a.kind]), time: formatPlayerTime(a.tS), text: a.text })}
            title={`${formatPlayerTime(a.tS)} ${a.text}`}
            data-testid="timeline-annotation"
          />
        ))}
      </div>
    </div>
  );
}
