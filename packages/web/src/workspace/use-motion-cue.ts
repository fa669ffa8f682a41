/**
 * Motion cues of the video in the player: the region drawn on the picture,
 * the video's motion jobs (newest first, kept current by the live feed) and
 * the call that starts one. A cue says something moved in the region; it
 * is not a detection.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { VideoId } from '../api/schema/ids.js';
import { MOTION_KIND, type Roi, type VideoJob } from '../api/schema/motion.js';
import { useLive, type LiveHub } from './live-hub.js';

export interface MotionCueState {
  /** Newest first. */
  readonly jobs: readonly VideoJob[] | null;
  /** The region drawn on the picture, not yet run (or last run). */
  readonly roi: Roi | null;
  readonly setRoi: (r: Roi | null) => void;
  /** Drawing the region on the picture. */
  readonly drawing: boolean;
  readonly setDrawing: (on: boolean) => void;
  readonly starting: boolean;
  readonly error: unknown;
  readonly run: () => void;
}

function putJob(list: readonly VideoJob[] | null, j: VideoJob): VideoJob[] {
  const rest = (list ?? []).filter((x) => x.id !== j.id);
  // A progress message carries no result: keep the one already known.
  const had = (list ?? []).find((x) => x.id === j.id);
  const merged = j.result === null && had?.result != null ? { ...j, result: had.result } : j;
  return [merged, ...rest].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function useMotionCue(client: ApiClient, hub: LiveHub, videoId: VideoId | null): MotionCueState {
  const [jobs, setJobs] = useState<readonly VideoJob[] | null>(null);
  const [roi, setRoi] = useState<Roi | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    if (videoId === null) return undefined;
    const ctl = new AbortController();
    client.motionJobs(videoId, ctl.signal).then(
      (l) => !ctl.signal.aborted && setJobs(l),
      (err: unknown) => !ctl.signal.aborted && setError(err),
    );
    return () => ctl.abort();
  }, [client, videoId]);
  useEffect(() => {
    setJobs(null);
    setRoi(null);
    setDrawing(false);
    setError(null);
    return reload();
  }, [reload]);

  useLive(hub, {
    onMessage: (m) => {
      if (m.type === 'video_job' && m.job.videoId === videoId && m.job.kind === MOTION_KIND) setJobs((l) => putJob(l, m.job));
    },
    onReconnect: () => void reload(),
  });

  const run = useCallback(() => {
    if (videoId === null || roi === null) return;
    setStarting(true);
    setError(null);
    client.startMotionCue(videoId, roi).then(
      (j) => {
        setJobs((l) => putJob(l, j));
        setStarting(false);
      },
      (err: unknown) => {
        setError(err);
        setStarting(false);
      },
    );
  }, [client, videoId, roi]);

  return { jobs, roi, setRoi, drawing, setDrawing, starting, error, run };
}
