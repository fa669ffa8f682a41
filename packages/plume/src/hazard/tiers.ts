/**
 * Which threshold stands for each of the three levels of concern.
 *
 * ALOHA's default levels of concern are the 60-minute AEGLs; where a
 * chemical has no AEGL it offers ERPGs or PAC/TEELs instead (NOAA ALOHA
 * technical documentation, Jones et al. 2013, NOAA Tech. Memo. NOS OR&R 43).
 * DOE's PAC table is itself "AEGL, else ERPG, else TEEL", so in `auto` mode a
 * missing AEGL falls back first to PAC and then to ERPG, level by level, and
 * the zone records which family it used.
 */
import type { Chemical, ThresholdTier } from '@nariz/core';

export const THRESHOLD_FAMILIES = ['aegl', 'pac', 'erpg'] as const;
export type ThresholdFamily = (typeof THRESHOLD_FAMILIES)[number];

/** `auto`: AEGL, else PAC, else ERPG per level; a family name: that family only. */
export const TIER_SELECTIONS = ['auto', ...THRESHOLD_FAMILIES] as const;
export type TierSelection = (typeof TIER_SELECTIONS)[number];

export type HazardLevel = 1 | 2 | 3;
/** Most severe first, the order ALOHA lists its red, orange and yellow zones. */
export const HAZARD_LEVELS: readonly HazardLevel[] = [3, 2, 1];

export function isTierSelection(s: string): s is TierSelection {
  return (TIER_SELECTIONS as readonly string[]).includes(s);
}

export interface LevelThreshold {
  readonly level: HazardLevel;
  readonly family: ThresholdFamily;
  /** Key into Chemical.thresholds, e.g. `aegl3`. */
  readonly tier: ThresholdTier;
  /** Display label, e.g. `AEGL-3`. */
  readonly label: string;
  /** True when the family is not AEGL (a fallback was used). */
  readonly fallback: boolean;
}

export interface MissingLevel {
  readonly level: HazardLevel;
  readonly reason: string;
}

const FAMILY_LABEL: Readonly<Record<ThresholdFamily, string>> = { aegl: 'AEGL', pac: 'PAC', erpg: 'ERPG' };

function tierKey(family: ThresholdFamily, level: HazardLevel): ThresholdTier {
  return `${family}${level}` as ThresholdTier;
}

/** The threshold used for each level (3, 2, 1), and the levels that have none. */
export function selectLevelThresholds(
  chem: Chemical,
  selection: TierSelection = 'auto',
): { readonly levels: LevelThreshold[]; readonly missing: MissingLevel[] } {
  const families: readonly ThresholdFamily[] = selection === 'auto' ? THRESHOLD_FAMILIES : [selection];
  const levels: LevelThreshold[] = [];
  const missing: MissingLevel[] = [];
  for (const level of HAZARD_LEVELS) {
    const family = families.find((f) => chem.thresholds[tierKey(f, level)] !== undefined);
    if (family === undefined) {
      const tried = families.map((f) => `${FAMILY_LABEL[f]}-${level}`).join(', ');
      missing.push({ level, reason: `${chem.name} has no ${tried} value in the chemical table` });
      continue;
    }
    levels.push({ level, family, tier: tierKey(family, level), label: `${FAMILY_LABEL[family]}-${level}`, fallback: family !== 'aegl' });
  }
  return { levels, missing };
}
