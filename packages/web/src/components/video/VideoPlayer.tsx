/**
 * The player: an HTML5 <video> on the server's playable MP4 (the session
 * cookie goes with a same-origin media request), the overlay over its
 * picture, its own controls and the timeline with the clip's marks.
 *
 * It reports the time of every frame it presents — requestVideoFrameCallback
 * where the browser has it (the presented frame's media time), else
 * `timeupdate` — and after every seek, so the map follows the video. It
 * seeks when asked (a click on a track, an annotation, a coverage range, a
 * motion cue), once the metadata are loaded.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Annotation, FramePoint } from '../../api/schema/annotation.js';
import type { VideoFrameColumns } from '../../api/schema/video-frames.js';
import { hasNoMetadata, type Video } from '../../api/schema/video.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { pictureBox } from '../../video/picture-geometry.js';
import { ANNOTATION_HOLD_S, annotationsOnPicture, formatPlayerTime } from '../../video/timeline.js';
import type { GroundPickState } from '../../workspace/use-ground-pick.js';
import type { MotionCueState } from '../../workspace/use-motion-cue.js';
import type { SeekRequest } from '../../workspace/use-video.js';
import { errorText } from '../error-text.js';
import { SimulatedBadge } from '../SimulatedBadge.js';
import { PictureOverlay } from './PictureOverlay.js';
import { VideoTimeline } from './VideoTimeline.js';

/** A frame's length when the clip does not say (25 fps). */
const DEFAULT_FRAME_S = 0.04;

export interface VideoPlayerProps {
  readonly video: Video;
  readonly frames: VideoFrameColumns | null;
  readonly framesError: unknown;
  readonly seekRequest: SeekRequest | null;
  readonly onTime: (tS: number) => void;
  readonly annotations: readonly Annotation[];
  readonly pick: GroundPickState;
  readonly motion: MotionCueState;
  readonly onClose: () => void;
}

const MEDIA_ERROR_KEY = {
  1: 'player.error.aborted',
  2: 'player.error.network',
  3: 'player.error.decode',
  4: 'player.error.unsupported',
} as const;

export function VideoPlayer(p: VideoPlayerProps): ReactNode {
  const { t } = useI18n();
  const ref = useRef<HTMLVideoElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const [timeS, setTimeS] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [elementDuration, setElementDuration] = useState<number | null>(null);
  const [size, setSize] = useState({ ew: 0, eh: 0, vw: 0, vh: 0 });
  const [mediaError, setMediaError] = useState<1 | 2 | 3 | 4 | null>(null);
  const [readyState, setReadyState] = useState(0);
  const src = p.video.mediaUrl;
  const latest = useRef(p);
  latest.current = p;

  // The clock: every frame presented (requestVideoFrameCallback), else timeupdate; and every seek.
  useEffect(() => {
    const el = ref.current;
    if (el === null || src === null) return undefined;
    let alive = true;
    let handle = 0;
    const report = (tS: number): void => {
      setTimeS(tS);
      latest.current.onTime(tS);
    };
    const frameCallbacks = typeof el.requestVideoFrameCallback === 'function';
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata): void => {
      if (!alive) return;
      // While playing, the presented frame's own time; paused, the frame a callback reports may be one
      // presented before the last seek (it comes late): the element's time is the one asked for.
      if (!el.seeking) report(el.paused ? el.currentTime : meta.mediaTime);
      handle = el.requestVideoFrameCallback(onFrame);
    };
    if (frameCallbacks) handle = el.requestVideoFrameCallback(onFrame);
    const onTimeUpdate = (): void => report(el.currentTime);
    const onSeeked = (): void => report(el.currentTime);
    const onMeta = (): void => {
      setElementDuration(Number.isFinite(el.duration) ? el.duration : null);
      setSize((s) => ({ ...s, vw: el.videoWidth, vh: el.videoHeight }));
      setReadyState(el.readyState);
      report(el.currentTime);
    };
    const onState = (): void => setReadyState(el.readyState);
    const onPlay = (): void => setPlaying(true);
    const onPause = (): void => setPlaying(false);
    const onError = (): void => {
      const code = el.error?.code;
      setMediaError(code === 1 || code === 2 || code === 3 || code === 4 ? code : 4);
    };
    if (!frameCallbacks) el.addEventListener('timeupdate', onTimeUpdate);
    el.addEventListener('seeked', onSeeked);
    el.addEventListener('loadedmetadata', onMeta);
    el.addEventListener('loadeddata', onState);
    el.addEventListener('canplay', onState);
    el.addEventListener('play', onPlay);
    el.addEventListener('pause', onPause);
    el.addEventListener('ended', onPause);
    el.addEventListener('error', onError);
    setMediaError(null);
    if (el.readyState >= 1) onMeta();
    return () => {
      alive = false;
      if (frameCallbacks) el.cancelVideoFrameCallback(handle);
      el.removeEventListener('timeupdate', onTimeUpdate);
      el.removeEventListener('seeked', onSeeked);
      el.removeEventListener('loadedmetadata', onMeta);
      el.removeEventListener('loadeddata', onState);
      el.removeEventListener('canplay', onState);
      el.removeEventListener('play', onPlay);
      el.removeEventListener('pause', onPause);
      el.removeEventListener('ended', onPause);
      el.removeEventListener('error', onError);
    };
  }, [src]);

  // The picture's box follows the element's size (the stage exists once the video is playable).
  useEffect(() => {
    const el = stage.current;
    if (el === null) return undefined;
    const ro = new ResizeObserver(() => setSize((s) => ({ ...s, ew: el.clientWidth, eh: el.clientHeight })));
    ro.observe(el);
    return () => ro.disconnect();
  }, [src]);

  const seekTo = useCallback((tS: number) => {
    const el = ref.current;
    if (el === null) return;
    const d = Number.isFinite(el.duration) ? el.duration : Infinity;
    el.currentTime = Math.min(Math.max(0, tS), d);
  }, []);

  // Seeks asked from outside (the map, the lists), once the metadata are loaded.
  const seekKey = p.seekRequest?.key ?? null;
  useEffect(() => {
    const el = ref.current;
    const req = latest.current.seekRequest;
    if (el === null || req === null) return undefined;
    if (el.readyState >= 1) {
      seekTo(req.tS);
      return undefined;
    }
    const apply = (): void => seekTo(req.tS);
    el.addEventListener('loadedmetadata', apply, { once: true });
    return () => el.removeEventListener('loadedmetadata', apply);
  }, [seekKey, src, seekTo]);

  // The player's own duration once it knows it (the server's is the transport stream's, which may end a frame earlier).
  const durationS = elementDuration ?? p.video.durationS ?? 0;
  const frameS = p.video.frameCount !== null && p.video.frameCount > 1 && durationS > 0 ? durationS / p.video.frameCount : DEFAULT_FRAME_S;

  const toggle = (): void => {
    const el = ref.current;
    if (el === null) return;
    if (el.paused) void el.play().catch(() => undefined);
    else el.pause();
  };
  const stepFrame = (n: number): void => {
    const el = ref.current;
    if (el === null) return;
    el.pause();
    seekTo(el.currentTime + n * frameS);
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.target !== e.currentTarget) return;
    if (e.key === ' ') {
      e.preventDefault();
      toggle();
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      stepFrame(e.key === 'ArrowLeft' ? -1 : 1);
    }
  };

  const pickNow = (fp: FramePoint): void => p.pick.pick(ref.current?.currentTime ?? timeS, fp);
  const box = pictureBox(size.ew, size.eh, size.vw, size.vh);
  const pickAt = p.pick.at;
  const pickShown = pickAt !== null && Math.abs(pickAt.tS - timeS) <= ANNOTATION_HOLD_S ? pickAt.pixel : null;
  const onPicture = annotationsOnPicture(p.annotations, timeS);
  const newestDone = p.motion.jobs?.find((j) => j.state === 'done' && j.result !== null);
  const noMetadata = p.video.status === 'ready' && hasNoMetadata(p.video);

  return (
    <section className="video-dock" aria-label={t('player.label', { name: p.video.name })} data-testid="video-player" data-video-id={p.video.id} data-ready-state={readyState}>
      <div className="player-head">
        <h2 className="player-title">
          {p.video.name} {p.video.simulated && <SimulatedBadge />}
        </h2>
        {noMetadata && (
          <span className="warning small" data-testid="player-no-metadata">
            {t('player.noMetadata')}
          </span>
        )}
        {p.framesError !== null && (
          <span className="error small" role="alert">
            {errorText(t, p.framesError)}
          </span>
        )}
        <button type="button" className="small" onClick={p.onClose} data-testid="player-close">
          {t('player.close')}
        </button>
      </div>
      {src === null ? (
        <p className="muted player-wait">{p.video.status === 'failed' ? t('videos.failed', { message: p.video.failure?.message ?? p.video.message }) : t('player.notReady')}</p>
      ) : (
        <div ref={stage} className="player-stage" role="group" tabIndex={0} onKeyDown={onKey} aria-label={t('player.stageLabel')} data-testid="player-stage">
          <video ref={ref} src={src} preload="auto" playsInline muted className="player-video" data-testid="video-element" />
          <PictureOverlay
            box={box}
            annotations={onPicture}
            pick={pickShown}
            roi={p.motion.roi ?? newestDone?.roi ?? null}
            drawingRoi={p.motion.drawing}
            onPick={pickNow}
            onRoi={(r) => {
              p.motion.setRoi(r);
              p.motion.setDrawing(false);
            }}
            onCancelRoi={() => p.motion.setDrawing(false)}
          />
          {p.video.simulated && (
            <span className="player-simulated" aria-hidden="true">
              {t('simulated.badge')}
            </span>
          )}
        </div>
      )}
      {mediaError !== null && (
        <p className="error small" role="alert" data-testid="player-error">
          {t(MEDIA_ERROR_KEY[mediaError])}
        </p>
      )}
      <div className="player-controls">
        <button type="button" className="play" onClick={toggle} disabled={src === null} aria-label={playing ? t('time.pause') : t('time.play')} data-testid="player-play">
          {playing ? '❚❚' : '▶'}
        </button>
        <button type="button" className="small" onClick={() => stepFrame(-1)} disabled={src === null} aria-label={t('player.frameBack')} data-testid="player-frame-back">
          ◀︎|
        </button>
        <button type="button" className="small" onClick={() => stepFrame(1)} disabled={src === null} aria-label={t('player.frameForward')} data-testid="player-frame-forward">
          |▶︎
        </button>
        <span className="time-readout mono" data-testid="player-time">
          {formatPlayerTime(timeS)} / {formatPlayerTime(durationS)}
        </span>
        <button type="button" className="small" onClick={() => pickNow({ u: 0.5, v: 0.5 })} disabled={src === null || noMetadata} data-testid="player-pick-centre">
          {t('player.pickCentre')}
        </button>
        <span className="small muted player-hint">{p.motion.drawing ? t('player.hintRoi') : noMetadata ? '' : t('player.hintPick')}</span>
      </div>
      <VideoTimeline timeS={timeS} durationS={durationS} stepS={frameS} segments={newestDone?.result?.segments ?? []} annotations={p.annotations} onSeek={seekTo} />
    </section>
  );
}
