/**
 * A pixel of the picture put on the ground: the server's answer for the
 * frame at the player's time (GET /api/videos/:id/ground). A newer click
 * replaces an unanswered one; another video clears it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { FramePoint } from '../api/schema/annotation.js';
import type { VideoId } from '../api/schema/ids.js';
import type { GroundPick } from '../api/schema/video.js';
import { useLatestRequest } from './use-latest-request.js';

export interface GroundPickState {
  /** Where and when the picture was clicked. */
  readonly at: { readonly tS: number; readonly pixel: FramePoint } | null;
  readonly result: GroundPick | null;
  readonly running: boolean;
  readonly error: unknown;
  readonly pick: (tS: number, pixel: FramePoint) => void;
  readonly clear: () => void;
}

export function useGroundPick(client: ApiClient, videoId: VideoId | null): GroundPickState {
  const [at, setAt] = useState<GroundPickState['at']>(null);
  const req = useLatestRequest<GroundPick>();
  const reqClear = req.clear;
  const clear = useCallback(() => {
    reqClear();
    setAt(null);
  }, [reqClear]);
  useEffect(clear, [videoId, clear]);

  const start = req.start;
  const pick = useCallback(
    (tS: number, pixel: FramePoint) => {
      if (videoId === null) return;
      setAt({ tS, pixel });
      start((signal) => client.groundAt(videoId, tS, pixel, signal));
    },
    [client, videoId, start],
  );

  return { at, result: req.result, running: req.running, error: req.error, pick, clear };
}
