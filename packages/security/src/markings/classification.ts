/**
 * The classification ladder U < C < S < TS (rule M1 in
 * docs/security/markings.md). Ranks are what a store keeps in an integer
 * column so that "clearance ≥ classification" is one comparison in SQL.
 */
export const CLASSIFICATIONS = ['U', 'C', 'S', 'TS'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CLASSIFICATION_NAMES: Readonly<Record<Classification, string>> = {
  U: 'UNCLASSIFIED',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  TS: 'TOP SECRET',
};

export function isClassification(s: unknown): s is Classification {
  return typeof s === 'string' && (CLASSIFICATIONS as readonly string[]).includes(s);
}

/** 0 for U … 3 for TS; -1 for anything else, which no clearance reaches and no row carries. */
export function classificationRank(c: string): number {
  return (CLASSIFICATIONS as readonly string[]).indexOf(c);
}

export function maxClassification(a: Classification, b: Classification): Classification {
  return classificationRank(a) >= classificationRank(b) ? a : b;
}
