/** The AuditStore and FlightStore parts of the store contract (audit.ts, flight.ts). */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { auditEntryBytes, type Store } from '../src/index.js';

type WithStore = (title: string, body: (s: Store) => Promise<void>) => void;

export function auditFlightContract(withStore: WithStore): void {
  withStore('the audit log numbers entries from 0 without gaps, even when appends race, and stores each RFC 9162 leaf hash', async (s) => {
    const first = await s.audit.append({ actor: 'admin', action: 'user.create', target: 'marta', details: { role: 'analyst', note: 'año 2026' } });
    assert.equal(first.seq, 0);
    // Leaf hash = SHA-256(0x00 || canonical entry), recomputed here independently.
    const bytes = auditEntryBytes(first);
    assert.equal(bytes.toString('utf8'), `{"action":"user.create","actor":"admin","at":"${first.at}","details":{"note":"año 2026","role":"analyst"},"seq":0,"target":"marta"}`);
    assert.equal(first.leafHash, createHash('sha256').update(Buffer.concat([Buffer.from([0]), bytes])).digest('hex'));
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.audit.append({ actor: i % 2 === 0 ? 'ana' : 'luis', action: i % 3 === 0 ? 'plan.export.override' : 'session.signin', target: `t${i}`, details: { i } })));
    assert.equal(await s.audit.size(), 21);
    const all = await s.audit.range(0, 21);
    assert.deepEqual(all.map((e) => e.seq), Array.from({ length: 21 }, (_, i) => i));
    for (const e of all) assert.equal(e.leafHash, createHash('sha256').update(Buffer.concat([Buffer.from([0]), auditEntryBytes(e)])).digest('hex'), `entry ${e.seq} reads back as written`);
    const newest = await s.audit.list({ limit: 5 });
    assert.deepEqual(newest.map((e) => e.seq), [20, 19, 18, 17, 16]);
    assert.deepEqual((await s.audit.list({ limit: 3, beforeSeq: 16 })).map((e) => e.seq), [15, 14, 13]);
    const overrides = await s.audit.list({ action: 'plan.export.override' });
    assert.equal(overrides.length, 7);
    assert.ok(overrides.every((e) => e.action === 'plan.export.override'));
    assert.equal((await s.audit.list({ actor: 'admin' }))[0]?.target, 'marta');
  });

  withStore('flight plans and authorities are stored, replaced by id (keeping when they were made), listed and deleted', async (s) => {
    const plan = { waypoints: [{ lat: 52.09, lon: 5.12, altM: 40 }], vehicle: { cruiseSpeedMps: 12 } };
    const a = await s.flight.putPlan({ id: 'p1', name: 'North survey', authorityId: 'nl', plan, createdBy: 'ana' });
    assert.deepEqual(a.plan, plan);
    assert.equal(a.authorityId, 'nl');
    const b = await s.flight.putPlan({ id: 'p1', name: 'North survey v2', authorityId: undefined, plan: { waypoints: [] }, createdBy: 'ana' });
    assert.equal(b.name, 'North survey v2');
    assert.equal(b.authorityId, undefined);
    assert.equal(b.createdAt, a.createdAt);
    await s.flight.putPlan({ id: 'p2', name: 'South', authorityId: undefined, plan: {}, createdBy: 'luis' });
    assert.deepEqual((await s.flight.listPlans()).map((p) => p.id).sort(), ['p1', 'p2']);
    assert.equal(await s.flight.deletePlan('p1'), true);
    assert.equal(await s.flight.deletePlan('p1'), false);
    assert.equal(await s.flight.getPlan('p1'), undefined);
    const def = { permitted: { type: 'FeatureCollection', features: [] }, altitude: { maxM: 120 } };
    await s.flight.putAuthority({ id: 'official-nl', name: 'Netherlands (official)', definition: def, createdBy: 'admin' });
    assert.deepEqual((await s.flight.getAuthority('official-nl'))?.definition, def);
    await s.flight.putAuthority({ id: 'official-nl', name: 'Netherlands (official, 2026)', definition: def, createdBy: 'admin' });
    assert.deepEqual((await s.flight.listAuthorities()).map((x) => x.name), ['Netherlands (official, 2026)']);
    assert.equal(await s.flight.deleteAuthority('official-nl'), true);
    assert.deepEqual(await s.flight.listAuthorities(), []);
  });
}
