/**
 * The audit log as a verifiable Merkle tree, end to end. A real server on a
 * real SQLite file signs checkpoints with its own key; its proofs verify
 * with the security package alone; its export bundles pass the built CLI
 * (`nariz audit verify`, run as a subprocess). Then the database is tampered
 * with as an insider could (triggers dropped first): an entry's details
 * edited, with and without its stored leaf hash; an entry deleted; two
 * entries' seq swapped; a checkpoint signed by another key; an old copy
 * restored and continued (a fork). Each is caught by the CLI (exit 1, naming
 * the check and the entries) and by a server started on that database (the
 * log reported broken, nothing more signed), or, for the fork, against what
 * the partner saved before.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import {
  MerkleLog, decodeBase64, generateSigningKey, loadPublicKey, signCheckpoint, verifierKey, verifyCheckpoint, verifyCheckpointConsistency, verifyInclusion,
} from '@nariz/security';
import { auditLeafHash, PostgresStore, scanAuditLog, SqliteStore, type Store } from '@nariz/store';
import { buildApp } from '../src/index.js';
import { AUDIT_KEY_FILE } from '../src/audit/audit-key.js';
import { call, makeUser, startServer, type TestServer } from './harness.js';

const CLI = fileURLToPath(new URL('../../../cli/dist/src/main.js', import.meta.url));
const ORIGIN = 'nariz.test/audit';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function nariz(...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, 'audit', 'verify', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'nariz-audit-'));
  dirs.push(d);
  return d;
}

before(() => {
  assert.ok(existsSync(CLI), `the built CLI is needed at ${CLI}: npx tsc -b packages/cli`);
});
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A server whose key lives in `dir`; checkpoints only when the test asks (or at shutdown) unless an interval is given. */
function auditServer(dir: string, checkpointSeconds = 3600): Promise<TestServer> {
  return startServer({ dir, audit: { keyDir: dir, origin: ORIGIN, checkpointSeconds } });
}

/** Entries like the platform's views of marked objects, each naming its tag and index. */
async function appendViews(store: Store, n: number, tag: string): Promise<void> {
  for (let i = 0; i < n; i++) await store.audit.append({ actor: i % 2 === 0 ? 'ana' : 'luis', action: 'lead.view', target: `${tag}-${i}`, details: { i, tag, marking: 'S//REL TO ESP, USA' } });
}

async function checkpoint(s: TestServer): Promise<number> {
  const c = await s.app.platform.audit.checkpointNow();
  assert.ok(c !== undefined, 'a checkpoint was signed');
  return c.treeSize;
}

const errorCode = (r: { json: unknown }): string | undefined => (r.json as { error?: { code: string } } | undefined)?.error?.code;

function sqlite(path: string, body: (db: Database.Database) => void): void {
  const db = new Database(path);
  try {
    body(db);
  } finally {
    db.close();
  }
}

/** What an insider does first: the append-only triggers are guard rails, not protection. */
const DROP_TRIGGERS = 'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_checkpoints_no_update; DROP TRIGGER audit_checkpoints_no_delete;';

/** A copy of a closed server's data directory (database and key), to tamper with. */
function copyData(from: string): string {
  const to = tempDir();
  copyFileSync(join(from, 'nariz.db'), join(to, 'nariz.db'));
  copyFileSync(join(from, AUDIT_KEY_FILE), join(to, AUDIT_KEY_FILE));
  return to;
}

/** Entry `seq`'s details changed; with `rehash`, its stored leaf hash too (the careful insider). */
function editEntry(path: string, seq: number, rehash: boolean): void {
  sqlite(path, (db) => {
    db.exec(DROP_TRIGGERS);
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as { seq: number; at: string; actor: string; action: string; target: string; details: string };
    const details = { ...(JSON.parse(row.details) as Record<string, unknown>), marking: 'U' };
    const leaf = auditLeafHash({ seq: row.seq, at: row.at, actor: row.actor, action: row.action, target: row.target, details });
    db.prepare(`UPDATE audit_log SET details = ?${rehash ? ', leaf_hash = ?' : ''} WHERE seq = ?`).run(...[JSON.stringify(details), ...(rehash ? [leaf] : []), seq]);
  });
}

/** Every "FAILED <check>" line of the CLI's stderr, as "check: entries". */
function failures(r: Run): string[] {
  return [...r.stderr.matchAll(/^nariz audit verify: FAILED ([a-z-]+): .*?(?:\(|\[)(entr(?:y|ies) [\d to]+)(?:\)|\])\s*$/gm)].map((m) => `${m[1]}: ${m[2]}`);
}

let live: TestServer;
let liveDir: string;
let token: string;
let pubPem: string;
let bundleHashes: string;
let bundleEntries: string;

before(async () => {
  liveDir = tempDir();
  live = await auditServer(liveDir);
  token = (await makeUser(live.store, 'root', 'admin')).token;
  await appendViews(live.store, 10, 'a');
  await checkpoint(live);
  await appendViews(live.store, 10, 'b');
  await checkpoint(live);
  await appendViews(live.store, 10, 'c');
  await checkpoint(live);
  const key = await call(live.base, 'GET', '/api/audit/public-key', undefined, { auth: { token } });
  assert.equal(key.status, 200, JSON.stringify(key.json));
  pubPem = join(liveDir, 'audit-public.pem');
  writeFileSync(pubPem, (key.json as { public_key: string }).public_key);
  for (const [include, name] of [['hashes', 'bundle-30.json'], ['entries', 'bundle-30-entries.json']] as const) {
    const b = await call(live.base, 'GET', `/api/audit/bundle?include=${include}`, undefined, { auth: { token } });
    assert.equal(b.status, 200, JSON.stringify(b.json));
    assert.match(b.headers.get('content-disposition') ?? '', /attachment; filename="nariz-audit-30\.json"/);
    writeFileSync(join(liveDir, name), JSON.stringify(b.json));
  }
  bundleHashes = join(liveDir, 'bundle-30.json');
  bundleEntries = join(liveDir, 'bundle-30-entries.json');
});

after(async () => {
  await live.close();
});

test('the key is made once in the data directory (0600, PKCS#8) and served with its C2SP verifier key to any signed-in user', async () => {
  const path = join(liveDir, AUDIT_KEY_FILE);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.match(readFileSync(path, 'utf8'), /^-----BEGIN PRIVATE KEY-----\n/);
  const viewer = await makeUser(live.store, 'vera', 'viewer');
  const k = await call(live.base, 'GET', '/api/audit/public-key', undefined, { auth: { token: viewer.token } });
  assert.equal(k.status, 200);
  const body = k.json as { origin: string; key_name: string; key_id: string; public_key: string; verifier_key: string };
  assert.equal(body.origin, ORIGIN);
  assert.equal(body.key_name, ORIGIN);
  assert.equal(body.verifier_key, verifierKey(ORIGIN, loadPublicKey(body.public_key)));
  assert.match(body.verifier_key, new RegExp(`^${ORIGIN}\\+${body.key_id}\\+[A-Za-z0-9+/]{44}$`));
  assert.match(body.public_key, /^-----BEGIN PUBLIC KEY-----/);
  assert.equal((await call(live.base, 'GET', '/api/audit/checkpoint', undefined, { auth: { token: viewer.token } })).status, 403, 'the rest is for admins');
  assert.equal((await call(live.base, 'GET', '/api/audit/public-key')).status, 401);
});

test('checkpoints are signed, stored append-only and verify with the served key; proofs of inclusion and consistency verify', async () => {
  const auth = { token };
  const newest = await call(live.base, 'GET', '/api/audit/checkpoint', undefined, { auth });
  assert.equal(newest.status, 200);
  const cp = newest.json as { tree_size: number; root_hash: string; at: string; checkpoint: string };
  assert.equal(cp.tree_size, 30);
  const v30 = verifyCheckpoint(cp.checkpoint, readFileSync(pubPem, 'utf8'), { origin: ORIGIN, keyName: ORIGIN });
  assert.equal(Buffer.from(v30.rootHash).toString('hex'), cp.root_hash);
  assert.match(cp.checkpoint, /^nariz\.test\/audit\n30\n[A-Za-z0-9+/]{43}=\n\n— nariz\.test\/audit [A-Za-z0-9+/=]+\n$/);
  const list = (await call(live.base, 'GET', '/api/audit/checkpoints?from_size=11', undefined, { auth })).json as { checkpoints: Array<{ tree_size: number; checkpoint: string }> };
  assert.deepEqual(list.checkpoints.map((c) => c.tree_size), [20, 30]);
  const v20 = verifyCheckpoint(list.checkpoints[0]!.checkpoint, readFileSync(pubPem, 'utf8'), { origin: ORIGIN });

  // Entry 13, against the newest checkpoint (the default tree size): its leaf is the one GET /api/audit lists.
  const inc = (await call(live.base, 'GET', '/api/audit/proof/inclusion?seq=13', undefined, { auth })).json as { seq: number; tree_size: number; leaf_hash: string; proof: string[]; root: string; checkpoint: string | null };
  assert.equal(inc.tree_size, 30);
  assert.equal(inc.root, cp.root_hash);
  assert.equal(inc.checkpoint, cp.checkpoint);
  const listed = (await call(live.base, 'GET', '/api/audit?target=b-3', undefined, { auth })).json as { entries: Array<{ seq: number; leaf_hash: string }> };
  assert.deepEqual(listed.entries.map((e) => [e.seq, e.leaf_hash]), [[13, inc.leaf_hash]]);
  const bytes = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));
  verifyInclusion(13, 30, bytes(inc.leaf_hash), inc.proof.map(bytes), v30.rootHash);
  assert.throws(() => verifyInclusion(12, 30, bytes(inc.leaf_hash), inc.proof.map(bytes), v30.rootHash), (e: unknown) => e instanceof Error && 'code' in e && e.code === 'NARIZ_MERKLE_PROOF');
  const at20 = (await call(live.base, 'GET', '/api/audit/proof/inclusion?seq=13&tree_size=20', undefined, { auth })).json as { root: string; proof: string[]; checkpoint: string };
  verifyInclusion(13, 20, bytes(inc.leaf_hash), at20.proof.map(bytes), v20.rootHash);
  assert.equal(at20.checkpoint, list.checkpoints[0]!.checkpoint);

  const cons = (await call(live.base, 'GET', '/api/audit/proof/consistency?from=20&to=30', undefined, { auth })).json as { proof: string[]; from_root: string; to_root: string; from_checkpoint: string; to_checkpoint: string };
  verifyCheckpointConsistency(v20, v30, cons.proof.map(bytes));
  assert.equal(cons.from_checkpoint, list.checkpoints[0]!.checkpoint);
  const bent = cons.proof.map(bytes);
  bent[0]![0]! ^= 1;
  assert.throws(() => verifyCheckpointConsistency(v20, v30, bent), (e: unknown) => e instanceof Error && 'code' in e && e.code === 'NARIZ_AUDIT_MISMATCH');

  // Bad requests, in the error shape.
  const bad = async (path: string, status: number, code: string): Promise<void> => {
    const r = await call(live.base, 'GET', path, undefined, { auth });
    assert.equal(r.status, status, `${path}: ${JSON.stringify(r.json)}`);
    assert.equal(errorCode(r), code, path);
  };
  await bad('/api/audit/proof/inclusion?seq=30', 400, 'NARIZ_BAD_REQUEST');
  await bad('/api/audit/proof/inclusion?seq=1&tree_size=99', 404, 'NARIZ_NOT_FOUND');
  await bad('/api/audit/proof/consistency?from=0', 400, 'NARIZ_BAD_REQUEST');
  await bad('/api/audit/proof/consistency?from=25&to=20', 400, 'NARIZ_BAD_REQUEST');
  await bad('/api/audit/bundle?to=25', 404, 'NARIZ_NOT_FOUND');
  await bad('/api/audit/bundle?include=everything', 400, 'NARIZ_BAD_REQUEST');
  await bad('/api/audit/checkpoints?colour=red', 400, 'NARIZ_BAD_REQUEST');

  // Append-only in the database as well (a guard rail: the tampering tests drop these triggers).
  sqlite(join(liveDir, 'nariz.db'), (db) => {
    assert.throws(() => db.prepare("UPDATE audit_checkpoints SET signed = 'x' WHERE tree_size = 20").run(), /append-only/);
    assert.throws(() => db.prepare('DELETE FROM audit_log WHERE seq = 3').run(), /append-only/);
  });
});

test('a checkpoint follows new entries within the interval, and one more is signed at shutdown', async () => {
  const dir = tempDir();
  const s = await auditServer(dir, 0.05);
  const { token: t } = await makeUser(s.store, 'root', 'admin');
  const none = await call(s.base, 'GET', '/api/audit/checkpoint', undefined, { auth: { token: t } });
  assert.equal(none.status, 404, 'nothing to sign yet');
  await appendViews(s.store, 3, 'x');
  // Any append is seen, whoever makes it: here a sign-in through the API adds one more.
  assert.equal((await call(s.base, 'POST', '/api/session', { username: 'root', password: 'root-password-long' })).status, 200);
  const signed = await (async () => {
    for (let i = 0; i < 200; i++) {
      const r = await call(s.base, 'GET', '/api/audit/checkpoint', undefined, { auth: { token: t } });
      if (r.status === 200 && (r.json as { tree_size: number }).tree_size === 4) return r.json as { tree_size: number };
      await new Promise((res) => setTimeout(res, 25));
    }
    return undefined;
  })();
  assert.equal(signed?.tree_size, 4);
  await s.close();

  const slow = await auditServer(dir);
  await appendViews(slow.store, 2, 'y');
  await slow.close();
  const store = new SqliteStore({ path: join(dir, 'nariz.db') });
  try {
    assert.equal((await store.auditCheckpoints.latest())?.treeSize, 6, 'the entries since the last checkpoint were signed on close');
    assert.ok((await store.auditCheckpoints.count()) >= 2);
  } finally {
    await store.close();
  }
});

test('nariz audit verify accepts an honest export, pinned or not, hashes or entries, and checks an entry\'s inclusion', async () => {
  const ok = nariz('--bundle', bundleHashes, '--key', pubPem);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^audit log verified: bundle, origin nariz\.test\/audit, 30 entries/);
  assert.match(ok.stdout, /3 checkpoint signature\(s\) valid/);
  assert.match(ok.stdout, /\(the key given with --key\)/);
  const unpinned = nariz('--bundle', bundleHashes);
  assert.equal(unpinned.code, 0, unpinned.stderr);
  assert.match(unpinned.stdout, /NOT pinned/);

  const entry = nariz('--bundle', bundleEntries, '--key', pubPem, '--entry', '13', '--json');
  assert.equal(entry.code, 0, entry.stderr);
  const j = JSON.parse(entry.stdout) as { ok: boolean; tree_size: number; key_pinned: boolean; entry: { seq: number; tree_size: number; proof_hashes: number; entry: string }; problems: unknown[] };
  assert.equal(j.ok, true);
  assert.equal(j.key_pinned, true);
  assert.deepEqual([j.entry.seq, j.entry.tree_size, j.entry.proof_hashes], [13, 30, 5]);
  assert.deepEqual(JSON.parse(j.entry.entry), { action: 'lead.view', actor: 'luis', at: (JSON.parse(j.entry.entry) as { at: string }).at, details: { i: 3, marking: 'S//REL TO ESP, USA', tag: 'b' }, seq: 13, target: 'b-3' });
  const hashesOnly = JSON.parse(readFileSync(bundleHashes, 'utf8')) as { entries?: unknown; leafHashes: string[] };
  assert.equal(hashesOnly.entries, undefined, 'the default export holds no entry');
  assert.equal(hashesOnly.leafHashes.length, 30);

  // The C2SP verifier key and the server's private key file are keys too.
  const vkey = join(liveDir, 'verifier-key.txt');
  writeFileSync(vkey, `${((await call(live.base, 'GET', '/api/audit/public-key', undefined, { auth: { token } })).json as { verifier_key: string }).verifier_key}\n`);
  assert.equal(nariz('--bundle', bundleHashes, '--key', vkey).code, 0);
  assert.equal(nariz('--bundle', bundleHashes, '--key', join(liveDir, AUDIT_KEY_FILE)).code, 0);

  // The database read directly (the server is running: SQLite's WAL lets it).
  const db = nariz('--data-dir', liveDir);
  assert.equal(db.code, 0, db.stderr);
  assert.match(db.stdout, /^audit log verified: database, origin nariz\.test\/audit, 3[0-9] entries/);
  assert.equal(nariz('--db', join(liveDir, 'nariz.db'), '--key', pubPem, '--entry', '5').code, 0);

  // Usage and format errors are exit 2, with the catalogue's code.
  const usage = (r: Run, re: RegExp): void => {
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, re);
  };
  usage(nariz(), /NARIZ_USAGE: give exactly one of --bundle, --db or --data-dir/);
  usage(nariz('--bundle', bundleHashes, '--db', 'x.db'), /exactly one/);
  usage(nariz('--db', join(liveDir, 'nariz.db')), /--key is required with --db/);
  usage(nariz('--bundle', join(liveDir, 'missing.json')), /NARIZ_IO/);
  usage(nariz('--bundle', pubPem), /NARIZ_AUDIT_BUNDLE: .*not JSON/);
  usage(nariz('--bundle', bundleHashes, '--entry', '30'), /NARIZ_USAGE: --entry 30 is not among the 30 entries/);
  const notAKey = join(liveDir, 'not-a-key.txt');
  writeFileSync(notAKey, 'hello\n');
  usage(nariz('--bundle', bundleHashes, '--key', notAKey), /NARIZ_SIGNING_KEY/);
  usage(nariz('--bundle', bundleHashes, '--previous', notAKey), /NARIZ_CHECKPOINT: --previous .*not-a-key\.txt/);
  const r = spawnSync(process.execPath, [CLI, 'audit', 'check'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown subcommand "check"/);
});

test('a checkpoint or a bundle signed by another key is rejected (exit 1, signature)', async () => {
  // A key whose verifier key holds "+" in its base64 (about half do), so that form is read right.
  let other = generateSigningKey(ORIGIN);
  while (verifierKey(ORIGIN, other.signer.publicKey).split('+').length === 3) other = generateSigningKey(ORIGIN);
  const otherPem = join(liveDir, 'other-public.pem');
  writeFileSync(otherPem, other.publicKeyPem);
  const wrongKey = nariz('--bundle', bundleHashes, '--key', otherPem);
  assert.equal(wrongKey.code, 1);
  assert.match(wrongKey.stderr, /FAILED signature: .*signed with a key other than the trusted one/);
  // A bundle re-signed with another key (its own key swapped in) fails against the pinned key.
  const b = JSON.parse(readFileSync(bundleHashes, 'utf8')) as { publicKey: string; verifierKey: string; checkpoints: string[]; leafHashes: string[] };
  const tree = MerkleLog.fromLeafHashes(b.leafHashes.map((h) => decodeBase64(h)!));
  const forged = {
    ...b, publicKey: other.publicKeyPem, verifierKey: verifierKey(ORIGIN, other.signer.publicKey),
    checkpoints: b.checkpoints.map((c) => signCheckpoint({ origin: ORIGIN, treeSize: verifyCheckpoint(c, b.publicKey).treeSize, rootHash: tree.root(verifyCheckpoint(c, b.publicKey).treeSize), extensions: [] }, other.signer)),
  };
  const forgedPath = join(liveDir, 'forged.json');
  writeFileSync(forgedPath, JSON.stringify(forged));
  assert.equal(nariz('--bundle', forgedPath).code, 0, 'self-consistent: only pinning the key tells');
  const otherVkey = join(liveDir, 'other-verifier-key.txt');
  writeFileSync(otherVkey, verifierKey(ORIGIN, other.signer.publicKey));
  assert.equal(nariz('--bundle', forgedPath, '--key', otherVkey).code, 0, 'pinned to the key that did sign it');
  const pinned = nariz('--bundle', forgedPath, '--key', pubPem, '--json');
  assert.equal(pinned.code, 1);
  assert.equal((JSON.parse(pinned.stdout) as { problems: Array<{ check: string }> }).problems[0]?.check, 'signature');

  // In the database: one more entry, and a checkpoint for it signed by the other key.
  const dir = tempDir();
  await live.store.backupTo(join(dir, 'nariz.db'));
  copyFileSync(join(liveDir, AUDIT_KEY_FILE), join(dir, AUDIT_KEY_FILE));
  const store = new SqliteStore({ path: join(dir, 'nariz.db') });
  try {
    await appendViews(store, 1, 'late');
    const t = new MerkleLog();
    await scanAuditLog(store.audit, (h) => t.appendLeafHash(h));
    const signed = signCheckpoint({ origin: ORIGIN, treeSize: t.size, rootHash: t.root(), extensions: [] }, other.signer);
    await store.auditCheckpoints.add({ treeSize: t.size, rootHash: Buffer.from(t.root()).toString('hex'), signed });
  } finally {
    await store.close();
  }
  const cli = nariz('--data-dir', dir);
  assert.equal(cli.code, 1);
  assert.match(cli.stderr, /FAILED signature: .*no signature by the given key/);
  const s = await auditServer(dir);
  try {
    const st = (await call(s.base, 'GET', '/api/audit/status', undefined, { auth: { token } })).json as { state: string; problems: Array<{ check: string; message: string }> };
    assert.equal(st.state, 'broken');
    assert.equal(st.problems[0]?.check, 'signature');
    assert.match(st.problems[0]?.message ?? '', /does not verify with this server's key/);
  } finally {
    await s.close();
  }
});

test('an exported bundle edited by hand is caught (exit 1, root), and an honest later export extends the earlier one', async () => {
  const b = JSON.parse(readFileSync(bundleEntries, 'utf8')) as { entries: string[] };
  const e = JSON.parse(Buffer.from(b.entries[23]!, 'base64').toString('utf8')) as Record<string, unknown>;
  b.entries[23] = Buffer.from(JSON.stringify({ ...e, actor: 'nobody' })).toString('base64');
  const edited = join(liveDir, 'edited.json');
  writeFileSync(edited, JSON.stringify(b));
  const r = nariz('--bundle', edited, '--key', pubPem);
  assert.equal(r.code, 1);
  assert.deepEqual(failures(r), ['root: entries 20 to 29']);

  const saved = join(liveDir, 'checkpoint-30.json');
  writeFileSync(saved, JSON.stringify((await call(live.base, 'GET', '/api/audit/checkpoint', undefined, { auth: { token } })).json));
  await appendViews(live.store, 5, 'd');
  await checkpoint(live);
  const later = await call(live.base, 'GET', '/api/audit/bundle?from=30', undefined, { auth: { token } });
  const laterPath = join(liveDir, 'bundle-later.json');
  writeFileSync(laterPath, JSON.stringify(later.json));
  assert.deepEqual((later.json as { checkpoints: string[] }).checkpoints.map((c) => verifyCheckpoint(c, readFileSync(pubPem, 'utf8')).treeSize).slice(0, 1), [30], 'from=30 starts at the partner\'s checkpoint');
  const ext = nariz('--bundle', laterPath, '--key', pubPem, '--previous', bundleHashes, '--previous', saved);
  assert.equal(ext.code, 0, ext.stderr);
  assert.match(ext.stdout, /checkpoint signature\(s\) valid; [1-9]\d* saved checkpoint\(s\) checked as prefixes/);
});

test('tampering in the database is caught by nariz audit verify --db (exit 1, check and entries) and by a server started on it', async () => {
  // A closed copy of a 30-entry log with checkpoints at 10, 20 and 30.
  const base = tempDir();
  const s = await auditServer(base);
  await appendViews(s.store, 10, 'a');
  await checkpoint(s);
  await appendViews(s.store, 10, 'b');
  await checkpoint(s);
  await appendViews(s.store, 10, 'c');
  await checkpoint(s);
  await s.close();
  assert.equal(nariz('--data-dir', base).code, 0);

  const cases: Array<{ name: string; tamper: (db: string) => void; cli: string[]; server: string }> = [
    { name: 'details of entry 13 edited', tamper: (db) => editEntry(db, 13, false), cli: ['leaf-hash: entry 13', 'root: entries 10 to 19'], server: 'leaf-hash' },
    { name: 'entry 13 edited and its leaf hash recomputed', tamper: (db) => editEntry(db, 13, true), cli: ['root: entries 10 to 19'], server: 'root' },
    { name: 'entry 23 deleted', tamper: (db) => sqlite(db, (d) => d.exec(`${DROP_TRIGGERS} DELETE FROM audit_log WHERE seq = 23`)), cli: ['sequence: entry 23', 'size: entries 20 to 29'], server: 'sequence' },
    {
      name: 'entries 12 and 17 swapped', cli: ['leaf-hash: entry 12', 'leaf-hash: entry 17', 'root: entries 10 to 19'], server: 'leaf-hash',
      tamper: (db) => sqlite(db, (d) => d.exec(`${DROP_TRIGGERS} UPDATE audit_log SET seq = -1 WHERE seq = 12; UPDATE audit_log SET seq = 12 WHERE seq = 17; UPDATE audit_log SET seq = 17 WHERE seq = -1;`)),
    },
    { name: 'the newest checkpoint deleted and the log truncated', tamper: (db) => sqlite(db, (d) => d.exec(`${DROP_TRIGGERS} DELETE FROM audit_log WHERE seq >= 25; DELETE FROM audit_checkpoints WHERE tree_size = 30`)), cli: [], server: 'ok' },
  ];
  for (const c of cases) {
    const dir = copyData(base);
    c.tamper(join(dir, 'nariz.db'));
    const r = nariz('--data-dir', dir);
    if (c.cli.length === 0) {
      // Self-consistent after the cut: only a checkpoint saved outside (the partner's) can tell; see the fork test.
      assert.equal(r.code, 0, `${c.name}: ${r.stderr}`);
      const withSaved = nariz('--data-dir', dir, '--previous', savedCheckpoints(base));
      assert.equal(withSaved.code, 1, c.name);
      assert.match(withSaved.stderr, /FAILED size: .*entries were dropped/);
      continue;
    }
    assert.equal(r.code, 1, `${c.name}: ${r.stdout}${r.stderr}`);
    assert.match(r.stdout, /^AUDIT LOG DOES NOT VERIFY: database/);
    assert.deepEqual(failures(r), c.cli, c.name);
    const server = await auditServer(dir);
    try {
      const admin = await makeUser(server.store, 'root', 'admin');
      const st = (await call(server.base, 'GET', '/api/audit/status', undefined, { auth: { token: admin.token } })).json as { state: string; tree_size: number; problems: Array<{ check: string; from?: number }> };
      assert.equal(st.state, 'broken', c.name);
      assert.equal(st.problems[0]?.check, c.server, c.name);
      const refused = await call(server.base, 'GET', '/api/audit/bundle', undefined, { auth: { token: admin.token } });
      assert.equal(refused.status, 503);
      assert.equal(errorCode(refused), 'NARIZ_AUDIT_BROKEN');
      assert.match((refused.json as { error: { message: string } }).error.message, new RegExp(`${c.server} check failed`));
      assert.equal(errorCode(await call(server.base, 'GET', '/api/audit/proof/inclusion?seq=1', undefined, { auth: { token: admin.token } })), 'NARIZ_AUDIT_BROKEN');
      // Nothing more is signed, while the rest of the platform serves. (After a deletion the store's
      // next seq, its row count, is taken already, so appends fail there: not tried.)
      if (c.server !== 'sequence') await appendViews(server.store, 2, 'after');
      assert.equal(await server.app.platform.audit.checkpointNow(), undefined);
      assert.equal((await call(server.base, 'GET', '/api/sorties', undefined, { auth: { token: admin.token } })).status, 200);
    } finally {
      await server.close();
    }
  }
});

/** The checkpoints of a closed data directory, saved as the partner would have them (the JSON of GET /api/audit/checkpoints). */
function savedCheckpoints(dir: string): string {
  const path = join(tempDir(), 'checkpoints.json');
  sqlite(join(dir, 'nariz.db'), (db) => {
    const rows = db.prepare('SELECT signed FROM audit_checkpoints ORDER BY tree_size').all() as Array<{ signed: string }>;
    writeFileSync(path, JSON.stringify({ checkpoints: rows.map((r) => ({ checkpoint: r.signed })) }));
  });
  return path;
}

test('an edit of the database while the server runs is caught at the next export, and the log is marked broken', async () => {
  const dir = tempDir();
  const s = await auditServer(dir);
  try {
    const { token: t } = await makeUser(s.store, 'root', 'admin');
    await appendViews(s.store, 8, 'r');
    await checkpoint(s);
    assert.equal((await call(s.base, 'GET', '/api/audit/bundle', undefined, { auth: { token: t } })).status, 200);
    editEntry(join(dir, 'nariz.db'), 5, true);
    const r = await call(s.base, 'GET', '/api/audit/bundle', undefined, { auth: { token: t } });
    assert.equal(r.status, 503);
    assert.equal(errorCode(r), 'NARIZ_AUDIT_BROKEN');
    const st = (await call(s.base, 'GET', '/api/audit/status', undefined, { auth: { token: t } })).json as { state: string; problems: Array<{ check: string; from: number; to: number }> };
    assert.equal(st.state, 'broken');
    assert.deepEqual(st.problems.map((p) => [p.check, p.from, p.to]), [['leaf-hash', 5, 6]]);
  } finally {
    await s.close();
  }
});

test('a fork (an old copy restored, continued and signed) is caught against the export the partner saved', async () => {
  const a = tempDir();
  const s = await auditServer(a);
  const { token: t } = await makeUser(s.store, 'root', 'admin');
  await appendViews(s.store, 12, 'm');
  await checkpoint(s);
  const old = tempDir();
  await s.store.backupTo(join(old, 'nariz.db'));
  copyFileSync(join(a, AUDIT_KEY_FILE), join(old, AUDIT_KEY_FILE));
  await appendViews(s.store, 8, 'n');
  await checkpoint(s);
  const partner = join(a, 'partner-20.json');
  writeFileSync(partner, JSON.stringify((await call(s.base, 'GET', '/api/audit/bundle', undefined, { auth: { token: t } })).json));
  const partnerCheckpoint = join(a, 'partner-20.checkpoint');
  writeFileSync(partnerCheckpoint, ((await call(s.base, 'GET', '/api/audit/checkpoint', undefined, { auth: { token: t } })).json as { checkpoint: string }).checkpoint);
  await s.close();

  // The old copy is consistent in itself: a server starts on it, and it goes on differently.
  const f = await auditServer(old);
  try {
    const st = (await call(f.base, 'GET', '/api/audit/status', undefined, { auth: { token: t } })).json as { state: string; tree_size: number };
    assert.deepEqual([st.state, st.tree_size], ['verified', 12]);
    await appendViews(f.store, 10, 'other');
    assert.equal(await checkpoint(f), 22);
    writeFileSync(join(old, 'fork-22.json'), JSON.stringify((await call(f.base, 'GET', '/api/audit/bundle', undefined, { auth: { token: t } })).json));
  } finally {
    await f.close();
  }
  const alone = nariz('--bundle', join(old, 'fork-22.json'), '--key', join(a, AUDIT_KEY_FILE));
  assert.equal(alone.code, 0, 'a fork is self-consistent on its own');
  const vsBundle = nariz('--bundle', join(old, 'fork-22.json'), '--key', join(a, AUDIT_KEY_FILE), '--previous', partner);
  assert.equal(vsBundle.code, 1);
  assert.deepEqual(failures(vsBundle), ['consistency: entry 12']);
  const vsCheckpoint = nariz('--bundle', join(old, 'fork-22.json'), '--key', join(a, AUDIT_KEY_FILE), '--previous', partnerCheckpoint);
  assert.equal(vsCheckpoint.code, 1);
  assert.deepEqual(failures(vsCheckpoint), ['consistency: entries 0 to 19'], 'a lone checkpoint bounds the fork less closely than a bundle');
  const vsDb = nariz('--data-dir', old, '--previous', partner, '--json');
  assert.equal(vsDb.code, 1);
  const j = JSON.parse(vsDb.stdout) as { ok: boolean; problems: Array<{ check: string; from: number; to: number }> };
  assert.deepEqual([j.ok, j.problems.map((p) => [p.check, p.from, p.to])], [false, [['consistency', 12, 13]]]);
});

const pgUrl = process.env['NARIZ_TEST_PG_URL'];

test('on PostgreSQL: checkpoints, the export and nariz audit verify --db; an edit is caught', { skip: pgUrl === undefined ? 'NARIZ_TEST_PG_URL is not set' : false }, async () => {
  const schema = `audit_test_${process.pid}_${Date.now() % 100000}`;
  const dir = tempDir();
  const open = async (): Promise<{ store: PostgresStore; app: Awaited<ReturnType<typeof buildApp>> }> => {
    const store = new PostgresStore({ connectionString: pgUrl!, schema });
    await store.migrate();
    const app = await buildApp({ store, audit: { keyDir: dir, origin: ORIGIN, checkpointSeconds: 3600 } });
    await app.ready();
    return { store, app };
  };
  try {
    const one = await open();
    try {
      await appendViews(one.store, 9, 'p');
      assert.equal((await one.app.platform.audit.checkpointNow())?.treeSize, 9);
      writeFileSync(join(dir, 'pg.json'), JSON.stringify(await one.app.platform.audit.bundle({ from: 0, include: 'entries' })));
    } finally {
      await one.app.close();
      await one.store.close();
    }
    assert.equal(nariz('--bundle', join(dir, 'pg.json'), '--key', join(dir, AUDIT_KEY_FILE)).code, 0);
    const ok = nariz('--db', pgUrl!, '--schema', schema, '--key', join(dir, AUDIT_KEY_FILE));
    assert.equal(ok.code, 0, ok.stderr);
    const c = new pg.Client({ connectionString: pgUrl! });
    await c.connect();
    try {
      await c.query(`DROP TRIGGER audit_log_append_only ON ${schema}.audit_log`);
      await c.query(`UPDATE ${schema}.audit_log SET details = jsonb_set(details, '{marking}', '"U"') WHERE seq = 4`);
    } finally {
      await c.end();
    }
    const bad = nariz('--db', pgUrl!, '--schema', schema, '--key', join(dir, AUDIT_KEY_FILE));
    assert.equal(bad.code, 1);
    assert.deepEqual(failures(bad), ['leaf-hash: entry 4', 'root: entries 0 to 8']);
    const two = await open();
    try {
      assert.deepEqual(two.app.platform.audit.status().problems.map((p) => p.check), ['leaf-hash', 'root']);
    } finally {
      await two.app.close();
      await two.store.close();
    }
  } finally {
    const c = new pg.Client({ connectionString: pgUrl! });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  }
});

test('the checkpoint key: a configured file is used as is; a missing one stops the start', async () => {
  const dir = tempDir();
  const k = generateSigningKey(ORIGIN);
  const keyPath = join(dir, 'configured.pem');
  writeFileSync(keyPath, k.privateKeyPem, { mode: 0o600 });
  const s = await startServer({ audit: { keyPath, origin: ORIGIN } });
  try {
    const { token: t } = await makeUser(s.store, 'root', 'admin');
    const served = (await call(s.base, 'GET', '/api/audit/public-key', undefined, { auth: { token: t } })).json as { public_key: string };
    assert.equal(served.public_key, k.publicKeyPem);
    assert.equal(existsSync(join(dir, AUDIT_KEY_FILE)), false);
  } finally {
    await s.close();
  }
  const store = new SqliteStore({ path: join(dir, 'other.db') });
  await store.migrate();
  const app = await buildApp({ store, audit: { keyPath: join(dir, 'nowhere.pem') } });
  try {
    await assert.rejects(async () => {
      await app.ready();
    }, (e: unknown) => e instanceof Error && 'code' in e && e.code === 'NARIZ_IO' && /audit signing key/.test(e.message));
  } finally {
    await app.close();
    await store.close();
  }
});
