/**
 * Seeded random markings and subjects for the store's access tests: every
 * classification, control and REL TO combination the rules allow (FOUO on
 * U only, NOFORN without REL TO, REL TO naming a foreign country), three
 * originators, and subjects of every clearance, several nationalities and
 * organisations, read into some controls, a few of them malformed (who must
 * see nothing).
 */
import type { Rng } from '@nariz/core';
import { CLASSIFICATIONS, makeMarking, securityPolicy, type Classification, type Marking, type Subject } from '@nariz/security';

export const POLICY = securityPolicy('USA');
const FOREIGN = ['MEX', 'COL', 'CAN', 'GBR'];
const ORGANISATIONS = ['task force', 'SEMAR', 'DEA'];

export function randomMarking(rng: Rng): Marking {
  const classification = rng.pick(CLASSIFICATIONS);
  const controls: string[] = [];
  if (classification === 'U' && rng.next() < 0.2) controls.push('FOUO');
  for (const c of ['ORCON', 'PROPIN', 'LES']) if (rng.next() < 0.2) controls.push(c);
  const noforn = rng.next() < 0.2;
  if (noforn) controls.push('NOFORN');
  const relTo = noforn || rng.next() < 0.25 ? [] : FOREIGN.filter(() => rng.next() < 0.5);
  if (!noforn && relTo.length === 0 && rng.next() < 0.5) relTo.push(rng.pick(FOREIGN));
  return makeMarking({ classification, controls, relTo, originator: rng.pick(ORGANISATIONS) }, POLICY);
}

export function randomSubject(rng: Rng, i: number): Subject {
  const s: Subject = {
    username: `u${i}`,
    clearance: rng.pick(CLASSIFICATIONS),
    nationality: rng.next() < 0.4 ? 'USA' : rng.pick(FOREIGN),
    organisation: rng.pick(ORGANISATIONS),
    roles: ['analyst'],
    accesses: ['LES', 'PROPIN'].filter(() => rng.next() < 0.4),
  };
  const broken = rng.next();
  if (broken < 0.04) return { ...s, clearance: 'SECRETISH' as Classification };
  if (broken < 0.08) return { ...s, organisation: 'MULTIPLE SOURCES' };
  return s;
}

/** A marking from its parts (tests that need a particular one). */
export function marking(classification: Classification, relTo: readonly string[] = [], controls: readonly string[] = [], originator = 'task force'): Marking {
  return makeMarking({ classification, controls, relTo, originator }, POLICY);
}
