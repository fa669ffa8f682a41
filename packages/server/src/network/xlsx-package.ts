/**
 * The container check of an XLSX import, before any spreadsheet code sees
 * the bytes: the file must be a ZIP (an OLE compound file is an encrypted
 * workbook, or a legacy .xls), unencrypted, holding an Excel workbook
 * (`[Content_Types].xml` and `xl/workbook.xml`; a Word or PowerPoint file
 * is named as such), without ZIP64, and its entries must inflate to at
 * most `maxInflatedBytes` in all. The inflated size is measured by
 * inflating each entry with a cap (node:zlib's maxOutputLength), not taken
 * from the sizes the archive declares, so a zip bomb costs at most the cap.
 * Every refusal is NARIZ_IMPORT_FILE (400) with the reason.
 *
 * The ZIP structures read (PKWARE APPNOTE 6.3): the end of central
 * directory record, the central directory's file headers (name, flags,
 * method, sizes, local header offset) and each local header (to find the
 * data).
 */
import { inflateRawSync } from 'node:zlib';
import { NarizError } from '@nariz/core';

export interface XlsxPackageLimits {
  /** The entries' inflated sizes summed, at most (bytes). */
  readonly maxInflatedBytes: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const refuse = (message: string): NarizError => new NarizError('NARIZ_IMPORT_FILE', message);

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** Whether the UTF-16LE form of `name` occurs in the bytes (a directory entry of an OLE compound file). */
function holdsUtf16(b: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(needle);
}

interface Entry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

function centralDirectory(b: Uint8Array): Entry[] {
  // The end record is in the last 22 + 65,535 bytes (its comment is at most that long).
  let end = -1;
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (u32(b, at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw refuse('the file is not a complete ZIP archive, so not an .xlsx workbook (is it truncated?)');
  const count = u16(b, end + 10);
  const size = u32(b, end + 12);
  const offset = u32(b, end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw refuse('ZIP64 archives are not read: the workbook is too large for an import');
  if (offset + size > b.length) throw refuse('the ZIP archive is damaged: its central directory lies outside the file');
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32(b, at) !== CENTRAL) throw refuse('the ZIP archive is damaged: a central directory entry is missing');
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    entries.push({
      flags: u16(b, at + 8), method: u16(b, at + 10), compressedSize: u32(b, at + 20), localOffset: u32(b, at + 42),
      name: new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Throws NARIZ_IMPORT_FILE unless the bytes are an unencrypted Excel workbook within the limits. */
export function checkXlsxPackage(b: Uint8Array, limits: XlsxPackageLimits): void {
  if (b.length >= 8 && OLE_MAGIC.every((x, i) => b[i] === x)) {
    if (holdsUtf16(b, 'EncryptedPackage') || holdsUtf16(b, 'EncryptionInfo')) {
      throw refuse('the workbook is encrypted (password-protected): remove the password in the spreadsheet program, save it as .xlsx and import that');
    }
    throw refuse('this is an OLE compound file (a legacy Excel 97–2003 .xls, or another Office file), not an .xlsx workbook: save it as .xlsx or CSV UTF-8');
  }
  if (b.length < 4 || u32(b, 0) !== LOCAL) throw refuse('the file is not an .xlsx workbook (an .xlsx is a ZIP archive, and this one does not start like one)');
  const entries = centralDirectory(b);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml') || !names.has('[Content_Types].xml')) {
    const what = names.has('word/document.xml') ? 'a Word document (.docx)' : names.has('ppt/presentation.xml') ? 'a PowerPoint presentation (.pptx)'
      : names.has('content.xml') && names.has('mimetype') ? 'an OpenDocument file (save it as .xlsx)' : 'a ZIP archive without an Excel workbook in it';
    throw refuse(`the file is ${what}, not an .xlsx workbook (it has no xl/workbook.xml)`);
  }
  if (entries.some((e) => (e.flags & 1) !== 0)) throw refuse('the workbook is encrypted (its ZIP entries are): remove the password, save it as .xlsx and import that');
  let inflated = 0;
  for (const e of entries) {
    if (e.localOffset + 30 > b.length || u32(b, e.localOffset) !== LOCAL) throw refuse(`the ZIP archive is damaged: the entry ${e.name} is missing`);
    const start = e.localOffset + 30 + u16(b, e.localOffset + 26) + u16(b, e.localOffset + 28);
    if (start + e.compressedSize > b.length) throw refuse(`the ZIP archive is damaged: the entry ${e.name} runs past the end of the file`);
    const data = b.subarray(start, start + e.compressedSize);
    const room = limits.maxInflatedBytes - inflated;
    if (e.method === 0) {
      inflated += data.length;
    } else if (e.method === 8) {
      try {
        inflated += inflateRawSync(data, { maxOutputLength: Math.max(1, room + 1) }).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) inflated = limits.maxInflatedBytes + 1;
        else throw refuse(`the ZIP archive is damaged: the entry ${e.name} does not inflate (${(err as Error).message})`);
      }
    } else {
      throw refuse(`the ZIP entry ${e.name} uses compression method ${e.method}; an .xlsx uses deflate or none`);
    }
    if (inflated > limits.maxInflatedBytes) {
      throw refuse(`the workbook inflates to more than ${Math.round(limits.maxInflatedBytes / 2 ** 20)} MiB, the most an import reads: split it, or save the sheet as CSV UTF-8`);
    }
  }
}
