/**
 * A real server for tests: a fresh SQLite file, the app listening on a free
 * port, users made straight in the store, and a small HTTP client that signs
 * requests with an API token or a browser session (cookie + CSRF token).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SqliteStore } from '@nariz/store';
import { buildApp, type AppOptions } from '../src/index.js';
import { hashPassword } from '../src/auth/passwords.js';
import { digest, newSecret } from '../src/auth/secrets.js';

export interface Reply {
  readonly status: number;
  readonly json: unknown;
  readonly headers: Headers;
}

/** How a request is signed: an API token, a browser session, or nothing. */
export type Credentials = { readonly token: string } | { readonly cookie: string; readonly csrf: string | undefined } | undefined;

export interface TestServer {
  readonly app: FastifyInstance;
  readonly store: SqliteStore;
  readonly base: string;
  readonly dir: string;
  close(): Promise<void>;
}

export async function startServer(o: Omit<AppOptions, 'store'> & { dir?: string } = {}): Promise<TestServer> {
  const dir = o.dir ?? mkdtempSync(join(tmpdir(), 'nariz-server-'));
  const store = new SqliteStore({ path: join(dir, 'nariz.db') });
  await store.migrate();
  const app = await buildApp({ ...o, store });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  assert.ok(addr !== null && typeof addr === 'object');
  return {
    app, store, dir, base: `http://127.0.0.1:${addr.port}`,
    async close() {
      await app.close();
      await store.close();
      if (o.dir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A user with a known password (no change required) and an API token acting for them. */
export async function makeUser(store: SqliteStore, username: string, role: string, password = `${username}-password-long`): Promise<{ token: string; password: string }> {
  await store.accounts.createUser({ username, role, passwordHash: await hashPassword(password), mustChangePassword: false });
  const token = newSecret('nzt_');
  await store.accounts.createApiToken({ id: `t-${username}`, name: 'tests', username, tokenHash: digest(token), createdAt: new Date().toISOString() });
  return { token, password };
}

export async function call(base: string, method: string, path: string, body?: unknown, o: { type?: string; auth?: Credentials; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...o.headers };
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    headers['content-type'] = o.type ?? 'application/json';
  }
  if (o.auth !== undefined && 'token' in o.auth) headers['authorization'] = `Bearer ${o.auth.token}`;
  if (o.auth !== undefined && 'cookie' in o.auth) {
    headers['cookie'] = o.auth.cookie;
    if (o.auth.csrf !== undefined) headers['x-csrf-token'] = o.auth.csrf;
  }
  const res = await fetch(base + path, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}

/** Signs in like a browser: the session cookie and the CSRF token. */
export async function signIn(base: string, username: string, password: string): Promise<{ cookie: string; csrf: string; reply: Reply }> {
  const reply = await call(base, 'POST', '/api/session', { username, password });
  assert.equal(reply.status, 200, JSON.stringify(reply.json));
  const set = reply.headers.get('set-cookie') ?? '';
  const m = /nariz_session=([^;]+)/.exec(set);
  assert.ok(m !== null, `a session cookie: ${set}`);
  return { cookie: `nariz_session=${m[1]}`, csrf: (reply.json as { csrf_token: string }).csrf_token, reply };
}

/** Polls `probe` until it returns a value (not undefined), or fails after `ms`. */
export async function until<T>(probe: () => Promise<T | undefined>, what: string, ms = 60_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) assert.fail(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
