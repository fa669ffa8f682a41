/** The AccountStore part of the store contract (accounts.ts). */
import assert from 'node:assert/strict';
import type { Store } from '../src/index.js';

type WithStore = (title: string, body: (s: Store) => Promise<void>) => void;

export function accountsContract(withStore: WithStore): void {
  withStore('users are created once, read, listed by name and updated field by field', async (s) => {
    const a = s.accounts;
    assert.equal(await a.countUsers(), 0);
    const u = await a.createUser({ username: 'marta', role: 'analyst', passwordHash: 'scrypt$h1', mustChangePassword: true });
    assert.equal(u.role, 'analyst');
    assert.equal(u.disabled, false);
    assert.equal(u.mustChangePassword, true);
    assert.match(u.createdAt, /^\d{4}-\d\d-\d\dT/);
    await assert.rejects(a.createUser({ username: 'marta', role: 'viewer', passwordHash: 'x', mustChangePassword: false }), (e: unknown) => e instanceof Error && 'code' in e && e.code === 'NARIZ_CONFLICT');
    await a.createUser({ username: 'ana', role: 'viewer', passwordHash: 'scrypt$h2', mustChangePassword: false });
    assert.deepEqual((await a.listUsers()).map((x) => x.username), ['ana', 'marta']);
    assert.equal(await a.countUsers(), 2);
    const changed = await a.updateUser('marta', { passwordHash: 'scrypt$h3', mustChangePassword: false });
    assert.equal(changed?.passwordHash, 'scrypt$h3');
    assert.equal(changed?.mustChangePassword, false);
    assert.equal(changed?.role, 'analyst', 'a field not in the patch is kept');
    const off = await a.updateUser('marta', { disabled: true, role: 'viewer' });
    assert.equal(off?.disabled, true);
    assert.equal(off?.role, 'viewer');
    assert.equal(off?.passwordHash, 'scrypt$h3');
    assert.equal(await a.updateUser('nobody', { role: 'admin' }), undefined);
    assert.equal(await a.getUser('nobody'), undefined);
  });

  withStore('users carry clearance, nationality, organisation and accesses: least by default, changed field by field, nationality reset to the own country', async (s) => {
    const a = s.accounts;
    const plain = await a.createUser({ username: 'nuevo', role: 'viewer', passwordHash: 'h', mustChangePassword: false });
    assert.deepEqual([plain.clearance, plain.nationality, plain.organisation, plain.accesses], ['U', undefined, 'task force', []]);
    const p = await a.createUser({ username: 'capitan', role: 'partner', passwordHash: 'h', mustChangePassword: false, clearance: 'S', nationality: 'MEX', organisation: 'SEMAR', accesses: ['LES', 'PROPIN', 'LES'] });
    assert.deepEqual([p.clearance, p.nationality, p.organisation, p.accesses], ['S', 'MEX', 'SEMAR', ['LES', 'PROPIN']]);
    const c = await a.updateUser('capitan', { clearance: 'C', accesses: [] });
    assert.deepEqual([c?.clearance, c?.nationality, c?.organisation, c?.accesses], ['C', 'MEX', 'SEMAR', []]);
    const back = await a.updateUser('capitan', { nationality: null, organisation: 'task force' });
    assert.deepEqual([back?.nationality, back?.organisation, back?.clearance], [undefined, 'task force', 'C']);
    assert.equal((await a.updateUser('capitan', { role: 'viewer' }))?.nationality, undefined, 'a patch without nationality keeps it');
    const col = await a.updateUser('capitan', { nationality: 'COL' });
    assert.equal(col?.nationality, 'COL');
    assert.equal((await a.getUser('capitan'))?.nationality, 'COL');
  });

  withStore('sessions expire, are extended, and end one by one or all of a user at once', async (s) => {
    const a = s.accounts;
    await a.createUser({ username: 'luis', role: 'admin', passwordHash: 'h', mustChangePassword: false });
    const t0 = new Date('2026-11-27T10:00:00Z');
    const at = (min: number): Date => new Date(t0.getTime() + min * 60_000);
    await a.createSession({ idHash: 'aa', username: 'luis', csrfToken: 'c1', createdAt: t0.toISOString(), expiresAt: at(60).toISOString() });
    await a.createSession({ idHash: 'bb', username: 'luis', csrfToken: 'c2', createdAt: t0.toISOString(), expiresAt: at(10).toISOString() });
    assert.equal((await a.getSession('aa', at(30)))?.csrfToken, 'c1');
    assert.equal(await a.getSession('bb', at(30)), undefined, 'expired');
    await a.extendSession('aa', at(120).toISOString());
    assert.equal((await a.getSession('aa', at(90)))?.username, 'luis');
    assert.equal(await a.purgeSessions(at(30)), 1);
    await a.deleteSession('aa');
    assert.equal(await a.getSession('aa', at(31)), undefined);
    await a.createSession({ idHash: 'cc', username: 'luis', csrfToken: 'c3', createdAt: t0.toISOString(), expiresAt: at(60).toISOString() });
    await a.createSession({ idHash: 'dd', username: 'luis', csrfToken: 'c4', createdAt: t0.toISOString(), expiresAt: at(60).toISOString() });
    await a.deleteSessionsOf('luis');
    assert.equal(await a.getSession('cc', at(1)), undefined);
    assert.equal(await a.getSession('dd', at(1)), undefined);
  });

  withStore('API tokens are found by digest, listed per user and revoked only by their owner', async (s) => {
    const a = s.accounts;
    await a.createUser({ username: 'gcs', role: 'analyst', passwordHash: 'h', mustChangePassword: false });
    await a.createUser({ username: 'eve', role: 'analyst', passwordHash: 'h', mustChangePassword: false });
    await a.createApiToken({ id: 't1', name: 'ground station', username: 'gcs', tokenHash: 'd1', createdAt: '2026-11-27T10:00:00.000Z' });
    await a.createApiToken({ id: 't2', name: 'script', username: 'gcs', tokenHash: 'd2', createdAt: '2026-11-27T10:01:00.000Z' });
    assert.equal((await a.findApiToken('d2'))?.name, 'script');
    assert.equal(await a.findApiToken('zz'), undefined);
    assert.deepEqual((await a.listApiTokens('gcs')).map((t) => t.id), ['t1', 't2']);
    assert.equal(await a.deleteApiToken('t1', 'eve'), false, 'not her token');
    assert.equal(await a.deleteApiToken('t1', 'gcs'), true);
    assert.equal(await a.findApiToken('d1'), undefined);
  });
}
