/**
 * Cutting PES packets and PSI sections into transport packets (ISO/IEC
 * 13818-1 §2.4.3): continuity counters per PID; a PES's last packet filled
 * out by adaptation-field stuffing (the only stuffing a PES may have); a
 * section's last packet by 0xFF bytes after it (PSI stuffing); the PCR and
 * random_access_indicator in the adaptation field of a PES's first packet.
 */
import { AF_PCR, AF_RANDOM_ACCESS, PID_COUNT, SYNC_BYTE, TS_PACKET_SIZE, TS_PAYLOAD_SIZE, writePcr } from './packet.js';

/** Adaptation field bytes for a PCR: length, flags, 6-byte PCR. */
const AF_WITH_PCR = 8;
/** …for the random-access flag alone: length, flags. */
const AF_FLAGS_ONLY = 2;

export class PacketWriter {
  private buf = new Uint8Array(64 * TS_PACKET_SIZE);
  private n = 0;
  private readonly cc = new Uint8Array(PID_COUNT);
  /** Packets written since construction. */
  packets = 0;

  /** The packets written since the last take(), as one array the caller owns. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.n);
    this.n = 0;
    return out;
  }

  /** One PES (header and payload as consecutive parts) on `pid`; `pcr27` ≥ 0 puts a PCR in its first packet. */
  writePes(pid: number, parts: readonly Uint8Array[], pcr27: number, randomAccess: boolean): void {
    let remaining = 0;
    for (const p of parts) remaining += p.length;
    let part = 0;
    let partAt = 0;
    let first = true;
    while (remaining > 0) {
      const o = this.reserve();
      const afNeed = first ? (pcr27 >= 0 ? AF_WITH_PCR : randomAccess ? AF_FLAGS_ONLY : 0) : 0;
      const take = Math.min(remaining, TS_PAYLOAD_SIZE - afNeed);
      const afLength = TS_PAYLOAD_SIZE - take;
      this.header(o, pid, first, afLength > 0, true);
      let q = o + 4;
      if (afLength > 0) {
        const b = this.buf;
        b[q] = afLength - 1;
        if (afLength >= 2) {
          b[q + 1] = first ? (pcr27 >= 0 ? AF_PCR : 0) | (randomAccess ? AF_RANDOM_ACCESS : 0) : 0;
          let k = q + 2;
          if (first && pcr27 >= 0) {
            writePcr(b, k, pcr27);
            k += 6;
          }
          b.fill(0xff, k, q + afLength);
        }
        q += afLength;
      }
      let left = take;
      while (left > 0) {
        const src = parts[part]!;
        const k = Math.min(left, src.length - partAt);
        this.buf.set(src.subarray(partAt, partAt + k), q);
        q += k;
        left -= k;
        partAt += k;
        if (partAt === src.length) {
          part++;
          partAt = 0;
        }
      }
      remaining -= take;
      first = false;
    }
  }

  /** One PSI section on `pid`: pointer_field 0, the section, 0xFF stuffing to the end of its last packet. */
  writeSection(pid: number, section: Uint8Array): void {
    let at = 0;
    let first = true;
    while (at < section.length) {
      const o = this.reserve();
      this.header(o, pid, first, false, true);
      let q = o + 4;
      if (first) this.buf[q++] = 0;
      const k = Math.min(section.length - at, o + TS_PACKET_SIZE - q);
      this.buf.set(section.subarray(at, at + k), q);
      q += k;
      at += k;
      this.buf.fill(0xff, q, o + TS_PACKET_SIZE);
      first = false;
    }
  }

  private reserve(): number {
    if (this.n + TS_PACKET_SIZE > this.buf.length) {
      const grown = new Uint8Array(this.buf.length * 2);
      grown.set(this.buf.subarray(0, this.n));
      this.buf = grown;
    }
    const o = this.n;
    this.n += TS_PACKET_SIZE;
    this.packets++;
    return o;
  }

  private header(o: number, pid: number, unitStart: boolean, adaptation: boolean, payload: boolean): void {
    const b = this.buf;
    b[o] = SYNC_BYTE;
    b[o + 1] = (unitStart ? 0x40 : 0) | (pid >> 8);
    b[o + 2] = pid & 0xff;
    const cc = this.cc[pid]!;
    b[o + 3] = (adaptation ? 0x20 : 0) | (payload ? 0x10 : 0) | cc;
    this.cc[pid] = (cc + 1) & 0x0f;
  }
}
