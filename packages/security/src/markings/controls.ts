/**
 * The registry of control markings Nariz understands: a small subset of the
 * US CAPCO register (docs/security/markings.md, rules M2, M6, A4). Anything
 * not listed is rejected when parsed and denies access when met.
 *
 * The order of the array is the order controls are written in, which is the
 * register's order: dissemination controls FOUO, ORCON, NOFORN, PROPIN (REL TO
 * follows them), then the non-IC dissemination control LES in its own
 * "//" category.
 */
export type ControlRule =
  /** NOFORN: own nationals only; exclusive with REL TO (rules M4, A3). */
  | 'foreign-disclosure'
  /** ORCON: only the originator's organisation (rule A4). */
  | 'originator'
  /** The subject must be read in: its `accesses` lists the control (rule A4). */
  | 'access'
  /** A handling caveat with no access condition. */
  | 'handling';

export type ControlCategory = 'dissemination' | 'non-ic-dissemination';

export interface ControlDefinition {
  /** As written in portions and banners. */
  readonly name: string;
  readonly title: string;
  readonly category: ControlCategory;
  readonly rule: ControlRule;
  /** Allowed on U portions only; dropped from classified banners (rules M6, B5). */
  readonly unclassifiedOnly: boolean;
}

export const CONTROLS: readonly ControlDefinition[] = [
  { name: 'FOUO', title: 'For Official Use Only', category: 'dissemination', rule: 'handling', unclassifiedOnly: true },
  { name: 'ORCON', title: 'Originator Controlled', category: 'dissemination', rule: 'originator', unclassifiedOnly: false },
  { name: 'NOFORN', title: 'Not Releasable to Foreign Nationals', category: 'dissemination', rule: 'foreign-disclosure', unclassifiedOnly: false },
  { name: 'PROPIN', title: 'Caution - Proprietary Information Involved', category: 'dissemination', rule: 'access', unclassifiedOnly: false },
  { name: 'LES', title: 'Law Enforcement Sensitive', category: 'non-ic-dissemination', rule: 'access', unclassifiedOnly: false },
];

export const NOFORN = 'NOFORN';

const BY_NAME = new Map(CONTROLS.map((c, i) => [c.name, { def: c, order: i }]));

export function controlDefinition(name: string): ControlDefinition | undefined {
  return BY_NAME.get(name)?.def;
}

/** Position in the register order; unknown names sort last. */
export function controlOrder(name: string): number {
  return BY_NAME.get(name)?.order ?? CONTROLS.length;
}
