/**
 * The per-frame metadata of the video in the player, fetched once it is
 * ready (at most MAX_FRAMES frames: the server thins a long clip).
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { VideoId } from '../api/schema/ids.js';
import type { VideoFrameColumns } from '../api/schema/video-frames.js';

/** Enough for a frame every 0.12 s of a 10-minute clip; about 1 MB of JSON. */
export const MAX_FRAMES = 5000;

export interface VideoFramesState {
  readonly frames: VideoFrameColumns | null;
  readonly loading: boolean;
  readonly error: unknown;
}

export function useVideoFrames(client: ApiClient, videoId: VideoId | null, ready: boolean): VideoFramesState {
  const [state, setState] = useState<VideoFramesState>({ frames: null, loading: false, error: null });
  useEffect(() => {
    if (videoId === null || !ready) {
      setState({ frames: null, loading: false, error: null });
      return undefined;
    }
    const ctl = new AbortController();
    setState({ frames: null, loading: true, error: null });
    client.videoFrames(videoId, MAX_FRAMES, ctl.signal).then(
      (frames) => !ctl.signal.aborted && setState({ frames, loading: false, error: null }),
      (error: unknown) => !ctl.signal.aborted && setState({ frames: null, loading: false, error }),
    );
    return () => ctl.abort();
  }, [client, videoId, ready]);
  return state;
}
