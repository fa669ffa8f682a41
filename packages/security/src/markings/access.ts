/**
 * The access decision, rules A1-A4 of docs/security/markings.md: denied
 * unless every condition holds, and every failing condition is reported.
 * Nothing unknown is allowed: a malformed subject, an unknown classification
 * or an unknown control denies.
 */
import { NarizError } from '@nariz/core';
import { classificationRank, isClassification } from './classification.js';
import { controlDefinition, NOFORN } from './controls.js';
import { isCountryCode } from './countries.js';
import { MULTIPLE_ORIGINATORS, type Marking } from './marking.js';
import type { SecurityPolicy } from './policy.js';
import type { Subject } from './subject.js';

export interface AccessDecision {
  readonly allowed: boolean;
  /** Why access is denied, one line per failed rule; empty when allowed. */
  readonly reasons: readonly string[];
}

/** A1: what canAccess and accessPredicate both require of a subject. */
export function subjectProblems(subject: Subject): string[] {
  const out: string[] = [];
  if (!isClassification(subject.clearance)) out.push(`A1: unknown clearance "${String(subject.clearance)}"`);
  if (!isCountryCode(subject.nationality)) out.push(`A1: unknown nationality "${String(subject.nationality)}"`);
  if (typeof subject.organisation !== 'string' || subject.organisation === '' || subject.organisation === MULTIPLE_ORIGINATORS) {
    out.push('A1: no valid organisation');
  }
  return out;
}

export function canAccess(subject: Subject, marking: Marking, policy: SecurityPolicy): AccessDecision {
  const reasons = subjectProblems(subject);
  // A2
  const need = classificationRank(marking.classification);
  if (need < 0) reasons.push(`A2: unknown classification "${String(marking.classification)}"`);
  else if (classificationRank(subject.clearance) < need) reasons.push(`A2: clearance ${subject.clearance} is below ${marking.classification}`);
  // A3
  const own = subject.nationality === policy.ownCountry;
  if (!own) {
    if (marking.controls.includes(NOFORN)) reasons.push(`A3: NOFORN, and ${subject.nationality} is not ${policy.ownCountry}`);
    else if (marking.relTo.length === 0) reasons.push(`A3: not releasable to foreign nationals (no REL TO)`);
    else if (!marking.relTo.includes(subject.nationality)) reasons.push(`A3: not releasable to ${subject.nationality}`);
  }
  // A4
  const accesses = subject.accesses ?? [];
  for (const c of marking.controls) {
    const def = controlDefinition(c);
    if (def === undefined) reasons.push(`A4: unknown control "${c}"`);
    else if (def.rule === 'originator' && (marking.originator !== subject.organisation || marking.originator === MULTIPLE_ORIGINATORS)) {
      reasons.push(`A4: ${c}: only the originator (${marking.originator}) may see it`);
    } else if (def.rule === 'access' && !accesses.includes(c)) reasons.push(`A4: ${c}: ${subject.username} is not read in`);
  }
  return { allowed: reasons.length === 0, reasons };
}

/**
 * The re-check at every exit. Throws NARIZ_NOT_FOUND, not NARIZ_FORBIDDEN:
 * telling a user that something exists which they may not see leaks it.
 */
export function assertAccess(subject: Subject, marking: Marking, policy: SecurityPolicy, what = 'object'): void {
  if (!canAccess(subject, marking, policy).allowed) throw new NarizError('NARIZ_NOT_FOUND', `no such ${what}`);
}
