/**
 * The NetworkStore part of the store contract (network.ts): entities and
 * assertions with their markings, access decided in the query (checked
 * against canAccess as the oracle on random entities, assertions and
 * subjects, counts included: an assertion is visible only with both of its
 * entities), merges that hide without rewriting (a seeded property: merge,
 * then undo, gives back the identical snapshot; the resolved ends equal a
 * plain chain-following oracle), layouts, imports committed atomically and
 * idempotently, and analysis runs.
 */
import assert from 'node:assert/strict';
import { createRng, type Rng } from '@nariz/core';
import { accessPredicate, canAccess, type Marking, type Subject } from '@nariz/security';
import { leadId, type NewNetworkAssertion, type NewNetworkEntity, type Store } from '../src/index.js';
import { marking, POLICY, randomMarking, randomSubject } from './random-markings.js';

type WithStore = (title: string, body: (s: Store) => Promise<void>) => void;

function rejects(p: Promise<unknown>, code: string, re?: RegExp): Promise<void> {
  return assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof Error && 'code' in err, String(err));
    assert.equal(err.code, code, err.message);
    if (re !== undefined) assert.match(err.message, re);
    return true;
  });
}

const T0 = Date.parse('2026-11-28T09:00:00Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

const ANALYST: Subject = { username: 'ana', clearance: 'TS', nationality: 'USA', organisation: 'task force', roles: ['analyst'], accesses: ['LES', 'PROPIN'] };
const ALL = accessPredicate(ANALYST, POLICY);
const LOW = accessPredicate({ ...ANALYST, username: 'low', clearance: 'C' }, POLICY);

const entity = (id: string, o: Partial<NewNetworkEntity> = {}): NewNetworkEntity => ({
  id, type: 'person', label: `Person ${id}`, aliases: [], attributes: {}, lat: undefined, lon: undefined, leadId: undefined, marking: marking('U'), createdBy: 'ana', at: at(0), ...o,
});

const link = (id: string, from: string, to: string, o: Partial<NewNetworkAssertion> = {}): NewNetworkAssertion => ({
  id, from, to, type: 'calls', directed: false, sourceRef: 'RPT-1', sourceTitle: 'Intercept summary', validFrom: undefined, validTo: undefined,
  reliability: 'B', credibility: 2, count: 1, note: '', marking: marking('U'), createdBy: 'ana', at: at(1), ...o,
});

const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id).sort();

/** Random entities and assertions (some self-links) with random markings. */
async function randomNetwork(s: Store, rng: Rng, n: number, m: number, markings: boolean): Promise<{ entities: Array<{ id: string; marking: Marking }>; links: Array<{ id: string; from: string; to: string; marking: Marking }> }> {
  const entities: Array<{ id: string; marking: Marking }> = [];
  for (let k = 0; k < n; k++) {
    const mk = markings ? randomMarking(rng) : marking('U');
    await s.network.createEntity(entity(`e${String(k).padStart(3, '0')}`, { marking: mk, label: `Name ${rng.int(0, 9)}` }));
    entities.push({ id: `e${String(k).padStart(3, '0')}`, marking: mk });
  }
  const links: Array<{ id: string; from: string; to: string; marking: Marking }> = [];
  for (let k = 0; k < m; k++) {
    const mk = markings ? randomMarking(rng) : marking('U');
    const from = rng.pick(entities).id;
    const to = rng.pick(entities).id;
    await s.network.createAssertion(link(`a${String(k).padStart(3, '0')}`, from, to, { marking: mk, count: 1 + rng.int(0, 4) }));
    links.push({ id: `a${String(k).padStart(3, '0')}`, from, to, marking: mk });
  }
  return { entities, links };
}

export function networkContract(withStore: WithStore): void {
  withStore('network: an entity is created, read back, changed, searched, filtered and counted; its id is unique; a lead link needs a lead', async (s) => {
    const e = await s.network.createEntity(entity('p1', { label: 'Nabil al-Marabh', aliases: ['Nabil Almarabh', 'ÑANDÚ'], attributes: { dob: '1966-11-28', risk: 3, armed: false, note: null }, lat: 19.43, lon: -99.13 }));
    assert.deepEqual(e, {
      id: 'p1', type: 'person', label: 'Nabil al-Marabh', aliases: ['Nabil Almarabh', 'ÑANDÚ'], attributes: { dob: '1966-11-28', risk: 3, armed: false, note: null },
      lat: 19.43, lon: -99.13, leadId: undefined, marking: marking('U'), createdBy: 'ana', createdAt: at(0), updatedAt: at(0), mergedInto: undefined,
    });
    assert.deepEqual(await s.network.getEntity('p1', ALL), e);
    await rejects(s.network.createEntity(entity('p1')), 'NARIZ_CONFLICT');
    await rejects(s.network.createEntity(entity('p2', { leadId: leadId('no-such-lead') })), 'NARIZ_NOT_FOUND');
    await s.network.createEntity(entity('o1', { type: 'organisation', label: 'Abastecedora del Norte' }));
    await s.network.createEntity(entity('ph', { type: 'phone', label: '+52 55 1234 5678', marking: marking('S', [], ['NOFORN']) }));
    assert.deepEqual((await s.network.listEntities(ALL)).map((x) => x.id), ['ph', 'o1', 'p1'], 'by label');
    assert.deepEqual(ids(await s.network.listEntities(ALL, { text: 'ñandú' })), ['p1'], 'aliases searched, non-ASCII folded');
    assert.deepEqual(ids(await s.network.listEntities(ALL, { types: ['organisation', 'phone'] })), ['o1', 'ph']);
    assert.deepEqual(ids(await s.network.listEntities(ALL, { located: true })), ['p1']);
    assert.equal(await s.network.countEntities(ALL, { limit: 1 }), 3, 'a count ignores paging');
    assert.equal(await s.network.countEntities(LOW), 2, 'the S entity is not counted for a C reader');
    assert.equal(await s.network.getEntity('ph', LOW), undefined);
    const changed = await s.network.updateEntity('p1', { label: 'N. al-Marabh', location: null, marking: marking('C', ['MEX']), aliases: [] }, at(5), ALL);
    assert.deepEqual([changed?.label, changed?.lat, changed?.lon, changed?.aliases, changed?.updatedAt, changed?.attributes['risk']], ['N. al-Marabh', undefined, undefined, [], at(5), 3]);
    assert.deepEqual(changed?.marking, marking('C', ['MEX']));
    assert.deepEqual(ids(await s.network.listEntities(ALL, { text: 'almarabh' })), [], 'the search text follows the aliases');
    assert.equal(await s.network.updateEntity('nope', { label: 'x' }, at(6), ALL), undefined);
    assert.equal(await s.network.deleteEntity('o1'), true);
    assert.equal(await s.network.deleteEntity('o1'), false);
  });

  withStore('network: an entity’s lead link shows only to readers who may see the lead; entities are listed by lead', async (s) => {
    await s.leads.createLead({
      id: leadId('lab-1'), title: 'Rancho', summary: '', lang: 'es', lat: 19.4, lon: -99.1, ci95M: 40, labProbability: 0.9, source: undefined, detectedAt: undefined,
      marking: marking('S', [], ['NOFORN']), createdBy: 'ana', at: at(0),
    });
    await s.network.createEntity(entity('cook', { leadId: leadId('lab-1') }));
    assert.equal((await s.network.getEntity('cook', ALL))?.leadId, 'lab-1');
    assert.equal((await s.network.getEntity('cook', LOW))?.leadId, undefined, 'a lead the reader may not see reads as no link');
    assert.deepEqual(ids(await s.network.listEntities(ALL, { leadId: leadId('lab-1') })), ['cook']);
    assert.deepEqual(ids(await s.network.listEntities(LOW, { leadId: leadId('lab-1') })), []);
    await s.network.updateEntity('cook', { leadId: null }, at(2), ALL);
    assert.equal((await s.network.getEntity('cook', ALL))?.leadId, undefined);
  });

  withStore('network: assertions join entities, keep their interval, grading and count, change and go; an entity with links cannot be deleted', async (s) => {
    await s.network.createEntity(entity('a'));
    await s.network.createEntity(entity('b'));
    const x = await s.network.createAssertion(link('x', 'a', 'b', { validFrom: '2001-01-15T00:00:00.000Z', validTo: '2001-01-15T23:59:59.999Z', directed: true, count: 5, reliability: 'F', credibility: 6 }));
    assert.deepEqual(x, {
      id: 'x', from: 'a', to: 'b', type: 'calls', directed: true, sourceRef: 'RPT-1', sourceTitle: 'Intercept summary', validFrom: '2001-01-15T00:00:00.000Z',
      validTo: '2001-01-15T23:59:59.999Z', reliability: 'F', credibility: 6, count: 5, note: '', marking: marking('U'), createdBy: 'ana', createdAt: at(1), updatedAt: at(1),
    });
    assert.deepEqual(await s.network.getAssertion('x', ALL), x);
    await rejects(s.network.createAssertion(link('x', 'a', 'b')), 'NARIZ_CONFLICT');
    await rejects(s.network.createAssertion(link('y', 'a', 'ghost')), 'NARIZ_NOT_FOUND');
    await rejects(s.network.deleteEntity('a'), 'NARIZ_CONFLICT');
    const u = await s.network.updateAssertion('x', { interval: null, count: 2, note: 'billing record', type: 'meets', directed: false }, at(3));
    assert.deepEqual([u?.validFrom, u?.validTo, u?.count, u?.note, u?.type, u?.directed, u?.updatedAt, u?.reliability], [undefined, undefined, 2, 'billing record', 'meets', false, at(3), 'F']);
    await s.network.createAssertion(link('z', 'b', 'b'));
    assert.deepEqual(ids(await s.network.listAssertions(ALL, { entityId: 'a' })), ['x']);
    assert.equal(await s.network.countAssertions(ALL), 2);
    assert.equal(await s.network.deleteAssertion('x'), true);
    assert.equal(await s.network.updateAssertion('x', { count: 3 }, at(4)), undefined);
    assert.equal(await s.network.deleteEntity('a'), true);
  });

  withStore('network: seeded property — every list, count, get and snapshot returns exactly what canAccess allows (an assertion needs its own marking and both entities’)', async (s) => {
    const rng = createRng(20261128);
    const { entities, links } = await randomNetwork(s, rng, 40, 90, true);
    const seen: number[] = [];
    for (let i = 0; i < 25; i++) {
      const subject = randomSubject(rng, i);
      const who = accessPredicate(subject, POLICY);
      const sees = (m: Marking): boolean => canAccess(subject, m, POLICY).allowed;
      const visible = new Set(entities.filter((e) => sees(e.marking)).map((e) => e.id));
      const visibleLinks = links.filter((l) => sees(l.marking) && visible.has(l.from) && visible.has(l.to)).map((l) => l.id).sort();
      const what = `subject ${JSON.stringify(subject)}`;
      assert.deepEqual(ids(await s.network.listEntities(who, { limit: 1000 })), [...visible].sort(), what);
      assert.equal(await s.network.countEntities(who), visible.size, what);
      assert.deepEqual(ids(await s.network.listAssertions(who, { limit: 1000 })), visibleLinks, what);
      assert.equal(await s.network.countAssertions(who), visibleLinks.length, what);
      const snap = await s.network.snapshot(who);
      assert.deepEqual(ids(snap.entities), [...visible].sort(), what);
      assert.deepEqual(ids(snap.assertions), visibleLinks, what);
      for (const e of [rng.pick(entities), rng.pick(entities)]) assert.equal((await s.network.getEntity(e.id, who)) !== undefined, visible.has(e.id), `${what} get ${e.id}`);
      const l = rng.pick(links);
      assert.equal((await s.network.getAssertion(l.id, who)) !== undefined, visibleLinks.includes(l.id), `${what} get ${l.id}`);
      seen.push(visible.size);
    }
    assert.ok(seen.includes(0) && seen.some((n) => n > 0 && n < 20) && Math.max(...seen) >= 20, `visible counts ${seen.join(', ')}`);
  });

  withStore('network: a merge hides its members and re-points their links at read time; undo restores them; conflicts are refused', async (s) => {
    for (const id of ['atta', 'marabh', 'almarabh', 'shehhi', 'other']) await s.network.createEntity(entity(id));
    await s.network.createAssertion(link('l1', 'almarabh', 'shehhi'));
    await s.network.createAssertion(link('l2', 'marabh', 'almarabh'));
    await s.network.createAssertion(link('l3', 'atta', 'shehhi'));
    const before = await s.network.snapshot(ALL);
    const m = await s.network.createMerge({ id: 'm1', survivor: 'marabh', merged: ['almarabh'], reason: 'same person, spelling', by: 'ana', at: at(10) });
    assert.deepEqual(m, { id: 'm1', survivor: 'marabh', merged: ['almarabh'], reason: 'same person, spelling', mergedBy: 'ana', mergedAt: at(10), undoneBy: undefined, undoneAt: undefined });
    const after = await s.network.snapshot(ALL);
    assert.deepEqual(ids(after.entities), ['atta', 'marabh', 'other', 'shehhi']);
    assert.deepEqual(after.merged.map((e) => [e.id, e.mergedInto]), [['almarabh', 'marabh']]);
    assert.deepEqual(after.assertions.map((a) => [a.id, a.from, a.to, a.resolvedFrom, a.resolvedTo]), [
      ['l1', 'almarabh', 'shehhi', 'marabh', 'shehhi'], ['l2', 'marabh', 'almarabh', 'marabh', 'marabh'], ['l3', 'atta', 'shehhi', 'atta', 'shehhi'],
    ]);
    assert.equal(await s.network.countEntities(ALL), 4);
    assert.equal(await s.network.countEntities(ALL, { includeMerged: true }), 5);
    assert.equal((await s.network.getEntity('almarabh', ALL))?.mergedInto, 'marabh', 'a merged entity is still there, marked as merged');
    await rejects(s.network.createMerge({ id: 'm2', survivor: 'other', merged: ['almarabh'], reason: '', by: 'ana', at: at(11) }), 'NARIZ_CONFLICT', /merged already/);
    await rejects(s.network.createMerge({ id: 'm2', survivor: 'almarabh', merged: ['marabh'], reason: '', by: 'ana', at: at(11) }), 'NARIZ_CONFLICT', /cycle/);
    await rejects(s.network.createMerge({ id: 'm2', survivor: 'atta', merged: ['atta'], reason: '', by: 'ana', at: at(11) }), 'NARIZ_CONFLICT');
    await rejects(s.network.createMerge({ id: 'm2', survivor: 'atta', merged: ['ghost'], reason: '', by: 'ana', at: at(11) }), 'NARIZ_NOT_FOUND');
    await rejects(s.network.createMerge({ id: 'm1', survivor: 'atta', merged: ['other'], reason: '', by: 'ana', at: at(11) }), 'NARIZ_CONFLICT');
    await rejects(s.network.deleteEntity('almarabh'), 'NARIZ_CONFLICT');
    // A chain: marabh (with almarabh) into atta.
    await s.network.createMerge({ id: 'm3', survivor: 'atta', merged: ['marabh'], reason: 'test chain', by: 'ana', at: at(12) });
    assert.deepEqual((await s.network.snapshot(ALL)).assertions.map((a) => [a.resolvedFrom, a.resolvedTo]), [['atta', 'shehhi'], ['atta', 'atta'], ['atta', 'shehhi']]);
    assert.deepEqual((await s.network.listMerges(ALL, { entityId: 'marabh' })).map((x) => x.id), ['m3', 'm1'], 'newest first, as survivor or member');
    const undone = await s.network.undoMerge('m1', 'luis', at(13));
    assert.deepEqual([undone.undoneBy, undone.undoneAt], ['luis', at(13)]);
    await rejects(s.network.undoMerge('m1', 'luis', at(14)), 'NARIZ_CONFLICT', /undone/);
    await rejects(s.network.undoMerge('nope', 'luis', at(14)), 'NARIZ_NOT_FOUND');
    await s.network.undoMerge('m3', 'luis', at(15));
    assert.deepEqual(await s.network.snapshot(ALL), before, 'undoing every merge gives back the snapshot from before');
    assert.deepEqual((await s.network.listMerges(ALL, { activeOnly: true })).map((x) => x.id), []);
    // After an undo the member can be merged again, elsewhere.
    await s.network.createMerge({ id: 'm4', survivor: 'other', merged: ['almarabh'], reason: '', by: 'ana', at: at(16) });
  });

  withStore('network: a merge takes effect for readers who may see its survivor; a merge with a member they may not see is not listed', async (s) => {
    await s.network.createEntity(entity('secret-survivor', { marking: marking('S', [], ['NOFORN']) }));
    await s.network.createEntity(entity('alias'));
    await s.network.createEntity(entity('friend'));
    await s.network.createAssertion(link('l1', 'alias', 'friend'));
    await s.network.createMerge({ id: 'm1', survivor: 'secret-survivor', merged: ['alias'], reason: '', by: 'ana', at: at(1) });
    const low = await s.network.snapshot(LOW);
    assert.deepEqual(ids(low.entities), ['alias', 'friend'], 'for a C reader the alias stays itself');
    assert.deepEqual(low.assertions.map((a) => [a.resolvedFrom, a.resolvedTo]), [['alias', 'friend']]);
    assert.equal((await s.network.getEntity('alias', LOW))?.mergedInto, undefined);
    assert.deepEqual(await s.network.listMerges(LOW), []);
    assert.equal(await s.network.getMerge('m1', LOW), undefined);
    assert.equal((await s.network.getMerge('m1', ALL))?.survivor, 'secret-survivor');
    const all = await s.network.snapshot(ALL);
    assert.deepEqual(all.assertions.map((a) => [a.resolvedFrom, a.resolvedTo]), [['secret-survivor', 'friend']]);
  });

  withStore('network: seeded property — merge then undo gives back the identical snapshot for every reader, and the resolved ends follow the chains', async (s) => {
    const rng = createRng(7001);
    const { entities } = await randomNetwork(s, rng, 30, 70, false);
    const readers = [ALL, LOW, ...Array.from({ length: 4 }, (_, i) => accessPredicate(randomSubject(rng, i), POLICY))];
    const into = new Map<string, string>();
    const resolve = (id: string): string => (into.has(id) ? resolve(into.get(id)!) : id);
    for (let round = 0; round < 12; round++) {
      const before = await Promise.all(readers.map((w) => s.network.snapshot(w)));
      // A random merge of entities not merged yet, into one that is not among them.
      const free = entities.map((e) => e.id).filter((id) => !into.has(id));
      const survivor = rng.pick(free);
      const merged = free.filter((id) => id !== survivor && resolve(survivor) !== id && rng.next() < 0.1).filter((id) => !chainHas(survivor, id));
      if (merged.length === 0) continue;
      const id = `m${round}`;
      await s.network.createMerge({ id, survivor, merged, reason: `round ${round}`, by: 'ana', at: at(round) });
      for (const x of merged) into.set(x, survivor);
      const snap = await s.network.snapshot(ALL);
      for (const a of snap.assertions) assert.deepEqual([a.resolvedFrom, a.resolvedTo], [resolve(a.from), resolve(a.to)], `round ${round}: assertion ${a.id}`);
      assert.deepEqual(ids(snap.entities), entities.map((e) => e.id).filter((x) => !into.has(x)).sort());
      if (rng.next() < 0.6) {
        await s.network.undoMerge(id, 'ana', at(round + 0.5));
        for (const x of merged) into.delete(x);
        const again = await Promise.all(readers.map((w) => s.network.snapshot(w)));
        assert.deepEqual(again, before, `round ${round}: undo restores every reader's snapshot exactly`);
      }
    }
    function chainHas(from: string, target: string): boolean {
      for (let cur: string | undefined = from; cur !== undefined; cur = into.get(cur)) if (cur === target) return true;
      return false;
    }
  });

  withStore('network: layouts are saved per user and name, replaced, listed and deleted', async (s) => {
    const p1 = { a: { x: 1, y: 2, pinned: true }, b: { x: -3.5, y: 0, pinned: false } };
    const l = await s.network.saveLayout('ana', 'cell north', p1, at(1));
    assert.deepEqual(l, { username: 'ana', name: 'cell north', positions: p1, updatedAt: at(1) });
    await s.network.saveLayout('ana', 'cell north', { a: { x: 9, y: 9, pinned: true } }, at(2));
    await s.network.saveLayout('luis', 'cell north', p1, at(3));
    assert.deepEqual((await s.network.getLayout('ana', 'cell north'))?.positions, { a: { x: 9, y: 9, pinned: true } });
    assert.deepEqual((await s.network.listLayouts('ana')).map((x) => x.name), ['cell north']);
    assert.equal(await s.network.deleteLayout('ana', 'cell north'), true);
    assert.equal(await s.network.getLayout('ana', 'cell north'), undefined);
    assert.deepEqual((await s.network.getLayout('luis', 'cell north'))?.positions, p1);
  });

  withStore('network: an import is its uploader’s; its commit stores everything or nothing, once, and a second commit with the same mapping answers the first result', async (s) => {
    const content = new TextEncoder().encode('from,to\nA,B\n');
    const i = await s.network.createImport({ id: 'imp1', kind: 'assertions', format: 'csv', fileName: 'links.csv', options: { header: true }, columns: ['from', 'to'], rowCount: 1, content, createdBy: 'ana', at: at(0) });
    assert.deepEqual([i.columns, i.rowCount, [...i.content], i.committedAt], [['from', 'to'], 1, [...content], undefined]);
    assert.equal(await s.network.getImport('imp1', 'luis'), undefined, 'another user’s import reads as missing');
    await rejects(s.network.createImport({ ...i, at: at(1) }), 'NARIZ_CONFLICT');
    // A commit whose assertion names a missing entity stores nothing.
    const bad = { key: 'k1', entities: [entity('A', { at: at(2) })], assertions: [link('A-ghost', 'A', 'ghost')], result: { n: 1 }, at: at(2) };
    await rejects(s.network.commitImport('imp1', 'ana', bad), 'NARIZ_NOT_FOUND');
    assert.equal(await s.network.getEntity('A', ALL), undefined, 'rolled back');
    assert.equal((await s.network.getImport('imp1', 'ana'))?.committedAt, undefined);
    const good = { key: 'k1', entities: [entity('A'), entity('B')], assertions: [link('A-B', 'A', 'B')], result: { entities: 2, assertions: 1 }, at: at(3) };
    assert.deepEqual(await s.network.commitImport('imp1', 'ana', good), { result: { entities: 2, assertions: 1 }, duplicate: false });
    assert.deepEqual(await s.network.commitImport('imp1', 'ana', good), { result: { entities: 2, assertions: 1 }, duplicate: true });
    await rejects(s.network.commitImport('imp1', 'ana', { ...good, key: 'k2' }), 'NARIZ_CONFLICT', /another mapping/);
    await rejects(s.network.commitImport('imp1', 'luis', good), 'NARIZ_NOT_FOUND');
    assert.equal(await s.network.countAssertions(ALL), 1);
    const done = (await s.network.getImport('imp1', 'ana'))!;
    assert.deepEqual([done.committedAt, done.commitKey, done.content.length], [at(3), 'k1', 0], 'the uploaded file is dropped once committed');
  });

  withStore('network: analysis runs are their creator’s, move until done or failed, and once done are seen only under their banner', async (s) => {
    const a = await s.network.createAnalysis({ id: 'r1', kind: 'analysis', request: { measures: ['degree'] }, createdBy: 'ana', at: at(0) });
    assert.deepEqual([a.state, a.progress, a.marking, a.request], ['queued', 0, undefined, { measures: ['degree'] }]);
    await s.network.createAnalysis({ id: 'r2', kind: 'windows', request: {}, createdBy: 'ana', at: at(1) });
    assert.deepEqual((await s.network.openAnalyses()).map((x) => x.id), ['r1', 'r2']);
    await s.network.updateAnalysis('r1', { state: 'running', startedAt: at(2), progress: 0.5, message: 'betweenness' });
    const done = await s.network.updateAnalysis('r1', { state: 'done', progress: 1, finishedAt: at(3), result: { nodes: 3 }, marking: marking('S', [], ['NOFORN']) });
    assert.deepEqual([done?.state, done?.startedAt, done?.finishedAt, done?.marking], ['done', at(2), at(3), marking('S', [], ['NOFORN'])]);
    assert.equal((await s.network.updateAnalysis('r1', { state: 'failed' }))?.state, 'done', 'a final run does not change');
    assert.deepEqual(await s.network.analysisResult('r1', 'ana', ALL), { nodes: 3 });
    assert.equal(await s.network.getAnalysis('r1', 'ana', LOW), undefined, 'not under a clearance below its banner');
    assert.equal(await s.network.analysisResult('r1', 'ana', LOW), undefined);
    assert.equal(await s.network.getAnalysis('r1', 'luis', ALL), undefined, 'not another user’s');
    assert.deepEqual((await s.network.listAnalyses('ana', LOW)).map((x) => x.id), ['r2']);
    await s.network.updateAnalysis('r2', { state: 'failed', error: { code: 'NARIZ_GRAPH', message: 'empty' }, finishedAt: at(4) });
    assert.deepEqual((await s.network.getAnalysis('r2', 'ana', ALL))?.error, { code: 'NARIZ_GRAPH', message: 'empty' });
    assert.deepEqual(await s.network.openAnalyses(), []);
  });
}
