/**
 * All detectors over one text, overlaps resolved: the longer span wins,
 * then the detector earlier in ENTITY_PRIORITY (a case-file name over a
 * capitalised sequence, a CURP over the RFC inside it). The result is
 * sorted and non-overlapping.
 */
import { detectAmounts } from './amount.js';
import { detectCapitalisedSequences } from './capitalised.js';
import type { CaseEntityMatcher } from './case-entities.js';
import { detectCurps } from './curp.js';
import { ENTITY_PRIORITY, type DetectedEntity, type EntityKind } from './entity.js';
import { detectPhones } from './phone.js';
import { detectPlates } from './plate.js';
import { detectRfcs } from './rfc.js';

export interface EntityDetectionOptions {
  /** The case file's names, aliases and places. */
  readonly caseEntities?: CaseEntityMatcher;
  /** Detectors to run; default all. */
  readonly kinds?: readonly EntityKind[];
}

const DETECTORS: Readonly<Record<Exclude<EntityKind, 'case-entity'>, (text: string) => DetectedEntity[]>> = {
  curp: detectCurps,
  rfc: detectRfcs,
  phone: detectPhones,
  plate: detectPlates,
  amount: detectAmounts,
  capitalised: detectCapitalisedSequences,
};

/** Chooses non-overlapping spans: longest first, then by priority, then leftmost. */
export function resolveOverlaps(candidates: readonly DetectedEntity[]): DetectedEntity[] {
  const rank = (k: EntityKind): number => ENTITY_PRIORITY.indexOf(k);
  const ordered = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || rank(a.kind) - rank(b.kind) || a.start - b.start);
  const chosen: DetectedEntity[] = [];
  for (const c of ordered) {
    if (c.end <= c.start) continue;
    if (chosen.some((x) => c.start < x.end && x.start < c.end)) continue;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

export function detectEntities(text: string, options: EntityDetectionOptions = {}): DetectedEntity[] {
  const kinds = new Set(options.kinds ?? ENTITY_PRIORITY);
  const found: DetectedEntity[] = [];
  if (kinds.has('case-entity') && options.caseEntities !== undefined) found.push(...options.caseEntities.detect(text));
  for (const [kind, detect] of Object.entries(DETECTORS) as [Exclude<EntityKind, 'case-entity'>, (t: string) => DetectedEntity[]][]) {
    if (kinds.has(kind)) found.push(...detect(text));
  }
  return resolveOverlaps(found);
}
