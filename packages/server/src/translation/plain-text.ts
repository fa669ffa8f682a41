/**
 * A txt upload's bytes as text. UTF-8 first (a byte-order mark is
 * dropped), UTF-16 when the file starts with its byte-order mark (what
 * Windows Notepad calls "Unicode"); bytes that are not valid UTF-8 are read
 * as windows-1252, the superset of Latin-1 (ISO 8859-1) that Windows and
 * older Spanish-language software write, and the reply says so. Control
 * characters other than tab, line and page breaks mean the file is not
 * text (a binary or a format we do not read), which is refused rather than
 * translated as garbage.
 */
import { NarizError } from '@nariz/core';

export interface DecodedText {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/u;

/**
 * windows-1252's 0x80-0x9F (WHATWG Encoding, index-windows-1252); the rest
 * is Latin-1. Written out because Node's TextDecoder('windows-1252')
 * decodes as ISO 8859-1 (0x93 stays U+0093, not a left quotation mark).
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b)));
  }
  return out;
}

export function decodeText(bytes: Uint8Array, name: string): DecodedText {
  let decoded: DecodedText;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  else {
    try {
      // ignoreBOM false (the default) drops a UTF-8 byte-order mark.
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
    }
  }
  // A DOS end-of-file mark (Ctrl-Z) at the very end is not content.
  const text = decoded.text.replace(/\u001a$/u, '');
  const bad = CONTROL.exec(text);
  if (bad !== null) {
    const code = bad[0].charCodeAt(0).toString(16).padStart(2, '0');
    throw new NarizError('NARIZ_DOCUMENT', `${name} is not a text file: it holds the control byte 0x${code} at character ${bad.index + 1} (upload txt, docx or PDF)`);
  }
  return { text, encoding: decoded.encoding };
}
