/**
 * A growable byte buffer for the encoders: big-endian integers, BER
 * lengths and BER-OID integers. Capacity doubles as needed.
 */
import { berLengthSize } from './ber.js';

export class ByteWriter {
  private buf: Uint8Array;
  private pos = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  get length(): number {
    return this.pos;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.pos + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  u8(x: number): void {
    this.ensure(1);
    this.buf[this.pos++] = x;
  }

  bytes(src: ArrayLike<number>): void {
    this.ensure(src.length);
    this.buf.set(src, this.pos);
    this.pos += src.length;
  }

  /** `v` (a whole number, 0 ≤ v < 2^(8n)) in `n` bytes, big-endian. */
  uint(v: number, n: number): void {
    this.ensure(n);
    if (n <= 6) {
      let x = v;
      for (let i = n - 1; i >= 0; i--) {
        this.buf[this.pos + i] = x % 256;
        x = Math.floor(x / 256);
      }
      this.pos += n;
    } else this.big(BigInt(Math.round(v)), n);
  }

  /** `v` in two's complement in `n` bytes. */
  int(v: number, n: number): void {
    if (n <= 6) this.uint(v < 0 ? v + 2 ** (8 * n) : v, n);
    else this.big(BigInt(Math.round(v)), n);
  }

  /** The low `n` bytes of `x` (two's complement when negative), big-endian. */
  private big(x: bigint, n: number): void {
    this.ensure(n);
    let u = BigInt.asUintN(8 * n, x);
    for (let i = n - 1; i >= 0; i--) {
      this.buf[this.pos + i] = Number(u & 0xffn);
      u >>= 8n;
    }
    this.pos += n;
  }

  berLength(n: number): void {
    const size = berLengthSize(n);
    if (size === 1) return this.u8(n);
    this.u8(0x80 | (size - 1));
    this.uint(n, size - 1);
  }

  berOid(n: number): void {
    const digits: number[] = [];
    let v = n;
    do {
      digits.push(v % 128);
      v = Math.floor(v / 128);
    } while (v > 0);
    for (let i = digits.length - 1; i >= 0; i--) this.u8(digits[i]! | (i > 0 ? 0x80 : 0));
  }

  /** A BER length, then the bytes. */
  lengthPrefixed(src: Uint8Array): void {
    this.berLength(src.length);
    this.bytes(src);
  }

  setU8(at: number, x: number): void {
    this.buf[at] = x;
  }

  /** The bytes written (a view; copy it before writing more). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  /** A copy of the bytes written. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}
