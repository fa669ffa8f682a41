/**
 * From the vehicle's boot clock to Unix time. MAVLink stamps most messages
 * with `time_boot_ms`, milliseconds since the autopilot started. The offset
 * to Unix time is fixed once and kept, so sample times never jump:
 *
 * 1. from the first SYSTEM_TIME with a Unix time (the autopilot's GPS time;
 *    it sends 0 until it knows it): offset = time_unix_usec − time_boot_ms;
 * 2. otherwise from the frames' receive times (a tlog's record times, or the
 *    times a live server attaches): offset = min(receive − boot) over frames
 *    so far, since delivery only ever adds delay. This fallback is taken when
 *    no SYSTEM_TIME with a Unix time has come `waitMs` of boot time after the
 *    first position fix (before a fix nothing can be placed, and an
 *    autopilot without GPS sends SYSTEM_TIME with 0 until it has one), or
 *    when the input ends.
 *
 * Nothing is stamped before the offset is fixed; the assembler holds
 * samples until then.
 */
export type EpochSource = 'system_time' | 'receive_time';

export class BootEpoch {
  private offsetS: number | undefined;
  private sourceKind: EpochSource | undefined;
  private receiveMinS = Infinity;
  /** Largest |SYSTEM_TIME offset − offset in use| seen after a receive-time decision, s. */
  disagreementS = 0;

  constructor(private readonly waitMs: number) {}

  get decided(): boolean {
    return this.offsetS !== undefined;
  }

  get source(): EpochSource | undefined {
    return this.sourceKind;
  }

  /** Unix seconds minus boot seconds, once decided. */
  get offset(): number | undefined {
    return this.offsetS;
  }

  systemTime(unixUs: number, bootMs: number): void {
    if (!(unixUs > 0)) return;
    const off = unixUs / 1e6 - bootMs / 1e3;
    if (this.offsetS === undefined) this.decide(off, 'system_time');
    else if (this.sourceKind === 'receive_time') this.disagreementS = Math.max(this.disagreementS, Math.abs(off - this.offsetS));
  }

  receive(timestampUs: number, bootMs: number): void {
    const off = timestampUs / 1e6 - bootMs / 1e3;
    if (off < this.receiveMinS) this.receiveMinS = off;
  }

  /** Falls back on receive times once the vehicle clock is `waitMs` past the first position fix. */
  tick(clockMs: number, firstFixMs: number | undefined): void {
    if (this.offsetS === undefined && firstFixMs !== undefined && clockMs - firstFixMs >= this.waitMs && Number.isFinite(this.receiveMinS)) {
      this.decide(this.receiveMinS, 'receive_time');
    }
  }

  /** The input ended: fall back to receive times if they are all there is. */
  finish(): void {
    if (this.offsetS === undefined && Number.isFinite(this.receiveMinS)) this.decide(this.receiveMinS, 'receive_time');
  }

  /** The vehicle rebooted: its boot clock started again. */
  reset(): void {
    this.offsetS = undefined;
    this.sourceKind = undefined;
    this.receiveMinS = Infinity;
  }

  unixS(bootMs: number): number {
    if (this.offsetS === undefined) throw new Error('BootEpoch.unixS before the epoch is decided');
    return bootMs / 1e3 + this.offsetS;
  }

  private decide(offsetS: number, source: EpochSource): void {
    this.offsetS = offsetS;
    this.sourceKind = source;
  }
}
