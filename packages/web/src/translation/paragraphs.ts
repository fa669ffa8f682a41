/**
 * Paragraphs of a text as ranges into it (UTF-16 offsets, end exclusive):
 * separated by one or more blank lines (lines holding only spaces or tabs
 * count as blank), each range trimmed of the blank lines around it but
 * keeping the line breaks inside. Offsets stay those of the whole text, so
 * spans given on it (entities, marks, glossary hits) need no shifting.
 */

export interface Range {
  readonly start: number;
  readonly end: number;
}

const BLANK_LINES = /\r?\n[ \t]*(?:\r?\n[ \t]*)+/g;

/** The paragraphs of `text`; an empty or blank text has none. */
export function splitParagraphs(text: string): Range[] {
  const out: Range[] = [];
  const push = (start: number, end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  let from = 0;
  for (const m of text.matchAll(BLANK_LINES)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}
