/**
 * How exchange writes a @nariz/security `Marking` into formats that carry
 * its parts separately (ACS `permitted_nationalities`, the `<nariz>` marking
 * attributes) and the key that names one marking in STIX ids. No marking
 * rule lives here: the REL TO order is security's (rule T3, `relToText`).
 */
import { relToText, type Marking, type SecurityPolicy } from '@nariz/security';

/** REL TO as a list in banner order (own country first, then alphabetical); empty when the marking has none. */
export function relToList(m: Marking, policy: SecurityPolicy): string[] {
  return m.relTo.length === 0 ? [] : relToText(m.relTo, policy).split(', ');
}

/**
 * A string naming a canonical marking: equal markings give equal keys. Used
 * to share one ACS marking-definition between portions and to derive its id
 * (`acs/<key>`), so it must not change for a given marking (REL TO is keyed
 * in banner order, as it always was, which keeps existing ids).
 */
export function markingKey(m: Marking, policy: SecurityPolicy): string {
  return JSON.stringify([m.classification, m.controls, relToList(m, policy), m.originator]);
}
