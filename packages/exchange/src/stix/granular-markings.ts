/**
 * Portion markings inside one object (STIX 2.1 §7.2.3): the object's
 * `object_marking_refs` carry its own (highest) marking; each field whose
 * portion is marked differently gets a granular marking naming that
 * portion's marking definition, so an ACS-aware consumer can show and
 * filter each portion with its own classification and releasability.
 */
import type { Marking, SecurityPolicy } from '@nariz/security';
import { markingKey } from '../marking-fields.js';
import type { GranularMarking, StixId } from './stix-types.js';

export interface MarkedField {
  /** A STIX granular-marking selector: `name`, `contents.es.description`. */
  readonly selector: string;
  readonly marking: Marking;
}

/** One granular marking per distinct portion marking that differs from the object's, in field order. */
export function granularMarkings(
  objectMarking: Marking,
  fields: readonly MarkedField[],
  markingRef: (m: Marking) => StixId<'marking-definition'>,
  policy: SecurityPolicy,
): GranularMarking[] {
  const own = markingKey(objectMarking, policy);
  const bySelector = new Map<string, { ref: StixId<'marking-definition'>; selectors: string[] }>();
  for (const f of fields) {
    const key = markingKey(f.marking, policy);
    if (key === own) continue;
    const entry = bySelector.get(key) ?? { ref: markingRef(f.marking), selectors: [] };
    entry.selectors.push(f.selector);
    bySelector.set(key, entry);
  }
  return [...bySelector.values()].map((e) => ({ selectors: e.selectors, marking_ref: e.ref }));
}
