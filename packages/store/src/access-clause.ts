/**
 * The access decision as SQL, for every labelled table (a row has
 * `classification_rank`, `controls`, `rel_to`, `originator`: the columns of
 * @nariz/security's markingColumns). These are the clauses of
 * docs/security/markings.md ("In the store"), which a seeded test there
 * checks against canAccess on 20,000 random pairs; the store's contract
 * suite checks the same of every list, count and get here.
 *
 * A row is visible exactly when all three hold:
 *   1. classification_rank <= maxClassificationRank (-1 for a malformed subject: nothing);
 *   2. the subject is an own national, or their nationality is in rel_to;
 *   3. every control is in allowedControls, or is in originatorControls and
 *      the row's originator is the subject's organisation (ORCON).
 */
import type { AccessPredicate, Marking } from '@nariz/security';
import { markingColumns } from '@nariz/security';

/** SQLite: named parameters (@ac_*), shared by every alias in one statement; arrays as JSON text, booleans as 0/1. */
export function sqliteAccessClause(alias: string): string {
  return `(${alias}.classification_rank <= @ac_max_rank
    AND (@ac_own_national = 1 OR EXISTS (SELECT 1 FROM json_each(${alias}.rel_to) WHERE value = @ac_nationality))
    AND NOT EXISTS (
      SELECT 1 FROM json_each(${alias}.controls) AS c
      WHERE c.value NOT IN (SELECT value FROM json_each(@ac_allowed))
        AND NOT (c.value IN (SELECT value FROM json_each(@ac_originator_controls)) AND ${alias}.originator = @ac_organisation)
    ))`;
}

export function sqliteAccessParams(who: AccessPredicate): Record<string, string | number> {
  return {
    ac_max_rank: who.maxClassificationRank,
    ac_own_national: who.ownNational ? 1 : 0,
    ac_nationality: who.nationality,
    ac_allowed: JSON.stringify(who.allowedControls),
    ac_originator_controls: JSON.stringify(who.originatorControls),
    ac_organisation: who.organisation,
  };
}

/**
 * PostgreSQL: six positional parameters from `$first` (postgresAccessParams,
 * in that order), shared by every alias in one statement. `<@` on text[]
 * is "every control of the row is in the list".
 */
export function postgresAccessClause(alias: string, first: number): string {
  const p = (k: number): string => `$${first + k}`;
  return `(${alias}.classification_rank <= ${p(0)}::int
    AND (${p(1)}::boolean OR ${p(2)}::text = ANY (${alias}.rel_to))
    AND (${alias}.controls <@ ${p(3)}::text[]
         OR (${alias}.originator = ${p(5)}::text AND ${alias}.controls <@ (${p(3)}::text[] || ${p(4)}::text[]))))`;
}

export function postgresAccessParams(who: AccessPredicate): unknown[] {
  return [who.maxClassificationRank, who.ownNational, who.nationality, [...who.allowedControls], [...who.originatorControls], who.organisation];
}

/** The marking JSON and its columns as SQLite stores them (arrays as JSON text). */
export function sqliteMarkingValues(m: Marking): { marking: string; rank: number; controls: string; relTo: string; originator: string } {
  const c = markingColumns(m);
  return { marking: JSON.stringify(m), rank: c.classificationRank, controls: JSON.stringify(c.controls), relTo: JSON.stringify(c.relTo), originator: c.originator };
}

/** The marking JSON and its columns as PostgreSQL stores them (JSONB, text[]). */
export function postgresMarkingValues(m: Marking): { marking: string; rank: number; controls: string[]; relTo: string[]; originator: string } {
  const c = markingColumns(m);
  return { marking: JSON.stringify(m), rank: c.classificationRank, controls: [...c.controls], relTo: [...c.relTo], originator: c.originator };
}
