import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNarizError } from '@nariz/core';
import { bannerMarking, formatBanner, makeMarking, securityPolicy, type Marking } from '@nariz/security';
import { dominates } from '@nariz/security';
import { markingKey, relToList, stixId, stixTimestamp, uuidV5 } from '../src/index.js';
import { POLICY, marking } from './release-fixture.js';

test('UUIDv5: RFC 9562 / Python uuid5 vectors, version and variant bits', () => {
  const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
  const URL_NS = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
  assert.equal(uuidV5(DNS, 'www.example.com'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
  assert.equal(uuidV5(DNS, 'python.org'), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
  assert.equal(uuidV5(URL_NS, 'https://nariz.example/exchange'), 'e44515e7-d9d8-5f17-aa20-7e7984482cb0');
  const id = stixId('note', 'REL-1', 'lead/L-1/note/0');
  assert.match(id, /^note--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(stixId('note', 'REL-1', 'lead/L-1/note/0'), id);
  assert.notEqual(stixId('note', 'REL-2', 'lead/L-1/note/0'), id);
  assert.throws(() => uuidV5('not-a-uuid', 'x'), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
});

test('STIX timestamps: exactly milliseconds, UTC; garbage is a usage error', () => {
  assert.equal(stixTimestamp('2027-03-03T18:00:00Z'), '2027-03-03T18:00:00.000Z');
  assert.equal(stixTimestamp('2027-03-03T19:00:00.123456+01:00'), '2027-03-03T18:00:00.123Z');
  assert.throws(() => stixTimestamp('soon'), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
});

test('marking keys and REL TO lists: canonical markings, REL TO in security\'s banner order (ids stay as they were)', () => {
  // The key is what acs/<key> STIX ids derive from; this is its format for the fixture marking.
  assert.equal(markingKey(marking('C'), POLICY), '["C",[],["USA","MEX"],"USA.NARIZTF"]');
  assert.equal(markingKey(marking('C', ['MEX', 'USA']), POLICY), markingKey(marking('C', ['USA', 'MEX']), POLICY));
  assert.notEqual(markingKey(marking('C'), POLICY), markingKey(marking('C', ['USA', 'MEX'], [], 'MEX.FGR'), POLICY));
  assert.deepEqual(relToList(marking('TS', ['GBR', 'USA', 'CAN'], ['LES']), POLICY), ['USA', 'CAN', 'GBR']);
  assert.deepEqual(relToList(marking('S', [], ['NOFORN']), POLICY), []);
  assert.deepEqual(relToList(marking('U', []), POLICY), []);
  // The lists follow the text security writes (rule T3), whatever the own country.
  for (const m of [marking('TS', ['GBR', 'USA', 'CAN'], ['LES']), marking('C'), marking('S', [], ['NOFORN'])]) {
    const rel = relToList(m, POLICY);
    assert.equal(formatBanner(m, POLICY).includes(`REL TO ${rel.join(', ')}`), rel.length > 0);
  }
  const mex = securityPolicy('MEX');
  const m = makeMarking({ classification: 'C', controls: [], relTo: ['USA', 'COL'], originator: 'MEX.FGR' }, mex);
  assert.deepEqual(relToList(m, mex), ['MEX', 'COL', 'USA']);
});

test('dominance (a portion above the banner) is derived from security\'s combine', () => {
  const banner = marking('C', ['USA', 'MEX'], ['LES']);
  const cases: Array<[Marking, boolean, string]> = [
    [marking('C', ['USA', 'MEX', 'COL']), true, 'a wider REL TO'],
    [marking('U', ['USA', 'MEX'], ['FOUO']), true, 'FOUO leaves a classified banner (B5)'],
    [marking('C', ['USA', 'MEX'], ['LES'], 'MEX.FGR'), true, 'another originator, no ORCON'],
    [marking('U', []), false, 'no REL TO stays with own nationals (M8, B3)'],
    [marking('S', ['USA', 'MEX']), false, 'higher classification (B1)'],
    [marking('C', ['USA', 'MEX'], ['PROPIN']), false, 'a control not in the banner (B5)'],
    [marking('C', [], ['NOFORN']), false, 'NOFORN (B2)'],
    [marking('C', ['USA', 'COL']), false, 'the intersection loses MEX (B4)'],
  ];
  for (const [portion, expected, why] of cases) {
    assert.equal(dominates(banner, portion, POLICY), expected, why);
    // Dominance means the banner is what security would write over both.
    assert.equal(bannerMarking([banner, portion], POLICY) === formatBanner(banner, POLICY), expected, `${why}: text`);
  }
  // ORCON: the originator matters only through it (A4, B6).
  const orcon = marking('C', ['USA', 'MEX'], ['ORCON']);
  assert.ok(dominates(orcon, marking('C', ['USA', 'MEX'], ['ORCON']), POLICY));
  assert.ok(dominates(orcon, marking('C', ['USA', 'MEX'], [], 'MEX.FGR'), POLICY));
  assert.ok(!dominates(orcon, marking('C', ['USA', 'MEX'], ['ORCON'], 'MEX.FGR'), POLICY), 'mixed ORCON owners');
  // A NOFORN banner covers a portion releasable to partners, never the reverse.
  assert.ok(dominates(marking('S', [], ['NOFORN']), marking('C', ['USA', 'MEX']), POLICY));
  assert.ok(!dominates(marking('S', ['USA', 'MEX']), marking('C', [], ['NOFORN']), POLICY));
});
