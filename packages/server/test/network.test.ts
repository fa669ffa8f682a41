/**
 * The counter-network in the platform against a real server and store
 * (docs/network.md, "In the platform"): Krebs's 9/11 edge list loaded
 * through the CSV import reproduces Mohamed Atta's published degree,
 * betweenness and closeness after the documented merge ("Nabil Almarabh"
 * into "Nabil al-Marabh", through the merge route) on the largest
 * component, and Borgatti's best pair; every edge shows the lines of the
 * file behind it; undoing the merge gives the graph back exactly; a user
 * without clearance sees fewer entities and their analysis covers only
 * those; GraphML, GEXF and CSV exports are well-formed (xmllint, and
 * NetworkX as an independent reader when installed) and re-import into a
 * fresh server as the same network; bad rows are named by line and
 * column and nothing is stored; the live feed respects markings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { call, startServer, until, type Reply, type TestServer } from './harness.js';
import { cleared, errorCode, mark, type Cleared } from './lead-fixtures.js';

const KREBS = new URL('../../../../../shared/data/networks/krebs-9-11-edgelist.txt', import.meta.url);
const NOW = new Date('2026-11-28T12:00:00Z');
const TOL = 5e-4;

interface Analysis {
  id: string;
  state: string;
  banner: string | null;
  error: { code: string; message: string } | null;
  result: {
    graph: { nodes: number; edges: number; excluded: Record<string, number> };
    nodes: Array<{ id: string; label: string }>;
    edges: Array<{ from: string; to: string; assertions: string[] }>;
    measures: Record<string, Record<string, number>>;
    key_players?: { ids: string[]; score: number };
    removal?: { relative_sizes: number[] };
    communities?: { algorithm: string; count: number; modularity: number; membership: Record<string, number> };
    errors: Record<string, unknown>;
  } | null;
}

const ok = (r: Reply, status = 200): unknown => {
  assert.equal(r.status, status, JSON.stringify(r.json));
  return r.json;
};

async function importCsv(s: TestServer, by: Cleared, kind: 'entities' | 'assertions', csv: string, query: string, commit: Record<string, unknown>, type = 'text/csv'): Promise<Reply> {
  const up = await call(s.base, 'POST', `/api/network/imports?kind=${kind}&${query}`, csv, { type, auth: by.auth });
  const preview = ok(up, 201) as { id: string };
  return call(s.base, 'POST', `/api/network/imports/${preview.id}/commit`, commit, { auth: by.auth });
}

async function loadKrebs(s: TestServer, by: Cleared): Promise<void> {
  const text = readFileSync(KREBS, 'utf8');
  const up = await call(s.base, 'POST', '/api/network/imports?kind=assertions&header=false&name=krebs-9-11-edgelist.txt', text, { type: 'text/csv', auth: by.auth });
  const preview = ok(up, 201) as { id: string; rows: number; columns: Array<{ name: string; samples: string[] }> };
  assert.equal(preview.rows, 382);
  assert.deepEqual(preview.columns.map((c) => c.name), ['column 1', 'column 2']);
  assert.deepEqual(preview.columns[0]!.samples, ['Hani Hanjour', 'Hani Hanjour', 'Hani Hanjour']);
  const commit = {
    mapping: { 'column 1': 'from', 'column 2': 'to' },
    defaults: { marking: mark('U'), entity_type: 'person', type: 'association', grading: 'C3', source_title: 'Krebs (2002), Mapping networks of terrorist cells' },
  };
  const done = ok(await call(s.base, 'POST', `/api/network/imports/${preview.id}/commit`, commit, { auth: by.auth })) as Record<string, unknown>;
  assert.deepEqual([done['entities_created'], done['assertions_created'], done['skipped'], done['duplicate']], [69, 382, 0, false]);
  const again = ok(await call(s.base, 'POST', `/api/network/imports/${preview.id}/commit`, commit, { auth: by.auth })) as Record<string, unknown>;
  assert.deepEqual([again['assertions_created'], again['duplicate']], [382, true], 'a second commit stores nothing and answers the first result');
  const other = await call(s.base, 'POST', `/api/network/imports/${preview.id}/commit`, { ...commit, defaults: { ...commit.defaults, grading: 'B2' } }, { auth: by.auth });
  assert.equal(other.status, 409);
}

async function entityId(s: TestServer, by: Cleared, label: string): Promise<string> {
  const r = ok(await call(s.base, 'GET', `/api/network/entities?q=${encodeURIComponent(label)}&include_merged=true`, undefined, { auth: by.auth })) as { entities: Array<{ id: string; label: string }> };
  const e = r.entities.find((x) => x.label === label);
  assert.ok(e !== undefined, `entity ${label}`);
  return e.id;
}

async function analyse(s: TestServer, by: Cleared, body: Record<string, unknown>, path = '/api/network/analysis'): Promise<Analysis> {
  const run = ok(await call(s.base, 'POST', path, body, { auth: by.auth }), 202) as { id: string; state: string };
  assert.equal(run.state, 'queued');
  return until(async () => {
    const r = ok(await call(s.base, 'GET', `/api/network/analysis/${run.id}`, undefined, { auth: by.auth })) as Analysis;
    return r.state === 'done' || r.state === 'failed' ? r : undefined;
  }, `analysis ${run.id}`);
}

const near = (got: number | undefined, want: number, what: string): void => assert.ok(got !== undefined && Math.abs(got - want) <= TOL, `${what}: ${got} vs published ${want}`);

test('Krebs 9/11 through the CSV import and the merge route: Atta’s degree .361, betweenness .588, closeness .587 on the largest component; Borgatti’s best pair; every edge shows its lines; undo gives the graph back', async () => {
  const s = await startServer({ now: () => NOW, jobThreads: 1 });
  try {
    const ana = await cleared(s.store, 'ana', 'analyst', { clearance: 'TS' });
    await loadKrebs(s, ana);
    const before = ok(await call(s.base, 'GET', '/api/network/export/graph.graphml', undefined, { auth: ana.auth })) as string;
    const survivor = await entityId(s, ana, 'Nabil al-Marabh');
    const dup = await entityId(s, ana, 'Nabil Almarabh');
    const merge = ok(await call(s.base, 'POST', '/api/network/merges', { survivor, merged: [dup], reason: 'the same man, spelt two ways in the sources (Krebs 2002)' }, { auth: ana.auth }), 201) as { id: string; active: boolean };
    assert.equal(merge.active, true);
    const hidden = ok(await call(s.base, 'GET', `/api/network/entities/${dup}`, undefined, { auth: ana.auth })) as { merged_into: string; merges: unknown[] };
    assert.equal(hidden.merged_into, survivor);
    assert.equal(hidden.merges.length, 1);
    assert.equal((ok(await call(s.base, 'GET', '/api/network/entities?limit=1', undefined, { auth: ana.auth })) as { total: number }).total, 68, 'the merged name is hidden, not deleted');

    const a = await analyse(s, ana, { choices: { component: 'largest' }, measures: ['degree', 'betweenness', 'closeness'], key_players: { k: 2 }, communities: {} });
    assert.equal(a.state, 'done', JSON.stringify(a.error));
    const r = a.result!;
    assert.deepEqual([r.graph.nodes, r.graph.edges], [62, 153], 'Krebs’s 62 nodes and 153 links');
    assert.equal(a.banner, 'UNCLASSIFIED');
    const atta = await entityId(s, ana, 'Mohamed Atta');
    near(r.measures['degree']![atta], 0.361, 'degree');
    near(r.measures['betweenness']![atta], 0.588, 'betweenness');
    near(r.measures['closeness']![atta], 0.587, 'closeness');
    for (const m of ['degree', 'betweenness', 'closeness']) {
      const values = r.measures[m]!;
      assert.equal(Object.keys(values).length, 62);
      assert.equal(Object.entries(values).reduce((best, x) => (x[1] > best[1] ? x : best))[0], atta, `Atta is the most central by ${m}`);
    }
    near(r.key_players!.score, 0.5209, 'Borgatti’s best pair');
    assert.deepEqual(r.key_players!.ids.map((id) => r.nodes.find((n) => n.id === id)!.label).sort(), ['Mohamed Atta', 'Ramzi Bin al-Shibh']);
    assert.ok(r.communities!.count > 1 && r.communities!.modularity > 0.3);
    // Communities: Leiden unless asked (each community connected by the edges of the result), Louvain on request.
    assert.equal(r.communities!.algorithm, 'leiden');
    const membership = r.communities!.membership;
    for (let c = 0; c < r.communities!.count; c++) {
      const members = Object.keys(membership).filter((id) => membership[id] === c);
      const reached = new Set([members[0]!]);
      for (let grew = true; grew;) {
        grew = false;
        for (const e of r.edges) {
          if (membership[e.from] !== c || membership[e.to] !== c || reached.has(e.from) === reached.has(e.to)) continue;
          reached.add(e.from);
          reached.add(e.to);
          grew = true;
        }
      }
      assert.equal(reached.size, members.length, `community ${c} is connected`);
    }
    const lv = await analyse(s, ana, { choices: { component: 'largest' }, communities: { algorithm: 'louvain', seed: 1 } });
    assert.equal(lv.result!.communities!.algorithm, 'louvain');
    assert.ok(r.communities!.modularity >= lv.result!.communities!.modularity - 0.005, `Leiden ${r.communities!.modularity} vs Louvain ${lv.result!.communities!.modularity}`);
    const unknownAlgorithm = await call(s.base, 'POST', '/api/network/analysis', { communities: { algorithm: 'girvan-newman' } }, { auth: ana.auth });
    assert.equal(unknownAlgorithm.status, 400);
    assert.ok(!r.nodes.some((n) => n.id === dup), 'the merged name is no node');

    // Provenance: the edge Atta — al-Shehhi stands on the lines of the file that assert it.
    const shehhi = await entityId(s, ana, 'Marwan Al-Shehhi');
    const edge = ok(await call(s.base, 'GET', `/api/network/edges/${atta}/${shehhi}`, undefined, { auth: ana.auth })) as { edges: unknown[]; assertions: Array<{ source_ref: string; grading: string }> };
    const lines = readFileSync(KREBS, 'utf8').split('\n').flatMap((l, i) => (/^(Mohamed Atta,Marwan Al-Shehhi|Marwan Al-Shehhi,Mohamed Atta)$/.test(l.trim()) ? [`krebs-9-11-edgelist.txt line ${i + 1}`] : []));
    assert.equal(edge.edges.length, 1);
    assert.deepEqual(edge.assertions.map((x) => x.source_ref).sort(), lines.sort());
    assert.ok(edge.assertions.every((x) => x.grading === 'C3'));
    const perAssertion = ok(await call(s.base, 'GET', `/api/network/edges/${atta}/${shehhi}?multi=one-per-assertion`, undefined, { auth: ana.auth })) as { edges: unknown[] };
    assert.equal(perAssertion.edges.length, lines.length, 'one edge per assertion when asked');
    const low = ok(await call(s.base, 'GET', `/api/network/edges/${atta}/${shehhi}?min_grading=B2`, undefined, { auth: ana.auth })) as { edges: unknown[] };
    assert.deepEqual(low.edges, [], 'C3 links are left out at a minimum of B2');
    // The merged name's links are the survivor's now: asked by the old id, the edge is the survivor's.
    const hijazi = await entityId(s, ana, 'Raed Hijazi');
    const viaDup = ok(await call(s.base, 'GET', `/api/network/edges/${dup}/${hijazi}`, undefined, { auth: ana.auth })) as { from: string; assertions: unknown[] };
    assert.equal(viaDup.from, survivor);
    assert.ok(viaDup.assertions.length >= 2);

    const paths = ok(await call(s.base, 'GET', `/api/network/paths?from=${atta}&to=${hijazi}&max_hops=3`, undefined, { auth: ana.auth })) as { shortest: { nodes: string[]; edges: Array<{ assertions: string[] }> } | null; paths: string[][] };
    assert.ok(paths.shortest !== null && paths.shortest.nodes[0] === atta && paths.shortest.nodes.at(-1) === hijazi);
    assert.ok(paths.shortest.edges.every((e) => e.assertions.length > 0), 'each step shows its assertions');
    assert.ok(paths.paths.length >= 1 && paths.paths.every((p) => p.length <= 4));
    const ego = ok(await call(s.base, 'GET', `/api/network/ego/${atta}?radius=1`, undefined, { auth: ana.auth })) as { members: Array<{ id: string; hops: number }> };
    assert.equal(ego.members.filter((m) => m.hops === 1).length, Math.round(0.36066 * 61), 'his ego network holds his 22 neighbours');

    // Undo: the same graph as before the merge, to the byte.
    ok(await call(s.base, 'POST', `/api/network/merges/${merge.id}/undo`, undefined, { auth: ana.auth }));
    assert.equal((await call(s.base, 'POST', `/api/network/merges/${merge.id}/undo`, undefined, { auth: ana.auth })).status, 409);
    const after = ok(await call(s.base, 'GET', '/api/network/export/graph.graphml', undefined, { auth: ana.auth })) as string;
    assert.equal(after, before);
    const back = await analyse(s, ana, { measures: ['degree'] });
    assert.equal(back.result!.graph.nodes, 69);
    const actions = (await s.store.audit.list({ limit: 10_000 })).map((e) => e.action);
    for (const x of ['network.import.commit', 'network.merge', 'network.merge.undo', 'network.analysis', 'network.export']) assert.ok(actions.includes(x), x);
  } finally {
    await s.close();
  }
});

test('markings: a user without clearance sees fewer entities, counts included; their analysis covers only those; a hidden entity reads as missing; the live feed carries only what they may see', async () => {
  const s = await startServer({ now: () => NOW, jobThreads: 1 });
  try {
    const ana = await cleared(s.store, 'ana', 'analyst', { clearance: 'TS' });
    const pepe = await cleared(s.store, 'pepe', 'analyst', { clearance: 'U' });
    await loadKrebs(s, ana);
    const hidden = ['Mohamed Atta', 'Hani Hanjour', 'Nabil Almarabh'];
    for (const label of hidden) {
      const id = await entityId(s, ana, label);
      ok(await call(s.base, 'PATCH', `/api/network/entities/${id}`, { marking: mark('S', [], ['NOFORN']) }, { auth: ana.auth }));
    }
    const atta = await entityId(s, ana, 'Mohamed Atta');
    const total = async (who: Cleared, path: string): Promise<number> => (ok(await call(s.base, 'GET', path, undefined, { auth: who.auth })) as { total: number }).total;
    assert.equal(await total(ana, '/api/network/entities?limit=1'), 69);
    assert.equal(await total(pepe, '/api/network/entities?limit=1'), 66);
    const allLinks = await total(ana, '/api/network/assertions?limit=1');
    const pepeLinks = await total(pepe, '/api/network/assertions?limit=1');
    assert.ok(pepeLinks < allLinks, 'links to hidden entities are hidden too');
    const missing = await call(s.base, 'GET', '/api/network/entities/no-such-entity', undefined, { auth: pepe.auth });
    const denied = await call(s.base, 'GET', `/api/network/entities/${atta}`, undefined, { auth: pepe.auth });
    assert.deepEqual([denied.status, errorCode(denied)], [missing.status, errorCode(missing)]);
    assert.equal((denied.json as { error: { message: string } }).error.message, `no entity "${atta}"`);

    const mine = await analyse(s, pepe, { measures: ['degree', 'betweenness'] });
    assert.equal(mine.state, 'done', JSON.stringify(mine.error));
    assert.equal(mine.result!.graph.nodes, 66);
    assert.ok(!mine.result!.nodes.some((n) => n.id === atta));
    assert.ok(!JSON.stringify(mine.result).includes(atta), 'nothing in the result names a hidden entity');
    assert.equal(mine.result!.edges.flatMap((e) => e.assertions).length + mine.result!.graph.excluded['self_links']!, pepeLinks, 'every link they may see is used (or is a self-link)');
    assert.equal(mine.banner, 'UNCLASSIFIED');
    const theirs = await analyse(s, ana, { measures: ['degree'] });
    assert.equal(theirs.banner, 'SECRET//NOFORN');
    assert.equal((await call(s.base, 'GET', `/api/network/analysis/${theirs.id}`, undefined, { auth: pepe.auth })).status, 404, 'a run is its creator’s');
    const exported = ok(await call(s.base, 'GET', '/api/network/export/entities.csv', undefined, { auth: pepe.auth })) as string;
    assert.equal(exported.trim().split('\r\n').length, 1 + 66);
    assert.ok(!exported.includes('Mohamed Atta'));

    // Live: pepe hears of an unclassified entity, not of a secret one.
    const ws = new WebSocket(`${s.base.replace('http', 'ws')}/api/live`, { headers: { authorization: `Bearer ${pepe.auth.token}` } });
    const heard: Array<{ type: string; what?: string; id?: string }> = [];
    ws.on('message', (d: Buffer) => heard.push(JSON.parse(d.toString()) as { type: string }));
    await until(async () => (heard.some((m) => m.type === 'hello') ? true : undefined), 'hello');
    const secret = ok(await call(s.base, 'POST', '/api/network/entities', { type: 'phone', label: '+52 55 0000 0000', marking: mark('S', [], ['NOFORN']) }, { auth: ana.auth }), 201) as { id: string };
    const open = ok(await call(s.base, 'POST', '/api/network/entities', { type: 'place', label: 'Bodega Norte', lat: 19.5, lon: -99.2, marking: mark('U') }, { auth: ana.auth }), 201) as { id: string };
    await until(async () => (heard.some((m) => m.type === 'network' && m.id === open.id) ? true : undefined), 'the open entity announced');
    assert.ok(!heard.some((m) => m.id === secret.id), 'the secret one is not');
    ws.close();
    const map = ok(await call(s.base, 'GET', '/api/network/map', undefined, { auth: pepe.auth })) as { features: Array<{ id: string; geometry: { coordinates: number[] } }> };
    assert.deepEqual(map.features.map((f) => [f.id, f.geometry.coordinates]), [[open.id, [-99.2, 19.5]]]);
  } finally {
    await s.close();
  }
});

function xmllint(file: string): { ran: boolean; ok: boolean; err: string } {
  const r = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  return { ran: r.error === undefined, ok: r.status === 0, err: r.stderr };
}

function networkx(file: string, reader: 'read_graphml' | 'read_gexf'): { nodes: number; edges: number } | undefined {
  const py = process.env['NARIZ_PYTHON'] ?? '/usr/bin/python3';
  const r = spawnSync(py, ['-c', `import sys, networkx as nx\ng = nx.${reader}(sys.argv[1])\nprint(g.number_of_nodes(), g.number_of_edges())`, file], { encoding: 'utf8' });
  if (r.error !== undefined || (r.status !== 0 && /No module named/.test(r.stderr))) return undefined;
  assert.equal(r.status, 0, r.stderr);
  const [nodes, edges] = r.stdout.trim().split(' ').map(Number);
  return { nodes: nodes!, edges: edges! };
}

test('exports: GraphML and GEXF are well-formed, read by NetworkX, and — like the CSVs — re-import into a fresh server as the same network, markings included', async (t) => {
  const s = await startServer({ now: () => NOW, jobThreads: 1 });
  const fresh: TestServer[] = [];
  try {
    const ana = await cleared(s.store, 'ana', 'analyst', { clearance: 'TS', accesses: ['LES'] });
    await loadKrebs(s, ana);
    const atta = await entityId(s, ana, 'Mohamed Atta');
    ok(await call(s.base, 'PATCH', `/api/network/entities/${atta}`, { marking: mark('S', ['MEX'], [], 'task force'), aliases: ['=HYPERLINK(1)', 'Mohamed el-Amir'], lat: 26.7, lon: -80.05, attributes: { dob: '1968-09-01' } }, { auth: ana.auth }));
    const shehhi = await entityId(s, ana, 'Marwan Al-Shehhi');
    ok(await call(s.base, 'POST', '/api/network/assertions', {
      from: atta, to: shehhi, type: 'travelled-with', directed: true, source_ref: 'FBI 302 <#4> & "notes"', source_title: 'Interview', date: '2001-09-10', grading: 'B2', count: 2,
      note: 'line one\nline two, with a comma', marking: mark('C', [], ['NOFORN']),
    }, { auth: ana.auth }), 201);
    const files: Record<string, string> = {};
    for (const f of ['graph.graphml', 'graph.gexf', 'entities.csv', 'assertions.csv']) {
      const r = await call(s.base, 'GET', `/api/network/export/${f}`, undefined, { auth: ana.auth });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('x-nariz-banner'), f === 'entities.csv' ? 'SECRET' : 'SECRET//NOFORN', `${f}: the banner of what the file holds`);
      files[f] = r.json as string;
      writeFileSync(join(s.dir, f), files[f]!);
    }
    for (const f of ['graph.graphml', 'graph.gexf']) {
      const lint = xmllint(join(s.dir, f));
      if (!lint.ran) t.diagnostic('xmllint is not installed (scripts/setup-xml-tools.sh): well-formedness not checked by it');
      else assert.ok(lint.ok, `${f}: ${lint.err}`);
    }
    const peers = [networkx(join(s.dir, 'graph.graphml'), 'read_graphml'), networkx(join(s.dir, 'graph.gexf'), 'read_gexf')];
    if (peers[0] === undefined) t.diagnostic('NetworkX is not installed (scripts/setup-python-graph.sh): not read by it');
    for (const p of peers) if (p !== undefined) assert.deepEqual(p, { nodes: 69, edges: 383 });

    const same = async (upload: { entities: [string, string, string]; assertions: [string, string, string] }, compare: string[], entityMapping: Record<string, string>, assertionMapping: Record<string, string>): Promise<void> => {
      const f = await startServer({ now: () => NOW, jobThreads: 1 });
      fresh.push(f);
      const ana2 = await cleared(f.store, 'ana', 'analyst', { clearance: 'TS', accesses: ['LES'] });
      const base = { defaults: { marking: mark('U'), grading: 'F6' }, create_entities: false };
      const e = await importCsv(f, ana2, 'entities', upload.entities[0], upload.entities[1], { ...base, mapping: entityMapping }, upload.entities[2]);
      assert.equal((ok(e) as { entities_created: number }).entities_created, 69);
      const a = await importCsv(f, ana2, 'assertions', upload.assertions[0], upload.assertions[1], { ...base, mapping: assertionMapping }, upload.assertions[2]);
      assert.equal((ok(a) as { assertions_created: number }).assertions_created, 383);
      for (const file of compare) {
        const again = ok(await call(f.base, 'GET', `/api/network/export/${file}`, undefined, { auth: ana2.auth })) as string;
        assert.equal(again, files[file], `${file} re-imported and exported again is the same file`);
      }
    };
    const common = { portion: 'portion', originator: 'originator' };
    const entityFields = { id: 'id', label: 'label', type: 'type', aliases: 'aliases', lat: 'lat', lon: 'lon', attributes: 'attributes', ...common };
    const assertionFields = { type: 'type', directed: 'directed', source_ref: 'source_ref', source_title: 'source_title', valid_from: 'valid_from', valid_to: 'valid_to', grading: 'grading', count: 'count', note: 'note', ...common };
    await same(
      { entities: [files['graph.graphml']!, 'name=x.graphml', 'application/graphml+xml'], assertions: [files['graph.graphml']!, 'name=x.graphml', 'application/graphml+xml'] },
      ['graph.graphml'], entityFields, { id: 'id', source: 'from', target: 'to', ...assertionFields },
    );
    await same(
      { entities: [files['graph.gexf']!, 'format=gexf', 'application/xml'], assertions: [files['graph.gexf']!, 'format=gexf', 'application/xml'] },
      ['graph.gexf'], entityFields, { id: 'id', source: 'from', target: 'to', weight: 'ignore', label: 'ignore', ...assertionFields },
    );
    await same(
      { entities: [files['entities.csv']!, 'name=e.csv', 'text/csv'], assertions: [files['assertions.csv']!, 'name=a.csv', 'text/csv'] },
      ['entities.csv', 'assertions.csv'], { ...entityFields, lead_id: 'ignore' }, { id: 'id', from: 'from', to: 'to', ...assertionFields },
    );
  } finally {
    for (const f of fresh) await f.close();
    await s.close();
  }
});

test('import errors: bad rows are named by line and column and nothing is stored; skip_invalid stores the rest; broken quoting, an unknown column and a broken XLSX are refused up front', async () => {
  const s = await startServer({ now: () => NOW, jobThreads: 1 });
  try {
    const ana = await cleared(s.store, 'ana', 'analyst', { clearance: 'TS' });
    const csv = [
      'from;to;grading;fecha;calls;portion',
      'El Chapo;El Mayo;B2;2024-03-01;3;(U)',
      'El Mayo;"Contador; ""El Profe""";Z9;2024-03-02;1;(U)',
      'El Mayo;El Chapo;C3;yesterday;1;(U)',
      'El Chapo;El Mayo;C3;2024-03-04;-2;(U)',
      'El Chapo;;C3;2024-03-05;1;(U)',
      'El Chapo;El Mayo;A1;2024-03-06;1;(SECRET)',
      'El Chapo;El Mayo;A1;2024-03-07;1;(U);extra',
    ].join('\n');
    const up = ok(await call(s.base, 'POST', '/api/network/imports?kind=assertions&name=llamadas.csv', csv, { type: 'text/csv', auth: ana.auth }), 201) as { id: string; columns: Array<{ name: string; suggested: string | null }> };
    assert.deepEqual(up.columns.map((c) => [c.name, c.suggested]), [['from', 'from'], ['to', 'to'], ['grading', 'grading'], ['fecha', 'date'], ['calls', null], ['portion', 'portion']]);
    const commit = { mapping: { from: 'from', to: 'to', grading: 'grading', fecha: 'date', calls: 'count', portion: 'portion' }, defaults: { marking: mark('U'), type: 'calls' } };
    const bad = await call(s.base, 'POST', `/api/network/imports/${up.id}/commit`, commit, { auth: ana.auth });
    assert.equal(bad.status, 422);
    const body = bad.json as { error: { code: string; location: { line: number; column: string } }; problems: Array<{ line: number; column: string; message: string }> };
    assert.equal(body.error.code, 'NARIZ_IMPORT_ROWS');
    assert.deepEqual(body.error.location, { line: 3, column: 'grading' });
    assert.deepEqual(body.problems.map((p) => [p.line, p.column]), [[3, 'grading'], [4, 'fecha'], [5, 'calls'], [6, 'to'], [7, 'portion'], [8, '(row)']]);
    assert.match(body.problems[0]!.message, /"Z9" is not an Admiralty grading/);
    assert.match(body.problems[4]!.message, /portion/i);
    assert.equal((ok(await call(s.base, 'GET', '/api/network/entities?limit=1', undefined, { auth: ana.auth })) as { total: number }).total, 0, 'nothing stored');
    const partial = ok(await call(s.base, 'POST', `/api/network/imports/${up.id}/commit`, { ...commit, skip_invalid: true }, { auth: ana.auth })) as { assertions_created: number; entities_created: number; skipped: number; problems: unknown[] };
    assert.deepEqual([partial.assertions_created, partial.entities_created, partial.skipped, partial.problems.length], [1, 2, 6, 6]);
    const link = (ok(await call(s.base, 'GET', '/api/network/assertions', undefined, { auth: ana.auth })) as { assertions: Array<{ source_ref: string; count: number; valid_from: string; valid_to: string; type: string }> }).assertions[0]!;
    assert.deepEqual([link.source_ref, link.count, link.valid_from, link.valid_to, link.type], ['llamadas.csv line 2', 3, '2024-03-01T00:00:00.000Z', '2024-03-01T23:59:59.999Z', 'calls']);

    const broken = await call(s.base, 'POST', '/api/network/imports?kind=entities', 'label,type\n"Open quote,person\n', { type: 'text/csv', auth: ana.auth });
    assert.deepEqual([broken.status, errorCode(broken)], [400, 'NARIZ_CSV_SHAPE']);
    assert.match((broken.json as { error: { message: string } }).error.message, /line 2/);
    const ents = ok(await call(s.base, 'POST', '/api/network/imports?kind=entities', 'label,kind\nAbastecedora,organisation\n', { type: 'text/csv', auth: ana.auth }), 201) as { id: string };
    const unknown = await call(s.base, 'POST', `/api/network/imports/${ents.id}/commit`, { mapping: { nombre: 'label' }, defaults: { marking: mark('U') } }, { auth: ana.auth });
    assert.deepEqual([unknown.status, errorCode(unknown)], [400, 'NARIZ_BAD_REQUEST']);
    const tooHigh = await call(s.base, 'POST', `/api/network/imports/${ents.id}/commit`, { mapping: { label: 'label', kind: 'type' }, defaults: { marking: { classification: 'TS', originator: 'task force', controls: ['LES'] } } }, { auth: ana.auth });
    assert.deepEqual([tooHigh.status, errorCode(tooHigh)], [400, 'NARIZ_MARKING'], 'nobody labels above their own access');
    const xlsx = await call(s.base, 'POST', '/api/network/imports?kind=entities&name=book.xlsx', 'PK\u0003\u0004', { type: 'application/octet-stream', auth: ana.auth });
    assert.deepEqual([xlsx.status, errorCode(xlsx)], [400, 'NARIZ_IMPORT_FILE'], 'a truncated workbook (network-xlsx.test.ts has the rest)');
    const doctype = await call(s.base, 'POST', '/api/network/imports?kind=entities&format=graphml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><graphml/>', { type: 'application/xml', auth: ana.auth });
    assert.deepEqual([doctype.status, errorCode(doctype)], [400, 'NARIZ_IMPORT_FILE']);
    const viewer = await cleared(s.store, 'vera', 'viewer', { clearance: 'TS' });
    assert.equal((await call(s.base, 'POST', '/api/network/imports?kind=entities', 'label\nx\n', { type: 'text/csv', auth: viewer.auth })).status, 403);
    assert.equal((await call(s.base, 'GET', `/api/network/imports/${ents.id}`, undefined, { auth: viewer.auth })).status, 403);
  } finally {
    await s.close();
  }
});

test('an analysis run left queued when the server stopped is run at the next start, as its creator may see the network then', async () => {
  const first = await startServer({ now: () => NOW, jobThreads: 1 });
  const dir = first.dir;
  const ana = await cleared(first.store, 'ana', 'analyst', { clearance: 'TS' });
  await loadKrebs(first, ana);
  // Stored as the route stores it, but never handed to this process's runner.
  await first.store.network.createAnalysis({ id: 'left-over', kind: 'analysis', request: { measures: ['degree'] }, createdBy: 'ana', at: NOW.toISOString() });
  await first.app.close();
  await first.store.close();
  const second = await startServer({ now: () => NOW, jobThreads: 1, dir });
  try {
    const run = await until(async () => {
      const r = ok(await call(second.base, 'GET', '/api/network/analysis/left-over', undefined, { auth: ana.auth })) as Analysis;
      return r.state === 'done' || r.state === 'failed' ? r : undefined;
    }, 'the resumed run');
    assert.equal(run.state, 'done', JSON.stringify(run.error));
    assert.equal(run.result!.graph.nodes, 69);
  } finally {
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
