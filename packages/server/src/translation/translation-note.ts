/**
 * A translation saved as a lead's evidence: a `note` whose `ref` is
 * `nariz-translation/1` and whose text holds the original, the translation
 * and their provenance in this structure (docs/api.md, "Translation"):
 *
 *   nariz-translation/1
 *   <the caveat, English | Spanish>
 *   engine: apertium
 *   engine-version: apertium 3.8.3-1+b2; apertium-eng-spa 0.8.1-2
 *   direction: es-en
 *   translated-at: 2026-11-27T10:00:00.000Z
 *   translated-by: mruiz
 *   source: document "informe.docx" (docx)        or: pasted text
 *   segments: 2
 *   entities: 3 protected (curp, phone)           (fallback: §2 the engine dropped ZQX1ZQ)
 *   glossary: halcón → vigilante del grupo delictivo [cartel lookout] (replaced, unreviewed); …
 *   unknown-words: Chuy; tiendita
 *   <blank line>
 *   §1 original (es)
 *   > every line of the original, quoted
 *   §1 translation (en)
 *   > every line of the translation, quoted
 *   §2 original (es)
 *   …
 *
 * Header lines are `key: value` on one line each (`fallback`, `glossary`,
 * `unknown-words` only when there is something to say); every line of a
 * text is quoted with "> " (">" alone for an empty line), so no text
 * can forge a header or a section. The note is written by the server from
 * its own translation (the analyst sends the source, never the
 * translation), so the provenance is the server's.
 *
 * Translation notes stay with the task force: a release leaves them
 * behind (leads/release-package.ts) — they name the analyst, and a
 * translated document is working material, not a note for a partner.
 */
import type { EvidenceRecord } from '@nariz/store';
import type { ProtectedTranslation } from '@nariz/translate';
import { MACHINE_TRANSLATION_CAVEAT_LINE } from './caveat.js';

export const TRANSLATION_NOTE_FORMAT = 'nariz-translation/1';
/** The `ref` of a translation note. */
export const TRANSLATION_NOTE_REF = TRANSLATION_NOTE_FORMAT;

export function isTranslationNote(e: Pick<EvidenceRecord, 'kind' | 'ref'>): boolean {
  return e.kind === 'note' && e.ref === TRANSLATION_NOTE_REF;
}

export interface TranslationNoteInput {
  readonly engine: { readonly id: string; readonly version: string };
  readonly direction: 'es-en' | 'en-es';
  readonly at: string;
  readonly by: string;
  /** `pasted text`, or the document's name and format. */
  readonly source: { readonly kind: 'text' } | { readonly kind: 'document'; readonly name: string; readonly format: string };
  readonly segments: readonly ProtectedTranslation[];
}

/** One line, without control characters (a header value). */
const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/gu, ' ').trim();
const quote = (s: string): string => s.split('\n').map((l) => (l === '' ? '>' : `> ${l}`)).join('\n');

export function formatTranslationNote(n: TranslationNoteInput): string {
  const [from, to] = n.direction.split('-') as [string, string];
  const entities = n.segments.flatMap((s) => s.entities);
  const kinds = [...new Set(entities.map((e) => e.kind))];
  const fallbacks = n.segments.flatMap((s, i) => (s.protection === 'fallback' ? [`§${i + 1} ${oneLine(s.fallbackReason ?? '')}`] : []));
  const glossary = n.segments.flatMap((s) => s.glossary).map((h) => {
    const what = h.replacement === undefined ? oneLine(h.text) : `${oneLine(h.text)} → ${oneLine(h.replacement)}`;
    return `${what} [${oneLine(h.entry.gloss)}] (${h.applied}, ${h.reviewed ? 'reviewed' : 'unreviewed'})`;
  });
  const unknown = [...new Set(n.segments.flatMap((s) => s.marks.filter((m) => m.kind === 'unknown').map((m) => oneLine(m.form))))];
  const header = [
    TRANSLATION_NOTE_FORMAT,
    MACHINE_TRANSLATION_CAVEAT_LINE,
    `engine: ${oneLine(n.engine.id)}`,
    `engine-version: ${oneLine(n.engine.version)}`,
    `direction: ${n.direction}`,
    `translated-at: ${n.at}`,
    `translated-by: ${oneLine(n.by)}`,
    `source: ${n.source.kind === 'text' ? 'pasted text' : `document "${oneLine(n.source.name).replace(/"/g, "'")}" (${n.source.format})`}`,
    `segments: ${n.segments.length}`,
    `entities: ${entities.length} protected${kinds.length === 0 ? '' : ` (${kinds.join(', ')})`}`,
    ...(fallbacks.length > 0 ? [`fallback: ${fallbacks.join('; ')}`] : []),
    ...(glossary.length > 0 ? [`glossary: ${glossary.join('; ')}`] : []),
    ...(unknown.length > 0 ? [`unknown-words: ${unknown.join('; ')}`] : []),
  ];
  const body = n.segments.flatMap((s, i) => [`§${i + 1} original (${from})`, quote(s.source), `§${i + 1} translation (${to})`, quote(s.text)]);
  return `${header.join('\n')}\n\n${body.join('\n')}\n`;
}

export interface ParsedTranslationNote {
  readonly fields: Readonly<Record<string, string>>;
  readonly caveat: string;
  readonly segments: readonly { readonly original: string; readonly translation: string }[];
}

/** The note's parts, or undefined when the text is not a translation note of this format. */
export function parseTranslationNote(text: string): ParsedTranslationNote | undefined {
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines[0] !== TRANSLATION_NOTE_FORMAT || lines.length < 3) return undefined;
  const caveat = lines[1] as string;
  const fields: Record<string, string> = {};
  let i = 2;
  for (; i < lines.length && lines[i] !== ''; i++) {
    const m = /^([a-z-]+): (.*)$/.exec(lines[i] as string);
    if (m === null) return undefined;
    fields[m[1] as string] = m[2] as string;
  }
  const segments: { original: string; translation: string }[] = [];
  let current: string[] | undefined;
  let pair: { original: string[]; translation: string[] } | undefined;
  for (i++; i < lines.length; i++) {
    const l = lines[i] as string;
    const section = /^§(\d+) (original|translation) \([a-z]{2}\)$/.exec(l);
    if (section !== null) {
      if (section[2] === 'original') {
        if (pair !== undefined) segments.push({ original: pair.original.join('\n'), translation: pair.translation.join('\n') });
        pair = { original: [], translation: [] };
        current = pair.original;
      } else {
        if (pair === undefined) return undefined;
        current = pair.translation;
      }
      continue;
    }
    if (current === undefined || !(l === '>' || l.startsWith('> '))) return undefined;
    current.push(l === '>' ? '' : l.slice(2));
  }
  if (pair !== undefined) segments.push({ original: pair.original.join('\n'), translation: pair.translation.join('\n') });
  return { fields, caveat, segments };
}
