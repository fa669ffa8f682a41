/**
 * Banner and portion marks for a `Marking`, in the CAPCO register style
 * (`CONFIDENTIAL//REL TO USA, MEX`, `(C//REL TO USA, MEX)`): classification,
 * then `//`, then dissemination controls separated by `/`, REL TO last with
 * USA first and the other trigraphs in alphabetical order.
 *
 * Interim: @nariz/security owns the marking rules; when it exports its own
 * banner, this file is replaced by a re-export.
 */
import type { Classification, Marking } from './marking-input.js';

export const CLASSIFICATION_WORD: Readonly<Record<Classification, string>> = {
  U: 'UNCLASSIFIED',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  TS: 'TOP SECRET',
};

/** U < C < S < TS. */
export const CLASSIFICATION_RANK: Readonly<Record<Classification, number>> = { U: 0, C: 1, S: 2, TS: 3 };

/** Portion abbreviations of controls whose banner and portion forms differ. */
const PORTION_CONTROL: Readonly<Record<string, string>> = { NOFORN: 'NF' };

/** REL TO order: USA first, then alphabetical. */
export function relToOrder(relTo: readonly string[]): string[] {
  return [...new Set(relTo)].sort((a, b) => (a === 'USA' ? -1 : b === 'USA' ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

function controlsPart(m: Marking, portion: boolean): string {
  const controls = [...new Set(m.controls)].sort().map((c) => (portion ? PORTION_CONTROL[c] ?? c : c));
  if (m.relTo.length > 0) controls.push(`REL TO ${relToOrder(m.relTo).join(', ')}`);
  return controls.length === 0 ? '' : `//${controls.join('/')}`;
}

/** `SECRET//NOFORN`, `UNCLASSIFIED//REL TO USA, MEX`, `UNCLASSIFIED`. */
export function markingBanner(m: Marking): string {
  return CLASSIFICATION_WORD[m.classification] + controlsPart(m, false);
}

/** `(S//NF)`, `(U//REL TO USA, MEX)`, `(U)`. */
export function portionMark(m: Marking): string {
  return `(${m.classification}${controlsPart(m, true)})`;
}

/**
 * A canonical string for a marking: equal markings (controls and REL TO in
 * any order, duplicates ignored) give equal keys. Used to share one
 * marking-definition between portions and to derive its id.
 */
export function markingKey(m: Marking): string {
  return JSON.stringify([m.classification, [...new Set(m.controls)].sort(), relToOrder(m.relTo), m.originator]);
}
