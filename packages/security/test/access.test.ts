/**
 * Access decisions by example (rules A1-A4), the exit re-check, redaction,
 * and the row predicate a store puts in its WHERE clause.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { isNarizError } from '@nariz/core';
import { accessPredicate, assertAccess, canAccess, markingColumns, parseSubject, redact, type LabelledPortion, type Subject } from '../src/index.js';
import { marking, PARTNER, POLICY, subject } from './markings-factory.js';

test('A2: clearance must reach the classification', () => {
  const d = canAccess(subject({ clearance: 'C' }), marking('S'), POLICY);
  assert.deepEqual(d, { allowed: false, reasons: ['A2: clearance C is below S'] });
  assert.ok(canAccess(subject({ clearance: 'S' }), marking('S'), POLICY).allowed);
});

test('A3: a partner sees only what is REL TO their country; NOFORN and unmarked stay with own nationals', () => {
  assert.ok(canAccess(PARTNER, marking('S', { relTo: ['MEX'], controls: ['LES'] }), POLICY).allowed);
  assert.deepEqual(canAccess(PARTNER, marking('S', { relTo: ['COL'] }), POLICY).reasons, ['A3: not releasable to MEX']);
  assert.deepEqual(canAccess(PARTNER, marking('C', { controls: ['NOFORN'] }), POLICY).reasons, ['A3: NOFORN, and MEX is not USA']);
  assert.deepEqual(canAccess(PARTNER, marking('U'), POLICY).reasons, ['A3: not releasable to foreign nationals (no REL TO)']);
  assert.ok(canAccess(subject(), marking('S', { controls: ['NOFORN'] }), POLICY).allowed);
});

test('A4: ORCON only for the originator\'s organisation; PROPIN and LES need the access; every failure is listed', () => {
  const m = marking('TS', { controls: ['ORCON', 'PROPIN', 'LES'], originator: 'FGR' });
  const d = canAccess(PARTNER, m, POLICY);
  assert.equal(d.allowed, false);
  assert.deepEqual(d.reasons, [
    'A2: clearance S is below TS',
    'A3: not releasable to foreign nationals (no REL TO)',
    'A4: ORCON: only the originator (FGR) may see it',
    'A4: PROPIN: enlace.semar is not read in',
  ]);
  assert.ok(canAccess(subject({ organisation: 'FGR' }), m, POLICY).allowed);
});

test('default deny: unknown controls, classifications, clearances or nationalities never allow', () => {
  const hand = { classification: 'S', controls: ['EYES ONLY'], relTo: [], originator: 'DEA' } as const;
  assert.deepEqual(canAccess(subject(), hand, POLICY).reasons, ['A4: unknown control "EYES ONLY"']);
  const weird = { ...marking('S'), classification: 'SECRET' } as unknown as ReturnType<typeof marking>;
  assert.equal(canAccess(subject(), weird, POLICY).allowed, false);
  assert.equal(canAccess(subject({ clearance: 'Q' } as unknown as Partial<Subject>), marking('U'), POLICY).allowed, false);
  assert.equal(canAccess(subject({ nationality: 'XX' }), marking('U'), POLICY).allowed, false);
  assert.equal(accessPredicate(subject({ nationality: 'XX' }), POLICY).maxClassificationRank, -1);
});

test('assertAccess answers "no such object" (NARIZ_NOT_FOUND), so a denial does not reveal existence', () => {
  assert.throws(() => assertAccess(PARTNER, marking('S'), POLICY, 'lead'), (e: unknown) => isNarizError(e, 'NARIZ_NOT_FOUND') && (e as Error).message === 'no such lead');
  assertAccess(PARTNER, marking('S', { relTo: ['MEX'] }), POLICY);
});

test('parseSubject: canonical subject, errors name the field', () => {
  const s = parseSubject({ username: ' ana ', clearance: 's', nationality: 'mex', organisation: 'SEMAR', roles: ['partner'], accesses: ['les', 'LES'] });
  assert.deepEqual(s, { username: 'ana', clearance: 'S', nationality: 'MEX', organisation: 'SEMAR', roles: ['partner'], accesses: ['LES'] });
  const bad = (v: unknown, path: string): void =>
    assert.throws(() => parseSubject(v, 'user'), (e: unknown) => isNarizError(e, 'NARIZ_MARKING') && e.location?.path === path);
  const ok = { username: 'a', clearance: 'S', nationality: 'MEX', organisation: 'SEMAR', roles: [] };
  bad({ ...ok, clearance: 'SECRET' }, 'user.clearance');
  bad({ ...ok, nationality: 'MX' }, 'user.nationality');
  bad({ ...ok, organisation: 'MULTIPLE SOURCES' }, 'user.organisation');
  bad({ ...ok, accesses: ['ORCON'] }, 'user.accesses[0]');
  bad({ ...ok, roles: [''] }, 'user.roles[0]');
  bad({ ...ok, admin: true }, 'user.admin');
});

test('redact: returns only visible portions, in order, with a banner recomputed from them', () => {
  const portions: LabelledPortion<unknown>[] = [
    { id: 'lead.summary', marking: marking('U', { relTo: ['MEX'] }), value: 'Possible lab near Culiacán' },
    { id: 'lead.source', marking: marking('S', { controls: ['NOFORN'] }), value: 'informant' },
    { id: 'lead.plume', marking: marking('C', { relTo: ['MEX', 'COL'] }), value: { rateGps: 0.4 } },
  ];
  const r = redact(portions, PARTNER, POLICY);
  assert.deepEqual(r.portions.map((p) => p.id), ['lead.summary', 'lead.plume']);
  assert.equal(r.bannerText, 'CONFIDENTIAL//REL TO USA, MEX');
  assert.equal(redact(portions, subject(), POLICY).bannerText, 'SECRET//NOFORN');
  assert.deepEqual(redact(portions, subject({ clearance: 'U', nationality: 'GBR' }), POLICY), { portions: [], banner: null, bannerText: null });
});

test('accessPredicate: the pieces of the WHERE clause for an own national and for a partner', () => {
  assert.deepEqual(accessPredicate(PARTNER, POLICY), {
    maxClassificationRank: 2, ownNational: false, nationality: 'MEX',
    allowedControls: ['FOUO', 'LES'], originatorControls: ['ORCON'], organisation: 'SEMAR',
  });
  assert.deepEqual(accessPredicate(subject({ accesses: [] }), POLICY).allowedControls, ['FOUO', 'NOFORN']);
  assert.deepEqual(markingColumns(marking('S', { controls: ['ORCON'], relTo: ['MEX'] })), {
    classificationRank: 2, controls: ['ORCON'], relTo: ['MEX', 'USA'], originator: 'DEA',
  });
});
