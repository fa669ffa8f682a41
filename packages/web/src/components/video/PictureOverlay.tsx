/**
 * What is drawn over the picture, laid exactly on it (the picture box, not
 * the letterboxed element): the annotations whose frame is shown, the pixel
 * just put on the ground, and the motion cue's region. It takes the
 * pointer: a click is a pixel to put on the ground (while paused or
 * playing); while drawing a region, a drag is the region (Esc cancels).
 */
import { useEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import type { Annotation, FramePoint } from '../../api/schema/annotation.js';
import type { Roi } from '../../api/schema/motion.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { markLabel } from '../../geo/video-features.js';
import { clampedFramePointAt, framePointAt, roiFromDrag, type Box } from '../../video/picture-geometry.js';

/** A press and release further apart than this (pixels) is a drag, not a click. */
const DRAG_PX = 4;

export interface PictureOverlayProps {
  /** The picture's box inside the player element, pixels. */
  readonly box: Box;
  readonly annotations: readonly Annotation[];
  /** The pixel last put on the ground, when its frame is shown. */
  readonly pick: FramePoint | null;
  readonly roi: Roi | null;
  /** Drawing the motion cue's region: a drag draws it. */
  readonly drawingRoi: boolean;
  readonly onPick: (p: FramePoint) => void;
  readonly onRoi: (r: Roi | null) => void;
  readonly onCancelRoi: () => void;
}

export function PictureOverlay(p: PictureOverlayProps): ReactNode {
  const { t } = useI18n();
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ from: FramePoint; to: FramePoint; x: number; y: number } | null>(null);
  const local = { x: 0, y: 0, width: p.box.width, height: p.box.height };

  useEffect(() => {
    if (!p.drawingRoi) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        setDrag(null);
        p.onCancelRoi();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [p.drawingRoi, p.onCancelRoi]);

  const at = (e: PointerEvent): { x: number; y: number } => {
    const r = svg.current?.getBoundingClientRect();
    return r === undefined ? { x: 0, y: 0 } : { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const onDown = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    const { x, y } = at(e);
    const fp = clampedFramePointAt(x, y, local);
    svg.current?.setPointerCapture(e.pointerId);
    setDrag({ from: fp, to: fp, x, y });
  };
  const onMove = (e: PointerEvent): void => {
    if (drag === null || !p.drawingRoi) return;
    const { x, y } = at(e);
    setDrag({ ...drag, to: clampedFramePointAt(x, y, local) });
  };
  const onUp = (e: PointerEvent): void => {
    if (drag === null) return;
    const { x, y } = at(e);
    const moved = Math.hypot(x - drag.x, y - drag.y) > DRAG_PX;
    setDrag(null);
    if (p.drawingRoi) {
      if (moved) p.onRoi(roiFromDrag(drag.from, clampedFramePointAt(x, y, local)));
      return;
    }
    if (!moved) {
      const fp = framePointAt(x, y, local);
      if (fp !== null) p.onPick(fp);
    }
  };

  const W = p.box.width;
  const H = p.box.height;
  const shownRoi = drag !== null && p.drawingRoi ? roiFromDrag(drag.from, drag.to, 0) : p.roi;
  return (
    <svg
      ref={svg}
      className={`picture-overlay${p.drawingRoi ? ' drawing' : ''}`}
      style={{ left: p.box.x, top: p.box.y, width: W, height: H }}
      width={W}
      height={H}
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={() => setDrag(null)}
      role="img"
      aria-label={p.drawingRoi ? t('player.overlayRoi') : t('player.overlayPick')}
      data-testid="video-picture"
      data-drawing={p.drawingRoi ? 'roi' : 'pick'}
    >
      {shownRoi !== null && (
        <g className="roi" data-testid="video-roi">
          <rect x={shownRoi.x0 * W} y={shownRoi.y0 * H} width={(shownRoi.x1 - shownRoi.x0) * W} height={(shownRoi.y1 - shownRoi.y0) * H} />
          <text x={shownRoi.x0 * W + 4} y={shownRoi.y0 * H + 13}>
            {t('motion.regionLabel')}
          </text>
        </g>
      )}
      {p.annotations.map((a) =>
        a.pixel === null ? null : (
          <g key={a.id} className={`picture-mark picture-${a.kind}`} data-testid="video-picture-annotation" data-annotation-id={a.id}>
            <circle cx={a.pixel.u * W} cy={a.pixel.v * H} r={7} />
            <text x={a.pixel.u * W + 10} y={a.pixel.v * H + 4}>
              {markLabel(a.text) || '•'}
            </text>
          </g>
        ),
      )}
      {p.pick !== null && (
        <g className="picture-pick" data-testid="video-picture-pick">
          <line x1={p.pick.u * W - 9} y1={p.pick.v * H} x2={p.pick.u * W + 9} y2={p.pick.v * H} />
          <line x1={p.pick.u * W} y1={p.pick.v * H - 9} x2={p.pick.u * W} y2={p.pick.v * H + 9} />
        </g>
      )}
    </svg>
  );
}
