import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoTParser } from '@tak-ps/node-cot';
import { createRng, isNarizError } from '@nariz/core';
import {
  CotStreamSplitter,
  HAZARD_COT_TYPE,
  LAB_COT_TYPE,
  SIGMA_PER_R95,
  cotDocument,
  cotEvents,
  hazardColours,
  hazardZoneUid,
  labUid,
  ringCentre,
  type CotEvent,
} from '../src/index.js';
import { fixturePackage, marking, octagonZone } from './release-fixture.js';
import { COT_EXAMPLES_DIR, fixturePath } from './shared-data.js';
import { xmllintValidate } from './xmllint.js';

function assertAllValid(docs: readonly string[]): void {
  xmllintValidate(docs).forEach((r, i) => assert.ok(r.valid, `document ${i}: ${r.messages}\n${docs[i]}`));
}

function point(cot: ReturnType<typeof CoTParser.from_xml>): { lat: number; lon: number; ce: number } {
  const p = cot.raw.event.point._attributes;
  return { lat: Number(p.lat), lon: Number(p.lon), ce: Number(p.ce) };
}

test('every event validates against the MITRE CoT base event schema (xmllint), as stream element and as .cot document', () => {
  const events = cotEvents(fixturePackage());
  assert.deepEqual(events.map((e) => e.type), [LAB_COT_TYPE, HAZARD_COT_TYPE, LAB_COT_TYPE]);
  assertAllValid(events.map((e) => e.xml));
  assertAllValid(events.map(cotDocument));
});

test('node-cot parses every event back to the same uid, type, position and polygon vertices', async () => {
  const pkg = fixturePackage();
  const [lab, zone, lab2] = cotEvents(pkg) as [CotEvent, CotEvent, CotEvent];
  const lead = pkg.leads[0]!;
  const a = CoTParser.from_xml(lab.xml);
  assert.equal(a.uid(), labUid(pkg, lead));
  assert.equal(a.type(), 'a-u-G-I');
  assert.equal(a.raw.event._attributes.how, 'm-f');
  assert.equal(a.callsign(), lead.title);
  const p = point(a);
  assert.equal(p.lat, lead.location.lat);
  assert.equal(p.lon, lead.location.lon);
  assert.ok(Math.abs(p.ce - lead.location.ci95M * SIGMA_PER_R95) <= 0.05);
  const feature = await CoTParser.to_geojson(a);
  assert.equal(feature.geometry.type, 'Point');
  assert.match(String(feature.properties.remarks), /^\(C\/\/REL TO USA, MEX\) Rancho El Mirador/);
  assert.match(String(feature.properties.remarks), /<sin nombre>/);

  const z = CoTParser.from_xml(zone.xml);
  assert.equal(z.uid(), hazardZoneUid(pkg, lead, 'AEGL-2'));
  assert.equal(z.type(), 'u-d-f');
  const zf = await CoTParser.to_geojson(z);
  assert.equal(zf.geometry.type, 'Polygon');
  const ring = lead.hazardZone!.geometry.coordinates[0]!;
  const parsed = (zf.geometry as { coordinates: number[][][] }).coordinates[0]!;
  assert.equal(parsed.length, ring.length);
  parsed.forEach(([lon, lat], i) => {
    assert.ok(Math.abs(lon! - ring[i]![0]) < 1e-7 && Math.abs(lat! - ring[i]![1]) < 1e-7, `vertex ${i}`);
  });
  const { stroke, fill } = hazardColours('AEGL-2');
  assert.equal(zf.properties.stroke, '#FF8000');
  assert.equal(zf.properties['stroke-opacity'], 1);
  assert.ok(Math.abs(Number(zf.properties['fill-opacity']) - 77 / 255) < 1e-9);
  assert.equal(z.raw.event.detail?.strokeColor?._attributes?.value, stroke);
  assert.equal(z.raw.event.detail?.fillColor?._attributes?.value, fill);

  assert.equal(CoTParser.from_xml(lab2.xml).uid(), labUid(pkg, pkg.leads[1]!));
});

test('the validator wrapper passes the TAK/MITRE example events and fails broken ones', () => {
  const files = readdirSync(COT_EXAMPLES_DIR).filter((f) => f.endsWith('.cot')).sort();
  assert.equal(files.length, 12);
  const docs = files.map((f) => readFileSync(join(COT_EXAMPLES_DIR, f), 'utf8'));
  assertAllValid(docs);
  const spot = docs[files.indexOf('Marker---Spot.cot')]!;
  const broken = [
    spot.replace("lat='38.85606343062312'", "lat='91'"),
    spot.replace(" how='h-g-i-g-o'", ''),
    spot.replace("time='2020-12-16T19:59:34.913Z'", "time='yesterday'"),
    spot.replace("lon='-77.0563755018233'", "lon='-7.7e1'"),
  ];
  const results = xmllintValidate(broken);
  results.forEach((r, i) => assert.equal(r.valid, false, `broken ${i} should fail`));
  assert.match(results[0]!.messages, /lat/);
});

test('hostile text is escaped: quotes, markup, newlines, control characters, astral and lone surrogates', () => {
  const nasty = 'A "lab" <b>&amp;</b> \'x\'\n\tline\u0001\u0008 🧪 \uD800 end';
  const pkg = fixturePackage();
  const lead = { ...pkg.leads[1]!, title: nasty, notes: [{ text: `nota ${nasty}`, lang: 'es' as const, marking: marking('U'), machineTranslated: true }] };
  const events = cotEvents({ ...pkg, leads: [lead] });
  assertAllValid(events.map((e) => e.xml));
  const cot = CoTParser.from_xml(events[0]!.xml);
  const expected = nasty.replace('\u0001', '\uFFFD').replace('\u0008', '\uFFFD').replace('\uD800', '\uFFFD');
  assert.equal(cot.callsign(), expected);
  const remarks = String(cot.raw.event.detail?.remarks?._text);
  assert.ok(remarks.endsWith(`(U//REL TO USA, MEX) [traducción automática] nota ${expected}`), remarks);
});

test('remarks: only notes in the package language that the lead marking covers; 95 % radius to 1-sigma ce', () => {
  const pkg = fixturePackage();
  const lead = pkg.leads[0]!;
  const above = { text: 'secreto', lang: 'es' as const, marking: marking('C', ['USA', 'MEX'], ['LES']), machineTranslated: false };
  const [lab] = cotEvents({ ...pkg, marking: marking('C', ['USA', 'MEX'], ['LES']), leads: [{ ...lead, notes: [...lead.notes, above] }] });
  const remarks = String(CoTParser.from_xml(lab!.xml).raw.event.detail?.remarks?._text);
  assert.deepEqual(remarks.split('\n'), [
    '(C//REL TO USA, MEX) Rancho El Mirador — posible laboratorio',
    '(C//REL TO USA, MEX) Firma de HCl y acetona a sotavento; el viento del suroeste era estable (clase D).',
    '(U//REL TO USA, MEX) Acceso por camino de terracería <sin nombre> al norte.',
  ]);
  // r95 = sigma * sqrt(-2 ln 0.05) for a circular normal.
  assert.ok(Math.abs(1 / SIGMA_PER_R95 - 2.447746830680816) < 1e-12);
  assert.match(lab!.xml, /ce="34\.7"/);
});

test('polygon centre and enclosing radius: a square and the fixture octagon', () => {
  // 0.01 degrees square at the equator: centre in the middle, corners ~786 m away.
  const sq = ringCentre([[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]]);
  assert.ok(Math.abs(sq.lat - 0.005) < 1e-9 && Math.abs(sq.lon - 0.005) < 1e-9, JSON.stringify(sq));
  assert.ok(Math.abs(sq.radiusM - Math.hypot(556.6, 552.9)) < 2, String(sq.radiusM));
  const oct = octagonZone(24.8, -107.4, 180, 0);
  const c = ringCentre(oct.geometry.coordinates[0]!);
  assert.ok(Math.abs(c.lat - 24.8) < 1e-6 && Math.abs(c.lon + 107.4) < 1e-6);
  assert.ok(Math.abs(c.radiusM - 180) < 1, String(c.radiusM));
});

test('uids: a lead keeps its uids from one release to the next; leads and tiers differ', () => {
  const a = fixturePackage();
  const b = fixturePackage({ id: 'REL-2027-0099', createdAt: '2027-04-01T00:00:00.000Z' });
  assert.deepEqual(cotEvents(a).map((e) => e.uid), cotEvents(b).map((e) => e.uid));
  const uids = cotEvents(a).map((e) => e.uid);
  assert.equal(new Set(uids).size, uids.length);
  assert.notEqual(hazardZoneUid(a, a.leads[0]!, 'AEGL-2'), hazardZoneUid(a, a.leads[0]!, 'AEGL-3'));
  assert.match(uids[0]!, /^nariz-lab-[0-9a-f-]{36}$/);
});

test('a package with a portion not releasable to the partner yields no events', () => {
  const pkg = fixturePackage();
  const leads = [{ ...pkg.leads[0]!, marking: marking('C', [], ['NOFORN']) }];
  assert.throws(() => cotEvents({ ...pkg, leads }), (e: unknown) => isNarizError(e, 'NARIZ_EXPORT_MARKING'));
});

test('golden events for the fixed package (REGEN=1 rewrites them)', () => {
  const file = fixturePath('golden-events.xml');
  const actual = `${cotEvents(fixturePackage()).map((e) => e.xml).join('\n')}\n`;
  if (process.env['REGEN'] === '1' || !existsSync(file)) writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'));
});

test('stream splitter: events cut at random byte boundaries (seeded) come back whole, declarations and whitespace dropped', () => {
  const events = cotEvents(fixturePackage()).map((e) => e.xml);
  const stream = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${events.join('')}\n${events.join('\n')}`, 'utf8');
  const expected = [...events, ...events];
  for (let seed = 1; seed <= 40; seed++) {
    const rng = createRng(seed);
    const splitter = new CotStreamSplitter();
    const got: string[] = [];
    for (let i = 0; i < stream.length; ) {
      const n = 1 + Math.floor(rng.uniform(0, 97));
      got.push(...splitter.push(stream.subarray(i, i + n)));
      i += n;
    }
    assert.deepEqual(got, expected, `seed ${seed}`);
    assert.equal(splitter.bufferedBytes, 0);
  }
});
