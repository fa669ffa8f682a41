/**
 * Transport streams for the MPEG-TS tests, made by our muxer from seeded
 * KLV packets and synthetic video access units, with a label for every
 * packet (which PID, which unit) so the damage tests can say exactly what
 * the demuxer must report.
 */
import { createRng, type Rng } from '@nariz/core';
import { TsMuxer, type KlvCarriage } from '../src/index.js';

/** MISB ST 0601's UAS Datalink Local Set key: a valid SMPTE universal key. */
export const UAS_LS_KEY = [0x06, 0x0e, 0x2b, 0x34, 0x02, 0x0b, 0x01, 0x01, 0x0e, 0x01, 0x03, 0x01, 0x01, 0x00, 0x00, 0x00] as const;

/** BER length: short form below 128, else 0x80|n and n big-endian bytes. */
export function berLength(n: number): number[] {
  if (n < 128) return [n];
  const out: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 256)) out.unshift(x & 0xff);
  return [0x80 | out.length, ...out];
}

/** A KLV packet: the UAS LS key, a BER length, `valueLength` seeded bytes. */
export function klvPacket(rng: Rng, valueLength: number): Uint8Array {
  const len = berLength(valueLength);
  const p = new Uint8Array(UAS_LS_KEY.length + len.length + valueLength);
  p.set(UAS_LS_KEY);
  p.set(len, UAS_LS_KEY.length);
  for (let i = UAS_LS_KEY.length + len.length; i < p.length; i++) p[i] = rng.int(0, 255);
  return p;
}

/**
 * A synthetic H.264 access unit: AUD, (SPS, PPS, IDR slice) or a non-IDR
 * slice, and filler bytes 0x01..0xFF (no start code can appear inside).
 */
export function fakeAccessUnit(rng: Rng, size: number, keyframe: boolean): Uint8Array {
  const head = keyframe
    ? [0, 0, 0, 1, 0x09, 0x10, 0, 0, 0, 1, 0x67, 0x42, 0, 0x1e, 0, 0, 0, 1, 0x68, 0xce, 0x3c, 0x80, 0, 0, 0, 1, 0x65, 0x88]
    : [0, 0, 0, 1, 0x09, 0x30, 0, 0, 0, 1, 0x41, 0x9a];
  const au = new Uint8Array(Math.max(size, head.length + 1));
  au.set(head);
  for (let i = head.length; i < au.length; i++) au[i] = rng.int(1, 255);
  return au;
}

export type PacketKind = 'psi' | 'video' | 'klv';

export interface PacketLabel {
  readonly pid: number;
  readonly kind: PacketKind;
  /** Index of the frame or KLV unit (-1 for tables). */
  readonly unit: number;
  /** The unit's first packet. */
  readonly first: boolean;
}

export interface LabeledStream {
  readonly bytes: Uint8Array;
  readonly labels: PacketLabel[];
  readonly klv: Array<{ bytes: Uint8Array; pts: number }>;
  readonly frames: Array<{ bytes: Uint8Array; pts: number; keyframe: boolean }>;
  readonly videoPid: number;
  readonly klvPid: number;
  readonly pmtPid: number;
}

export interface StreamOptions {
  readonly seed: number;
  readonly frames: number;
  readonly carriage?: KlvCarriage;
  /** PTS of the first frame (default 63,000). */
  readonly startPts?: number;
  /** KLV value lengths drawn from [min, max] (default 40..300: one to three packets). */
  readonly klvValue?: readonly [number, number];
  /** Frame sizes drawn from [min, max] (default 300..3,000). */
  readonly frameSize?: readonly [number, number];
  /** A keyframe every this many frames (default 25). */
  readonly gop?: number;
  /** Leave the PTS out of asynchronous KLV. */
  readonly klvWithoutPts?: boolean;
}

const FRAME_TICKS = 3600;

function pidOf(b: Uint8Array, o: number): number {
  return ((b[o + 1]! & 0x1f) << 8) | b[o + 2]!;
}

/** Frames at 25 fps, each preceded by one KLV unit with the frame's PTS. */
export function makeStream(o: StreamOptions): LabeledStream {
  const rng = createRng(o.seed);
  const mux = new TsMuxer({ video: { codec: 'h264' }, klv: [{ carriage: o.carriage ?? 'async' }] });
  const videoPid = mux.videoPid!;
  const klvPid = mux.klvPids[0]!;
  const parts: Uint8Array[] = [];
  const labels: PacketLabel[] = [];
  const klv: Array<{ bytes: Uint8Array; pts: number }> = [];
  const frames: Array<{ bytes: Uint8Array; pts: number; keyframe: boolean }> = [];
  const label = (chunk: Uint8Array, kind: PacketKind, unit: number, pid: number): void => {
    let first = true;
    for (let p = 0; p < chunk.length; p += 188) {
      const at = pidOf(chunk, p);
      if (at === pid) {
        labels.push({ pid, kind, unit, first });
        first = false;
      } else labels.push({ pid: at, kind: 'psi', unit: -1, first: false });
    }
    parts.push(chunk);
  };
  const [kmin, kmax] = o.klvValue ?? [40, 300];
  const [fmin, fmax] = o.frameSize ?? [300, 3000];
  const gop = o.gop ?? 25;
  for (let i = 0; i < o.frames; i++) {
    const pts = (o.startPts ?? 63000) + i * FRAME_TICKS;
    const k = klvPacket(rng, rng.int(kmin, kmax));
    klv.push({ bytes: k, pts });
    label(mux.writeKlv(k, o.klvWithoutPts === true ? undefined : pts), 'klv', i, klvPid);
    const keyframe = i % gop === 0;
    const f = fakeAccessUnit(rng, rng.int(fmin, fmax), keyframe);
    frames.push({ bytes: f, pts, keyframe });
    label(mux.writeVideo({ bytes: f, pts, keyframe }), 'video', i, videoPid);
  }
  let total = 0;
  for (const p of parts) total += p.length;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, labels, klv, frames, videoPid, klvPid, pmtPid: mux.pmtPid };
}

/** The 188-byte packets of a plain TS, re-framed as M2TS (4-byte timestamp before each) or with 16 parity bytes after each. */
export function reframe(ts: Uint8Array, stride: 192 | 204, rng: Rng): Uint8Array {
  const n = ts.length / 188;
  const out = new Uint8Array(n * stride);
  for (let i = 0; i < n; i++) {
    const o = i * stride;
    const extra = stride - 188;
    const packetAt = stride === 192 ? o + 4 : o;
    for (let k = 0; k < extra; k++) out[(stride === 192 ? o : o + 188) + k] = rng.int(0, 255);
    out.set(ts.subarray(i * 188, i * 188 + 188), packetAt);
  }
  return out;
}

/** Splits bytes into chunks of random sizes in [1, max]. */
export function chunks(bytes: Uint8Array, rng: Rng, max: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let p = 0; p < bytes.length;) {
    const k = Math.min(bytes.length - p, rng.int(1, max));
    out.push(bytes.slice(p, p + k));
    p += k;
  }
  return out;
}

/** Keeps the packets whose index passes `keep`, in order. */
export function selectPackets(bytes: Uint8Array, keep: (i: number) => boolean): Uint8Array {
  const n = bytes.length / 188;
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) idx.push(i);
  const out = new Uint8Array(idx.length * 188);
  idx.forEach((i, k) => out.set(bytes.subarray(i * 188, i * 188 + 188), k * 188));
  return out;
}
