/**
 * sacreBLEU's default tokeniser, "13a": the tokenisation of NIST's
 * mteval-v13a.pl as sacreBLEU 2.x implements it (Post 2018, "A Call for
 * Clarity in Reporting BLEU Scores", WMT; sacrebleu/tokenizers/
 * tokenizer_13a.py and tokenizer_re.py).
 *
 * Language-independent part: drop `<skipped>`, join hyphenated line ends,
 * turn newlines into spaces, unescape four SGML entities (in this order, so
 * `&amp;lt;` becomes `<` as in sacreBLEU). Language-dependent part, on the
 * line padded with a space each side, four substitutions applied in turn,
 * each left to right without overlap (JavaScript's global replace has the
 * same semantics as Python's `re.sub`):
 *  1. every ASCII punctuation mark except `'`, `,`, `-`, `.` gets spaces
 *     around it: the class `[{-~[-\` -&(-+:-@/]`;
 *  2. `.` and `,` not preceded by an ASCII digit are split off;
 *  3. `.` and `,` not followed by an ASCII digit are split off;
 *  4. `-` preceded by an ASCII digit is split off.
 * Tokens are then the whitespace-separated pieces (Python's `split()`).
 */
import { pySplit } from './python-split.js';

const PUNCTUATION = /([\u007B-\u007E\u005B-\u0060\u0020-\u0026\u0028-\u002B\u003A-\u0040\u002F])/g;
const PERIOD_COMMA_AFTER_NON_DIGIT = /([^0-9])([.,])/g;
const PERIOD_COMMA_BEFORE_NON_DIGIT = /([.,])([^0-9])/g;
const DASH_AFTER_DIGIT = /([0-9])(-)/g;

/** The 13a tokens of one line (no lowercasing: sacreBLEU's default is cased). */
export function tokenize13a(line: string): string[] {
  let s = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (s.includes('&')) {
    s = s.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  }
  s = ` ${s} `;
  s = s.replace(PUNCTUATION, ' $1 ');
  s = s.replace(PERIOD_COMMA_AFTER_NON_DIGIT, '$1 $2 ');
  s = s.replace(PERIOD_COMMA_BEFORE_NON_DIGIT, ' $1 $2');
  s = s.replace(DASH_AFTER_DIGIT, '$1 $2 ');
  return pySplit(s);
}
