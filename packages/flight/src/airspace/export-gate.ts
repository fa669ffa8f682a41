/**
 * The decision the server makes before it hands out a mission file: check
 * the plan against the crew's authority; with violations, refuse unless an
 * administrator overrides, and record the override. The server owns the
 * refusal, the roles and the audit log; this gives it the verdict and the
 * error to throw.
 */
import { NarizError } from '@nariz/core';
import type { FlightPlan } from '../plan/plan.js';
import type { Authority, BoundarySource } from './authority.js';
import { checkPlan, type PlanCheckOptions, type Violation } from './plan-check.js';

export interface ExportVerdict {
  /** No violations. */
  readonly clean: boolean;
  readonly authorityId: string;
  /** Which boundaries the check used (embedded approximation or an official file). */
  readonly boundarySource: BoundarySource;
  readonly violations: readonly Violation[];
}

export function exportVerdict(plan: FlightPlan, authority: Authority, options: PlanCheckOptions = {}): ExportVerdict {
  const violations = checkPlan(plan, authority, options);
  return { clean: violations.length === 0, authorityId: authority.id, boundarySource: authority.boundarySource, violations };
}

/**
 * Throw NARIZ_AIRSPACE_VIOLATION (409) when the verdict has violations and
 * there is no override; the message lists the first few violations.
 */
export function requireExportAllowed(verdict: ExportVerdict, override: boolean): void {
  if (verdict.clean || override) return;
  const shown = verdict.violations.slice(0, 3).map((v) => v.message);
  const more = verdict.violations.length - shown.length;
  throw new NarizError(
    'NARIZ_AIRSPACE_VIOLATION',
    `export refused under authority "${verdict.authorityId}" (${verdict.boundarySource.kind} boundaries: ${verdict.boundarySource.name}): ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}. An administrator may override; the override is audited.`,
  );
}
