/**
 * Sign-in, roles, CSRF and throttling against a real server: the first
 * admin's one-time password must be changed before anything else; cookies
 * are HttpOnly, SameSite=Strict and Secure; a cookie-made change without
 * the CSRF token is refused; each role gets exactly its rights; a disabled
 * user is signed out; sign-in failures are throttled with Retry-After.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { LoginThrottle } from '../src/index.js';
import { ensureFirstAdmin } from '../src/auth/first-admin.js';
import { hashPassword, passwordProblem, randomPassword, verifyPassword } from '../src/auth/passwords.js';
import { can, ROLES, RIGHTS } from '../src/auth/roles.js';
import { call, makeUser, signIn, startServer, type TestServer } from './harness.js';

let s: TestServer;
let clock = Date.parse('2026-11-27T10:00:00Z');

before(async () => {
  s = await startServer({ throttle: new LoginThrottle({ perAccount: 3, perAddress: 20, windowMs: 60_000, now: () => clock }) });
});

after(async () => {
  await s.close();
});

const code = (r: { json: unknown }): string | undefined => (r.json as { error?: { code: string } } | undefined)?.error?.code;

test('passwords: scrypt hashes verify, are salted, carry their parameters; random passwords are 20 safe characters', async () => {
  const h1 = await hashPassword('una contraseña larga');
  const h2 = await hashPassword('una contraseña larga');
  assert.match(h1, /^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  assert.notEqual(h1, h2, 'salted');
  assert.equal(await verifyPassword('una contraseña larga', h1), true);
  // NFC: the same text typed with a combining accent is the same password.
  assert.equal(await verifyPassword('una contrasen\u0303a larga', h1), true);
  assert.equal(await verifyPassword('una contraseña larg', h1), false);
  await assert.rejects(verifyPassword('x', 'md5$abc'), (e: unknown) => e instanceof Error && 'code' in e && e.code === 'NARIZ_STORE_CORRUPT');
  assert.match(passwordProblem('short') ?? '', /at least 12/);
  assert.equal(passwordProblem('twelve chars'), undefined);
  const pw = randomPassword();
  assert.match(pw, /^[a-km-zA-HJ-NP-Z2-9]{20}$/);
  assert.notEqual(pw, randomPassword());
});

test('roles: viewer reads, analyst also writes, runs jobs and plans and releases leads, admin also manages users, boundaries and export overrides; a partner has the portal and their session only; an unknown role grants nothing', () => {
  assert.deepEqual(RIGHTS.filter((r) => can('viewer', r)), ['read', 'session', 'lead:read', 'network:read']);
  assert.deepEqual(RIGHTS.filter((r) => can('analyst', r)), ['read', 'sortie:write', 'job:run', 'token:own', 'plan:write', 'session', 'lead:read', 'lead:write', 'lead:release', 'network:read', 'network:write', 'translate']);
  assert.deepEqual(RIGHTS.filter((r) => can('admin', r)), RIGHTS.filter((r) => r !== 'partner:portal'));
  assert.deepEqual(RIGHTS.filter((r) => can('partner', r)), ['session', 'partner:portal']);
  assert.equal(can('partner', 'read'), false);
  assert.equal(can('auditor', 'read'), false);
  assert.deepEqual([...ROLES], ['viewer', 'analyst', 'admin', 'partner']);
});

test('the first admin signs in with the one-time password, must change it, and then can work', async () => {
  const first = await ensureFirstAdmin(s.store, undefined);
  assert.ok(first !== undefined);
  assert.equal(await ensureFirstAdmin(s.store, undefined), undefined, 'only once');
  assert.equal((await call(s.base, 'GET', '/api/sorties')).status, 401, 'signed out');
  const { cookie, csrf, reply } = await signIn(s.base, 'admin', first.password);
  assert.deepEqual(reply.json, { user: { username: 'admin', role: 'admin', clearance: 'TS', nationality: 'USA', organisation: 'task force', accesses: [] }, csrf_token: csrf, must_change_password: true });
  const set = reply.headers.get('set-cookie') ?? '';
  for (const attr of [/HttpOnly/i, /SameSite=Strict/i, /Secure/i, /Path=\//]) assert.match(set, attr);
  const auth = { cookie, csrf };
  const blocked = await call(s.base, 'GET', '/api/sorties', undefined, { auth });
  assert.equal(blocked.status, 403);
  assert.equal(code(blocked), 'NARIZ_PASSWORD_CHANGE');
  assert.equal((await call(s.base, 'GET', '/api/session', undefined, { auth })).status, 200);
  const weak = await call(s.base, 'PUT', '/api/session/password', { current_password: first.password, new_password: 'short' }, { auth });
  assert.equal(weak.status, 400);
  const wrong = await call(s.base, 'PUT', '/api/session/password', { current_password: 'not it at all', new_password: 'a much better passphrase' }, { auth });
  assert.equal(wrong.status, 401);
  const noCsrf = await call(s.base, 'PUT', '/api/session/password', { current_password: first.password, new_password: 'a much better passphrase' }, { auth: { cookie, csrf: undefined } });
  assert.equal(noCsrf.status, 403);
  assert.equal(code(noCsrf), 'NARIZ_CSRF');
  assert.equal((await call(s.base, 'PUT', '/api/session/password', { current_password: first.password, new_password: 'a much better passphrase' }, { auth })).status, 204);
  const now = await call(s.base, 'GET', '/api/session', undefined, { auth });
  assert.equal((now.json as { must_change_password: boolean }).must_change_password, false);
  assert.equal((await call(s.base, 'GET', '/api/sorties', undefined, { auth })).status, 200);
  // The old password no longer works; the new one does.
  assert.equal((await call(s.base, 'POST', '/api/session', { username: 'admin', password: first.password })).status, 401);
  await signIn(s.base, 'admin', 'a much better passphrase');
});

test('a change made with the session cookie needs the CSRF token; reads and token-signed changes do not', async () => {
  const u = await makeUser(s.store, 'csrf-analyst', 'analyst');
  const { cookie, csrf } = await signIn(s.base, 'csrf-analyst', u.password);
  const without = await call(s.base, 'POST', '/api/sorties', { name: 'x' }, { auth: { cookie, csrf: undefined } });
  assert.equal(without.status, 403);
  assert.equal(code(without), 'NARIZ_CSRF');
  const forged = await call(s.base, 'POST', '/api/sorties', { name: 'x' }, { auth: { cookie, csrf: csrf.slice(0, -2) + 'AA' } });
  assert.equal(forged.status, 403);
  assert.equal((await call(s.base, 'GET', '/api/sorties', undefined, { auth: { cookie, csrf: undefined } })).status, 200);
  assert.equal((await call(s.base, 'POST', '/api/sorties', { name: 'with token' }, { auth: { cookie, csrf } })).status, 201);
  assert.equal((await call(s.base, 'POST', '/api/sorties', { name: 'by token' }, { auth: { token: u.token } })).status, 201);
  // Signing out ends the session.
  assert.equal((await call(s.base, 'DELETE', '/api/session', undefined, { auth: { cookie, csrf } })).status, 204);
  assert.equal((await call(s.base, 'GET', '/api/sorties', undefined, { auth: { cookie, csrf } })).status, 401);
});

test('each role gets its rights and no more', async () => {
  const viewer = await makeUser(s.store, 'vera', 'viewer');
  const analyst = await makeUser(s.store, 'andres', 'analyst');
  const admin = await makeUser(s.store, 'ada', 'admin');
  const as = (t: { token: string }) => ({ auth: { token: t.token } });
  assert.equal((await call(s.base, 'GET', '/api/sorties', undefined, as(viewer))).status, 200);
  const denied = await call(s.base, 'POST', '/api/sorties', { name: 'v' }, as(viewer));
  assert.equal(denied.status, 403);
  assert.equal(code(denied), 'NARIZ_FORBIDDEN');
  assert.equal((await call(s.base, 'POST', '/api/tokens', { name: 'v' }, as(viewer))).status, 403);
  assert.equal((await call(s.base, 'GET', '/api/users', undefined, as(analyst))).status, 403);
  assert.equal((await call(s.base, 'POST', '/api/sorties', { name: 'a' }, as(analyst))).status, 201);
  const users = await call(s.base, 'GET', '/api/users', undefined, as(admin));
  assert.equal(users.status, 200);
  assert.ok((users.json as { users: Array<{ username: string }> }).users.some((x) => x.username === 'vera'));
  // Admins create users (who must change the password they were given) and change roles.
  const made = await call(s.base, 'POST', '/api/users', { username: 'nuevo', password: 'temporary-password-1', role: 'viewer' }, as(admin));
  assert.equal(made.status, 201);
  assert.equal((made.json as { must_change_password: boolean }).must_change_password, true);
  assert.equal((await call(s.base, 'POST', '/api/users', { username: 'nuevo', password: 'temporary-password-1', role: 'viewer' }, as(admin))).status, 409);
  assert.equal((await call(s.base, 'POST', '/api/users', { username: 'Bad Name', password: 'temporary-password-1', role: 'viewer' }, as(admin))).status, 400);
  assert.equal((await call(s.base, 'POST', '/api/users', { username: 'x2', password: 'temporary-password-1', role: 'god' }, as(admin))).status, 400);
  assert.equal((await call(s.base, 'PATCH', '/api/users/nuevo', { role: 'analyst' }, as(admin))).status, 200);
  assert.equal((await call(s.base, 'PATCH', '/api/users/ada', { disabled: true }, as(admin))).status, 409, 'not oneself');
  assert.equal((await call(s.base, 'PATCH', '/api/users/nobody', { role: 'viewer' }, as(admin))).status, 404);
});

test('a disabled user is signed out everywhere and their tokens stop working', async () => {
  const admin = await makeUser(s.store, 'root2', 'admin');
  const u = await makeUser(s.store, 'leaving', 'analyst');
  const { cookie, csrf } = await signIn(s.base, 'leaving', u.password);
  assert.equal((await call(s.base, 'PATCH', '/api/users/leaving', { disabled: true }, { auth: { token: admin.token } })).status, 200);
  assert.equal((await call(s.base, 'GET', '/api/sorties', undefined, { auth: { cookie, csrf } })).status, 401);
  assert.equal((await call(s.base, 'GET', '/api/sorties', undefined, { auth: { token: u.token } })).status, 401);
  assert.equal((await call(s.base, 'POST', '/api/session', { username: 'leaving', password: u.password })).status, 401);
});

test('API tokens: shown once, listed without the secret, revoked by their owner', async () => {
  const u = await makeUser(s.store, 'gcs-operator', 'analyst');
  const made = await call(s.base, 'POST', '/api/tokens', { name: 'ground station 2' }, { auth: { token: u.token } });
  assert.equal(made.status, 201);
  const t = made.json as { id: string; token: string };
  assert.match(t.token, /^nzt_[A-Za-z0-9_-]{43}$/);
  assert.equal((await call(s.base, 'GET', '/api/sorties', undefined, { auth: { token: t.token } })).status, 200);
  const list = await call(s.base, 'GET', '/api/tokens', undefined, { auth: { token: u.token } });
  assert.ok(!JSON.stringify(list.json).includes(t.token), 'no secret in the list');
  assert.equal((await call(s.base, 'DELETE', `/api/tokens/${t.id}`, undefined, { auth: { token: u.token } })).status, 204);
  const gone = await call(s.base, 'GET', '/api/sorties', undefined, { auth: { token: t.token } });
  assert.equal(gone.status, 401);
  assert.equal((await call(s.base, 'GET', '/api/sorties', undefined, { headers: { authorization: 'Basic abc' } })).status, 401);
});

test('sign-in failures are throttled per name and address, with Retry-After, and the same answer for unknown names', async () => {
  const u = await makeUser(s.store, 'target', 'viewer');
  const unknown = await call(s.base, 'POST', '/api/session', { username: 'no-such-user', password: 'whatever-it-is' });
  const wrong = await call(s.base, 'POST', '/api/session', { username: 'target', password: 'wrong-password-1' });
  assert.equal(unknown.status, 401);
  assert.deepEqual(unknown.json, wrong.json, 'an unknown name and a wrong password look the same');
  await call(s.base, 'POST', '/api/session', { username: 'target', password: 'wrong-password-2' });
  await call(s.base, 'POST', '/api/session', { username: 'TARGET', password: 'wrong-password-3' });
  const limited = await call(s.base, 'POST', '/api/session', { username: 'target', password: u.password });
  assert.equal(limited.status, 429, 'even the right password waits');
  assert.equal(code(limited), 'NARIZ_RATE_LIMITED');
  assert.equal(limited.headers.get('retry-after'), '60');
  clock += 30_000;
  assert.equal((await call(s.base, 'POST', '/api/session', { username: 'target', password: u.password })).headers.get('retry-after'), '30');
  clock += 30_001;
  assert.equal((await call(s.base, 'POST', '/api/session', { username: 'target', password: u.password })).status, 200, 'the window has passed');
});

test('the login throttle also caps failures from one address over all names', () => {
  let t = 0;
  const th = new LoginThrottle({ perAccount: 5, perAddress: 4, windowMs: 1000, now: () => t });
  for (const name of ['a', 'b', 'c', 'd']) th.fail('10.0.0.1', name);
  assert.ok(th.retryAfterMs('10.0.0.1', 'e') > 0, 'a fifth name is throttled too');
  assert.equal(th.retryAfterMs('10.0.0.2', 'e'), 0, 'another address is not');
  t = 1001;
  assert.equal(th.retryAfterMs('10.0.0.1', 'e'), 0);
});

test('sign-ins, failures and user changes are in the audit log, which only admins read', async () => {
  const admin = await makeUser(s.store, 'auditor', 'admin');
  const u = await makeUser(s.store, 'audited', 'viewer');
  await signIn(s.base, 'audited', u.password);
  await call(s.base, 'POST', '/api/session', { username: 'audited', password: 'not the password' });
  assert.equal((await call(s.base, 'PATCH', '/api/users/audited', { role: 'analyst' }, { auth: { token: admin.token } })).status, 200);
  assert.equal((await call(s.base, 'GET', '/api/audit', undefined, { auth: { token: u.token } })).status, 403);
  const log = (await call(s.base, 'GET', '/api/audit?target=audited', undefined, { auth: { token: admin.token } })).json as { size: number; entries: Array<{ seq: number; actor: string; action: string; details: Record<string, unknown>; leaf_hash: string }> };
  assert.deepEqual(log.entries.map((e) => e.action), ['user.change', 'session.signin.failed', 'session.signin']);
  assert.deepEqual(log.entries[0]!.details, { role: 'analyst', password_reset: false });
  assert.equal(log.entries[0]!.actor, 'auditor');
  assert.ok(log.entries.every((e) => /^[0-9a-f]{64}$/.test(e.leaf_hash)));
  assert.ok(log.size > log.entries[0]!.seq);
});
