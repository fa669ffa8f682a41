/**
 * Splitting a video elementary stream into access units (one picture each),
 * enough to packetise it: one PES per access unit. NAL units are found by
 * their start codes (00 00 01, or 00 00 00 01); an access unit begins
 * (ITU-T H.264 §7.4.1.2.3, H.265 §7.4.2.4.4)
 * - H.264: at an access unit delimiter (type 9), at SEI/SPS/PPS/prefix NAL
 *   units (6, 7, 8, 14–18) after a picture's slices, or at a slice (1, 5)
 *   whose first_mb_in_slice is 0 after a picture's slices;
 * - HEVC: at an AUD (35), at VPS/SPS/PPS/prefix SEI (32–34, 39, 41–44,
 *   48–55) after slices, or at a slice (0–31) with
 *   first_slice_segment_in_pic_flag after slices;
 * - MPEG-2 video (ISO/IEC 13818-2): at a sequence header (B3), GOP header
 *   (B8) or picture start code (00) after a picture.
 * Bytes before the first start code stay with the first access unit.
 */

export type ElementaryCodec = 'h264' | 'hevc' | 'mpeg2';

export interface AccessUnit {
  /** A view into the elementary stream (not a copy). */
  readonly bytes: Uint8Array;
  /** An IDR picture (H.264), an IRAP picture (HEVC), an I picture (MPEG-2). */
  readonly keyframe: boolean;
}

const ROLE_OTHER = 0;
/** Starts a new access unit when the current one already has a picture. */
const ROLE_PREFIX = 1;
const ROLE_PICTURE = 2;
/** Always starts a new access unit. */
const ROLE_DELIMITER = 3;

interface NalRole {
  readonly role: number;
  /** For ROLE_PICTURE: this slice starts a picture. */
  readonly first: boolean;
  readonly keyframe: boolean;
}

function h264(es: Uint8Array, h: number): NalRole {
  const t = es[h]! & 0x1f;
  if (t === 9) return { role: ROLE_DELIMITER, first: false, keyframe: false };
  if (t === 6 || t === 7 || t === 8 || (t >= 14 && t <= 18)) return { role: ROLE_PREFIX, first: false, keyframe: false };
  if (t === 1 || t === 5) return { role: ROLE_PICTURE, first: ((es[h + 1] ?? 0) & 0x80) !== 0, keyframe: t === 5 };
  return { role: ROLE_OTHER, first: false, keyframe: false };
}

function hevc(es: Uint8Array, h: number): NalRole {
  const t = (es[h]! >> 1) & 0x3f;
  if (t === 35) return { role: ROLE_DELIMITER, first: false, keyframe: false };
  if ((t >= 32 && t <= 34) || t === 39 || (t >= 41 && t <= 44) || (t >= 48 && t <= 55)) return { role: ROLE_PREFIX, first: false, keyframe: false };
  if (t <= 31) return { role: ROLE_PICTURE, first: ((es[h + 2] ?? 0) & 0x80) !== 0, keyframe: t >= 16 && t <= 23 };
  return { role: ROLE_OTHER, first: false, keyframe: false };
}

function mpeg2(es: Uint8Array, h: number): NalRole {
  const code = es[h]!;
  if (code === 0xb3 || code === 0xb8) return { role: ROLE_PREFIX, first: false, keyframe: false };
  if (code === 0x00) return { role: ROLE_PICTURE, first: true, keyframe: (((es[h + 2] ?? 0) >> 3) & 7) === 1 };
  return { role: ROLE_OTHER, first: false, keyframe: false };
}

/** The access units of an elementary stream, in decode order. */
export function splitAccessUnits(es: Uint8Array, codec: ElementaryCodec): AccessUnit[] {
  const classify = codec === 'h264' ? h264 : codec === 'hevc' ? hevc : mpeg2;
  const units: AccessUnit[] = [];
  let auStart = 0;
  let hasPicture = false;
  let keyframe = false;
  const n = es.length;
  let i = 0;
  while (i + 3 < n) {
    const j = es.indexOf(1, i + 2);
    if (j < 0 || j + 1 >= n) break;
    if (es[j - 1] !== 0 || es[j - 2] !== 0) {
      i = j - 1;
      continue;
    }
    const start = j >= 3 && es[j - 3] === 0 ? j - 3 : j - 2;
    const r = classify(es, j + 1);
    const begins = r.role === ROLE_DELIMITER || (hasPicture && (r.role === ROLE_PREFIX || (r.role === ROLE_PICTURE && r.first)));
    if (begins && start > auStart) {
      units.push({ bytes: es.subarray(auStart, start), keyframe });
      auStart = start;
      hasPicture = false;
      keyframe = false;
    }
    if (r.role === ROLE_PICTURE) {
      hasPicture = true;
      if (r.keyframe) keyframe = true;
    }
    i = j + 1;
  }
  if (auStart < n) units.push({ bytes: es.subarray(auStart, n), keyframe });
  return units;
}
