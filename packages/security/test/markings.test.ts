/**
 * Markings by example: the rules of docs/security/markings.md (cited as
 * M1…, T1…, B1…) on hand-made labels, and the parser's errors.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { isNarizError } from '@nariz/core';
import {
  bannerMarking, combine, foreignReleasability, formatBanner, MULTIPLE_ORIGINATORS, parseBannerMarking, parseMarking, parsePortionMarking, portionMarking,
  releasableTo, securityPolicy,
} from '../src/index.js';
import { marking, POLICY } from './markings-factory.js';

function markingError(f: () => unknown, path: string | undefined, message: RegExp): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(isNarizError(e, 'NARIZ_MARKING'), String(e));
    assert.equal(e.location?.path, path);
    assert.match(e.message, message);
    return true;
  });
}

test('T1: portion markings in the brief\'s examples', () => {
  assert.equal(portionMarking(marking('U'), POLICY), '(U)');
  assert.equal(portionMarking(marking('C', { controls: ['NOFORN'] }), POLICY), '(C//NOFORN)');
  assert.equal(portionMarking(marking('S', { relTo: ['MEX'] }), POLICY), '(S//REL TO USA, MEX)');
  assert.equal(portionMarking(marking('U', { controls: ['FOUO'] }), POLICY), '(U//FOUO)');
});

test('T2, T3: banner text, register order of controls, own country first in REL TO, LES in its own category', () => {
  const m = marking('TS', { controls: ['les', 'PROPIN', 'ORCON'], relTo: ['gbr', 'MEX', 'CAN'] });
  assert.equal(formatBanner(m, POLICY), 'TOP SECRET//ORCON/PROPIN/REL TO USA, CAN, GBR, MEX//LES');
  assert.equal(portionMarking(m, POLICY), '(TS//ORCON/PROPIN/REL TO USA, CAN, GBR, MEX//LES)');
  assert.equal(formatBanner(marking('S', { controls: ['LES'] }), POLICY), 'SECRET//LES');
  assert.equal(formatBanner(marking('C', { controls: ['NOFORN', 'ORCON'] }), POLICY), 'CONFIDENTIAL//ORCON/NOFORN');
});

test('M2, M3: canonical form: upper case, register order, REL TO sorted and unique with the own country added', () => {
  const m = marking('s', { controls: [' propin', 'ORCON'], relTo: ['mex', 'COL'] });
  assert.deepEqual(m, { classification: 'S', controls: ['ORCON', 'PROPIN'], relTo: ['COL', 'MEX', 'USA'], originator: 'DEA' });
});

test('parseMarking names the bad field (M1-M7, unknown fields)', () => {
  const ok = { classification: 'S', controls: ['ORCON'], relTo: ['MEX'], originator: 'DEA' };
  assert.deepEqual(parseMarking(ok, POLICY), { ...ok, relTo: ['MEX', 'USA'] });
  markingError(() => parseMarking({ ...ok, classification: 'SECRET' }, POLICY), 'classification', /not one of U, C, S, TS/);
  markingError(() => parseMarking({ ...ok, controls: ['ORCON', 'EYES ONLY'] }, POLICY), 'controls[1]', /not in the registry/);
  markingError(() => parseMarking({ ...ok, controls: ['ORCON', 'orcon'] }, POLICY), 'controls[1]', /twice/);
  markingError(() => parseMarking({ ...ok, relTo: ['MEX', 'XXX'] }, POLICY), 'relTo[1]', /ISO 3166-1 alpha-3/);
  markingError(() => parseMarking({ ...ok, relTo: ['MX'] }, POLICY), 'relTo[0]', /ISO 3166-1 alpha-3/);
  markingError(() => parseMarking({ ...ok, relTo: ['MEX', 'MEX'] }, POLICY), 'relTo[1]', /twice/);
  markingError(() => parseMarking({ ...ok, controls: ['NOFORN'] }, POLICY), 'relTo', /exclude each other/);
  markingError(() => parseMarking({ ...ok, relTo: ['USA'] }, POLICY), 'relTo', /mark it NOFORN/);
  markingError(() => parseMarking({ ...ok, controls: ['FOUO'] }, POLICY), 'controls[0]', /unclassified information only/);
  markingError(() => parseMarking({ ...ok, originator: '  ' }, POLICY), 'originator', /empty/);
  markingError(() => parseMarking({ ...ok, originator: 7 }, POLICY), 'originator', /must be a string/);
  markingError(() => parseMarking({ ...ok, relTo: 'MEX' }, POLICY), 'relTo', /array/);
  markingError(() => parseMarking({ ...ok, caveat: 'x' }, POLICY), 'caveat', /unknown field/);
  markingError(() => parseMarking({ ...ok, relTo: ['MEX', 3] }, POLICY, 'lead.portions[2].marking'), 'lead.portions[2].marking.relTo[1]', /string/);
  markingError(() => parseMarking(null, POLICY), undefined, /object/);
  markingError(() => securityPolicy('XYZ'), 'ownCountry', /ISO/);
});

test('T4: text parsing is strict: only the canonical form is accepted', () => {
  const m = parsePortionMarking('(S//ORCON/REL TO USA, COL, MEX//LES)', 'DEA', POLICY);
  assert.deepEqual(m, marking('S', { controls: ['ORCON', 'LES'], relTo: ['COL', 'MEX'] }));
  assert.deepEqual(parseBannerMarking('SECRET//ORCON/REL TO USA, COL, MEX//LES', 'DEA', POLICY), m);
  markingError(() => parsePortionMarking('(S//REL TO MEX, USA)', 'DEA', POLICY), undefined, /canonical form; it is written "\(S\/\/REL TO USA, MEX\)"/);
  markingError(() => parsePortionMarking('(S//REL TO MEX)', 'DEA', POLICY), undefined, /canonical/);
  markingError(() => parsePortionMarking('(S//LES/ORCON)', 'DEA', POLICY), undefined, /canonical/);
  markingError(() => parsePortionMarking('(SECRET)', 'DEA', POLICY), undefined, /portion classification/);
  markingError(() => parsePortionMarking('S//NOFORN', 'DEA', POLICY), undefined, /not a portion marking/);
  markingError(() => parsePortionMarking('(S//NF)', 'DEA', POLICY), undefined, /not in the registry/);
  markingError(() => parsePortionMarking('(S//NOFORN/REL TO USA, MEX)', 'DEA', POLICY), undefined, /exclude each other/);
  markingError(() => parseBannerMarking('(S)', 'DEA', POLICY), undefined, /not a classification/);
  markingError(() => parseBannerMarking('SECRET//', 'DEA', POLICY), undefined, /empty control/);
});

test('B1-B4: the banner is the highest classification, NOFORN wins, REL TO lists are intersected', () => {
  const a = marking('C', { relTo: ['MEX', 'COL', 'GBR'] });
  const b = marking('S', { relTo: ['MEX', 'GBR'] });
  const c = marking('U', { relTo: ['MEX', 'CAN'] });
  assert.equal(bannerMarking([a, b], POLICY), 'SECRET//REL TO USA, GBR, MEX');
  assert.equal(bannerMarking([a, b, c], POLICY), 'SECRET//REL TO USA, MEX');
  // B2
  assert.equal(bannerMarking([a, marking('U', { controls: ['NOFORN'] })], POLICY), 'CONFIDENTIAL//NOFORN');
  // B3: a portion without REL TO keeps the whole to own nationals, without claiming NOFORN.
  assert.equal(bannerMarking([a, marking('U')], POLICY), 'CONFIDENTIAL');
  // B4: an intersection naming no foreign country is NOFORN.
  assert.equal(bannerMarking([marking('S', { relTo: ['COL'] }), marking('S', { relTo: ['MEX'] })], POLICY), 'SECRET//NOFORN');
  assert.equal(bannerMarking([a], POLICY), formatBanner(a, POLICY));
});

test('B5, B6: controls are unioned (FOUO only on U banners); mixed originators are MULTIPLE SOURCES', () => {
  const fouo = marking('U', { controls: ['FOUO'], relTo: ['MEX'] });
  assert.equal(bannerMarking([fouo, marking('U', { controls: ['LES'], relTo: ['MEX'] })], POLICY), 'UNCLASSIFIED//FOUO/REL TO USA, MEX//LES');
  assert.equal(bannerMarking([fouo, marking('C', { controls: ['ORCON'], relTo: ['MEX'] })], POLICY), 'CONFIDENTIAL//ORCON/REL TO USA, MEX');
  assert.equal(combine([marking('S', { originator: 'DEA' }), marking('S', { originator: 'SEMAR' })], POLICY).originator, MULTIPLE_ORIGINATORS);
  assert.equal(combine([marking('S', { originator: 'DEA' }), marking('C', { originator: 'DEA' })], POLICY).originator, 'DEA');
  // The ORCON owner controls the whole; two owners make it no one's.
  const orcon = (originator: string) => marking('S', { controls: ['ORCON'], originator });
  assert.equal(combine([orcon('SEMAR'), marking('S', { originator: 'DEA' })], POLICY).originator, 'SEMAR');
  assert.equal(combine([orcon('SEMAR'), orcon('DEA')], POLICY).originator, MULTIPLE_ORIGINATORS);
});

test('B7: combining nothing is a usage error', () => {
  assert.throws(() => combine([], POLICY), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
});

test('releasableTo: own nationals always; foreigners only when named and not NOFORN (M8: never implied)', () => {
  const rel = marking('S', { relTo: ['MEX'] });
  assert.ok(releasableTo(rel, 'USA', POLICY) && releasableTo(rel, 'MEX', POLICY) && !releasableTo(rel, 'COL', POLICY));
  assert.ok(!releasableTo(marking('U'), 'MEX', POLICY) && releasableTo(marking('U'), 'USA', POLICY));
  assert.ok(!releasableTo(marking('C', { controls: ['NOFORN'] }), 'MEX', POLICY));
  assert.deepEqual(foreignReleasability(marking('S', { relTo: ['MEX', 'COL'] }), POLICY), ['COL', 'MEX']);
  assert.deepEqual(foreignReleasability(marking('S', { controls: ['NOFORN'] }), POLICY), []);
});
