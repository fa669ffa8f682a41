/**
 * The rows of the side-by-side view: each row is one paragraph of the
 * source beside the paragraph of the translation it became. A document's
 * segments are paragraphs already (the server splits them); a pasted text
 * is one segment, split here on blank lines on both sides. When the two
 * sides of a segment do not have the same number of paragraphs (an engine
 * that joined or split them), the segment stays one row rather than pair
 * paragraphs that do not belong together.
 */
import { splitParagraphs, type Range } from './paragraphs.js';

export interface AlignableSegment {
  readonly source: string;
  readonly translation: string;
}

export interface AlignedRow {
  /** The segment the row belongs to. */
  readonly segment: number;
  readonly source: Range;
  readonly target: Range;
}

const whole = (text: string): Range => ({ start: 0, end: text.length });

export function alignRows(segments: readonly AlignableSegment[]): AlignedRow[] {
  const rows: AlignedRow[] = [];
  segments.forEach((s, i) => {
    const src = splitParagraphs(s.source);
    const tgt = splitParagraphs(s.translation);
    if (src.length > 1 && src.length === tgt.length) {
      src.forEach((r, k) => rows.push({ segment: i, source: r, target: tgt[k]! }));
    } else {
      rows.push({ segment: i, source: whole(s.source), target: whole(s.translation) });
    }
  });
  return rows;
}
