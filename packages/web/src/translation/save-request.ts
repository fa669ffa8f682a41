/**
 * The body of POST /api/leads/:id/translations for what is on screen: the
 * pasted text, or the document's paragraphs with its name and format,
 * with the direction the server used and the same options (case names,
 * glossary on or off, the engine if one was chosen). The server translates
 * again itself, so the note's provenance is its own. A note holds at most
 * 40,000 characters of source text (the server's limit, said here before
 * sending).
 */
import type { Marking } from '../api/schema/marking.js';
import { markingJson } from '../api/schema/marking.js';
import type { Translation } from '../api/schema/translation.js';
import type { EngineId } from './translate-request.js';

/** The server's MAX_NOTE_SOURCE_CHARS. */
export const MAX_NOTE_SOURCE_CHARS = 40_000;

export interface TranslateOptions {
  /** Case names to keep as written. */
  readonly entities: readonly string[];
  /** Apply the slang glossary (Spanish sources). */
  readonly glossary: boolean;
  /** The engine asked for; undefined: the server's default for the direction. */
  readonly engine?: EngineId;
}

export type SaveBody =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly tooLong: { readonly chars: number; readonly max: number } };

export function sourceChars(tr: Pick<Translation, 'segments'>): number {
  return tr.segments.reduce((n, s) => n + (s.source.trim() === '' ? 0 : s.source.length), 0);
}

export function saveRequestBody(tr: Translation, o: TranslateOptions, marking: Marking): SaveBody {
  const chars = sourceChars(tr);
  if (chars > MAX_NOTE_SOURCE_CHARS) return { ok: false, tooLong: { chars, max: MAX_NOTE_SOURCE_CHARS } };
  const common = {
    direction: tr.direction,
    glossary: o.glossary,
    ...(o.engine === undefined ? {} : { engine: o.engine }),
    ...(o.entities.length > 0 ? { protect: { entities: [...o.entities] } } : {}),
    marking: markingJson(marking),
  };
  const body =
    tr.document === null
      ? { text: tr.segments.map((s) => s.source).join('\n\n'), ...common }
      : { segments: tr.segments.map((s) => s.source), document: { name: tr.document.name, format: tr.document.format }, ...common };
  return { ok: true, body };
}

/** Case names typed one per line (or separated by ";"): trimmed, blanks and repeats dropped. */
export function parseCaseNames(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[;\n]/)) {
    const n = raw.trim();
    if (n !== '' && !out.includes(n)) out.push(n);
  }
  return out;
}
