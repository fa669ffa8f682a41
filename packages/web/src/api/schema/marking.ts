/**
 * Security markings as the API carries them (docs/security/markings.md):
 * `{"classification", "controls", "relTo", "originator"}` on every lead,
 * piece of evidence and release. The text of a marking — a portion mark
 * `(S//NOFORN)` or a banner `SECRET//NOFORN` — is always the server's,
 * computed from the marking; this app never writes one. What it sends is a
 * marking made with pickers (classification, controls, REL TO countries),
 * which the server checks (rules M1-M8, and that the sender could see it).
 */
import { arrayOf, fields, oneOf, str, type Reader } from './read.js';

/** The classification ladder, lowest first (rule M1). */
export const CLASSIFICATIONS = ['U', 'C', 'S', 'TS'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** CAPCO's names of the levels, as banners spell them (never translated). */
export const CLASSIFICATION_NAMES: Readonly<Record<Classification, string>> = { U: 'UNCLASSIFIED', C: 'CONFIDENTIAL', S: 'SECRET', TS: 'TOP SECRET' };

/** The control registry, in register order (security/src/markings/controls.ts). */
export const CONTROLS = ['FOUO', 'ORCON', 'NOFORN', 'PROPIN', 'LES'] as const;
export type Control = (typeof CONTROLS)[number];

/** The controls a user can be read into (`accesses`): the registry's `access` rule. */
export const ACCESS_CONTROLS = ['PROPIN', 'LES'] as const;
export type AccessControl = (typeof ACCESS_CONTROLS)[number];

export interface Marking {
  readonly classification: Classification;
  /** As the server lists them (register order); a control this app does not know is kept as is. */
  readonly controls: readonly string[];
  /** ISO 3166-1 alpha-3, sorted, the own country included when non-empty. */
  readonly relTo: readonly string[];
  readonly originator: string;
}

export const readMarking: Reader<Marking> = (v, path) => {
  const f = fields(v, path);
  return {
    classification: f.get('classification', oneOf(CLASSIFICATIONS)),
    controls: f.get('controls', arrayOf(str)),
    relTo: f.get('relTo', arrayOf(str)),
    originator: f.str('originator'),
  };
};

/** The marking as a request body carries it. */
export function markingJson(m: Marking): Record<string, unknown> {
  return { classification: m.classification, controls: [...m.controls], relTo: [...m.relTo], originator: m.originator };
}

export function isClassification(s: string): s is Classification {
  return CLASSIFICATIONS.some((c) => c === s);
}
