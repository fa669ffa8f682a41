/**
 * Shared by the markings tests: the task force's policy, named subjects,
 * a marking builder, and seeded generators of random valid markings and
 * subjects over a small pool of countries and organisations (small so that
 * REL TO intersections and originator matches happen often).
 */
import type { Rng } from '@nariz/core';
import { CLASSIFICATIONS, makeMarking, securityPolicy, type Marking, type Subject } from '../src/index.js';

export const POLICY = securityPolicy('USA');

export const COUNTRIES = ['USA', 'MEX', 'GTM', 'COL', 'CAN', 'GBR'] as const;
export const ORGANISATIONS = ['DEA', 'SEMAR', 'FGR'] as const;

export function marking(
  classification: string,
  options: { controls?: string[]; relTo?: string[]; originator?: string } = {},
): Marking {
  return makeMarking({ classification, controls: options.controls ?? [], relTo: options.relTo ?? [], originator: options.originator ?? 'DEA' }, POLICY);
}

export function subject(overrides: Partial<Subject> = {}): Subject {
  return { username: 'analyst', clearance: 'TS', nationality: 'USA', organisation: 'DEA', roles: ['analyst'], accesses: ['LES', 'PROPIN'], ...overrides };
}

/** A Mexican partner officer cleared to SECRET, read into LES. */
export const PARTNER = subject({ username: 'enlace.semar', clearance: 'S', nationality: 'MEX', organisation: 'SEMAR', roles: ['partner'], accesses: ['LES'] });

function subset<T>(rng: Rng, items: readonly T[], p: number): T[] {
  return items.filter(() => rng.next() < p);
}

export function randomMarking(rng: Rng): Marking {
  const classification = rng.pick(CLASSIFICATIONS);
  const controls = subset(rng, ['ORCON', 'PROPIN', 'LES'], 0.25);
  if (classification === 'U' && rng.next() < 0.3) controls.push('FOUO');
  const releasability = rng.next();
  let relTo: string[] = [];
  if (releasability < 0.2) controls.push('NOFORN');
  else if (releasability < 0.85) {
    relTo = subset(rng, COUNTRIES.slice(1), 0.6);
    if (relTo.length === 0) relTo.push(rng.pick(COUNTRIES.slice(1)));
    if (rng.next() < 0.5) relTo.push('USA');
  }
  return makeMarking({ classification, controls, relTo, originator: rng.pick(ORGANISATIONS) }, POLICY);
}

export function randomSubject(rng: Rng): Subject {
  return {
    username: `user${rng.int(0, 999)}`,
    clearance: rng.pick(CLASSIFICATIONS),
    nationality: rng.pick(COUNTRIES),
    organisation: rng.pick(ORGANISATIONS),
    roles: ['analyst'],
    accesses: subset(rng, ['PROPIN', 'LES'], 0.5),
  };
}
