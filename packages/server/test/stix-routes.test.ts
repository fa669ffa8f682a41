/**
 * STIX 2.1 at the platform's exits, against a real server and store
 * (docs/exchange/stix.md, "In the platform"): a release of a located lead
 * as a bundle for the analyst and for the partner who received it, every
 * object valid against the full shared OASIS schemas, deterministic, with
 * the hazard zone and the markings, and nothing withheld from the release;
 * the markings deciding who gets it (another country's official, a
 * lower-cleared one: 404); and the refusals, each audited: a lead without
 * the values STIX needs, a control ACS cannot carry, and a stored package
 * that would carry a portion its partner may not see (defence in depth).
 * The vendored schema subset is checked against the shared files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { STIX_MEDIA_TYPE } from '@nariz/exchange';
import { makeMarking, securityPolicy } from '@nariz/security';
import { leadId, releaseId } from '@nariz/store';
import { canonicalJson, sha256Hex } from '../src/leads/canonical-json.js';
import { SIMULATED_TAG } from '../src/exchange/release-to-package.js';
import { STIX_SCHEMA_DIR, stixValidator } from '../src/exchange/stix-validation.js';
import { bearer, fetchRaw, locatedLead, sharedStixValidator, SHARED_STIX_SCHEMAS } from './exchange-fixtures.js';
import { call, startServer } from './harness.js';
import { cleared, errorCode, leadByHand, mark, release } from './lead-fixtures.js';

const T0 = Date.parse('2026-11-27T10:00:00Z');

interface StixObj {
  type: string;
  id: string;
  [k: string]: unknown;
}
interface Bundle {
  type: string;
  id: string;
  objects: StixObj[];
}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json')) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

function refsOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(refsOf);
  if (v !== null && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, x]) => (k === '$ref' && typeof x === 'string' ? [x] : refsOf(x)));
  }
  return [];
}

test('the vendored STIX schemas are byte-identical copies of the shared OASIS files, closed under $ref, with the licence; they cover every type the exporter emits', () => {
  const files = jsonFiles(STIX_SCHEMA_DIR);
  assert.equal(files.length, 23);
  for (const f of files) {
    assert.equal(readFileSync(join(STIX_SCHEMA_DIR, f), 'utf8'), readFileSync(join(SHARED_STIX_SCHEMAS, f), 'utf8'), f);
    for (const ref of refsOf(JSON.parse(readFileSync(join(STIX_SCHEMA_DIR, f), 'utf8')))) {
      const file = ref.split('#')[0]!;
      if (file === '') continue;
      const target = relative(STIX_SCHEMA_DIR, resolve(dirname(join(STIX_SCHEMA_DIR, f)), file));
      assert.ok(files.includes(target), `${f} refers to ${target}, which is not vendored`);
    }
  }
  assert.equal(readFileSync(join(STIX_SCHEMA_DIR, '..', 'schemas', 'LICENSE'), 'utf8'), readFileSync(join(SHARED_STIX_SCHEMAS, '..', 'LICENSE'), 'utf8'));
  const types = stixValidator().types;
  for (const t of ['marking-definition', 'extension-definition', 'identity', 'infrastructure', 'location', 'relationship', 'sighting', 'note', 'report', 'language-content']) {
    assert.ok(types.includes(t), `a schema for ${t}`);
  }
});

test('a located lead released to Mexico leaves as one valid STIX 2.1 bundle for the analyst and for the Mexican official — the same bytes each time, with its hazard zone and markings and without what stayed behind; other officials get 404; every export is audited', async () => {
  let t = T0;
  const s = await startServer({ jobThreads: 1, now: () => new Date(t) });
  try {
    const ana = await cleared(s.store, 'mruiz', 'analyst', { clearance: 'TS', accesses: ['LES'] });
    const capitan = await cleared(s.store, 'capitan-soto', 'partner', { clearance: 'S', nationality: 'MEX', organisation: 'SEMAR' });
    const teniente = await cleared(s.store, 'teniente', 'partner', { clearance: 'C', nationality: 'MEX', organisation: 'SEMAR' });
    const coronel = await cleared(s.store, 'coronel', 'partner', { clearance: 'TS', nationality: 'COL', organisation: 'DIRAN' });
    const { lead, estimate } = await locatedLead(s, ana, { sortieId: 'up-lab', title: 'Presunto laboratorio en el rancho El Nogal', marking: mark('S', ['MEX']) });
    for (const body of [
      { kind: 'note', text: 'Drums of precursor behind the barn.', lang: 'en', marking: mark('S', ['MEX']) },
      { kind: 'note', text: 'Informant GOLF-2 names the cook.', lang: 'en', marking: mark('S', [], ['NOFORN']) },
    ]) assert.equal((await call(s.base, 'POST', `/api/leads/${lead.id}/evidence`, body, { auth: ana.auth })).status, 201);
    t += 3 * 3_600_000;
    const rel = await release(s.base, ana, lead.id, 'MEX', 'SEMAR UNOPES', 'es');
    assert.deepEqual(rel.withheld, { notes: 1, other_evidence: 0 });

    const path = `/api/leads/${lead.id}/releases/${rel.release.id}/stix`;
    const got = await fetchRaw(s.base, path, bearer(ana));
    assert.equal(got.status, 200, got.text);
    assert.equal(got.headers.get('content-type'), STIX_MEDIA_TYPE);
    assert.match(got.headers.get('content-disposition') ?? '', /attachment; filename="release-.+\.stix\.json"/);
    const bundle = JSON.parse(got.text) as Bundle;
    assert.equal(bundle.type, 'bundle');

    // Every object validates against the shared OASIS schemas (all of them, not the server's subset).
    const v = sharedStixValidator();
    for (const o of bundle.objects) assert.deepEqual(v.validateStixObject(o), { valid: true }, `${o.type} ${o.id}`);
    const types = bundle.objects.map((o) => o.type);
    assert.deepEqual([...new Set(types)].sort(), ['extension-definition', 'identity', 'infrastructure', 'location', 'marking-definition', 'note', 'relationship', 'report', 'sighting']);
    assert.equal(types.filter((x) => x === 'note').length, 1, 'the NOFORN note stayed behind');

    // The lead: its place, its probability, its hazard zone, the release time; TLP:AMBER+STRICT and the ACS marking of S//REL TO USA, MEX.
    const of = (type: string): StixObj => bundle.objects.find((o) => o.type === type)!;
    const infra = of('infrastructure');
    const loc = of('location');
    // Exercise data says so in the title every consumer shows (the sortie was uploaded as simulated).
    const tag = rel.package['simulated'] === true ? `${SIMULATED_TAG.es} ` : '';
    assert.equal(infra['name'], `${tag}Presunto laboratorio en el rancho El Nogal`);
    assert.deepEqual(infra['labels'], ['suspected-clandestine-laboratory', 'status:released']);
    assert.equal(infra['confidence'], Math.round(lead.lab_probability! * 100));
    assert.equal(infra['first_seen'], lead.detected_at);
    assert.deepEqual([loc['latitude'], loc['longitude'], loc['precision']], [lead.lat, lead.lon, lead.ci95_m]);
    const zone = Object.values(loc['extensions'] as Record<string, { geometry: { type: string; coordinates: unknown }; threshold_tier: string; threshold_units: string }>)[0]!;
    assert.equal(zone.geometry.type, 'Polygon');
    const features = (rel.package['lead'] as { hazard_zone: { features: Array<{ geometry: { type: string; coordinates: unknown }; properties: { kind: string; tier: string } }> } }).hazard_zone.features;
    const source = features.find((f) => JSON.stringify(f.geometry.coordinates) === JSON.stringify(zone.geometry.coordinates));
    assert.ok(source !== undefined, 'the zone is one of the release’s zones');
    assert.equal(source.properties.tier, zone.threshold_tier);
    if (features.some((f) => f.properties.kind === 'direction-uncertainty' && f.geometry.type === 'Polygon')) assert.equal(source.properties.kind, 'direction-uncertainty', 'the envelope over the wind’s uncertainty');
    assert.equal(zone.threshold_units, 'ppm');
    assert.equal(of('report')['published'], new Date(T0 + 3 * 3_600_000).toISOString());
    assert.equal(of('report')['lang'], 'es');
    const definitions = bundle.objects.filter((o) => o.type === 'marking-definition');
    assert.ok(definitions.some((d) => d['name'] === 'TLP:AMBER+STRICT'), definitions.map((d) => d['name']).join(', '));
    assert.ok(definitions.some((d) => d['name'] === 'SECRET//REL TO USA, MEX'));
    assert.equal(of('note')['content'], 'Drums of precursor behind the barn.');

    // Nothing of what stayed behind, nor the sources and methods around it.
    for (const f of ['GOLF-2', 'Informant', 'mruiz', 'up-lab', estimate.job_id, 'Halcon']) assert.ok(!got.text.includes(f), `the bundle holds "${f}"`);

    // Deterministic: the same bytes again, and for the official it went to.
    assert.equal((await fetchRaw(s.base, path, bearer(ana))).text, got.text);
    const partnerPath = `/api/partner/packages/${rel.release.id}/stix`;
    const theirs = await fetchRaw(s.base, partnerPath, bearer(capitan));
    assert.equal(theirs.status, 200, theirs.text);
    assert.equal(theirs.text, got.text);

    // Another country's official, and one cleared below the banner: a 404 like a missing package; the partner may not use the analysts' route.
    for (const who of [coronel, teniente]) {
      const r = await call(s.base, 'GET', partnerPath, undefined, { auth: who.auth });
      assert.equal(r.status, 404, who.username);
      assert.equal(errorCode(r), 'NARIZ_NOT_FOUND');
    }
    assert.equal((await call(s.base, 'GET', path, undefined, { auth: capitan.auth })).status, 403);
    assert.equal((await call(s.base, 'GET', `/api/leads/${lead.id}/releases/nope/stix`, undefined, { auth: ana.auth })).status, 404);

    const audit = await s.store.audit.list({ action: 'stix.export' });
    assert.deepEqual(audit.map((e) => [e.actor, e.details['via'], e.details['objects']]).sort(), [
      ['capitan-soto', 'partner', bundle.objects.length], ['mruiz', 'api', bundle.objects.length], ['mruiz', 'api', bundle.objects.length],
    ]);
    for (const e of audit) assert.ok(!JSON.stringify(e.details).includes('Presunto'), 'counts, not contents');
  } finally {
    await s.close();
  }
});

test('refused, and audited: a lead without a time of first detection (STIX needs one; none is invented), a PROPIN portion (ISA ACS has no equivalent), and a stored package carrying a NOFORN note (the exit re-check)', async () => {
  const s = await startServer();
  try {
    const ana = await cleared(s.store, 'mruiz', 'analyst', { clearance: 'TS', accesses: ['LES', 'PROPIN'] });
    const stixOf = async (leadIdText: string, rid: string): Promise<{ status: number; code: string | undefined; path: string | undefined }> => {
      const r = await call(s.base, 'GET', `/api/leads/${leadIdText}/releases/${rid}/stix`, undefined, { auth: ana.auth });
      return { status: r.status, code: errorCode(r), path: (r.json as { error?: { location?: { path?: string } } }).error?.location?.path };
    };

    const undated = await leadByHand(s.base, ana, { marking: mark('C', ['MEX']), confirm: true });
    const r1 = await release(s.base, ana, undated.id, 'MEX', 'FGR Sinaloa');
    assert.deepEqual(await stixOf(undated.id, r1.release.id), { status: 422, code: 'NARIZ_EXPORT_INCOMPLETE', path: 'lead.detected_at' });

    const propin = await leadByHand(s.base, ana, { marking: mark('S', ['MEX'], ['PROPIN']), detected_at: '2026-11-20T03:00:00Z', confirm: true });
    const r2 = await release(s.base, ana, propin.id, 'MEX', 'FGR Sinaloa');
    assert.equal((await stixOf(propin.id, r2.release.id)).code, 'NARIZ_EXPORT_MARKING');

    // A package that breaks the release rules cannot be made through the API; written straight into the store, it is refused at the exit.
    const good = await leadByHand(s.base, ana, { marking: mark('S', ['MEX']), detected_at: '2026-11-20T03:00:00Z', confirm: true });
    const r3 = await release(s.base, ana, good.id, 'MEX', 'FGR Sinaloa');
    assert.equal((await stixOf(good.id, r3.release.id)).status, 200);
    const policy = securityPolicy('USA');
    const noforn = makeMarking({ classification: 'S', controls: ['NOFORN'], relTo: [], originator: 'task force' }, policy);
    const stored = r3.package as Record<string, unknown> & { versions: Record<'en' | 'es', { notes: unknown[] }> };
    const text = { text: 'Informant GOLF-2 names the cook.', lang: 'en', original_lang: 'en', translation: 'original' };
    const forged = {
      ...stored, id: 'forged-1', created_at: new Date(Date.parse(String(stored['created_at'])) + 1000).toISOString(),
      notes: [{ portion: '(S//NOFORN)', marking: noforn }],
      versions: { en: { ...stored.versions.en, notes: [text] }, es: { ...stored.versions.es, notes: [{ ...text, translation: 'not-translated' }] } },
    };
    const json = canonicalJson(forged);
    await s.store.releases.createRelease({
      id: releaseId('forged-1'), leadId: leadId(good.id), partnerCountry: 'MEX', partnerUnit: 'FGR Sinaloa', language: 'es', createdBy: 'mruiz', createdAt: forged.created_at,
      banner: r3.release.banner, marking: makeMarking({ controls: [], relTo: [], ...r3.release.marking }, policy), packageJson: json, sha256: sha256Hex(json), html: { en: '', es: '' }, fromStatus: 'released', note: '',
    });
    assert.deepEqual(await stixOf(good.id, 'forged-1'), { status: 422, code: 'NARIZ_EXPORT_MARKING', path: 'notes[0].marking' });

    const refused = await s.store.audit.list({ action: 'export.refused' });
    assert.deepEqual(refused.map((e) => [e.target, e.details['format'], e.details['code'], e.details['path']]).sort(), [
      ['forged-1', 'stix', 'NARIZ_EXPORT_MARKING', 'notes[0].marking'],
      [r1.release.id, 'stix', 'NARIZ_EXPORT_INCOMPLETE', 'lead.detected_at'],
      [r2.release.id, 'stix', 'NARIZ_EXPORT_MARKING', undefined],
    ].sort());
    assert.equal((await s.store.audit.list({ action: 'stix.export' })).length, 1, 'only the good release was exported');
  } finally {
    await s.close();
  }
});
