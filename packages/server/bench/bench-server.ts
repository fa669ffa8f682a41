/**
 * A server process for the benchmarks: a fresh data directory, the first
 * admin signed in (one-time password changed), and an API token to sign the
 * benchmark's requests with. The server runs in its own process so that the
 * client does not share its event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { waitForBanner } from '../src/index.js';

const ONE_TIME = 'bench-one-time-password';

export interface BenchServer {
  readonly base: string;
  /** Headers that sign a request with the benchmark's API token. */
  readonly auth: Record<string, string>;
  readonly token: string;
  stop(): Promise<void>;
}

async function json(res: Response, what: string): Promise<unknown> {
  if (res.status >= 300) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

export async function startBenchServer(name: string): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), `nariz-${name}-bench-`));
  // On PostgreSQL, a schema of the benchmark's own (dropped afterwards), so its first admin is new.
  const pgUrl = process.env['NARIZ_DATABASE_URL'];
  const schema = pgUrl === undefined ? undefined : `bench_${name}_${Date.now()}`;
  const main = fileURLToPath(new URL('../src/main.js', import.meta.url));
  const server: ChildProcess = spawn(process.execPath, [main], {
    env: { ...process.env, NARIZ_PORT: '0', NARIZ_DATA_DIR: dir, NARIZ_LOG_LEVEL: 'warn', NARIZ_INITIAL_ADMIN_PASSWORD: ONE_TIME, ...(schema !== undefined ? { NARIZ_DATABASE_SCHEMA: schema } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async (): Promise<void> => {
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
    rmSync(dir, { recursive: true, force: true });
    if (pgUrl !== undefined && schema !== undefined) {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
  };
  try {
    const base = await waitForBanner(server);
    const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ONE_TIME }) });
    const s = (await json(signIn, 'sign in')) as { csrf_token: string; must_change_password: boolean };
    const cookie = /nariz_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')![0];
    const session = { cookie, 'x-csrf-token': s.csrf_token, 'content-type': 'application/json' };
    if (s.must_change_password) {
      await json(await fetch(`${base}/api/session/password`, { method: 'PUT', headers: session, body: JSON.stringify({ current_password: ONE_TIME, new_password: `${ONE_TIME}-changed` }) }), 'change password');
    }
    const t = (await json(await fetch(`${base}/api/tokens`, { method: 'POST', headers: session, body: JSON.stringify({ name: `${name} bench` }) }), 'token')) as { token: string };
    return { base, token: t.token, auth: { authorization: `Bearer ${t.token}` }, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
