/**
 * What "Copy" and "Download" give: the translation alone (paragraphs
 * separated by blank lines), or a plain-text file that carries the caveat
 * in both languages, the engine and its version, the direction and the
 * source, then each paragraph's original and translation — a translation
 * never leaves the screen without its caveat and provenance.
 */
import type { Translation } from '../api/schema/translation.js';

export interface ExportLabels {
  readonly engine: string;
  readonly direction: string;
  readonly source: string;
  /** "pasted text", or the document's name and format. */
  readonly sourceValue: string;
  readonly original: string;
  readonly translation: string;
}

/** The translation alone, as a reader would paste it elsewhere. */
export function translationText(tr: Pick<Translation, 'segments'>): string {
  return tr.segments.map((s) => s.translation).join('\n\n');
}

/** The downloadable file: caveat, provenance, then every segment's original and translation. */
export function exportDocument(tr: Translation, labels: ExportLabels): string {
  const [from, to] = tr.direction.split('-');
  const lines = [
    tr.caveat.en,
    tr.caveat.es,
    '',
    `${labels.engine}: ${tr.engine.id} (${tr.engine.version})`,
    `${labels.direction}: ${tr.direction}`,
    `${labels.source}: ${labels.sourceValue}`,
  ];
  tr.segments.forEach((s, i) => {
    const n = tr.segments.length > 1 ? ` §${i + 1}` : '';
    lines.push('', `${labels.original}${n} (${from})`, s.source, '', `${labels.translation}${n} (${to})`, s.translation);
  });
  return `${lines.join('\n')}\n`;
}

/** "informe.en.txt" for a document, "translation-es-en.txt" for a pasted text. */
export function exportFileName(tr: Pick<Translation, 'direction' | 'document'>): string {
  const to = tr.direction.slice(3);
  if (tr.document === null) return `translation-${tr.direction}.txt`;
  const base = tr.document.name.replace(/\.[^.]*$/, '') || 'document';
  return `${base}.${to}.txt`;
}
