/**
 * The demo's counter-network (demo/seed-demo-network.ts): seeded once into
 * a network without entities, every item marked as simulated, and it makes
 * a connected chart the analyses run on.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_ENTITIES, DEMO_LINKS, seedDemoNetwork } from '../src/demo/seed-demo-network.js';
import { call, makeUser, startServer, until } from './harness.js';

interface Page<T> { readonly total: number; readonly [k: string]: unknown; readonly items?: T[] }

test('the demo network: seeded once, every entity DEMO and simulated, every report DEMO-INF, three places on the map; an analysis runs on it with the known degrees', async () => {
  const s = await startServer();
  try {
    const admin = await makeUser(s.store, 'root', 'admin');
    const auth = { token: admin.token };
    assert.deepEqual(await seedDemoNetwork(s.app.platform), { entities: DEMO_ENTITIES.length, assertions: DEMO_LINKS.length });
    assert.deepEqual(await seedDemoNetwork(s.app.platform), { entities: 0, assertions: 0 }, 'only into a network without entities');
    const entities = (await call(s.base, 'GET', '/api/network/entities?limit=100', undefined, { auth })).json as Page<never> & { entities: Array<{ id: string; label: string; attributes: Record<string, unknown>; lat: number | null; portion: string }> };
    assert.equal(entities.total, 13);
    assert.ok(entities.entities.every((e) => e.label.startsWith('DEMO ') && e.attributes['simulated'] === true && e.portion === '(U)'), JSON.stringify(entities.entities.map((e) => [e.label, e.portion])));
    assert.equal(entities.entities.filter((e) => e.lat !== null).length, 3, 'the store and the two laboratories are located');
    const assertions = (await call(s.base, 'GET', '/api/network/assertions?limit=100', undefined, { auth })).json as { total: number; assertions: Array<{ source_ref: string; note: string; valid_from: string | null }> };
    assert.equal(assertions.total, 19);
    assert.ok(assertions.assertions.every((a) => a.source_ref.startsWith('DEMO-INF-') && a.note === 'SIMULATED demo data' && a.valid_from !== null));
    const run = await call(s.base, 'POST', '/api/network/analysis', { measures: ['degree'], communities: {} }, { auth });
    assert.equal(run.status, 202, JSON.stringify(run.json));
    const id = (run.json as { id: string }).id;
    const done = await until(async () => {
      const r = (await call(s.base, 'GET', `/api/network/analysis/${id}`, undefined, { auth })).json as { state: string; result?: { graph: { nodes: number }; measures: Record<string, Record<string, number>>; communities: { count: number } } };
      return r.state === 'done' ? r : undefined;
    }, 'the analysis', 30_000);
    assert.equal(done.result?.graph.nodes, 13, 'one component: every entity is linked');
    const byLabel = new Map(entities.entities.map((e) => [e.id, e.label]));
    // Four entities have 4 neighbours of 12 (normalised degree 1/3); nobody has more.
    const degree = Object.entries(done.result?.measures['degree'] ?? {});
    const top = degree.filter(([, v]) => Math.abs(v - 4 / 12) < 1e-12).map(([k]) => byLabel.get(k)).sort();
    assert.deepEqual(top, ['DEMO El Contador', 'DEMO La Química', 'DEMO Transportes del Norte', 'DEMO white pickup DEMO-000'].sort());
    assert.ok(degree.every(([, v]) => v <= 4 / 12 + 1e-12));
    assert.ok((done.result?.communities.count ?? 0) >= 2);
  } finally {
    await s.close();
  }
});
