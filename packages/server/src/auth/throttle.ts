/**
 * Sign-in throttling: at most `perAccount` failures for one name from one
 * address in `windowMs`, and `perAddress` failures from one address over
 * all names (password spraying). A success clears the name's count. Kept
 * in memory: a restart forgets it, which only gives an attacker one more
 * window. Pure and clock-injected for tests.
 */
export interface ThrottleOptions {
  readonly perAccount?: number;
  readonly perAddress?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly perAccount: number;
  private readonly perAddress: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(o: ThrottleOptions = {}) {
    this.perAccount = o.perAccount ?? 5;
    this.perAddress = o.perAddress ?? 50;
    this.windowMs = o.windowMs ?? 15 * 60_000;
    this.now = o.now ?? Date.now;
  }

  /** Milliseconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfterMs(address: string, username: string): number {
    const t = this.now();
    const wait = (key: string, limit: number): number => {
      const list = this.recent(key, t);
      return list.length >= limit ? list[list.length - limit]! + this.windowMs - t : 0;
    };
    return Math.max(wait(accountKey(address, username), this.perAccount), wait(address, this.perAddress));
  }

  fail(address: string, username: string): void {
    const t = this.now();
    for (const key of [accountKey(address, username), address]) this.failures.set(key, [...this.recent(key, t), t]);
    if (this.failures.size > 100_000) this.sweep(t);
  }

  succeed(address: string, username: string): void {
    this.failures.delete(accountKey(address, username));
  }

  private recent(key: string, t: number): number[] {
    return (this.failures.get(key) ?? []).filter((x) => x > t - this.windowMs);
  }

  private sweep(t: number): void {
    for (const [k, v] of this.failures) if (v.every((x) => x <= t - this.windowMs)) this.failures.delete(k);
  }
}

const accountKey = (address: string, username: string): string => `${address}\n${username.toLowerCase()}`;
