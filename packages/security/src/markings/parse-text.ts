/**
 * Portion and banner text back to markings (rule T4): the grammar of T1-T3,
 * and the text must be exactly the canonical form of what it denotes, so
 * parse(format(m)) = m and format(parse(t)) = t.
 */
import { CLASSIFICATION_NAMES, CLASSIFICATIONS } from './classification.js';
import { formatBanner, portionMarking } from './format.js';
import { makeMarking, markingError, type Marking } from './marking.js';
import type { SecurityPolicy } from './policy.js';

const REL_TO = 'REL TO ';

function parseCategories(segments: readonly string[], text: string): { controls: string[]; relTo: string[] } {
  const controls: string[] = [];
  let relTo: string[] = [];
  for (const segment of segments) {
    for (const token of segment.split('/')) {
      if (token.startsWith(REL_TO)) relTo = token.slice(REL_TO.length).split(', ');
      else if (token === '') throw markingError(`"${text}" has an empty control`, '');
      else controls.push(token);
    }
  }
  return { controls, relTo };
}

function requireCanonical(text: string, canonical: string): void {
  if (text !== canonical) throw markingError(`"${text}" is not in canonical form; it is written "${canonical}"`, '');
}

/** "(S//REL TO USA, MEX)" with the originator it came from. */
export function parsePortionMarking(text: string, originator: string, policy: SecurityPolicy): Marking {
  const inner = /^\((.*)\)$/s.exec(text)?.[1];
  if (inner === undefined) throw markingError(`"${text}" is not a portion marking: "(" classification … ")"`, '');
  const [cls = '', ...rest] = inner.split('//');
  if (!(CLASSIFICATIONS as readonly string[]).includes(cls)) throw markingError(`"${cls}" is not a portion classification (U, C, S, TS)`, '');
  const m = makeMarking({ classification: cls, ...parseCategories(rest, text), originator }, policy);
  requireCanonical(text, portionMarking(m, policy));
  return m;
}

/** "SECRET//REL TO USA, MEX" with the originator it came from. */
export function parseBannerMarking(text: string, originator: string, policy: SecurityPolicy): Marking {
  const [name = '', ...rest] = text.split('//');
  const cls = CLASSIFICATIONS.find((c) => CLASSIFICATION_NAMES[c] === name);
  if (cls === undefined) throw markingError(`"${name}" is not a classification (${Object.values(CLASSIFICATION_NAMES).join(', ')})`, '');
  const m = makeMarking({ classification: cls, ...parseCategories(rest, text), originator }, policy);
  requireCanonical(text, formatBanner(m, policy));
  return m;
}
