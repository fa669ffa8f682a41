/**
 * The replay clock of the time slider: a time within the sortie's range,
 * advanced by requestAnimationFrame while playing at `speed` sortie-seconds
 * per second of wall time. A new range (another sortie) shows the whole track.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Playback {
  /** Null when there is nothing to replay. */
  readonly timeS: number | null;
  readonly playing: boolean;
  readonly speed: number;
  readonly setTime: (t: number) => void;
  readonly toggle: () => void;
  readonly setSpeed: (x: number) => void;
}

export const SPEEDS: readonly number[] = [10, 30, 60, 120, 300];

export function usePlayback(range: readonly [number, number] | null): Playback {
  const [timeS, setTimeS] = useState<number | null>(range === null ? null : range[1]);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(60);
  const lo = range?.[0] ?? null;
  const hi = range?.[1] ?? null;

  useEffect(() => {
    setPlaying(false);
    setTimeS(hi);
  }, [lo, hi]);

  const timeRef = useRef(timeS);
  timeRef.current = timeS;

  useEffect(() => {
    if (!playing || lo === null || hi === null) return undefined;
    let frame = 0;
    let last = performance.now();
    const step = (now: number): void => {
      const dt = (now - last) / 1000;
      last = now;
      const t = Math.min(hi, (timeRef.current ?? lo) + dt * speed);
      setTimeS(t);
      if (t >= hi) {
        setPlaying(false);
        return;
      }
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [playing, lo, hi, speed]);

  const setTime = useCallback(
    (t: number) => {
      if (lo === null || hi === null) return;
      setTimeS(Math.min(hi, Math.max(lo, t)));
    },
    [lo, hi],
  );

  const toggle = useCallback(() => {
    if (lo === null || hi === null) return;
    // Play from the start when the replay stands at the end.
    if (!playing && (timeRef.current === null || timeRef.current >= hi)) setTimeS(lo);
    setPlaying(!playing);
  }, [lo, hi, playing]);

  return { timeS, playing, speed, setTime, toggle, setSpeed };
}
