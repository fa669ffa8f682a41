/**
 * The marks on the player's timeline (motion-cue segments, annotations)
 * and what the overlay shows over the picture at a moment.
 */
import type { Annotation } from '../api/schema/annotation.js';

/** A stretch of the timeline as fractions of its width; never narrower than `minWidth` so a short cue stays visible and clickable. */
export function timelineSpan(startS: number, endS: number, durationS: number, minWidth = 0.006): { readonly left: number; readonly width: number } {
  if (!(durationS > 0)) return { left: 0, width: 0 };
  const clamp = (x: number): number => Math.min(1, Math.max(0, x));
  const left = clamp(startS / durationS);
  const right = clamp(endS / durationS);
  const width = Math.max(minWidth, right - left);
  return { left: Math.min(left, 1 - width), width };
}

/** A point of the timeline as a fraction of its width. */
export function timelineAt(tS: number, durationS: number): number {
  if (!(durationS > 0)) return 0;
  return Math.min(1, Math.max(0, tS / durationS));
}

/**
 * An annotation with a pixel is drawn over the picture while its frame is
 * shown, and for this long either side of it, so that it can be seen while
 * the video plays (one frame lasts a thirtieth of a second).
 */
export const ANNOTATION_HOLD_S = 0.5;

/** The annotations with a pixel to draw over the picture at player time t. */
export function annotationsOnPicture(annotations: readonly Annotation[], tS: number, holdS = ANNOTATION_HOLD_S): Annotation[] {
  if (Number.isNaN(tS)) return [];
  return annotations.filter((a) => a.pixel !== null && Math.abs(a.tS - tS) <= holdS);
}

/** Player time as m:ss.s (h:mm:ss.s past an hour): the tenth of a second a frame needs, the same in every locale. */
export function formatPlayerTime(tS: number): string {
  if (!Number.isFinite(tS)) return '—';
  const tenths = Math.round(Math.max(0, tS) * 10);
  const h = Math.floor(tenths / 36_000);
  const m = Math.floor((tenths % 36_000) / 600);
  const s = Math.floor((tenths % 600) / 10);
  const d = tenths % 10;
  const ss = `${String(s).padStart(2, '0')}.${d}`;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
