/** The video layers' legend: what the colours of the tracks, the footprint and the marks mean. */
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import { VIDEO_COLOURS } from '../../map/video-layers.js';

export function VideoLegend(p: { readonly name: string | null; readonly marks: boolean }): ReactNode {
  const { t } = useI18n();
  if (p.name === null && !p.marks) return null;
  return (
    <figure className="legend-block" data-testid="video-legend">
      <figcaption>{p.name === null ? t('legend.videoMarks') : t('legend.video', { name: p.name })}</figcaption>
      <ul className="hazard-legend">
        {p.name !== null && (
          <>
            <li>
              <span className="swatch swatch-line" style={{ background: VIDEO_COLOURS.platform }} aria-hidden="true" />
              {t('legend.videoPlatform')}
            </li>
            <li>
              <span className="swatch swatch-line" style={{ background: VIDEO_COLOURS.centre }} aria-hidden="true" />
              {t('legend.videoCentre')}
            </li>
            <li>
              <span className="swatch" style={{ background: 'rgba(38, 198, 218, 0.3)', border: `1.5px solid ${VIDEO_COLOURS.footprint}` }} aria-hidden="true" />
              {t('legend.videoFootprint')}
            </li>
          </>
        )}
        <li>
          <span className="swatch swatch-dot" style={{ background: VIDEO_COLOURS.annotation }} aria-hidden="true" />
          <span className="swatch swatch-dot" style={{ background: VIDEO_COLOURS.bookmark }} aria-hidden="true" /> {t('legend.videoAnnotations')}
        </li>
        <li>
          <span className="swatch swatch-dot" style={{ background: VIDEO_COLOURS.pick }} aria-hidden="true" />
          {t('legend.videoPick')}
        </li>
      </ul>
    </figure>
  );
}
