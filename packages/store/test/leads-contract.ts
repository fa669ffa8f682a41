/**
 * The LeadStore and ReleaseStore parts of the store contract (leads.ts,
 * releases.ts): the lifecycle recorded atomically, evidence, immutable
 * releases, and access decided in the query — checked against canAccess as
 * the oracle on random leads, evidence, releases and subjects, counts
 * included (docs/security/markings.md, rules A1-A4).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRng } from '@nariz/core';
import { accessPredicate, canAccess, type Marking, type Subject } from '@nariz/security';
import { leadId, releaseId, type LeadId, type LeadRecord, type NewLead, type NewRelease, type Store } from '../src/index.js';
import { marking, POLICY, randomMarking, randomSubject } from './random-markings.js';

type WithStore = (title: string, body: (s: Store) => Promise<void>) => void;

function rejects(p: Promise<unknown>, code: string): Promise<void> {
  return assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof Error && 'code' in err, String(err));
    assert.equal(err.code, code, err.message);
    return true;
  });
}

const T0 = Date.parse('2026-11-27T10:00:00Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

/** An own-national analyst cleared for everything, and the partner officials of the tests. */
const ANALYST: Subject = { username: 'ana', clearance: 'TS', nationality: 'USA', organisation: 'task force', roles: ['analyst'], accesses: ['LES', 'PROPIN'] };
const MEXICAN: Subject = { username: 'capitan', clearance: 'S', nationality: 'MEX', organisation: 'SEMAR', roles: ['partner'] };
const ALL = accessPredicate(ANALYST, POLICY);

const newLead = (id: string, o: Partial<NewLead> = {}): NewLead => ({
  id: leadId(id), title: `Lead ${id}`, summary: 'acid vapour over a farm', lang: 'en', lat: 19.43, lon: -99.13, ci95M: 40, labProbability: 0.9,
  source: { sortieId: 'sortie-1', jobId: 'job-1', sourceIndex: 0 }, detectedAt: at(-120), marking: marking('S', ['MEX']), createdBy: 'ana', at: at(0), ...o,
});

const newRelease = (id: string, lead: LeadId, o: Partial<NewRelease> = {}): NewRelease => {
  const packageJson = JSON.stringify({ id, lead_id: lead, texts: { es: 'laboratorio', en: 'lab' } });
  return {
    id: releaseId(id), leadId: lead, partnerCountry: 'MEX', partnerUnit: 'SEMAR UNOPES', language: 'es', createdBy: 'ana', createdAt: at(60),
    banner: 'SECRET//REL TO USA, MEX', marking: marking('S', ['MEX']), packageJson, sha256: createHash('sha256').update(packageJson).digest('hex'),
    html: { en: '<p>lab</p>', es: '<p>laboratorio</p>' }, fromStatus: 'confirmed', note: '', ...o,
  };
};

const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id).sort();

export function leadsContract(withStore: WithStore): void {
  withStore('a lead is created as a candidate with its first event, read back, and its id is unique', async (s) => {
    const l = await s.leads.createLead(newLead('l1', { summary: 'Año de humo' }));
    assert.equal(l.status, 'candidate');
    assert.deepEqual(l.source, { sortieId: 'sortie-1', jobId: 'job-1', sourceIndex: 0 });
    assert.equal(l.detectedAt, at(-120));
    assert.equal(l.createdAt, at(0));
    assert.equal(l.updatedAt, at(0));
    assert.deepEqual(l.marking, marking('S', ['MEX']));
    assert.equal(l.partnerUnit, undefined);
    assert.deepEqual(await s.leads.getLead(leadId('l1'), ALL), l);
    const events = await s.leads.listEvents(leadId('l1'), ALL);
    assert.deepEqual(events, [{ leadId: 'l1', seq: 0, from: undefined, to: 'candidate', actor: 'ana', at: at(0), occurredAt: at(0), note: '', details: {} }]);
    await rejects(s.leads.createLead(newLead('l1')), 'NARIZ_CONFLICT');
    const manual = await s.leads.createLead(newLead('l2', { source: undefined, ci95M: undefined, labProbability: undefined, detectedAt: undefined, lang: 'es' }));
    assert.equal(manual.source, undefined);
    assert.equal(manual.labProbability, undefined);
    assert.equal(manual.lang, 'es');
  });

  withStore('transitions are appended in order and move the lead atomically; one from the wrong state changes nothing', async (s) => {
    const id = leadId('l1');
    await s.leads.createLead(newLead('l1'));
    await rejects(s.leads.transition(id, { from: 'confirmed', to: 'released', actor: 'ana', at: at(1), note: '', details: {} }), 'NARIZ_LEAD_STATE');
    await rejects(s.leads.transition(leadId('nope'), { from: 'candidate', to: 'confirmed', actor: 'ana', at: at(1), note: '', details: {} }), 'NARIZ_NOT_FOUND');
    const e1 = await s.leads.transition(id, { from: 'candidate', to: 'confirmed', actor: 'ana', at: at(5), note: 'video shows drums', details: {} });
    assert.equal(e1.seq, 1);
    assert.equal(e1.occurredAt, at(5), 'occurredAt defaults to at');
    const outcome = { kind: 'dismantled' as const, arrests: 3, seizures: [{ what: 'precursor drums', quantity: 12, unit: 'drum' }, { what: 'methamphetamine', quantity: 4.5, unit: 'kg' }] };
    await s.leads.transition(id, { from: 'confirmed', to: 'closed', actor: 'luis', at: at(9), occurredAt: at(7), note: 'done', details: { outcome, releaseId: 'r1' } });
    const lead = (await s.leads.getLead(id, ALL))!;
    assert.equal(lead.status, 'closed');
    assert.equal(lead.updatedAt, at(9));
    const events = await s.leads.listEvents(id, ALL);
    assert.deepEqual(events.map((e) => [e.seq, e.from, e.to, e.actor]), [[0, undefined, 'candidate', 'ana'], [1, 'candidate', 'confirmed', 'ana'], [2, 'confirmed', 'closed', 'luis']]);
    assert.deepEqual(events[2]!.details, { outcome, releaseId: 'r1' });
    assert.equal(events[2]!.occurredAt, at(7));
    assert.equal(events[2]!.at, at(9));
  });

  withStore('concurrent transitions from the same state: exactly one wins', async (s) => {
    const id = leadId('race');
    await s.leads.createLead(newLead('race'));
    const tries = await Promise.allSettled(
      Array.from({ length: 6 }, (_, k) => s.leads.transition(id, { from: 'candidate', to: k % 2 === 0 ? 'confirmed' : 'closed', actor: `a${k}`, at: at(1), note: '', details: {} })),
    );
    assert.equal(tries.filter((t) => t.status === 'fulfilled').length, 1);
    for (const t of tries) if (t.status === 'rejected') assert.equal((t.reason as { code: string }).code, 'NARIZ_LEAD_STATE');
    assert.equal((await s.leads.listEvents(id, ALL)).length, 2);
  });

  withStore('leads are listed most recently updated first, filtered by status and case-insensitive text, paged, and counted', async (s) => {
    for (let k = 0; k < 7; k++) await s.leads.createLead(newLead(`l${k}`, { title: k === 3 ? 'Laboratorio en AÑIL' : `Lead ${k}`, at: at(k) }));
    await s.leads.transition(leadId('l1'), { from: 'candidate', to: 'confirmed', actor: 'ana', at: at(20), note: '', details: {} });
    assert.deepEqual((await s.leads.listLeads(ALL)).map((l) => l.id), ['l1', 'l6', 'l5', 'l4', 'l3', 'l2', 'l0']);
    assert.deepEqual((await s.leads.listLeads(ALL, { limit: 2, offset: 2 })).map((l) => l.id), ['l5', 'l4']);
    assert.equal(await s.leads.countLeads(ALL, { limit: 2 }), 7, 'a count ignores paging');
    assert.deepEqual((await s.leads.listLeads(ALL, { statuses: ['confirmed'] })).map((l) => l.id), ['l1']);
    assert.equal(await s.leads.countLeads(ALL, { statuses: ['candidate', 'closed'] }), 6);
    assert.deepEqual((await s.leads.listLeads(ALL, { statuses: [] })).map((l) => l.id), []);
    assert.deepEqual((await s.leads.listLeads(ALL, { text: 'añil' })).map((l) => l.id), ['l3'], 'non-ASCII case folding');
    assert.deepEqual((await s.leads.listLeads(ALL, { text: 'ACID VAPOUR', statuses: ['confirmed'] })).map((l) => l.id), ['l1']);
    assert.equal(await s.leads.countLeads(ALL, { text: '%' }), 0, 'no wildcard');
  });

  withStore('a partner counts exactly the leads releasable to them; a lead they may not see reads as missing, its history and evidence as empty', async (s) => {
    const markings: Marking[] = [
      marking('S', ['MEX']), marking('C', ['MEX', 'COL']), marking('S', [], ['NOFORN']), marking('U'), marking('TS', ['MEX']),
      marking('C', ['COL']), marking('S', ['MEX'], ['LES']), marking('U', ['MEX'], ['FOUO']), marking('C', ['MEX'], ['ORCON'], 'SEMAR'), marking('C', ['MEX'], ['ORCON'], 'DEA'),
    ];
    for (const [k, m] of markings.entries()) await s.leads.createLead(newLead(`l${k}`, { marking: m }));
    const partner = accessPredicate(MEXICAN, POLICY);
    const releasable = markings.flatMap((m, k) => (canAccess(MEXICAN, m, POLICY).allowed ? [`l${k}`] : []));
    assert.deepEqual(releasable, ['l0', 'l1', 'l7', 'l8'], 'the oracle, spelled out');
    assert.equal(await s.leads.countLeads(partner), releasable.length);
    assert.deepEqual(ids(await s.leads.listLeads(partner)), releasable);
    assert.equal(await s.leads.countLeads(ALL), markings.length - 2, 'ORCON of SEMAR and of DEA is not the task force’s to see');
    // Denied and missing are the same answer.
    assert.equal(await s.leads.getLead(leadId('l2'), partner), undefined);
    assert.equal(await s.leads.getLead(leadId('no-such-lead'), partner), undefined);
    assert.deepEqual(await s.leads.listEvents(leadId('l2'), partner), []);
    assert.deepEqual(await s.leads.listEvents(leadId('no-such-lead'), partner), []);
    await s.leads.addEvidence({ id: 'e1', leadId: leadId('l2'), kind: 'note', ref: undefined, text: 'x', lang: 'en', marking: marking('U', ['MEX']), addedBy: 'ana', at: at(1) });
    assert.deepEqual(await s.leads.listEvidence(leadId('l2'), partner), [], 'visible evidence of an invisible lead stays hidden');
    assert.equal(await s.leads.removeEvidence(leadId('l2'), 'e1', partner), false);
    assert.equal((await s.leads.timelines(partner)).length, releasable.length);
    // A malformed subject sees nothing.
    assert.equal(await s.leads.countLeads(accessPredicate({ ...ANALYST, organisation: 'MULTIPLE SOURCES' }, POLICY)), 0);
  });

  withStore('a marking change moves the lead out of a partner’s sight in the same query', async (s) => {
    const id = leadId('l1');
    await s.leads.createLead(newLead('l1', { marking: marking('C', ['MEX']) }));
    const partner = accessPredicate(MEXICAN, POLICY);
    assert.equal(await s.leads.countLeads(partner), 1);
    const changed = await s.leads.updateLead(id, { marking: marking('C', [], ['NOFORN']), title: 'Rancho El Nogal' }, at(3));
    assert.deepEqual(changed?.marking, marking('C', [], ['NOFORN']));
    assert.equal(changed?.summary, 'acid vapour over a farm', 'an absent field is kept');
    assert.equal(changed?.updatedAt, at(3));
    assert.equal(await s.leads.countLeads(partner), 0);
    assert.equal(await s.leads.getLead(id, partner), undefined);
    assert.deepEqual((await s.leads.listLeads(ALL, { text: 'nogal' })).map((l) => l.id), ['l1'], 'the search text follows the title');
    assert.equal(await s.leads.updateLead(leadId('nope'), { title: 'x' }, at(4)), undefined);
  });

  withStore('evidence is added, listed by its own marking, and removed only by someone who may see it', async (s) => {
    const id = leadId('l1');
    await s.leads.createLead(newLead('l1', { marking: marking('C', ['MEX']) }));
    const add = (eid: string, m: Marking, minute: number) =>
      s.leads.addEvidence({ id: eid, leadId: id, kind: 'note', ref: undefined, text: `note ${eid}`, lang: 'es', marking: m, addedBy: 'ana', at: at(minute) });
    const e1 = await add('e1', marking('U', ['MEX']), 1);
    assert.deepEqual(e1, { id: 'e1', leadId: 'l1', kind: 'note', ref: undefined, text: 'note e1', lang: 'es', marking: marking('U', ['MEX']), addedBy: 'ana', addedAt: at(1) });
    await add('e2', marking('S', [], ['NOFORN']), 2);
    await s.leads.addEvidence({ id: 'e3', leadId: id, kind: 'source-estimate', ref: 'sortie-1/job-1/0', text: '', lang: 'en', marking: marking('C', ['MEX']), addedBy: 'ana', at: at(3) });
    await rejects(add('e1', marking('U'), 4), 'NARIZ_CONFLICT');
    await rejects(s.leads.addEvidence({ id: 'e9', leadId: leadId('nope'), kind: 'note', ref: undefined, text: '', lang: 'en', marking: marking('U'), addedBy: 'ana', at: at(4) }), 'NARIZ_NOT_FOUND');
    assert.equal((await s.leads.getLead(id, ALL))?.updatedAt, at(3), 'evidence touches the lead');
    const partner = accessPredicate(MEXICAN, POLICY);
    assert.deepEqual((await s.leads.listEvidence(id, ALL)).map((e) => e.id), ['e1', 'e2', 'e3']);
    assert.deepEqual((await s.leads.listEvidence(id, partner)).map((e) => e.id), ['e1', 'e3']);
    assert.equal(await s.leads.removeEvidence(id, 'e2', partner), false, 'cannot remove what one may not see');
    assert.equal(await s.leads.removeEvidence(leadId('other'), 'e1', ALL), false, 'evidence of another lead');
    assert.equal(await s.leads.removeEvidence(id, 'e2', ALL), true);
    assert.equal(await s.leads.removeEvidence(id, 'e2', ALL), false);
    assert.deepEqual((await s.leads.listEvidence(id, ALL)).map((e) => e.id), ['e1', 'e3']);
  });

  withStore('a release is stored with the lead’s move to released in one transaction, read back exactly, and has no way to change', async (s) => {
    const id = leadId('l1');
    await s.leads.createLead(newLead('l1'));
    await rejects(s.releases.createRelease(newRelease('r0', id)), 'NARIZ_LEAD_STATE');
    assert.equal(await s.releases.countReleases(ALL), 0, 'the refused release left nothing');
    assert.equal((await s.leads.listEvents(id, ALL)).length, 1);
    await s.leads.transition(id, { from: 'candidate', to: 'confirmed', actor: 'ana', at: at(30), note: '', details: {} });
    const want = newRelease('r1', id, { withheld: { notes: 2, otherEvidence: 1 } });
    const r = await s.releases.createRelease(want);
    assert.deepEqual(r.withheld, { notes: 2, otherEvidence: 1 }, 'what stayed behind is kept with the release');
    assert.equal(r.packageJson, want.packageJson);
    assert.equal(createHash('sha256').update(r.packageJson).digest('hex'), r.sha256);
    assert.deepEqual(r.html, want.html);
    assert.equal(r.createdAt, at(60));
    assert.equal(r.banner, 'SECRET//REL TO USA, MEX');
    const lead = (await s.leads.getLead(id, ALL))!;
    assert.equal(lead.status, 'released');
    assert.equal(lead.partnerCountry, 'MEX');
    assert.equal(lead.partnerUnit, 'SEMAR UNOPES');
    const last = (await s.leads.listEvents(id, ALL)).at(-1)!;
    assert.deepEqual([last.from, last.to, last.actor, last.at], ['confirmed', 'released', 'ana', at(60)]);
    assert.deepEqual(last.details, { releaseId: 'r1', partnerCountry: 'MEX', partnerUnit: 'SEMAR UNOPES' });
    await rejects(s.releases.createRelease(newRelease('r1', id, { fromStatus: 'released' })), 'NARIZ_CONFLICT');
    // A second release of a released lead (another unit) stays released.
    await s.releases.createRelease(newRelease('r2', id, { fromStatus: 'released', partnerCountry: 'COL', partnerUnit: 'DIRAN', marking: marking('S', ['COL', 'MEX']), createdAt: at(90) }));
    assert.deepEqual((await s.releases.listReleases(ALL, { leadId: id })).map((x) => [x.id, x.withheld]), [['r2', undefined], ['r1', { notes: 2, otherEvidence: 1 }]], 'not recorded reads as undefined');
    assert.equal('packageJson' in (await s.releases.listReleases(ALL))[0]!, false, 'a list carries summaries, not packages');
    // The partner portal's reads: only one's own country's, and only what one may see.
    const partner = accessPredicate(MEXICAN, POLICY);
    assert.deepEqual((await s.releases.listReleases(partner, { partnerCountry: 'MEX' })).map((x) => x.id), ['r1']);
    assert.equal(await s.releases.countReleases(partner, { partnerCountry: 'MEX' }), 1);
    assert.equal((await s.releases.getRelease(releaseId('r1'), partner, 'MEX'))?.id, 'r1');
    assert.equal(await s.releases.getRelease(releaseId('r2'), partner, 'MEX'), undefined, 'released to Colombia');
    assert.equal(await s.releases.getRelease(releaseId('r1'), partner, 'COL'), undefined);
    assert.equal(await s.releases.getRelease(releaseId('nope'), partner, 'MEX'), undefined);
    // Immutable: the facet offers nothing that changes or removes a release.
    const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(s.releases)).filter((k) => k !== 'constructor').sort();
    assert.deepEqual(methods, ['countReleases', 'createRelease', 'getRelease', 'listReleases']);
  });

  withStore('timelines give each visible lead’s first release, acknowledgement and action and its latest outcome', async (s) => {
    const id = leadId('l1');
    await s.leads.createLead(newLead('l1'));
    await s.leads.createLead(newLead('l2', { at: at(1), detectedAt: undefined }));
    await s.leads.transition(id, { from: 'candidate', to: 'confirmed', actor: 'ana', at: at(30), note: '', details: {} });
    await s.releases.createRelease(newRelease('r1', id));
    await s.leads.transition(id, { from: 'released', to: 'acknowledged', actor: 'capitan', at: at(120), note: '', details: { releaseId: 'r1' } });
    await s.leads.transition(id, { from: 'acknowledged', to: 'action-taken', actor: 'capitan', at: at(600), occurredAt: at(480), note: 'raid', details: { releaseId: 'r1' } });
    const outcome = { kind: 'nothing-found' as const, arrests: 0, seizures: [] };
    await s.leads.transition(id, { from: 'action-taken', to: 'outcome-reported', actor: 'capitan', at: at(700), note: '', details: { releaseId: 'r1', outcome } });
    const byId = new Map((await s.leads.timelines(ALL)).map((t) => [t.id, t]));
    assert.deepEqual(byId.get(id), {
      id: 'l1', status: 'outcome-reported', lat: 19.43, lon: -99.13, partnerCountry: 'MEX', partnerUnit: 'SEMAR UNOPES', detectedAt: at(-120), createdAt: at(0),
      releasedAt: at(60), acknowledgedAt: at(120), actionAt: at(480), outcomeAt: at(700), outcome, marking: marking('S', ['MEX']),
    });
    const other = byId.get(leadId('l2'))!;
    assert.deepEqual([other.releasedAt, other.outcome, other.detectedAt], [undefined, undefined, undefined]);
  });

  withStore('seeded property: every get, list, count, history, evidence list, release and timeline returns exactly what canAccess allows', async (s) => {
    const rng = createRng(20261127);
    const leads: Array<{ id: LeadId; marking: Marking; status: 'candidate' | 'confirmed' | 'released' }> = [];
    for (let k = 0; k < 60; k++) {
      const m = randomMarking(rng);
      const l: LeadRecord = await s.leads.createLead(newLead(`p${k}`, { marking: m, at: at(k) }));
      const confirmed = rng.next() < 0.5;
      if (confirmed) await s.leads.transition(l.id, { from: 'candidate', to: 'confirmed', actor: 'ana', at: at(k + 100), note: '', details: {} });
      leads.push({ id: l.id, marking: m, status: confirmed ? 'confirmed' : 'candidate' });
    }
    const evidence: Array<{ id: string; lead: LeadId; marking: Marking }> = [];
    for (let k = 0; k < 40; k++) {
      const lead = rng.pick(leads).id;
      const m = randomMarking(rng);
      await s.leads.addEvidence({ id: `ev${k}`, leadId: lead, kind: 'note', ref: undefined, text: `n${k}`, lang: 'en', marking: m, addedBy: 'ana', at: at(200 + k) });
      evidence.push({ id: `ev${k}`, lead, marking: m });
    }
    const releases: Array<{ id: string; country: string; marking: Marking }> = [];
    for (const [k, l] of leads.filter((x) => x.status === 'confirmed').slice(0, 12).entries()) {
      const m = randomMarking(rng);
      const country = rng.pick(['MEX', 'COL']);
      await s.releases.createRelease(newRelease(`rel${k}`, l.id, { marking: m, partnerCountry: country, createdAt: at(300 + k) }));
      l.status = 'released';
      releases.push({ id: `rel${k}`, country, marking: m });
    }
    const seen: number[] = [];
    for (let i = 0; i < 30; i++) {
      const subject = randomSubject(rng, i);
      const who = accessPredicate(subject, POLICY);
      const sees = (m: Marking): boolean => canAccess(subject, m, POLICY).allowed;
      const visible = leads.filter((l) => sees(l.marking)).map((l) => l.id as string).sort();
      const what = `subject ${JSON.stringify(subject)}`;
      assert.deepEqual(ids(await s.leads.listLeads(who, { limit: 1000 })), visible, what);
      assert.equal(await s.leads.countLeads(who), visible.length, what);
      assert.equal(await s.leads.countLeads(who, { statuses: ['confirmed'] }), leads.filter((l) => l.status === 'confirmed' && sees(l.marking)).length, what);
      assert.deepEqual(ids(await s.leads.timelines(who)), visible, what);
      for (const l of [rng.pick(leads), rng.pick(leads), rng.pick(leads)]) {
        const got = await s.leads.getLead(l.id, who);
        assert.equal(got !== undefined, sees(l.marking), `${what} get ${l.id}`);
        assert.equal((await s.leads.listEvents(l.id, who)).length > 0, sees(l.marking), `${what} history ${l.id}`);
        const oracle = evidence.filter((e) => e.lead === l.id && sees(l.marking) && sees(e.marking)).map((e) => e.id).sort();
        assert.deepEqual(ids(await s.leads.listEvidence(l.id, who)), oracle, `${what} evidence of ${l.id}`);
      }
      for (const country of ['MEX', 'COL']) {
        const oracle = releases.filter((r) => r.country === country && sees(r.marking)).map((r) => r.id).sort();
        assert.deepEqual(ids(await s.releases.listReleases(who, { partnerCountry: country })), oracle, `${what} releases to ${country}`);
        assert.equal(await s.releases.countReleases(who, { partnerCountry: country }), oracle.length, what);
      }
      const r = rng.pick(releases);
      assert.equal((await s.releases.getRelease(releaseId(r.id), who)) !== undefined, sees(r.marking), `${what} release ${r.id}`);
      seen.push(visible.length);
    }
    // The oracle is not trivial: some subjects see nothing, some a little, some much.
    assert.ok(seen.includes(0) && seen.some((n) => n > 0 && n < 10) && Math.max(...seen) >= 20, `visible counts ${seen.join(', ')}`);
  });
}
