/**
 * The access decision as a row filter, so that a store applies it inside its
 * query and counts, pages and aggregates never include a row the user may
 * not see. docs/security/markings.md ("In the store") gives the SQLite and
 * PostgreSQL WHERE clauses; a row passes exactly when canAccess allows it.
 */
import { classificationRank } from './classification.js';
import { CONTROLS } from './controls.js';
import type { Marking } from './marking.js';
import type { SecurityPolicy } from './policy.js';
import { subjectProblems } from './access.js';
import type { Subject } from './subject.js';

/** The columns a store keeps for each labelled row. */
export interface MarkingColumns {
  /** classificationRank(marking.classification): 0 (U) … 3 (TS). */
  readonly classificationRank: number;
  readonly controls: readonly string[];
  readonly relTo: readonly string[];
  readonly originator: string;
}

export function markingColumns(m: Marking): MarkingColumns {
  return { classificationRank: classificationRank(m.classification), controls: m.controls, relTo: m.relTo, originator: m.originator };
}

export interface AccessPredicate {
  /** Rows with classification_rank above this are hidden; -1 hides everything (a malformed subject). */
  readonly maxClassificationRank: number;
  /** When false, a row is visible only if its rel_to contains `nationality`. */
  readonly ownNational: boolean;
  readonly nationality: string;
  /** Every control on a visible row is in this list… */
  readonly allowedControls: readonly string[];
  /** …or in this one and the row's originator is `organisation` (ORCON). */
  readonly originatorControls: readonly string[];
  readonly organisation: string;
}

export function accessPredicate(subject: Subject, policy: SecurityPolicy): AccessPredicate {
  const valid = subjectProblems(subject).length === 0;
  const ownNational = valid && subject.nationality === policy.ownCountry;
  const accesses = subject.accesses ?? [];
  const allowedControls = CONTROLS.filter((c) =>
    c.rule === 'handling' || (c.rule === 'access' && accesses.includes(c.name)) || (c.rule === 'foreign-disclosure' && ownNational),
  ).map((c) => c.name);
  return {
    maxClassificationRank: valid ? classificationRank(subject.clearance) : -1,
    ownNational,
    nationality: valid ? subject.nationality : '',
    allowedControls,
    originatorControls: CONTROLS.filter((c) => c.rule === 'originator').map((c) => c.name),
    organisation: valid ? subject.organisation : '',
  };
}
