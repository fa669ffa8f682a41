/**
 * PSI section reassembly on one PID (ISO/IEC 13818-1 §2.4.4): a section
 * may span packets and several may share one. In a packet that starts a
 * section (payload_unit_start_indicator), the first payload byte is the
 * pointer_field: the number of bytes, after it, that still belong to the
 * section in progress; new sections begin there, back to back, until the
 * end of the payload or a 0xFF stuffing byte.
 *
 * Sections with the long syntax (section_syntax_indicator set: PAT, PMT)
 * end in a CRC-32/MPEG-2 and are handed over only when it holds. A section
 * cut by lost packets is dropped (`drop()`, or a new section starting before
 * it is complete), never completed with bytes that followed the loss.
 */
import { crc32Mpeg2 } from './crc32.js';

/** The longest section: 3 header bytes and a 12-bit section_length capped at 4093 (private sections; PAT and PMT stop at 1021). */
export const MAX_SECTION_BYTES = 3 + 4093;
/** Header, table-id extension…last_section_number, CRC. */
const MIN_LONG_SECTION = 3 + 5 + 4;
const EMPTY = new Uint8Array(0);

export interface SectionCounters {
  /** Long-syntax sections whose CRC-32 did not hold. */
  psiCrcErrors: number;
  /** A pointer_field past the payload, an impossible section_length, a section shorter than its header. */
  psiErrors: number;
  /** Sections cut short by lost packets or by the next section starting. */
  psiSectionsDropped: number;
}

export type SectionSink = (section: Uint8Array) => void;

export class SectionAssembler {
  /** Allocated when a section first spans packets (most PMTs fit in one). */
  private buf = EMPTY;
  private have = 0;
  /** Total length of the section in progress, -1 until its 3 header bytes are in. */
  private need = -1;
  private active = false;

  constructor(private readonly counters: SectionCounters, private readonly sink: SectionSink) {}

  /** Bytes held for a section in progress. */
  get buffered(): number {
    return this.active ? this.have : 0;
  }

  /** The payload [s, e) of one packet of this PID. */
  push(b: Uint8Array, s: number, e: number, unitStart: boolean): void {
    if (s >= e) return;
    if (!unitStart) {
      if (this.active) this.append(b, s, e);
      return;
    }
    const pointer = b[s]!;
    s++;
    if (s + pointer > e) {
      this.counters.psiErrors++;
      this.drop();
      return;
    }
    if (this.active) {
      this.append(b, s, s + pointer);
      // The pointer says where the next section starts: one still short of its length there is broken.
      this.drop();
    }
    this.sections(b, s + pointer, e);
  }

  /** Abandons the section in progress (packets were lost). */
  drop(): void {
    if (this.active) this.counters.psiSectionsDropped++;
    this.active = false;
    this.have = 0;
    this.need = -1;
  }

  private sections(b: Uint8Array, s: number, e: number): void {
    while (s < e && b[s] !== 0xff) {
      if (e - s < 3) {
        this.begin(b, s, e, -1);
        return;
      }
      const total = 3 + (((b[s + 1]! & 0x0f) << 8) | b[s + 2]!);
      if (total > MAX_SECTION_BYTES) {
        this.counters.psiErrors++;
        return;
      }
      if (s + total > e) {
        this.begin(b, s, e, total);
        return;
      }
      this.deliver(b.subarray(s, s + total));
      s += total;
    }
  }

  private begin(b: Uint8Array, s: number, e: number, total: number): void {
    if (this.buf.length === 0) this.buf = new Uint8Array(MAX_SECTION_BYTES);
    this.buf.set(b.subarray(s, e));
    this.have = e - s;
    this.need = total;
    this.active = true;
  }

  private append(b: Uint8Array, s: number, e: number): void {
    if (this.need < 0) {
      const k = Math.min(3 - this.have, e - s);
      this.buf.set(b.subarray(s, s + k), this.have);
      this.have += k;
      s += k;
      if (this.have < 3) return;
      this.need = 3 + (((this.buf[1]! & 0x0f) << 8) | this.buf[2]!);
      if (this.need > MAX_SECTION_BYTES) {
        this.counters.psiErrors++;
        this.active = false;
        this.have = 0;
        this.need = -1;
        return;
      }
    }
    const k = Math.min(this.need - this.have, e - s);
    this.buf.set(b.subarray(s, s + k), this.have);
    this.have += k;
    if (this.have === this.need) {
      this.active = false;
      this.have = 0;
      this.need = -1;
      this.deliver(this.buf.subarray(0, 3 + (((this.buf[1]! & 0x0f) << 8) | this.buf[2]!)));
    }
  }

  private deliver(section: Uint8Array): void {
    if ((section[1]! & 0x80) !== 0) {
      if (section.length < MIN_LONG_SECTION) {
        this.counters.psiErrors++;
        return;
      }
      if (crc32Mpeg2(section) !== 0) {
        this.counters.psiCrcErrors++;
        return;
      }
    }
    this.sink(section);
  }
}
