/**
 * A pixel of the picture put on the ground: the server's answer for the
 * frame at the player's time (GET /api/videos/:id/ground). A newer click
 * replaces an unanswered one; another video clears it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { FramePoint } from '../api/schema/annotation.js';
import type { VideoId } from '../api/schema/ids.js';
import type { GroundPick } from '../api/schema/video.js';

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
  const [result, setResult] = useState<GroundPick | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ctl = useRef<AbortController | null>(null);

  const clear = useCallback(() => {
    ctl.current?.abort();
    ctl.current = null;
    setAt(null);
    setResult(null);
    setRunning(false);
    setError(null);
  }, []);
  useEffect(clear, [videoId, clear]);
  useEffect(() => () => ctl.current?.abort(), []);

  const pick = useCallback(
    (tS: number, pixel: FramePoint) => {
      if (videoId === null) return;
      ctl.current?.abort();
      const c = new AbortController();
      ctl.current = c;
      setAt({ tS, pixel });
      setResult(null);
      setRunning(true);
      setError(null);
      client.groundAt(videoId, tS, pixel, c.signal).then(
        (g) => {
          if (c.signal.aborted) return;
          setResult(g);
          setRunning(false);
        },
        (err: unknown) => {
          if (c.signal.aborted) return;
          setError(err);
          setRunning(false);
        },
      );
    },
    [client, videoId],
  );

  return { at, result, running, error, pick, clear };
}
