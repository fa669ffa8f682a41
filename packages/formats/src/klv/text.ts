/**
 * Text values. KLV strings are UTF-8 (ISO 646 in old encoders, a subset);
 * ST 0102 Object Country Codes are UTF-16 big-endian since ST 0102.11.
 * Short ASCII strings, nearly all of them, skip TextDecoder.
 */

const utf8 = new TextDecoder('utf-8');
const utf16be = new TextDecoder('utf-16be');
const encoder = new TextEncoder();

export function decodeUtf8(b: Uint8Array, start: number, end: number): string {
  if (end - start <= 64) {
    let ascii = true;
    for (let i = start; i < end; i++) if (b[i]! >= 0x80) { ascii = false; break; }
    if (ascii) return String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
  }
  return utf8.decode(b.subarray(start, end));
}

/** UTF-16: big-endian unless a byte-order mark says little-endian. */
export function decodeUtf16(b: Uint8Array, start: number, end: number): string {
  if (end - start >= 2 && b[start] === 0xff && b[start + 1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(start + 2, end));
  if (end - start >= 2 && b[start] === 0xfe && b[start + 1] === 0xff) return utf16be.decode(b.subarray(start + 2, end));
  return utf16be.decode(b.subarray(start, end));
}

/** Whether the bytes look like UTF-16BE text (every high byte zero, even length): ST 0102 before version 11 wrote UTF-8. */
export function looksUtf16(b: Uint8Array, start: number, end: number): boolean {
  if ((end - start) % 2 !== 0 || end === start) return false;
  if ((b[start] === 0xfe && b[start + 1] === 0xff) || (b[start] === 0xff && b[start + 1] === 0xfe)) return true;
  for (let i = start; i < end; i += 2) if (b[i] !== 0) return false;
  return true;
}

export function encodeUtf8(s: string): Uint8Array {
  return encoder.encode(s);
}

export function encodeUtf16be(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i] = c >>> 8;
    out[2 * i + 1] = c & 0xff;
  }
  return out;
}

const HEX2: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

/** Hex of bytes, upper case, no separators. */
export function hex(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  for (let i = start; i < end; i++) s += HEX2[b[i]!]!;
  return s;
}

/** Hex in groups of two bytes joined by '-' (the ST 1204 way of writing an identifier). */
export function hexGroups(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 2) s += (i > start ? '-' : '') + HEX2[b[i]!]! + HEX2[b[i + 1] ?? 0]!;
  return s;
}

/** Bytes of a hex string (separators `-`, `:` and spaces ignored); undefined when it is not hex. */
export function unhex(s: string): Uint8Array | undefined {
  const t = s.replace(/[-:\s]/g, '');
  if (t.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(t)) return undefined;
  const out = new Uint8Array(t.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(t.slice(2 * i, 2 * i + 2), 16);
  return out;
}
