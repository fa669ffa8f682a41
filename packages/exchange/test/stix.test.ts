import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { isNarizError } from '@nariz/core';
import {
  ACS_EXTENSION_ID,
  HAZARD_ZONE_EXTENSION_ID,
  TLP2_EXTENSION_ID,
  createStixValidator,
  readStixSchemas,
  stixBundle,
  tlpMarkingDefinition,
  type StixBundle,
  type StixObject,
} from '../src/index.js';
import { fixturePackage, marking } from './release-fixture.js';
import { STIX_EXAMPLES_DIR, STIX_SCHEMA_DIR, fixturePath } from './shared-data.js';

const validator = createStixValidator(readStixSchemas(STIX_SCHEMA_DIR));

function byType(b: StixBundle, type: string): StixObject[] {
  return b.objects.filter((o) => o.type === type);
}

function one(b: StixBundle, type: string): Record<string, unknown> {
  const [o, ...rest] = byType(b, type);
  assert.ok(o !== undefined && rest.length === 0, `exactly one ${type}`);
  return o as unknown as Record<string, unknown>;
}

test('every object of a generated bundle validates against its own OASIS schema', () => {
  const b = stixBundle(fixturePackage());
  assert.equal(b.objects.length, 20);
  for (const o of b.objects) {
    const r = validator.validateStixObject(o);
    assert.ok(r.valid, `${o.id}: ${JSON.stringify(r)}`);
  }
  assert.deepEqual(
    [...new Set(b.objects.map((o) => o.type))].sort(),
    ['extension-definition', 'identity', 'infrastructure', 'language-content', 'location', 'marking-definition', 'note', 'relationship', 'report', 'sighting'],
  );
});

test('ids are unique, every reference resolves inside the bundle, and a re-export is identical', () => {
  const b = stixBundle(fixturePackage());
  const ids = new Set(b.objects.map((o) => o.id));
  assert.equal(ids.size, b.objects.length);
  const refs: string[] = [];
  const collect = (v: unknown, key: string): void => {
    if (typeof v === 'string' && (key.endsWith('_ref') || key.endsWith('_refs'))) refs.push(v);
    else if (Array.isArray(v)) v.forEach((x) => collect(x, key));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k);
  };
  collect(b.objects, '');
  assert.ok(refs.length > 50);
  for (const r of refs) assert.ok(ids.has(r as StixObject['id']), `dangling reference ${r}`);
  assert.deepEqual(stixBundle(fixturePackage()), b);
  assert.equal(JSON.stringify(stixBundle(fixturePackage())), JSON.stringify(b));
  const other = stixBundle(fixturePackage({ id: 'REL-2027-0043' }));
  const shared = other.objects.filter((o) => ids.has(o.id)).map((o) => o.id);
  // Only the world-wide constants are shared between packages: TLP definitions, the Nariz identity and extension.
  assert.deepEqual(shared.sort(), [
    'extension-definition--69d2e09b-d36a-51bc-ae2a-07bdee966bf1',
    'identity--f7cd6d9f-3900-57f2-93e3-bf059eba2f78',
    'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
    'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  ]);
});

test('golden bundle for the fixed package (REGEN=1 rewrites it)', () => {
  const file = fixturePath('golden-bundle.json');
  const actual = `${JSON.stringify(stixBundle(fixturePackage()), null, 2)}\n`;
  if (process.env['REGEN'] === '1' || !existsSync(file)) writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'));
});

test('sighting of the laboratory infrastructure, located at its location, by the releasing organisation', () => {
  const b = stixBundle(fixturePackage());
  const identity = b.objects.find((o) => o.type === 'identity' && o.name === 'Nariz Joint Task Force');
  assert.ok(identity !== undefined);
  const [infra] = byType(b, 'infrastructure') as unknown as Array<Record<string, unknown>>;
  const [location] = byType(b, 'location') as unknown as Array<Record<string, unknown>>;
  const [sighting] = byType(b, 'sighting') as unknown as Array<Record<string, unknown>>;
  const [rel] = byType(b, 'relationship') as unknown as Array<Record<string, unknown>>;
  assert.equal(sighting!['sighting_of_ref'], infra!['id']);
  assert.deepEqual(sighting!['where_sighted_refs'], [identity.id]);
  assert.equal(sighting!['first_seen'], '2027-03-01T09:41:07.250Z');
  assert.equal(sighting!['confidence'], 87);
  assert.deepEqual([rel!['relationship_type'], rel!['source_ref'], rel!['target_ref']], ['located-at', infra!['id'], location!['id']]);
  assert.deepEqual([location!['latitude'], location!['longitude'], location!['precision']], [24.80912, -107.39417, 85]);
  const report = one(b, 'report');
  const content = b.objects.filter((o) => !['marking-definition', 'extension-definition', 'language-content', 'report'].includes(o.type) && o.id !== 'identity--f7cd6d9f-3900-57f2-93e3-bf059eba2f78');
  assert.deepEqual(report['object_refs'], content.map((o) => o.id));
});

test('markings: TLP 2.0 on every object, an ACS 3.0 definition per distinct marking, granular markings for differing portions', () => {
  const b = stixBundle(fixturePackage());
  const tlp = byType(b, 'marking-definition').filter((m) => m.type === 'marking-definition' && TLP2_EXTENSION_ID in m.extensions);
  assert.deepEqual(tlp.map((m) => m.id), ['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487']);
  const acs = byType(b, 'marking-definition').filter((m) => m.type === 'marking-definition' && ACS_EXTENSION_ID in m.extensions);
  assert.deepEqual(acs.map((m) => (m.type === 'marking-definition' ? m.name : '')), ['CONFIDENTIAL//REL TO USA, MEX', 'UNCLASSIFIED//REL TO USA, MEX']);
  const confidential = acs[0]!;
  assert.ok(confidential.type === 'marking-definition');
  assert.deepEqual(confidential.extensions[ACS_EXTENSION_ID], {
    extension_type: 'property-extension',
    identifier: `isa:nariz.${confidential.id.slice('marking-definition--'.length)}`,
    name: 'CONFIDENTIAL//REL TO USA, MEX',
    create_date_time: '2027-03-03T18:00:00.000Z',
    responsible_entity_custodian: 'USA.NARIZTF',
    responsible_entity_originator: 'USA.NARIZTF',
    policy_reference: 'urn:isa:policy:acs:ns:v3.0?privdefault=deny&sharedefault=deny',
    control_set: { classification: 'C', permitted_nationalities: ['USA', 'MEX'] },
  });
  for (const o of b.objects) {
    if (o.type === 'marking-definition') continue;
    const refs = o.object_marking_refs ?? [];
    assert.ok(refs.some((r) => tlp.some((t) => t.id === r)), `${o.id} has a TLP marking`);
  }
  const report = one(b, 'report');
  assert.deepEqual(report['object_marking_refs'], ['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', confidential.id]);
  // The title is UNCLASSIFIED inside a CONFIDENTIAL report.
  assert.deepEqual(report['granular_markings'], [{ selectors: ['name'], marking_ref: acs[1]!.id }]);
  const lc = one(b, 'language-content');
  assert.deepEqual(lc['granular_markings'], [{ selectors: ['contents.en.name'], marking_ref: acs[1]!.id }]);
});

test('languages: the report in Spanish, English as language-content, machine translation labelled per field', () => {
  const b = stixBundle(fixturePackage());
  const report = one(b, 'report');
  assert.equal(report['lang'], 'es');
  assert.equal(report['name'], 'Posibles laboratorios clandestinos en Culiacán');
  assert.equal(report['labels'], undefined);
  const lc = one(b, 'language-content');
  assert.equal(lc['object_ref'], report['id']);
  assert.equal(lc['object_modified'], report['modified']);
  assert.deepEqual(lc['contents'], {
    en: { name: 'Possible clandestine laboratories in Culiacán', description: 'Two HCl and acetone sources located by the flights of 1 and 2 March.' },
  });
  assert.deepEqual(lc['labels'], ['machine-translated:contents.en.name', 'machine-translated:contents.en.description']);
  const notes = byType(b, 'note') as unknown as Array<Record<string, unknown>>;
  assert.deepEqual(notes.map((n) => [n['lang'], n['labels']]), [['es', undefined], ['en', ['machine-translated:content']], ['es', undefined]]);
  // English as the primary language: the report is English and Spanish becomes the language-content.
  const en = stixBundle(fixturePackage({ language: 'en' }));
  assert.equal(one(en, 'report')['lang'], 'en');
  assert.deepEqual(one(en, 'report')['labels'], ['machine-translated:name', 'machine-translated:description']);
  assert.deepEqual(Object.keys(one(en, 'language-content')['contents'] as object), ['es']);
  // One language only: no language-content.
  const esOnly = stixBundle(fixturePackage({ texts: { es: fixturePackage().texts.es! } }));
  assert.equal(byType(esOnly, 'language-content').length, 0);
});

test('the hazard zone travels as a property extension on the location and validates against the schema in its definition', () => {
  const b = stixBundle(fixturePackage());
  const def = one(b, 'extension-definition');
  assert.equal(def['id'], HAZARD_ZONE_EXTENSION_ID);
  assert.deepEqual(def['extension_types'], ['property-extension']);
  const schema = JSON.parse(def['schema'] as string) as object;
  const check = new Ajv2020({ strict: true }).compile(schema);
  const [withZone, without] = byType(b, 'location') as unknown as Array<{ extensions?: Record<string, unknown> }>;
  const ext = withZone!.extensions?.[HAZARD_ZONE_EXTENSION_ID];
  assert.ok(check(ext), JSON.stringify(check.errors));
  assert.equal(without!.extensions, undefined);
  assert.equal((ext as { threshold_tier: string }).threshold_tier, 'AEGL-2');
  const broken = { ...(ext as object), threshold_tier: 'IDLH' };
  assert.equal(check(broken), false);
  // Without any hazard zone the definition and its author are left out.
  const plain = stixBundle(fixturePackage({ leads: fixturePackage().leads.map(({ hazardZone: _z, ...l }) => l) }));
  assert.equal(byType(plain, 'extension-definition').length, 0);
  assert.equal(plain.objects.filter((o) => o.type === 'identity').length, 1);
});

test('mutated objects fail validation with the path of the fault', () => {
  const b = stixBundle(fixturePackage());
  const get = (type: string): Record<string, unknown> => structuredClone(b.objects.find((o) => o.type === type)) as unknown as Record<string, unknown>;
  const paths = (o: unknown): string[] => {
    const r = validator.validateStixObject(o);
    assert.equal(r.valid, false, JSON.stringify(o).slice(0, 200));
    return r.valid ? [] : r.issues.map((i) => i.path);
  };
  const sighting = get('sighting');
  delete sighting['sighting_of_ref'];
  assert.ok(paths(sighting).includes('/sighting_of_ref'));
  const report = get('report');
  delete report['published'];
  assert.ok(paths(report).includes('/published'));
  const location = get('location');
  location['id'] = 'location--not-a-uuid';
  assert.ok(paths(location).includes('/id'));
  const note = get('note');
  note['created'] = '2027-13-03T18:00:00.000Z';
  assert.ok(paths(note).includes('/created'));
  const infra = get('infrastructure');
  infra['modified'] = '2027-03-03T18:00:00Z'; // created/modified need milliseconds
  assert.ok(paths(infra).includes('/modified'));
  const loc2 = get('location');
  loc2['latitude'] = 95;
  assert.ok(paths(loc2).includes('/latitude'));
  const lc = get('language-content');
  lc['object_ref'] = 'bundle--4086bed4-f474-5695-9d41-3e36ab0bafd9';
  assert.ok(paths(lc).includes('/object_ref'));
  const unknownType = { ...get('note'), type: 'x-lab' };
  assert.deepEqual(paths(unknownType), ['/type']);
});

test('refused exports: not releasable to the partner, above the banner, or a control ACS cannot carry', () => {
  const noforn = fixturePackage({ marking: marking('C', [], ['NOFORN']) });
  assert.throws(() => stixBundle(noforn), (e: unknown) => isNarizError(e, 'NARIZ_EXPORT_MARKING') && e.location?.path === 'marking');
  const notToMex = fixturePackage();
  const leads = [{ ...notToMex.leads[0]!, marking: marking('C', ['USA', 'COL']) }, notToMex.leads[1]!];
  assert.throws(() => stixBundle({ ...notToMex, leads }), (e: unknown) => isNarizError(e, 'NARIZ_EXPORT_MARKING') && e.location?.path === 'leads[0].marking');
  const above = fixturePackage();
  const aboveLeads = [{ ...above.leads[0]!, marking: marking('S') }, above.leads[1]!];
  assert.throws(() => stixBundle({ ...above, leads: aboveLeads }), (e: unknown) => isNarizError(e, 'NARIZ_EXPORT_MARKING') && /above the banner/.test(e.message));
  const unknownControl = fixturePackage({ marking: marking('C', ['USA', 'MEX'], ['ORCON']) });
  assert.throws(() => stixBundle(unknownControl), (e: unknown) => isNarizError(e, 'NARIZ_EXPORT_MARKING') && /ORCON/.test(e.message));
  // An originator that is not an ACS token is mapped to one of the own country, not refused...
  const named = stixBundle(fixturePackage({ marking: marking('C', ['USA', 'MEX'], [], 'Nariz task force') }));
  const namedBanner = named.objects.find((o) => o.type === 'marking-definition' && ACS_EXTENSION_ID in o.extensions && o.name === 'CONFIDENTIAL//REL TO USA, MEX'
    && (o.extensions[ACS_EXTENSION_ID] as { responsible_entity_originator?: string }).responsible_entity_originator === 'USA.NARIZTASKFORCE');
  assert.ok(namedBanner !== undefined);
  // ...unless nothing of it can be written as a token.
  const badOriginator = fixturePackage({ marking: marking('C', ['USA', 'MEX'], [], '— —') });
  assert.throws(() => stixBundle(badOriginator), (e: unknown) => isNarizError(e, 'NARIZ_EXPORT_MARKING') && /originator/.test(e.message));
  // Controls that ACS carries map to formal_determination / sensitivity (FOUO only on U, rule M6; LES in its own category, T1).
  const base = fixturePackage();
  const lesPkg = fixturePackage({
    marking: marking('C', ['USA', 'MEX'], ['LES']),
    leads: [base.leads[0]!, { ...base.leads[1]!, marking: marking('U', ['USA', 'MEX'], ['FOUO', 'LES']) }],
  });
  const les = stixBundle(lesPkg);
  const controlSet = (name: string): unknown => {
    const d = les.objects.find((o) => o.type === 'marking-definition' && o.name === name);
    assert.ok(d !== undefined && d.type === 'marking-definition', name);
    return (d.extensions[ACS_EXTENSION_ID] as { control_set: unknown }).control_set;
  };
  assert.deepEqual(controlSet('CONFIDENTIAL//REL TO USA, MEX//LES'), {
    classification: 'C',
    sensitivity: ['LES'],
    permitted_nationalities: ['USA', 'MEX'],
  });
  assert.deepEqual(controlSet('UNCLASSIFIED//FOUO/REL TO USA, MEX//LES'), {
    classification: 'U',
    formal_determination: ['FOUO'],
    sensitivity: ['LES'],
    permitted_nationalities: ['USA', 'MEX'],
  });
});

test('TLP 2.0 definitions are the OASIS objects for every level and validate', () => {
  const expected = {
    clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
    green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
    amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
    'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
    red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
  } as const;
  for (const [level, id] of Object.entries(expected)) {
    const d = tlpMarkingDefinition(level as keyof typeof expected);
    assert.equal(d.id, id);
    assert.equal(d.name, `TLP:${level.toUpperCase()}`);
    assert.ok(validator.validateStixObject(d).valid, level);
  }
});

test('the official bundle schema rejects valid location, note and extension-definition objects (why objects are validated one by one)', () => {
  const b = stixBundle(fixturePackage());
  const r = validator.validateStixObject(b);
  assert.equal(r.valid, false);
  const rejected = new Set(r.valid ? [] : r.issues.map((i) => b.objects[Number(i.path.split('/')[2])]?.type));
  assert.deepEqual([...rejected].sort(), ['extension-definition', 'location', 'note']);
  for (const o of b.objects) assert.ok(validator.validateStixObject(o).valid);
});

/**
 * The shared OASIS examples (stix/examples), each object against its own
 * schema. They were written for STIX 2.0 and converted; the ones that do
 * not validate as 2.1 are listed with the reason.
 */
test('the shared OASIS examples validate object by object, except the documented 2.0 leftovers', () => {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d, { withFileTypes: true })) {
      if (n.isDirectory()) walk(join(d, n.name));
      else if (n.name.endsWith('.json')) files.push(join(d, n.name));
    }
  };
  walk(STIX_EXAMPLES_DIR);
  assert.ok(files.length >= 8);
  const failures: string[] = [];
  let checked = 0;
  for (const f of files) {
    const doc = JSON.parse(readFileSync(f, 'utf8')) as { type: string; objects?: unknown[] };
    // A file is a bundle, or one object (interop-objectmarking-test.json).
    for (const o of doc.type === 'bundle' ? (doc.objects ?? []) : [doc]) {
      checked++;
      const r = validator.validateStixObject(o);
      if (!r.valid) failures.push(`${f.slice(STIX_EXAMPLES_DIR.length)} ${(o as { id: string }).id}: ${r.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    }
  }
  assert.equal(checked, 260, `${checked} objects`);
  assert.deepEqual(failures, KNOWN_EXAMPLE_FAILURES, failures.join('\n'));
});

const KNOWN_EXAMPLE_FAILURES: string[] = [];
