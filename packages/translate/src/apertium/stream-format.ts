/**
 * Plain text ↔ the Apertium stream format, done here instead of by
 * `apertium-destxt`/`apertium-retxt` so that one long-lived pipeline can
 * translate many segments, each ended by a NUL (null-flush mode, `-z`).
 *
 * Encoding (what `apertium-destxt` does, plus three characters it misses):
 * - `\ [ ] ^ $ / @ < > { }` are backslash-escaped;
 * - `*`, `#` and `~` go into a superblank (`[*]`): Apertium uses them as
 *   unknown-word and generation marks and as the post-generation trigger,
 *   and drops the escaping of `\*`, so a literal one would be taken for a
 *   mark or rewrite its neighbours (`del~el` → "thethe");
 * - whitespace other than a single space (newlines, tabs, runs) goes into a
 *   superblank, which the pipeline passes through verbatim;
 * - NUL, the segment separator, is dropped;
 * - the segment ends with `.[]`: a period so the last word is flushed as a
 *   sentence end (without it "a. C." loses its final period), and an empty
 *   superblank that tells the decoder to remove that period again (the
 *   convention of destxt and retxt).
 *
 * Decoding: superblanks become their unescaped content, a period right
 * before an empty superblank is removed, `\x` becomes `x`, and an unescaped
 * `*`, `@` or `#` directly before a word is an engine mark: removed from the
 * text and returned as a span of the clean text.
 */
import type { MarkKind, TranslationMark } from '../engine.js';

const ESCAPED = new Set(['\\', '[', ']', '^', '$', '/', '@', '<', '>', '{', '}']);
const SUPERBLANKED = new Set(['*', '#', '~']);
const WHITESPACE_RUN = /\s+/y;
const MARKS: Readonly<Record<string, MarkKind>> = { '*': 'unknown', '@': 'transfer', '#': 'generation' };
/** Letters, combining marks and digits: what Apertium's analysers read as one unknown form (`*ZQX12ZQ`, `*Culiacán`). */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function escapeSuperblank(s: string): string {
  return s.replace(/[\\\]\[]/g, (c) => `\\${c}`);
}

/** One segment as an Apertium stream chunk, without the NUL. */
export function encodeSegment(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    WHITESPACE_RUN.lastIndex = i;
    const ws = WHITESPACE_RUN.exec(text);
    if (ws !== null) {
      const run = ws[0];
      out += run === ' ' ? ' ' : `[${escapeSuperblank(run)}]`;
      i += run.length;
      continue;
    }
    const c = text[i] as string;
    if (c === '\u0000') {
      // the separator; dropped
    } else if (ESCAPED.has(c)) {
      out += `\\${c}`;
    } else if (SUPERBLANKED.has(c)) {
      out += `[${c}]`;
    } else {
      out += c;
    }
    i++;
  }
  return `${out}.[]`;
}

export interface DecodedSegment {
  readonly text: string;
  readonly marks: TranslationMark[];
}

/** One chunk of pipeline output (without its NUL) as clean text and marks. */
export function decodeSegment(chunk: string): DecodedSegment {
  let text = '';
  const marks: TranslationMark[] = [];
  let i = 0;
  const n = chunk.length;
  while (i < n) {
    const c = chunk[i] as string;
    if (c === '\\' && i + 1 < n) {
      text += chunk[i + 1];
      i += 2;
    } else if (c === '[') {
      // A superblank (or a wordbound blank `[[...]]`, whose formatting we drop).
      const wordbound = chunk[i + 1] === '[';
      let j = wordbound ? i + 2 : i + 1;
      let content = '';
      while (j < n && chunk[j] !== ']') {
        if (chunk[j] === '\\' && j + 1 < n) {
          content += chunk[j + 1];
          j += 2;
        } else {
          content += chunk[j];
          j++;
        }
      }
      i = j + (wordbound ? 2 : 1);
      if (wordbound) continue;
      if (content === '' && text.endsWith('.')) text = text.slice(0, -1);
      text += content;
    } else if (c in MARKS && i + 1 < n && WORD_CHAR.test(chunk[i + 1] as string)) {
      let j = i + 1;
      while (j < n && WORD_CHAR.test(chunk[j] as string)) j++;
      const form = chunk.slice(i + 1, j);
      marks.push({ kind: MARKS[c] as MarkKind, start: text.length, end: text.length + form.length, form });
      text += form;
      i = j;
    } else {
      text += c;
      i++;
    }
  }
  return { text, marks };
}
