/**
 * Placeholders that carry protected spans through an engine, and their
 * restoration.
 *
 * Shape: `ZQX0ZQ`, `ZQX1ZQ`… — capital letters no Spanish or English word
 * has, around a decimal index. Tested through Apertium both ways
 * (test/placeholders.test.ts): the analyser reads each as one unknown word
 * and passes it through verbatim in any position (sentence start, after
 * "a"/"to", before punctuation, in quotes and parentheses, joined by
 * hyphens), where XML-like tags would need html mode and are moved around
 * by transfer rules. If the text already contains the prefix, another one
 * is chosen, so a placeholder can never be confused with the text.
 *
 * Restoration is exact: every placeholder must appear exactly once in the
 * output (case-insensitively, since a neural engine may recase it).
 * Otherwise the restoration reports what went wrong and the caller falls
 * back to translating around the entities.
 */
const PREFIXES = ['ZQX', 'ZQW', 'ZQV', 'QZX', 'XQZ', 'ZXQ', 'QXZ', 'WQZ', 'VQZ', 'ZWQ'];
const SUFFIX = 'ZQ';

export interface PlaceholderScheme {
  readonly prefix: string;
  /** Matches any placeholder of this scheme, capturing its index. */
  readonly pattern: RegExp;
}

/** A scheme whose placeholders do not occur in any of the texts (case-insensitively). */
export function choosePlaceholderScheme(texts: readonly string[]): PlaceholderScheme {
  for (const prefix of PREFIXES) {
    const pattern = new RegExp(`${prefix}\\s?(\\d+)\\s?${SUFFIX}`, 'gi');
    if (!texts.some((t) => new RegExp(`${prefix}\\s?\\d`, 'i').test(t))) return { prefix, pattern };
  }
  // Ten prefixes all present in the input is adversarial; a long random-looking one will do.
  const prefix = `ZQ${PREFIXES.join('').slice(0, 6)}`;
  return { prefix, pattern: new RegExp(`${prefix}\\s?(\\d+)\\s?${SUFFIX}`, 'gi') };
}

export function placeholder(scheme: PlaceholderScheme, index: number): string {
  return `${scheme.prefix}${index}${SUFFIX}`;
}

export type RestoreOutcome =
  | { readonly ok: true; readonly text: string; readonly edits: readonly RestoreEdit[] }
  | { readonly ok: false; readonly missing: readonly number[]; readonly duplicated: readonly number[]; readonly foreign: readonly number[] };

/** One replaced placeholder: [start, end) in the engine's output became `length` characters. */
export interface RestoreEdit {
  readonly start: number;
  readonly end: number;
  readonly length: number;
}

/** Puts `originals[i]` where placeholder i is, if every placeholder occurs exactly once and no other index does. */
export function restorePlaceholders(output: string, scheme: PlaceholderScheme, originals: readonly string[]): RestoreOutcome {
  const seen = new Array<number>(originals.length).fill(0);
  const foreign: number[] = [];
  const hits: { start: number; end: number; index: number }[] = [];
  scheme.pattern.lastIndex = 0;
  for (let m = scheme.pattern.exec(output); m !== null; m = scheme.pattern.exec(output)) {
    const index = Number(m[1]);
    if (!Number.isInteger(index) || index >= originals.length) {
      foreign.push(index);
      continue;
    }
    seen[index] = (seen[index] as number) + 1;
    hits.push({ start: m.index, end: m.index + m[0].length, index });
  }
  const missing = seen.flatMap((c, i) => (c === 0 ? [i] : []));
  const duplicated = seen.flatMap((c, i) => (c > 1 ? [i] : []));
  if (missing.length > 0 || duplicated.length > 0 || foreign.length > 0) return { ok: false, missing, duplicated, foreign };
  let text = '';
  let at = 0;
  const edits: RestoreEdit[] = [];
  for (const h of hits) {
    const original = originals[h.index] as string;
    text += output.slice(at, h.start) + original;
    edits.push({ start: h.start, end: h.end, length: original.length });
    at = h.end;
  }
  text += output.slice(at);
  return { ok: true, text, edits };
}
