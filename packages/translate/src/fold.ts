/**
 * Accent- and case-insensitive matching with a way back to the original
 * text: `fold("Halcón")` is "halcon", and `toOriginal` maps every folded
 * offset to the original UTF-16 offset it came from, so a match found in
 * the folded text is reported on the text the analyst wrote.
 *
 * Folding: NFD, drop combining marks (U+0300–U+036F: á → a, ñ → n,
 * ü → u), lowercase. The map has one more entry than the folded text (its
 * end), so a half-open folded range [s, e) maps to [toOriginal[s],
 * toOriginal[e]).
 */
export interface FoldedText {
  readonly folded: string;
  readonly toOriginal: Int32Array;
}

const COMBINING = /[\u0300-\u036f]/g;

/** The folded form of one string, without the offset map (for list entries). */
export function foldString(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').toLowerCase();
}

export function fold(text: string): FoldedText {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    const f = foldString(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(text.length);
  return { folded, toOriginal: Int32Array.from(map) };
}

/** A letter or digit in any script (word character for boundaries). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{M}\p{N}]/u.test(ch);
}

/** True when [start, end) of `s` is not glued to a word character on either side. */
export function atWordBoundaries(s: string, start: number, end: number): boolean {
  return !isWordChar(s[start - 1]) && !isWordChar(s[end]) && start < end;
}
