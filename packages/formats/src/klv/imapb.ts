/**
 * MISB ST 1201 IMAPB: a floating-point value in [a, b] mapped onto an
 * L-byte unsigned integer (L = 1..8), as ST 0601's newer items, ST 0903 and
 * the packs inside them use it.
 *
 *   bPow = ceil(log2(b − a)),  dPow = 8L − 1
 *   sF = 2^(dPow − bPow) (forward scale),  sR = 2^(bPow − dPow) (reverse)
 *   zOffset = sF·a − floor(sF·a) when a < 0 < b, else 0 (so that 0 maps exactly)
 *   forward: y = floor(sF·(x − a) + zOffset);  reverse: x = sR·(y − zOffset) + a
 *
 * The most significant bit of a normal value is 0 (the one exception: that
 * bit alone, the top of the range). Otherwise the top five bits of the first
 * byte name a special value (ST 1201.5 Table 2): 11S01 ±infinity, 11S10
 * quiet NaN, 11S11 signalling NaN (S the sign), 11000 user defined, 11100
 * MISB defined (…000 below the minimum, …001 above the maximum), 10xxx
 * reserved. The scale factors are exact powers of two; 7- and 8-byte values
 * are exact to the 53 bits of a double.
 */

export type ImapbKind =
  | 'normal' | '+infinity' | '-infinity' | '+quiet-nan' | '-quiet-nan' | '+signal-nan' | '-signal-nan'
  | 'user-defined' | 'below-minimum' | 'above-maximum' | 'misb-defined' | 'reserved';

const TWO32 = 4294967296;

const SPECIAL_FIRST_BYTE: Readonly<Record<Exclude<ImapbKind, 'normal'>, number>> = {
  '+infinity': 0b11001000, '-infinity': 0b11101000, '+quiet-nan': 0b11010000, '-quiet-nan': 0b11110000,
  '+signal-nan': 0b11011000, '-signal-nan': 0b11111000, 'user-defined': 0b11000000,
  'below-minimum': 0b11100000, 'above-maximum': 0b11100001, 'misb-defined': 0b11100010, reserved: 0b10001000,
};

export class Imapb {
  readonly a: number;
  readonly b: number;
  /** Bytes, 1..8. */
  readonly length: number;
  readonly sF: number;
  readonly sR: number;
  readonly zOffset: number;

  constructor(a: number, b: number, length: number) {
    if (!(Number.isFinite(a) && Number.isFinite(b) && a < b)) throw new RangeError(`IMAPB needs a < b, finite: got [${a}, ${b}]`);
    if (!(Number.isInteger(length) && length >= 1 && length <= 8)) throw new RangeError(`IMAPB length ${length} is not 1..8`);
    this.a = a;
    this.b = b;
    this.length = length;
    const bPow = Math.ceil(Math.log2(b - a));
    const dPow = 8 * length - 1;
    this.sF = 2 ** (dPow - bPow);
    this.sR = 2 ** (bPow - dPow);
    this.zOffset = a < 0 && b > 0 ? this.sF * a - Math.floor(this.sF * a) : 0;
  }

  /** The value at `at` (`length` bytes): ±Infinity and NaN for the special values (imapbKind says which). */
  decode(bytes: Uint8Array, at: number): number {
    const n = this.length;
    const b0 = bytes[at]!;
    if (b0 >= 0x80 && !(b0 === 0x80 && restZero(bytes, at, n))) {
      const top = b0 >>> 3;
      if (top === 0b11001) return Infinity;
      if (top === 0b11101) return -Infinity;
      return NaN;
    }
    let y: number;
    if (n <= 6) {
      y = 0;
      for (let i = 0; i < n; i++) y = y * 256 + bytes[at + i]!;
    } else {
      let hi = 0;
      for (let i = 0; i < n - 4; i++) hi = hi * 256 + bytes[at + i]!;
      const lo = ((bytes[at + n - 4]! << 24) | (bytes[at + n - 3]! << 16) | (bytes[at + n - 2]! << 8) | bytes[at + n - 1]!) >>> 0;
      y = hi * TWO32 + lo;
    }
    return this.sR * (y - this.zOffset) + this.a;
  }

  /**
   * Writes `x` at `out[at..at+length)`. ±Infinity and NaN become their
   * special values (NaN as a positive quiet NaN); values outside [a, b] the
   * MISB-defined "below minimum" / "above maximum" patterns.
   */
  encode(x: number, out: Uint8Array, at: number): void {
    const n = this.length;
    out.fill(0, at, at + n);
    if (Number.isNaN(x)) out[at] = 0b11010000;
    else if (x === Infinity) out[at] = 0b11001000;
    else if (x === -Infinity) out[at] = 0b11101000;
    else if (x < this.a) out[at] = 0b11100000;
    else if (x > this.b) out[at] = 0b11100001;
    else {
      let y = Math.floor(this.sF * (x - this.a) + this.zOffset);
      if (n <= 6) {
        for (let i = n - 1; i >= 0; i--) {
          out[at + i] = y % 256;
          y = Math.floor(y / 256);
        }
      } else {
        // y < 2^63 is a whole double: its division by 2^32 is exact.
        let hi = Math.floor(y / TWO32);
        const lo = y - hi * TWO32;
        out[at + n - 1] = lo & 0xff;
        out[at + n - 2] = (lo >>> 8) & 0xff;
        out[at + n - 3] = (lo >>> 16) & 0xff;
        out[at + n - 4] = (lo >>> 24) & 0xff;
        for (let i = n - 5; i >= 0; i--) {
          out[at + i] = hi % 256;
          hi = Math.floor(hi / 256);
        }
      }
    }
  }

  /**
   * The bit pattern of a special value (JavaScript cannot carry a NaN's
   * sign or kind in a number: use this for −NaN, signalling NaN and the
   * MISB-defined and reserved patterns). Throws for 'normal'.
   */
  special(kind: Exclude<ImapbKind, 'normal'>): Uint8Array {
    const out = new Uint8Array(this.length);
    out[0] = SPECIAL_FIRST_BYTE[kind];
    return out;
  }

  /** `x` in a new array of `length` bytes. */
  bytesOf(x: number): Uint8Array {
    const out = new Uint8Array(this.length);
    this.encode(x, out, 0);
    return out;
  }

  /** The step between adjacent encoded values (the mapping's resolution). */
  get resolution(): number {
    return this.sR;
  }
}

function restZero(bytes: Uint8Array, at: number, n: number): boolean {
  for (let i = 1; i < n; i++) if (bytes[at + i] !== 0) return false;
  return true;
}

/** Which kind of value the `n` bytes at `at` hold. */
export function imapbKind(bytes: Uint8Array, at: number, n: number): ImapbKind {
  const b0 = bytes[at]!;
  if (b0 < 0x80 || (b0 === 0x80 && restZero(bytes, at, n))) return 'normal';
  switch (b0 >>> 3) {
    case 0b11001: return '+infinity';
    case 0b11101: return '-infinity';
    case 0b11010: return '+quiet-nan';
    case 0b11110: return '-quiet-nan';
    case 0b11011: return '+signal-nan';
    case 0b11111: return '-signal-nan';
    case 0b11000: return 'user-defined';
    case 0b11100: {
      if (!restZero(bytes, at, n)) return 'misb-defined';
      const low = b0 & 0b111;
      return low === 0 ? 'below-minimum' : low === 1 ? 'above-maximum' : 'misb-defined';
    }
    default: return 'reserved';
  }
}

/** One mapping per length 1..maxLength, built once per item definition. */
export function imapbByLength(a: number, b: number, maxLength: number): readonly Imapb[] {
  const out: Imapb[] = [];
  for (let n = 1; n <= maxLength; n++) out.push(new Imapb(a, b, n));
  return out;
}
