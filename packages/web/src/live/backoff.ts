/**
 * Reconnection delays for the live WebSocket: exponential from `baseMs`,
 * capped at `maxMs`, with "full jitter" (a uniform draw in [cap/2, cap]) so
 * that many browsers dropped by one server restart do not reconnect in step.
 * `random` is injectable so the delays can be tested.
 */
export interface BackoffOptions {
  readonly baseMs?: number;
  readonly maxMs?: number;
  readonly random?: () => number;
}

export function backoffDelayMs(attempt: number, o: BackoffOptions = {}): number {
  if (!Number.isInteger(attempt) || attempt < 0) throw new RangeError(`backoffDelayMs: attempt must be a whole number >= 0 (got ${attempt})`);
  const base = o.baseMs ?? 500;
  const max = o.maxMs ?? 30_000;
  const cap = Math.min(max, base * 2 ** Math.min(attempt, 30));
  const r = (o.random ?? Math.random)();
  return cap / 2 + (cap / 2) * r;
}
