/**
 * The paragraphs of a Word document (.docx, ECMA-376 / ISO/IEC 29500
 * WordprocessingML), as plain text: the zip is opened with fflate and only
 * `word/document.xml` is inflated; its `w:p` paragraphs are read in
 * document order (body, tables, text boxes), each the text of its `w:t`
 * runs with `w:tab` as a tab and `w:br`/`w:cr` as a line break. Formatting,
 * headers, footers, footnotes, comments and deleted text (`w:delText`) are
 * not read. In `mc:AlternateContent` only the `mc:Choice` is read: the
 * `mc:Fallback` repeats the same text box for older readers.
 *
 * The XML is read by a small scanner, not a general parser: Word writes
 * no DOCTYPE, and one is refused (no entity expansion is ever done beyond
 * the five predefined entities and character references). A paragraph
 * nested in a text box is emitted when it closes, before the paragraph
 * that holds it.
 */
import { NarizError } from '@nariz/core';
import { unzipSync, type UnzipFileInfo } from 'fflate';

const DOCUMENT_XML = 'word/document.xml';
const WORDML = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** word/document.xml larger than this when inflated is refused (a zip bomb, or no document a person translates). */
export const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;

/** The entries of other zip-based formats, to name what was uploaded instead. */
const LOOKALIKES: ReadonlyArray<readonly [string, string]> = [
  ['xl/workbook.xml', 'an Excel workbook (.xlsx)'],
  ['ppt/presentation.xml', 'a PowerPoint presentation (.pptx)'],
  ['content.xml', 'an OpenDocument file (.odt/.ods); save it as .docx or PDF'],
];

function unzipDocumentXml(bytes: Uint8Array, name: string): Uint8Array {
  const seen: UnzipFileInfo[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        seen.push(f);
        return f.name === DOCUMENT_XML && f.originalSize <= MAX_DOCUMENT_XML_BYTES;
      },
    });
  } catch (err) {
    throw new NarizError('NARIZ_DOCUMENT', `${name} is not a readable docx: the zip archive is damaged (${err instanceof Error ? err.message : String(err)})`);
  }
  const entry = seen.find((f) => f.name === DOCUMENT_XML);
  if (entry === undefined) {
    const like = LOOKALIKES.find(([n]) => seen.some((f) => f.name === n));
    throw new NarizError('NARIZ_DOCUMENT', `${name} is not a Word document: the zip has no ${DOCUMENT_XML}${like === undefined ? '' : ` (it looks like ${like[1]})`}`);
  }
  if (entry.originalSize > MAX_DOCUMENT_XML_BYTES) {
    throw new NarizError('NARIZ_DOCUMENT', `${name}: ${DOCUMENT_XML} inflates to ${entry.originalSize} bytes, more than the ${MAX_DOCUMENT_XML_BYTES} read`);
  }
  return files[DOCUMENT_XML] as Uint8Array;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string, bad: (what: string) => never): string {
  return s.replace(/&([^;&<]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) bad(`a bare "&" (${whole.slice(0, 12)})`);
    const named = ENTITIES[body];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(body);
    const cp = m === null ? NaN : m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    if (!Number.isInteger(cp) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) bad(`an unknown entity "&${body};"`);
    return String.fromCodePoint(cp);
  });
}

/** One tag or one run of text between tags. */
const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/y;
const ATTR = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The paragraphs of word/document.xml's text, in document order (blank ones dropped). */
export function paragraphsOfDocumentXml(xml: string, name: string): string[] {
  const bad = (what: string, at?: number): never => {
    throw new NarizError('NARIZ_DOCUMENT', `${name}: ${DOCUMENT_XML} is not well-formed XML: ${what}${at === undefined ? '' : ` at character ${at + 1}`}`);
  };
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096))) bad('it has a DOCTYPE, which Word never writes');
  const stack: string[] = [];
  /** The open paragraphs, innermost last: their text so far and how many runs (`w:r`) are open in each. */
  const paragraphs: { parts: string[]; runs: number }[] = [];
  const out: string[] = [];
  let w = 'w';
  let mc = 'mc';
  let rootSeen = false;
  let inText = 0;
  let skip = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(xml);
    if (m === null) bad(`a "<" that opens no tag (${JSON.stringify(xml.slice(at, at + 20))})`, at);
    const t = m as RegExpExecArray;
    const text = t[6] ?? t[5];
    if (text !== undefined) {
      if (inText > 0 && skip === 0 && paragraphs.length > 0) paragraphs[paragraphs.length - 1]!.parts.push(t[6] !== undefined ? decodeEntities(text, (x) => bad(x, at)) : text);
      continue;
    }
    const tag = t[2];
    if (tag === undefined) continue; // processing instruction or comment
    const closing = t[1] === '/';
    const selfClosing = t[4] === '/';
    if (!rootSeen) {
      rootSeen = true;
      // The prefixes bound to WordprocessingML and markup compatibility on the root (Word writes w: and mc:).
      for (const a of (t[3] ?? '').matchAll(ATTR)) {
        const v = a[2] ?? a[3];
        const pfx = /^xmlns:(.+)$/.exec(a[1] as string)?.[1];
        if (pfx !== undefined && v === WORDML) w = pfx;
        if (pfx !== undefined && v === MC) mc = pfx;
      }
      if (tag !== `${w}:document`) bad(`the root element is <${tag}>, not <${w}:document>`, at);
    }
    if (closing) {
      const open = stack.pop();
      if (open !== tag) bad(`</${tag}> closes ${open === undefined ? 'nothing' : `<${open}>`}`, at);
    } else if (!selfClosing) stack.push(tag);
    const enter = !closing;
    const leave = closing || selfClosing;
    if (tag === `${mc}:Fallback`) {
      if (enter) skip++;
      if (leave) skip--;
    } else if (tag === `${w}:p`) {
      if (enter) paragraphs.push({ parts: [], runs: 0 });
      if (leave) {
        const p = paragraphs.pop()!.parts.join('');
        if (skip === 0 && p.trim() !== '') out.push(p.replace(/[ \t]+$/gmu, ''));
      }
    } else if (tag === `${w}:t`) {
      if (enter) inText++;
      if (leave) inText--;
    } else if (tag === `${w}:r`) {
      const cur = paragraphs[paragraphs.length - 1];
      if (cur !== undefined && enter) cur.runs++;
      if (cur !== undefined && leave) cur.runs--;
    } else if (enter && skip === 0 && (paragraphs[paragraphs.length - 1]?.runs ?? 0) > 0) {
      // Only inside a run: a w:tab in the paragraph's properties (w:pPr/w:tabs) is a tab stop, not a tab.
      const cur = paragraphs[paragraphs.length - 1]!.parts;
      if (tag === `${w}:tab`) cur.push('\t');
      else if (tag === `${w}:br` || tag === `${w}:cr`) cur.push('\n');
      else if (tag === `${w}:noBreakHyphen`) cur.push('-');
    }
  }
  if (!rootSeen) bad('there is no root element');
  if (stack.length > 0) bad(`<${stack[stack.length - 1]}> is never closed`);
  return out;
}

export function readDocx(bytes: Uint8Array, name: string): string[] {
  const xml = unzipDocumentXml(bytes, name);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(xml);
  } catch {
    throw new NarizError('NARIZ_DOCUMENT', `${name}: ${DOCUMENT_XML} is not UTF-8`);
  }
  return paragraphsOfDocumentXml(text, name);
}
