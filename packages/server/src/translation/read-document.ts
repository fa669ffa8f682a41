/**
 * An uploaded document into paragraphs (document-text.ts). The format is
 * told by the bytes, not by the name or the Content-Type a browser guessed:
 * `%PDF-` is a PDF, a zip (`PK\x03\x04`) a docx, anything else must decode
 * as text. A name ending in .pdf or .docx must hold that format, so a
 * mislabelled file is named as such instead of being read as text; the
 * formats we do not read are recognised to say what to do instead.
 */
import { NarizError } from '@nariz/core';
import { readDocx } from './docx-text.js';
import type { DocumentSegment, DocumentText } from './document-text.js';
import { splitParagraphs } from './paragraphs.js';
import { readPdfText } from './pdf-text.js';
import { decodeText } from './plain-text.js';

export interface ReadDocumentOptions {
  readonly pdftotext?: string;
  /** Refused (NARIZ_TOO_LARGE) past this many characters of text. */
  readonly maxChars: number;
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** PDF readers accept the header anywhere in the first 1,024 bytes (ISO 32000-1 annex H.3). */
function isPdf(b: Uint8Array): boolean {
  const sig = ascii('%PDF-');
  for (let i = 0; i <= Math.min(1024, b.length - sig.length); i++) if (startsWith(b, sig, i)) return true;
  return false;
}
const isZip = (b: Uint8Array): boolean => startsWith(b, [0x50, 0x4b, 0x03, 0x04]);
/** OLE compound file: Word 97-2003 .doc, and also an Office file encrypted with a password. */
const isOle = (b: Uint8Array): boolean => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const isRtf = (b: Uint8Array): boolean => startsWith(b, ascii('{\\rtf'));

export async function readDocument(bytes: Uint8Array, name: string, o: ReadDocumentOptions): Promise<DocumentText> {
  if (bytes.length === 0) throw new NarizError('NARIZ_DOCUMENT', `${name} is empty`);
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();
  if (isOle(bytes)) throw new NarizError('NARIZ_DOCUMENT', `${name} is a Word 97-2003 document (.doc) or a password-protected Office file, which are not read: save it as .docx without a password, or as PDF`);
  if (isRtf(bytes)) throw new NarizError('NARIZ_DOCUMENT', `${name} is RTF, which is not read: save it as .docx, PDF or plain text`);
  if (ext === 'pdf' && !isPdf(bytes)) throw new NarizError('NARIZ_DOCUMENT', `${name} is not a PDF: it does not start with "%PDF-"`);
  if (ext === 'docx' && !isZip(bytes)) throw new NarizError('NARIZ_DOCUMENT', `${name} is not a docx: a docx is a zip archive, and this file does not start like one`);
  if (ext === 'doc') throw new NarizError('NARIZ_DOCUMENT', `${name}: .doc files are not read; save it as .docx or PDF`);
  let doc: DocumentText;
  if (isPdf(bytes)) {
    const { pages } = await readPdfText(bytes, name, { ...(o.pdftotext !== undefined ? { pdftotext: o.pdftotext } : {}), maxChars: o.maxChars });
    const segments: DocumentSegment[] = pages.flatMap((p, i) => splitParagraphs(p).map((text) => ({ text, page: i + 1 })));
    doc = { format: 'pdf', pages: pages.length, segments };
  } else if (isZip(bytes)) {
    doc = { format: 'docx', segments: readDocx(bytes, name).map((text) => ({ text })) };
  } else {
    const { text, encoding } = decodeText(bytes, name);
    doc = { format: 'txt', encoding, segments: splitParagraphs(text).map((t) => ({ text: t })) };
  }
  if (doc.segments.length === 0) throw new NarizError('NARIZ_DOCUMENT', `${name} (${doc.format}) has no text to translate`);
  const chars = doc.segments.reduce((n, s) => n + s.text.length, 0);
  if (chars > o.maxChars) throw new NarizError('NARIZ_TOO_LARGE', `${name} holds ${chars} characters of text, more than the ${o.maxChars} translated at once; upload a part of it`);
  return doc;
}
