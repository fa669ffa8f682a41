/**
 * Framing one KLV packet: a 16-byte Universal Label, a BER length, the
 * value. No allocation proportional to the claimed length: a length is
 * only ever compared with the bytes present.
 */
import { BER_TRUNCATED, berProblem, readBerLength, type BerValue } from './ber.js';
import { klvError } from './klv-error.js';
import { UL_LENGTH, isUlStart, keyKind, type KeyKind } from './universal-key.js';

export interface KlvFrame {
  readonly kind: KeyKind;
  /** Index of the key's first byte. */
  readonly start: number;
  readonly valueStart: number;
  readonly valueLength: number;
  /** Index after the value. */
  readonly end: number;
}

/** The packet is complete. */
export const FRAME_OK = 0;
/** The packet (or its header) runs past the bytes given. */
export const FRAME_NEED_MORE = 1;
/** No Universal Label here. */
export const FRAME_NOT_KLV = 2;
/** A label, but the BER length is unusable (indefinite, too long) or above the caller's limit. */
export const FRAME_BAD_LENGTH = 3;

export interface FrameProbe {
  valueStart: number;
  valueLength: number;
}

/** Non-throwing framing for the stream parser: one of FRAME_*, with the lengths in `out` when FRAME_OK. */
export function probeFrame(b: Uint8Array, at: number, end: number, maxValueLength: number, out: FrameProbe, ber: BerValue): number {
  if (end - at < 4) return isPrefixSoFar(b, at, end) ? FRAME_NEED_MORE : FRAME_NOT_KLV;
  if (!isUlStart(b, at)) return FRAME_NOT_KLV;
  if (end - at < UL_LENGTH + 1) return FRAME_NEED_MORE;
  const p = readBerLength(b, at + UL_LENGTH, end, ber);
  if (p === BER_TRUNCATED) return FRAME_NEED_MORE;
  if (p < 0 || ber.value > maxValueLength) return FRAME_BAD_LENGTH;
  out.valueStart = p;
  out.valueLength = ber.value;
  return p + ber.value > end ? FRAME_NEED_MORE : FRAME_OK;
}

function isPrefixSoFar(b: Uint8Array, at: number, end: number): boolean {
  const prefix = [0x06, 0x0e, 0x2b, 0x34];
  for (let i = at; i < end; i++) if (b[i] !== prefix[i - at]) return false;
  return true;
}

/**
 * Frames the packet whose key starts at `at`; NARIZ_KLV with the byte
 * offset (`at` plus `base`, for bytes taken from a longer stream) when there
 * is no label there, the length is unusable or the packet is cut off.
 */
export function frameKlv(b: Uint8Array, at = 0, end = b.length, base = 0): KlvFrame {
  const where = at + base;
  if (end - at < UL_LENGTH + 1) throw klvError(`a KLV packet needs at least 17 bytes (16-byte key, length); ${Math.max(0, end - at)} given`, where);
  if (!isUlStart(b, at)) throw klvError(`no KLV key here: a key starts 06 0E 2B 34, found ${Array.from(b.subarray(at, at + 4), (x) => x.toString(16).padStart(2, '0').toUpperCase()).join(' ')}`, where);
  const ber = { value: 0 };
  const p = readBerLength(b, at + UL_LENGTH, end, ber);
  if (p < 0) throw klvError(`the packet's BER length is ${berProblem(p)}`, where + UL_LENGTH);
  if (p + ber.value > end) throw klvError(`the packet is cut off: its length says ${ber.value} value bytes, ${end - p} are present`, where);
  return { kind: keyKind(b, at), start: at, valueStart: p, valueLength: ber.value, end: p + ber.value };
}

/** Every packet of a buffer of concatenated KLV packets, strictly (see KlvStreamParser to skip garbage). */
export function splitKlv(b: Uint8Array, base = 0): KlvFrame[] {
  const out: KlvFrame[] = [];
  for (let p = 0; p < b.length;) {
    const f = frameKlv(b, p, b.length, base);
    out.push(f);
    p = f.end;
  }
  return out;
}
