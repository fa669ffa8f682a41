/**
 * Documents for the translation tests, made here rather than stored as
 * opaque files: a minimal valid docx (the three parts Word needs, zipped
 * with fflate) and a minimal PDF with a real text layer (Helvetica with
 * WinAnsiEncoding, so "é" is one byte; the xref offsets computed), or with
 * no text at all (a drawn rectangle: what a scan looks like to pdftotext).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

export const WORDML_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A docx whose word/document.xml has this body (WordprocessingML inside <w:body>). */
export function docxWithBody(body: string, extra: Zippable = {}): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${WORDML_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(RELS), 'word/document.xml': strToU8(xml), ...extra });
}

/** A zip that is not a Word document: no word/document.xml. */
export function zipWithoutDocument(): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'xl/workbook.xml': strToU8('<workbook/>') });
}

const pdfString = (s: string): string => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** A PDF of pages of paragraphs (each paragraph's lines 14 pt apart, paragraphs 40 pt apart), or drawn pages without text. */
export function minimalPdf(pages: ReadonlyArray<ReadonlyArray<readonly string[]>> | 'no-text'): Buffer {
  const pageContents = pages === 'no-text'
    ? ['0.2 0.2 0.2 rg 72 400 300 200 re f']
    : pages.map((paragraphs) => {
        const ops: string[] = ['BT', '/F1 12 Tf', '14 TL', '72 720 Td'];
        paragraphs.forEach((lines, k) => {
          if (k > 0) ops.push('0 -40 Td');
          lines.forEach((line, j) => ops.push(`${j > 0 ? 'T* ' : ''}${pdfString(line)} Tj`));
        });
        ops.push('ET');
        return ops.join('\n');
      });
  const n = pageContents.length;
  // Objects: 1 catalog, 2 pages, 3 font, then per page: its page object and its content stream.
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageContents.map((_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${n} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pageContents.forEach((c, i) => {
    objects[4 + 2 * i] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`;
    objects[5 + 2 * i] = `<< /Length ${Buffer.byteLength(c, 'latin1')} >>\nstream\n${c}\nendstream`;
  });
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let i = 1; i < objects.length; i++) {
    offsets[i] = Buffer.byteLength(out, 'latin1');
    out += `${i} 0 obj\n${objects[i]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let i = 1; i < objects.length; i++) out += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
