/**
 * Gradings of reported information by the NATO "Admiralty" system
 * (STANAG 2511; AJP-2.1): the reliability of the **source** (a letter) and
 * the credibility of the **information** (a digit), judged separately and
 * written together, "B2".
 *
 * F and 6 mean "cannot be judged", not "worse than E / 5". For filtering,
 * a minimum is met when both parts are at least as good as the minimum's,
 * in the orders A < B < C < D < E < F and 1 < 2 < … < 6: unjudged material
 * passes only a minimum of F (resp. 6), i.e. when the analyst asks for it.
 */
import { NarizError } from '@nariz/core';

export type SourceReliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type InformationCredibility = 1 | 2 | 3 | 4 | 5 | 6;

export interface Grading {
  readonly reliability: SourceReliability;
  readonly credibility: InformationCredibility;
}

export const SOURCE_RELIABILITY: Readonly<Record<SourceReliability, string>> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

export const INFORMATION_CREDIBILITY: Readonly<Record<InformationCredibility, string>> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

const LETTERS = 'ABCDEF';

/** "B2" → { reliability: 'B', credibility: 2 }; anything else is NARIZ_GRADING. */
export function parseGrading(text: string): Grading {
  const m = /^([A-F])([1-6])$/.exec(text.trim().toUpperCase());
  if (m === null) throw new NarizError('NARIZ_GRADING', `"${text}" is not an Admiralty grading (a letter A-F then a digit 1-6, e.g. "B2")`);
  return { reliability: m[1] as SourceReliability, credibility: Number(m[2]) as InformationCredibility };
}

export function formatGrading(g: Grading): string {
  return `${g.reliability}${g.credibility}`;
}

/** True when both parts of `g` are at least as good as the minimum's (see the file's header for F and 6). */
export function meetsMinimumGrading(g: Grading, minimum: Grading): boolean {
  return LETTERS.indexOf(g.reliability) <= LETTERS.indexOf(minimum.reliability) && g.credibility <= minimum.credibility;
}
