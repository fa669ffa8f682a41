/**
 * The marking of an aggregate (a page, a report, a query result) from the
 * markings of its portions: rules B1-B7 of docs/security/markings.md. The
 * result is at least as restrictive as every portion, so whoever may see
 * the whole may see each part (tested as "no leak through aggregation").
 */
import { NarizError } from '@nariz/core';
import { maxClassification, type Classification } from './classification.js';
import { controlDefinition, controlOrder, NOFORN } from './controls.js';
import { MULTIPLE_ORIGINATORS, type Marking } from './marking.js';
import type { SecurityPolicy } from './policy.js';

export function combine(markings: readonly Marking[], policy: SecurityPolicy): Marking {
  // B7
  if (markings.length === 0) throw new NarizError('NARIZ_USAGE', 'combine needs at least one marking');
  let classification: Classification = 'U';
  const controls = new Set<string>();
  const originators = new Set<string>();
  /** Originators of ORCON portions: whoever controls the whole's dissemination. */
  const controllers = new Set<string>();
  let anyNoforn = false;
  let anyUnreleasable = false;
  let shared: Set<string> | undefined;
  for (const m of markings) {
    // B1
    classification = maxClassification(classification, m.classification);
    for (const c of m.controls) {
      if (c === NOFORN) anyNoforn = true;
      else controls.add(c);
    }
    if (!m.controls.includes(NOFORN) && m.relTo.length === 0) anyUnreleasable = true;
    shared = shared === undefined ? new Set(m.relTo) : new Set(m.relTo.filter((c) => shared!.has(c)));
    originators.add(m.originator);
    if (m.controls.some((c) => controlDefinition(c)?.rule === 'originator')) controllers.add(m.originator);
  }
  let relTo: string[] = [];
  // B2, B3: NOFORN wins; a portion without REL TO keeps the whole to own nationals.
  let noforn = anyNoforn;
  if (!anyNoforn && !anyUnreleasable) {
    // B4: the intersection; one naming no foreign country is NOFORN.
    relTo = [...shared!].sort();
    if (relTo.every((c) => c === policy.ownCountry)) {
      relTo = [];
      noforn = true;
    }
  }
  // B5: union of the other controls; unclassified-only ones leave a classified banner.
  const out = [...controls].filter((c) => classification === 'U' || controlDefinition(c)?.unclassifiedOnly !== true);
  if (noforn) out.push(NOFORN);
  out.sort((a, b) => controlOrder(a) - controlOrder(b));
  // B6: the ORCON owner if there is one, else the common originator; several are MULTIPLE SOURCES (no one's).
  const owners = controllers.size > 0 ? controllers : originators;
  const originator = owners.size === 1 ? [...owners][0]! : MULTIPLE_ORIGINATORS;
  return { classification, controls: out, relTo, originator };
}
