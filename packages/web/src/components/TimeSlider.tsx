import { useId, type ReactNode } from 'react';
import { formatDuration, formatUtcTime } from '../format/numbers.js';
import { useI18n } from '../i18n/i18n-context.js';
import { SPEEDS, type Playback } from '../workspace/use-playback.js';

/** Replays the sortie: the track is drawn up to the slider's time, the drone marker at it. */
export function TimeSlider(p: { readonly range: readonly [number, number]; readonly playback: Playback }): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const [lo, hi] = p.range;
  const now = p.playback.timeS ?? hi;
  return (
    <div className="time-slider" data-testid="time-slider">
      <button type="button" className="play" onClick={p.playback.toggle} aria-label={p.playback.playing ? t('time.pause') : t('time.play')} data-testid="play-toggle">
        {p.playback.playing ? '❚❚' : '▶'}
      </button>
      <label htmlFor={`${id}-t`} className="visually-hidden">
        {t('time.label')}
      </label>
      <input
        id={`${id}-t`}
        type="range"
        min={lo}
        max={hi}
        step={1}
        value={now}
        onChange={(e) => p.playback.setTime(Number(e.target.value))}
        aria-valuetext={`${formatUtcTime(intl, now)} UTC`}
        data-testid="time-range"
      />
      <span className="time-readout mono" data-testid="time-readout">
        {formatUtcTime(intl, now)} UTC · {t('time.elapsed', { elapsed: formatDuration(now - lo), total: formatDuration(hi - lo) })}
      </span>
      <label htmlFor={`${id}-speed`} className="visually-hidden">
        {t('time.speed')}
      </label>
      <select id={`${id}-speed`} value={p.playback.speed} onChange={(e) => p.playback.setSpeed(Number(e.target.value))}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
    </div>
  );
}
