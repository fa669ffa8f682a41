/**
 * Mexican vehicle plates. The series differ by state and vehicle class
 * (NOM-001-SCT-2-2016 and the state series before it); written forms seen
 * in reports, by shape of letters (L) and digits (D):
 *   LLL-DDD-L  LLL-DD-DD  LLL-DDDD  LLL-DDD  DDD-LLL  LL-DDD-LL  LL-DDDD
 *   LL-DD-DDD  DD-LLL-D  L-DD-LLL  DDD-LLL-D
 * With hyphens a plate is taken anywhere; written with spaces or solid
 * (ABC 1234, ABC1234) only after a cue: "placa(s)", "matrícula", "plate(s)",
 * "tag(s)", "license"/"licence". Shapes are uppercase-only: a plate is
 * written in capitals, and lowercase tokens are words.
 */
import type { DetectedEntity } from './entity.js';

const SHAPES = new Set([
  'LLL-DDD-L', 'LLL-DD-DD', 'LLL-DDDD', 'LLL-DDD', 'DDD-LLL', 'LL-DDD-LL', 'LL-DDDD', 'LL-DD-DDD', 'DD-LLL-D', 'L-DD-LLL', 'DDD-LLL-D',
]);
const SOLID_SHAPES = new Set([...SHAPES].map((s) => s.replaceAll('-', '')));
const CANDIDATE = /(?<![\p{L}\p{N}\-])[A-Z0-9]{1,9}(?:[- ][A-Z0-9]{1,4}){0,2}(?![\p{L}\p{N}\-])/gu;
const CUE = /(?:placas?|matr[ií]cula|plates?|tags?|licen[cs]e(?: plate)?)(?:\s+(?:de|del|con|número|numero|no\.|núm\.|n[oº°]|number|#|:))*[\s:#]*$/iu;

function shapeOf(s: string): string {
  return s.replace(/[A-Z]/g, 'L').replace(/[0-9]/g, 'D').replace(/ /g, '-');
}

export function detectPlates(text: string): DetectedEntity[] {
  const out: DetectedEntity[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const groups = m[0].split(/(?=[- ])/); // each group after the first keeps its separator
    const cued = CUE.test(text.slice(Math.max(0, m.index - 40), m.index));
    let accepted = '';
    for (let j = groups.length; j >= 1 && accepted === ''; j--) {
      // A hyphenated code is taken whole or not at all.
      if (groups[j]?.startsWith('-') === true) continue;
      const s = groups.slice(0, j).join('');
      const shape = shapeOf(s);
      // Space-separated or solid forms need a cue; hyphenated ones stand alone.
      const ok = s.includes(' ') || !shape.includes('-') ? cued && (SHAPES.has(shape) || SOLID_SHAPES.has(shape)) : SHAPES.has(shape);
      if (ok) accepted = s;
    }
    if (accepted === '') {
      const second = groups[0]?.length ?? 0;
      if (groups.length > 1) CANDIDATE.lastIndex = m.index + second + 1;
      continue;
    }
    out.push({ kind: 'plate', start: m.index, end: m.index + accepted.length, text: accepted });
    CANDIDATE.lastIndex = m.index + accepted.length;
  }
  return out;
}
