/**
 * Foreign disclosure (rule A3): own nationals see anything their clearance
 * allows; a foreign national only what is REL TO their country. NOFORN and
 * an absent REL TO (M8: releasability is never implied) both mean own
 * nationals only.
 */
import { NOFORN } from './controls.js';
import type { Marking } from './marking.js';
import type { SecurityPolicy } from './policy.js';

export function releasableTo(m: Marking, country: string, policy: SecurityPolicy): boolean {
  if (country === policy.ownCountry) return true;
  if (m.controls.includes(NOFORN)) return false;
  return m.relTo.includes(country);
}

/** The foreign countries a marking releases to (REL TO minus the own country). */
export function foreignReleasability(m: Marking, policy: SecurityPolicy): readonly string[] {
  return m.controls.includes(NOFORN) ? [] : m.relTo.filter((c) => c !== policy.ownCountry);
}
