import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNarizError } from '@nariz/core';
import { dominates, isReleasableTo, markingBanner, markingKey, portionMark, stixId, stixTimestamp, uuidV5 } from '../src/index.js';
import { marking } from './release-fixture.js';

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

test('banner and portion marks in the CAPCO register order', () => {
  assert.equal(markingBanner(marking('C', ['MEX', 'USA'])), 'CONFIDENTIAL//REL TO USA, MEX');
  assert.equal(portionMark(marking('C', ['MEX', 'USA'])), '(C//REL TO USA, MEX)');
  assert.equal(markingBanner(marking('S', [], ['NOFORN'])), 'SECRET//NOFORN');
  assert.equal(portionMark(marking('S', [], ['NOFORN'])), '(S//NF)');
  assert.equal(markingBanner(marking('TS', ['GBR', 'USA', 'CAN'], ['LES', 'FOUO'])), 'TOP SECRET//FOUO/LES/REL TO USA, CAN, GBR');
  assert.equal(markingBanner(marking('U', [])), 'UNCLASSIFIED');
  assert.equal(portionMark(marking('U', [])), '(U)');
  assert.equal(markingKey(marking('C', ['USA', 'MEX', 'MEX'], ['B', 'A'])), markingKey(marking('C', ['MEX', 'USA'], ['A', 'B'])));
  assert.notEqual(markingKey(marking('C')), markingKey({ ...marking('C'), originator: 'MEX.FGR' }));
});

test('releasability to the partner and dominance of the banner (interim rules)', () => {
  assert.ok(isReleasableTo(marking('C', ['USA', 'MEX']), 'MEX'));
  assert.ok(!isReleasableTo(marking('C', ['USA', 'COL']), 'MEX'));
  assert.ok(!isReleasableTo(marking('U', ['USA', 'MEX'], ['NOFORN']), 'MEX'));
  assert.ok(isReleasableTo(marking('U', []), 'MEX'), 'unrestricted unclassified');
  assert.ok(!isReleasableTo(marking('C', []), 'MEX'), 'classified without REL TO');
  const banner = marking('C', ['USA', 'MEX'], ['FOUO']);
  assert.ok(dominates(banner, marking('U', [])));
  assert.ok(dominates(banner, marking('C', ['USA', 'MEX', 'COL'])));
  assert.ok(dominates(banner, marking('U', ['USA', 'MEX'], ['FOUO'])));
  assert.ok(!dominates(banner, marking('S', ['USA', 'MEX'])), 'higher classification');
  assert.ok(!dominates(banner, marking('C', ['USA', 'MEX'], ['LES'])), 'control not in the banner');
  assert.ok(!dominates(banner, marking('C', ['USA'])), 'banner releases to MEX what the portion does not');
});
