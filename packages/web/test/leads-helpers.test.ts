/**
 * The leads screens' pure parts: the readers refusing bad shapes with the
 * path of the bad field, the marking pickers' rules, the forms' readers and
 * request bodies, the country table (the same 249 codes the server
 * accepts), the lifecycle as the screens read it, the map features and the
 * durations' format.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTROLS as SECURITY_CONTROLS, ISO_3166_ALPHA3 } from '@nariz/security';
import { EVIDENCE_KINDS as STORE_EVIDENCE_KINDS, LEAD_STATUSES as STORE_LEAD_STATUSES, OUTCOME_KINDS as STORE_OUTCOME_KINDS } from '@nariz/store';
import { readLeadDashboard } from '../src/api/schema/lead-dashboard.js';
import { EVIDENCE_KINDS, LEAD_STATUSES, OUTCOME_KINDS, readLeadBody, readLeadDetail, readLeadPage, type Lead } from '../src/api/schema/lead.js';
import { CLASSIFICATIONS, CONTROLS, readMarking } from '../src/api/schema/marking.js';
import { readPackageDetail, readPackageList } from '../src/api/schema/partner-package.js';
import { SchemaError } from '../src/api/schema/read.js';
import { readReleaseAnswer, readReleasePackage } from '../src/api/schema/release-package.js';
import { readSession } from '../src/api/schema/session.js';
import { readUserList } from '../src/api/schema/user.js';
import { formatHours } from '../src/format/hours.js';
import { leadCircle, leadPoints } from '../src/geo/lead-features.js';
import { packageFeatures } from '../src/geo/package-features.js';
import { COUNTRY_CODES, countryName, countryOptions, isCountryCode } from '../src/leads/countries.js';
import { analystTransitions, awaitedFromPartner, partnerUpdatesFrom, releasable, STATUS_COLOURS } from '../src/leads/lead-lifecycle.js';
import {
  actionJson, evidenceJson, leadPatchJson, localInputToIso, newLeadJson, outcomeJson, packageRenderingUrl, parseQuantity, readActionForm, readEvidenceForm,
  readLeadText, readOutcomeForm, readReleaseForm, releaseRenderingUrl, releaseRequestJson,
} from '../src/leads/lead-request.js';
import { addRelTo, classificationWithin, controlWithin, draftMarking, draftOf, emptyDraft, removeRelTo, toggleControl, withClassification } from '../src/leads/marking-draft.js';

const marking = { classification: 'U', controls: [], relTo: ['MEX', 'USA'], originator: 'task force' };

const leadJson = {
  id: '0b6c1e9e-2f55-4b0a-9d7e-1c2d3e4f5a6b',
  title: 'Suspected lab',
  summary: '',
  lang: 'en',
  status: 'confirmed',
  lat: 29.1,
  lon: -110.95,
  ci95_m: 40,
  lab_probability: 0.93,
  source: { sortie_id: 'demo-west', job_id: 'job-1', source_index: 0 },
  detected_at: '2026-01-01T02:00:00.000Z',
  partner_country: null,
  partner_unit: null,
  created_by: 'admin',
  created_at: '2026-01-01T03:00:00.000Z',
  updated_at: '2026-01-01T03:10:00.000Z',
  marking,
  portion: '(U//REL TO USA, MEX)',
  next_states: [{ status: 'candidate', via: 'transition' }, { status: 'released', via: 'release' }, { status: 'closed', via: 'transition' }],
};

const zone = {
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [[[-110.95, 29.1], [-110.94, 29.1], [-110.94, 29.11], [-110.95, 29.1]]] },
  properties: { kind: 'footprint', level: 3, tier: 'AEGL-3', chemical: 'hcl', threshold_ppm: 22, threshold_mg_m3: 33, max_downwind_m: 640 },
};
const version = (language: string): Record<string, unknown> => ({
  language,
  texts: {},
  title: { text: 'Suspected lab', lang: 'en', original_lang: 'en', translation: language === 'en' ? 'original' : 'not-translated' },
  summary: { text: '', lang: 'en', original_lang: 'en', translation: 'original' },
  notes: [{ text: 'Ventilation stack', lang: 'en', original_lang: 'en', translation: language === 'en' ? 'original' : 'not-translated' }],
});
const packageJson = {
  format: 'nariz-release/1',
  id: 'r-1',
  lead_id: leadJson.id,
  created_at: '2026-01-01T04:00:00.000Z',
  released_by: { organisation: 'task force' },
  partner: { country: 'MEX', unit: 'FGR Sonora' },
  primary_language: 'es',
  banner: 'UNCLASSIFIED//REL TO USA, MEX',
  marking,
  lead: { portion: '(U//REL TO USA, MEX)', marking, location: { lat: 29.1, lon: -110.95, ci95_m: 40 }, lab_probability: 0.93, detected_at: null, hazard_zone: { type: 'FeatureCollection', features: [zone] } },
  notes: [{ portion: '(U//REL TO USA, MEX)', marking }],
  versions: { en: version('en'), es: version('es') },
};

/** The reader refuses `v` with a SchemaError whose path is `path`. */
function refused(read: () => unknown, path: string): void {
  assert.throws(read, (err: unknown) => err instanceof SchemaError && err.path === path, `expected a SchemaError at ${path}`);
}

test('the web app names the same states, kinds, controls and countries as the store and security packages', () => {
  assert.deepEqual([...LEAD_STATUSES], [...STORE_LEAD_STATUSES]);
  assert.deepEqual([...EVIDENCE_KINDS], [...STORE_EVIDENCE_KINDS]);
  assert.deepEqual([...OUTCOME_KINDS], [...STORE_OUTCOME_KINDS]);
  assert.deepEqual([...CONTROLS], SECURITY_CONTROLS.map((c) => c.name));
  assert.deepEqual([...COUNTRY_CODES], [...ISO_3166_ALPHA3].sort());
  assert.deepEqual(Object.keys(STATUS_COLOURS).sort(), [...LEAD_STATUSES].sort());
});

test('a lead reads; bad shapes are refused with the path of the bad field', () => {
  const l = readLeadBody(leadJson);
  assert.deepEqual([l.status, l.portion, l.source?.sourceIndex, l.ci95M], ['confirmed', '(U//REL TO USA, MEX)', 0, 40]);
  refused(() => readLeadBody({ ...leadJson, status: 'raided' }), 'lead.status');
  refused(() => readLeadBody({ ...leadJson, marking: { ...marking, classification: 'SECRET' } }), 'lead.marking.classification');
  refused(() => readLeadBody({ ...leadJson, marking: { ...marking, relTo: 'MEX' } }), 'lead.marking.relTo');
  refused(() => readLeadBody({ ...leadJson, next_states: [{ status: 'released', via: 'magic' }] }), 'lead.next_states[0].via');
  refused(() => readLeadBody({ ...leadJson, source: { sortie_id: 'demo-west', job_id: 'job-1' } }), 'lead.source.source_index');
  refused(() => readLeadBody({ ...leadJson, lat: null }), 'lead.lat');
  refused(() => readLeadBody({ ...leadJson, portion: undefined }), 'lead.portion');
  refused(() => readMarking({ classification: 'U', controls: [], relTo: [], originator: 7 }, 'm'), 'm.originator');

  const event = { seq: 3, from: 'action-taken', to: 'outcome-reported', actor: 'fgr.sonora', at: 'a', occurred_at: 'b', note: '', details: { release_id: 'r-1', outcome: { kind: 'dismantled', arrests: -1, seizures: [] } } };
  const detail = { ...leadJson, banner: 'SECRET//NOFORN', evidence: [], events: [event], releases: [] };
  refused(() => readLeadDetail(detail), 'lead.events[0].details.outcome.arrests');
  const good = readLeadDetail({ ...detail, events: [{ ...event, details: { ...event.details, outcome: { kind: 'dismantled', arrests: 2, seizures: [{ what: 'precursores', quantity: 120, unit: 'kg' }] } } }] });
  assert.deepEqual([good.events[0]?.releaseId, good.events[0]?.partnerUnit, good.events[0]?.outcome?.arrests], ['r-1', null, 2]);
  refused(() => readLeadDetail({ ...detail, evidence: [{ id: 'e', kind: 'rumour', ref: null, text: '', lang: 'en', marking, portion: '(U)', added_by: 'a', added_at: 'b' }] }), 'lead.evidence[0].kind');
  refused(() => readLeadPage({ leads: [leadJson], total: 1, limit: 50, offset: 0 }), 'leads.banner');
});

test('a release package, the partner portal and the dashboard read; bad shapes name their path', () => {
  const pkg = readReleasePackage(packageJson, 'package');
  assert.equal(pkg.lead.hazardZones[0]?.tier, 'AEGL-3');
  assert.deepEqual([pkg.versions.es.notes[0]?.translation, pkg.versions.es.notes[0]?.original], ['not-translated', null]);
  const machine = { text: 'Chimenea de ventilación', lang: 'es', original_lang: 'en', translation: 'machine-translated', original: 'Ventilation stack', engine: { id: 'apertium', version: '3.8' } };
  const mt = readReleasePackage({ ...packageJson, versions: { en: version('en'), es: { ...version('es'), notes: [machine] } } }, 'package').versions.es.notes[0];
  assert.deepEqual([mt?.text, mt?.original, mt?.engine?.id], ['Chimenea de ventilación', 'Ventilation stack', 'apertium']);
  refused(() => readReleasePackage({ ...packageJson, versions: { en: version('en'), es: { ...version('es'), notes: [{ ...machine, engine: { id: 'apertium' } }] } } }, 'package'), 'package.versions.es.notes[0].engine.version');
  assert.deepEqual(readReleasePackage({ ...packageJson, lead: { ...packageJson.lead, hazard_zone: null } }, 'package').lead.hazardZones, []);
  refused(() => readReleasePackage({ ...packageJson, lead: { ...packageJson.lead, hazard_zone: { type: 'FeatureCollection', features: [{ ...zone, properties: { ...zone.properties, kind: 'cloud' } }] } } }, 'package'), 'package.lead.hazard_zone.features[0].properties.kind');
  refused(() => readReleasePackage({ ...packageJson, versions: { en: version('en') } }, 'package'), 'package.versions.es');
  refused(
    () => readReleaseAnswer({ release: {}, lead: leadJson, package: packageJson, withheld: { notes: 1, other_evidence: 0 } }),
    'release.release.id',
  );

  const summary = { id: 'r-1', created_at: 'c', partner_country: 'MEX', partner_unit: 'FGR Sonora', language: 'es', banner: 'UNCLASSIFIED//REL TO USA, MEX', sha256: 'ab', title: { text: 'Suspected lab', lang: 'en', translation: 'not-translated' }, status: null, next_states: [], simulated: false };
  assert.equal(readPackageList({ packages: [summary], total: 1 }).packages[0]?.status, null);
  refused(() => readPackageList({ packages: [{ ...summary, title: { text: 'x', lang: 'fr', translation: 'original' } }], total: 1 }), 'packages.packages[0].title.lang');
  refused(() => readPackageList({ packages: [{ ...summary, next_states: ['flying'] }], total: 1 }), 'packages.packages[0].next_states[0]');
  const history = [{ status: 'released', at: 'a', occurred_at: 'a', by: null, note: null, outcome: null }];
  assert.equal(readPackageDetail({ ...summary, history, package: packageJson }).history.length, 1);
  refused(() => readPackageDetail({ ...summary, history: [{ ...history[0], by: 3 }], package: packageJson }), 'package.history[0].by');

  const durations = { count: 1, median_h: 2.5, p90_h: 2.5 };
  const dashboard = {
    generated_at: 'g', leads: 1, banner: null,
    by_status: Object.fromEntries(LEAD_STATUSES.map((s) => [s, s === 'released' ? 1 : 0])),
    units: [{ partner_country: 'MEX', partner_unit: 'FGR Sonora', released: 1, detection_to_release: durations, release_to_acknowledgement: { count: 0, median_h: null, p90_h: null }, release_to_action: durations, outcomes: { dismantled: 1, 'nothing-found': 0, other: 0 }, arrests: 2 }],
    open: { total: 1, by_age: [{ label: 'under 1 day', from_h: 0, to_h: 24, count: 1 }] },
    outcomes: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [-110.95, 29.1] }, properties: { lead_id: leadJson.id, outcome: 'dismantled', at: 'a', arrests: 2, partner_country: 'MEX', partner_unit: 'FGR Sonora' } }] },
  };
  const d = readLeadDashboard(dashboard);
  assert.deepEqual([d.units[0]?.releaseToAcknowledgement.medianH, d.units[0]?.detectionToRelease.p90H, d.outcomes.features[0]?.properties.outcome], [null, 2.5, 'dismantled']);
  refused(() => readLeadDashboard({ ...dashboard, by_status: { released: 1 } }), 'dashboard.by_status.candidate');
  refused(() => readLeadDashboard({ ...dashboard, units: [{ ...dashboard.units[0], release_to_action: { count: 1, median_h: 'soon', p90_h: null } }] }), 'dashboard.units[0].release_to_action.median_h');
  refused(() => readLeadDashboard({ ...dashboard, units: [{ ...dashboard.units[0], outcomes: { dismantled: 1, other: 0 } }] }), 'dashboard.units[0].outcomes.nothing-found');
});

test('a partner session and accounts read; an unknown role is refused', () => {
  const official = { username: 'fgr.sonora', role: 'partner', clearance: 'C', nationality: 'MEX', organisation: 'FGR', accesses: ['LES', 'SOMETHING-NEW'] };
  const session = readSession({ user: official, csrf_token: 't', must_change_password: false });
  assert.deepEqual([session.role, session.clearance, session.nationality, session.organisation, session.accesses], ['partner', 'C', 'MEX', 'FGR', ['LES']], 'an access this app cannot offer is left out');
  refused(() => readSession({ user: { ...official, role: 'spy' }, csrf_token: 't', must_change_password: false }), 'session.user.role');
  refused(() => readSession({ user: { ...official, clearance: 'Q' }, csrf_token: 't', must_change_password: false }), 'session.user.clearance');
  const user = { username: 'fgr.sonora', role: 'partner', created_at: 'c', disabled: false, must_change_password: true, clearance: 'U', nationality: 'MEX', organisation: 'FGR', accesses: ['LES'] };
  assert.equal(readUserList({ users: [user] })[0]?.nationality, 'MEX');
  refused(() => readUserList({ users: [{ ...user, clearance: 'Q' }] }), 'users.users[0].clearance');
});

test('marking pickers: FOUO only on U (M6), NOFORN clears and blocks REL TO (M4), controls in register order', () => {
  let d = emptyDraft();
  d = toggleControl(d, 'LES');
  d = toggleControl(d, 'FOUO');
  assert.deepEqual(d.controls, ['FOUO', 'LES']);
  d = withClassification(d, 'C');
  assert.deepEqual(d.controls, ['LES'], 'FOUO dropped from a classified marking');
  assert.deepEqual(toggleControl(d, 'FOUO').controls, ['LES'], 'FOUO cannot be chosen on C');
  d = addRelTo(addRelTo(addRelTo(d, 'MEX'), 'COL'), 'MEX');
  assert.deepEqual(d.relTo, ['COL', 'MEX']);
  const nf = toggleControl(d, 'NOFORN');
  assert.deepEqual([nf.controls, nf.relTo], [['NOFORN', 'LES'], []]);
  assert.deepEqual(addRelTo(nf, 'MEX').relTo, [], 'no REL TO under NOFORN');
  assert.deepEqual(removeRelTo(d, 'COL').relTo, ['MEX']);
  assert.deepEqual(draftMarking({ ...d, originator: '  FGR ' }), { classification: 'C', controls: ['LES'], relTo: ['COL', 'MEX'], originator: 'FGR' });
  assert.deepEqual(draftOf({ classification: 'S', controls: ['LES', 'NOFORN', 'XYZ'], relTo: [], originator: 'task force' }).controls, ['NOFORN', 'LES']);
});

test('forms: titles, evidence, releases, actions and outcomes read into requests or a problem', () => {
  assert.deepEqual(readLeadText('  Lab  ', 'x'), { ok: true, value: { title: 'Lab', summary: 'x' } });
  assert.equal(readLeadText('   ', '').ok, false);
  const long = readLeadText('x'.repeat(301), '');
  assert.ok(!long.ok && long.problem.key === 'leads.error.tooLong' && long.problem.values?.['max'] === 300);

  assert.deepEqual(readEvidenceForm('note', 'ignored', 'text'), { ok: true, value: { ref: null, text: 'text' } });
  assert.equal(readEvidenceForm('note', '', '  ').ok, false);
  const noRef = readEvidenceForm('video-annotation', ' ', '');
  assert.ok(!noRef.ok && noRef.problem.field === 'ref');
  assert.deepEqual(readEvidenceForm('video-annotation', ' a-1 ', ''), { ok: true, value: { ref: 'a-1', text: '' } });

  assert.equal(readReleaseForm('XXX', 'FGR', '').ok, false);
  assert.equal(readReleaseForm('MEX', '  ', '').ok, false);
  assert.deepEqual(readReleaseForm('MEX', ' FGR Sonora ', ' why '), { ok: true, value: { country: 'MEX', unit: 'FGR Sonora', note: 'why' } });

  assert.equal(readActionForm(' ', '').ok, false);
  assert.equal(readActionForm('raid', 'yesterday').ok, false);
  const at = readActionForm('raid', '2026-03-04T21:30');
  assert.ok(at.ok && at.value.at === new Date('2026-03-04T21:30').toISOString());
  assert.equal(localInputToIso(''), null);

  assert.equal(parseQuantity('12,5'), 12.5);
  assert.equal(parseQuantity('1,000.5'), null);
  assert.equal(parseQuantity('-3'), null);
  const o = readOutcomeForm('nothing-found', '0', [{ what: ' ', quantity: '', unit: '' }], '', '');
  assert.ok(o.ok && o.value.seizures.length === 0 && o.value.arrests === 0);
  const badArrests = readOutcomeForm('dismantled', '2.5', [], '', '');
  assert.ok(!badArrests.ok && badArrests.problem.field === 'arrests');
  const badRow = readOutcomeForm('dismantled', '2', [{ what: 'cocaine', quantity: 'lots', unit: 'kg' }], '', '');
  assert.ok(!badRow.ok && badRow.problem.key === 'portal.error.seizureQuantity' && badRow.problem.values?.['n'] === 1);
  const noUnit = readOutcomeForm('dismantled', '2', [{ what: 'cocaine', quantity: '3', unit: '' }], '', '');
  assert.ok(!noUnit.ok && noUnit.problem.key === 'portal.error.seizureUnit');
});

test('request bodies carry exactly the fields the server takes', () => {
  const m = { classification: 'U' as const, controls: [], relTo: ['MEX'], originator: 'task force' };
  assert.deepEqual(newLeadJson({ title: 'T', summary: '', lang: 'es', marking: m, origin: { kind: 'source', sortieId: 'demo-west', jobId: 'j', sourceIndex: 1, lat: 1, lon: 2 } }), {
    title: 'T', lang: 'es', marking: m, source: { sortie_id: 'demo-west', job_id: 'j', source_index: 1 },
  });
  assert.deepEqual(newLeadJson({ title: 'T', summary: 'S', lang: 'en', marking: m, origin: { kind: 'place', lat: 1, lon: 2 } }), { title: 'T', summary: 'S', lang: 'en', marking: m, lat: 1, lon: 2 });
  assert.deepEqual(leadPatchJson({ title: 'T' }), { title: 'T' });
  assert.deepEqual(evidenceJson({ kind: 'note', ref: null, text: 'n', lang: 'en', marking: m }), { kind: 'note', text: 'n', lang: 'en', marking: m });
  assert.deepEqual(releaseRequestJson({ partnerCountry: 'MEX', partnerUnit: 'FGR', language: 'es', note: '' }), { partner_country: 'MEX', partner_unit: 'FGR', language: 'es' });
  assert.deepEqual(actionJson({ note: 'n', at: null }), { note: 'n' });
  assert.deepEqual(outcomeJson({ kind: 'other', arrests: 0, seizures: [], note: '', at: '2026-01-01T00:00:00.000Z' }), { kind: 'other', arrests: 0, seizures: [], at: '2026-01-01T00:00:00.000Z' });
  assert.equal(releaseRenderingUrl(leadJson.id as Lead['id'], 'r/1', 'pdf', 'es'), `/api/leads/${leadJson.id}/releases/r%2F1/pdf?lang=es`);
  assert.equal(packageRenderingUrl('r-1', 'html', 'en'), '/api/partner/packages/r-1/html?lang=en');
});

test('countries: 249 codes, named in the reader\'s language, sorted by name', () => {
  assert.equal(COUNTRY_CODES.length, 249);
  assert.ok(isCountryCode('MEX') && !isCountryCode('FVEY') && !isCountryCode('mex'));
  assert.equal(countryName('MEX', 'es-419'), 'México');
  assert.equal(countryName('USA', 'en'), 'United States');
  assert.equal(countryName('XXX', 'en'), 'XXX');
  const es = countryOptions('es-419');
  assert.equal(es.length, 249);
  const names = es.map((o) => o.name);
  const collator = new Intl.Collator('es-419');
  for (let i = 1; i < names.length; i++) assert.ok(collator.compare(names[i - 1]!, names[i]!) <= 0, `${names[i - 1]} before ${names[i]}`);
});

test('the lifecycle as the screens read it: the server\'s next states, and the partner\'s reports by state', () => {
  const next = readLeadBody(leadJson).nextStates;
  assert.deepEqual(analystTransitions(next), ['candidate', 'closed']);
  assert.equal(releasable(next), true);
  assert.deepEqual(awaitedFromPartner([{ status: 'acknowledged', via: 'partner' }, { status: 'closed', via: 'transition' }]), ['acknowledged']);
  // From the server's next_states (routes/partner.ts): one form per reportable state, unknown states left out.
  assert.deepEqual(partnerUpdatesFrom(['acknowledged']), ['acknowledge']);
  assert.deepEqual(partnerUpdatesFrom(['action-taken', 'outcome-reported']), ['action', 'outcome']);
  assert.deepEqual(partnerUpdatesFrom(['outcome-reported']), ['outcome']);
  assert.deepEqual(partnerUpdatesFrom(['closed', 'released']), []);
  assert.deepEqual(partnerUpdatesFrom([]), []);
});

test('map features: leads coloured by state and ringed by outcome; the 95 % circle; the package\'s zones and view', () => {
  const l = readLeadBody(leadJson);
  const other = readLeadBody({ ...leadJson, id: 'l-2', status: 'outcome-reported', title: 'A very long title for a lead on the map, longer than a label' });
  const outcome = { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [0, 0] }, properties: { leadId: other.id, outcome: 'dismantled' as const, at: 'a', arrests: 2, partnerCountry: 'MEX', partnerUnit: 'FGR' } };
  const fc = leadPoints([l, other], [outcome]);
  assert.deepEqual(fc.features.map((f) => [f.properties.status, f.properties.outcome]), [['confirmed', ''], ['outcome-reported', 'dismantled']]);
  assert.equal(fc.features[0]?.properties.colour, STATUS_COLOURS.confirmed);
  assert.ok(fc.features[1]!.properties.label.length <= 28 && fc.features[1]!.properties.label.endsWith('…'));
  assert.deepEqual(fc.features[0]?.geometry.coordinates, [-110.95, 29.1]);
  const circle = leadCircle(l).features[0]!;
  const ring = circle.geometry.coordinates[0]!;
  assert.deepEqual(ring[0], ring[ring.length - 1]);
  const north = Math.max(...ring.map((p) => p[1]!));
  assert.ok(Math.abs((north - 29.1) * 111_320 - 40) < 1, `circle reaches ${(north - 29.1) * 111_320} m north`);
  assert.equal(leadCircle(readLeadBody({ ...leadJson, ci95_m: null })).features.length, 0);

  const pf = packageFeatures(readReleasePackage(packageJson, 'package'));
  assert.equal(pf.hazards.features[0]?.properties.level, 3);
  assert.equal(pf.circle.features.length, 1);
  const [w, s, e, n] = pf.bbox;
  assert.ok(w < -110.95 && e >= -110.94 && s < 29.1 && n >= 29.11, `bbox ${pf.bbox.join()}`);
});

test('durations in hours for the dashboard', () => {
  assert.equal(formatHours('en', null), '—');
  assert.equal(formatHours('en', 2.345), '2.3 h');
  assert.equal(formatHours('es-419', 1234), '1,200 h', 'Latin-American grouping');
  assert.equal(formatHours('en', 0.001), '0 h');
});

test('the pickers offer only what the user may label with: levels up to the clearance, access controls they are read into', () => {
  const scope = { clearance: 'S' as const, accesses: ['LES' as const], organisation: 'DEA', ownCountry: 'USA' };
  assert.deepEqual(CLASSIFICATIONS.filter((c) => classificationWithin(c, scope)), ['U', 'C', 'S']);
  assert.deepEqual(CONTROLS.filter((c) => controlWithin(c, scope)), ['FOUO', 'ORCON', 'NOFORN', 'LES']);
  assert.deepEqual(CLASSIFICATIONS.filter((c) => classificationWithin(c, { ...scope, clearance: 'U' })), ['U']);
  assert.equal(emptyDraft(scope.organisation).originator, 'DEA');
});
