/**
 * `nariz audit verify`: checks an audit log against its signed checkpoints
 * (docs/security/audit.md, docs/cli.md), either an export bundle (what a
 * partner receives) or a server's database read directly (the admin's
 * offline check). Whatever was saved earlier (`--previous`: a bundle or a
 * checkpoint) must be a prefix of the log now, which is what catches a log
 * rewritten and re-signed, or forked.
 *
 * Exit status: 0 when every check holds; 1 when the log does not match
 * (each failing check named, with the entries it concerns); 2 when the call
 * or an input file is wrong (NarizError, as every command).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NarizError } from '@nariz/core';
import {
  AUDIT_BUNDLE_FORMAT, AuditMismatchError, MerkleLog, firstDifference, keyId, loadPublicKey, parseAuditBundle, parseNote, parseVerifierKey,
  verifyAuditBundle, verifyCheckpoint, verifyInclusion, verifyLog,
  type ParsedAuditBundle, type VerifiedCheckpoint,
} from '@nariz/security';
import {
  allAuditCheckpoints, DEFAULT_DATA_DIR, PostgresStore, scanAuditLog, SqliteStore, sqlitePath,
  type AuditCheckpointRecord, type AuditEntry, type Store,
} from '@nariz/store';
import type { CliIo, Command } from '../command.js';
import { numberFlag, parseFlags } from '../flags.js';

const USAGE = `Usage: nariz audit verify --bundle FILE [--key KEY] [--previous FILE]... [--entry SEQ] [--json]
       nariz audit verify (--db PATH | --data-dir DIR) [--key KEY] [--previous FILE]... [--entry SEQ] [--json]

Checks an audit log against its signed checkpoints: every signature, the
Merkle tree against every checkpoint, and that what was saved earlier is a
prefix of the log now (RFC 9162; docs/security/audit.md).

  --bundle FILE     an export of GET /api/audit/bundle (nariz-audit-bundle/v1)
  --db PATH         a server's SQLite database file, or a postgres:// URL (with
                    --schema NAME when not public), read directly, never written
  --data-dir DIR    a server's data directory: DIR/nariz.db, and DIR/audit-key.pem
                    as the key when --key is not given
  --key KEY         the key to trust: an SPKI PEM file (public_key of
                    GET /api/audit/public-key), a file holding the C2SP verifier key,
                    or the PKCS#8 private key file; without it a bundle's own key is
                    used, and its key id printed to compare out of band
  --previous FILE   what was saved earlier: a bundle, a checkpoint note, or the
                    JSON of GET /api/audit/checkpoint(s); repeatable
  --entry SEQ       also check entry SEQ's inclusion proof against the newest checkpoint
  --json            one JSON object on stdout

Exit status: 0 all holds; 1 the log does not match (check and entries named);
2 a wrong call or input file.`;

const OPTIONS = {
  bundle: { type: 'string' },
  db: { type: 'string' },
  'data-dir': { type: 'string' },
  schema: { type: 'string' },
  key: { type: 'string' },
  previous: { type: 'string', multiple: true },
  entry: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** A check that failed: the security package's (origin, order, size, root, consistency), the store's shape (sequence, leaf-hash), or signature, checkpoint, inclusion. */
interface Problem {
  readonly check: string;
  readonly message: string;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

interface EntryCheck {
  readonly seq: number;
  readonly treeSize: number;
  readonly leafHash: string;
  readonly proofHashes: number;
  /** The entry's canonical JSON, when the source holds entries. */
  readonly entry: string | undefined;
}

interface Report {
  readonly source: 'bundle' | 'database';
  origin: string | undefined;
  keyId: string | undefined;
  keyPinned: boolean;
  treeSize: number;
  rootHash: string | undefined;
  checkpointsVerified: number;
  savedCheckpointsVerified: number;
  /** Entries past the newest checkpoint (database only): not yet covered by a signature. */
  unsignedEntries: number;
  entry: EntryCheck | undefined;
  readonly problems: Problem[];
}

/** Material saved earlier: whole bundles, and checkpoint notes. */
interface Previous {
  readonly bundles: unknown[];
  readonly checkpoints: string[];
}

const hex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new NarizError('NARIZ_IO', `cannot read ${what}: ${err instanceof Error ? err.message : String(err)}`, { file: path }, { cause: err });
  }
}

/** SPKI PEM, a PKCS#8 private key (its public half), or a C2SP verifier key string. */
function readKey(path: string): KeyObject {
  const text = readText(path, 'the key');
  try {
    if (text.includes('-----BEGIN PUBLIC KEY-----')) return loadPublicKey(text);
    if (text.includes('-----BEGIN PRIVATE KEY-----')) return loadPublicKey(createPublicKey(text));
    return parseVerifierKey(text.trim()).publicKey;
  } catch (err) {
    if (err instanceof NarizError) throw new NarizError(err.code, err.message, { file: path }, { cause: err });
    throw new NarizError('NARIZ_SIGNING_KEY', `the key cannot be read: ${err instanceof Error ? err.message : String(err)}`, { file: path }, { cause: err });
  }
}

/** The earlier material, its format checked here (a malformed file is exit 2; a signature that does not verify is a finding, later). */
function readPrevious(paths: readonly string[]): Previous {
  const out: Previous = { bundles: [], checkpoints: [] };
  const inFile = <T>(path: string, body: () => T): T => {
    try {
      return body();
    } catch (err) {
      if (err instanceof NarizError) throw new NarizError(err.code, `--previous ${path}: ${err.message}`, undefined, { cause: err });
      throw err;
    }
  };
  for (const path of paths) {
    const text = readText(path, 'the earlier material');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      inFile(path, () => parseNote(text)); // not JSON: a checkpoint note as signed
      out.checkpoints.push(text);
      continue;
    }
    const v = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
    const list = Array.isArray(v.checkpoints) ? (v.checkpoints as unknown[]) : undefined;
    const note = (c: unknown): string | undefined => (typeof c === 'string' ? c : typeof c === 'object' && c !== null && typeof (c as Record<string, unknown>).checkpoint === 'string' ? ((c as Record<string, unknown>).checkpoint as string) : undefined);
    if (v.format === AUDIT_BUNDLE_FORMAT) {
      inFile(path, () => parseAuditBundle(json));
      out.bundles.push(json);
    }
    else if (typeof v.checkpoint === 'string') out.checkpoints.push(v.checkpoint);
    else if (list !== undefined && list.every((c) => note(c) !== undefined)) out.checkpoints.push(...list.map((c) => note(c)!));
    else throw new NarizError('NARIZ_USAGE', `--previous ${path} is not an audit bundle, a checkpoint note, or the JSON of GET /api/audit/checkpoint(s)`, { file: path });
  }
  return out;
}

/** A failure the verification found (exit 1), or undefined for anything else (rethrown: exit 2 or a bug). */
function asProblem(err: unknown): Problem | undefined {
  if (err instanceof AuditMismatchError) return { check: err.check, message: err.message, from: err.from, to: err.to };
  if (err instanceof NarizError && err.code === 'NARIZ_CHECKPOINT') return { check: 'signature', message: err.message };
  if (err instanceof NarizError && err.code === 'NARIZ_MERKLE_PROOF') return { check: 'inclusion', message: err.message };
  return undefined;
}

function collect(problems: Problem[], body: () => void): void {
  try {
    body();
  } catch (err) {
    const p = asProblem(err);
    if (p === undefined) throw err;
    problems.push(p);
  }
}

function entryIndex(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : numberFlag(raw, 'entry', 'an entry number (seq) from 0', { min: 0 });
}

function requireEntry(seq: number, size: number): void {
  if (!Number.isInteger(seq)) throw new NarizError('NARIZ_USAGE', `--entry must be a whole number, got ${seq}`);
  if (seq >= size) throw new NarizError('NARIZ_USAGE', `--entry ${seq} is not among the ${size} entries the newest checkpoint covers`);
}

function verifyBundle(path: string, keyPath: string | undefined, prev: Previous, seq: number | undefined): Report {
  const text = readText(path, 'the bundle');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new NarizError('NARIZ_AUDIT_BUNDLE', `the bundle is not JSON: ${err instanceof Error ? err.message : String(err)}`, { file: path }, { cause: err });
  }
  const trusted = keyPath === undefined ? undefined : readKey(keyPath);
  const parsed = parseAuditBundle(json);
  const tree = MerkleLog.fromLeafHashes(parsed.leafHashes);
  const report: Report = {
    source: 'bundle', origin: parsed.origin, keyId: hex(keyId(parsed.keyName, parsed.publicKey)), keyPinned: trusted !== undefined, treeSize: tree.size, rootHash: hex(tree.root()),
    checkpointsVerified: 0, savedCheckpointsVerified: 0, unsignedEntries: 0, entry: undefined, problems: [],
  };
  const options = { ...(trusted !== undefined ? { trustedPublicKey: trusted } : {}), savedCheckpoints: prev.checkpoints };
  collect(report.problems, () => {
    for (const previous of prev.bundles.length > 0 ? prev.bundles : [undefined]) {
      const r = verifyAuditBundle(json, previous === undefined ? options : { ...options, previous });
      report.checkpointsVerified = r.checkpointsVerified;
      report.savedCheckpointsVerified += r.savedCheckpointsVerified;
    }
  });
  if (seq !== undefined && report.problems.length === 0) collect(report.problems, () => (report.entry = checkBundleEntry(parsed, tree, seq)));
  return report;
}

function checkBundleEntry(b: ParsedAuditBundle, tree: MerkleLog, seq: number): EntryCheck {
  const newest = verifyCheckpoint(b.checkpoints[b.checkpoints.length - 1]!, b.publicKey, { origin: b.origin, keyName: b.keyName });
  requireEntry(seq, newest.treeSize);
  const proof = tree.inclusionProof(seq, newest.treeSize);
  verifyInclusion(seq, newest.treeSize, b.leafHashes[seq]!, proof, newest.rootHash);
  const bytes = b.entries?.[seq];
  return { seq, treeSize: newest.treeSize, leafHash: hex(b.leafHashes[seq]!), proofHashes: proof.length, entry: bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8') };
}

function openStore(db: string | undefined, dataDir: string | undefined, schema: string | undefined): Store {
  if (db !== undefined && /^postgres(ql)?:\/\//.test(db)) return new PostgresStore({ connectionString: db, ...(schema !== undefined ? { schema } : {}), maxConnections: 2 });
  if (schema !== undefined) throw new NarizError('NARIZ_USAGE', '--schema is for a postgres:// --db');
  const path = db ?? sqlitePath(dataDir ?? DEFAULT_DATA_DIR);
  if (!existsSync(path)) throw new NarizError('NARIZ_IO', `no database at ${path} (is --db or --data-dir right?)`, { file: path });
  return new SqliteStore({ path });
}

async function storedCheckpoints(store: Store): Promise<AuditCheckpointRecord[]> {
  try {
    return await allAuditCheckpoints(store.auditCheckpoints);
  } catch (err) {
    if (err instanceof NarizError) throw err;
    throw new NarizError('NARIZ_STORE_VERSION', `the database has no audit checkpoints table (${err instanceof Error ? err.message : String(err)}): start a current server on it once to migrate it`, undefined, { cause: err });
  }
}

async function verifyDatabase(store: Store, key: KeyObject, keyPinned: boolean, prev: Previous, seq: number | undefined): Promise<Report> {
  const records = await storedCheckpoints(store);
  const tree = new MerkleLog();
  const entries = new Map<number, AuditEntry>();
  const scan = await scanAuditLog(store.audit, (h, e, i) => {
    tree.appendLeafHash(h);
    if (i === seq) entries.set(i, e);
  });
  const report: Report = {
    source: 'database', origin: undefined, keyId: undefined, keyPinned, treeSize: tree.size, rootHash: hex(tree.root()),
    checkpointsVerified: 0, savedCheckpointsVerified: 0, unsignedEntries: 0, entry: undefined, problems: [],
  };
  for (const p of scan.problems) report.problems.push({ check: p.check, message: p.message, from: p.index, to: p.index + 1 });
  const verified: VerifiedCheckpoint[] = [];
  for (const r of records) {
    collect(report.problems, () => {
      const v = verifyCheckpoint(r.signed, key);
      if (v.treeSize !== r.treeSize || hex(v.rootHash) !== r.rootHash) {
        report.problems.push({ check: 'checkpoint', message: `the stored checkpoint row at tree size ${r.treeSize} does not match its signed note (tree size ${v.treeSize})` });
        return;
      }
      verified.push(v);
      report.keyId ??= hex(keyId(v.keyName, key));
      report.origin ??= v.origin;
    });
  }
  const newest = verified[verified.length - 1];
  if (verified.length > 0) collect(report.problems, () => void verifyLog(tree, verified));
  report.checkpointsVerified = verified.length;
  report.unsignedEntries = Math.max(0, tree.size - (newest?.treeSize ?? 0));
  // Earlier material: the partner's (or an admin's) saved checkpoints must be prefixes of this log.
  const saved: VerifiedCheckpoint[] = [];
  const savedTexts = [...prev.checkpoints, ...prev.bundles.flatMap((b) => [...parseAuditBundle(b).checkpoints])];
  for (const text of savedTexts) collect(report.problems, () => void saved.push(verifyCheckpoint(text, key)));
  report.savedCheckpointsVerified = saved.length;
  if (saved.length > 0) {
    collect(report.problems, () => {
      try {
        verifyLog(tree, saved, newest !== undefined && newest.treeSize >= Math.max(...saved.map((c) => c.treeSize)) ? newest : undefined);
      } catch (err) {
        // An earlier bundle's own leaves pin the first entry that differs.
        const leaves = prev.bundles.map((b) => parseAuditBundle(b).leafHashes);
        const mine = Array.from({ length: tree.size }, (_, i) => tree.leafHash(i));
        const i = err instanceof AuditMismatchError ? leaves.map((l) => firstDifference(l, mine.slice(0, l.length))).find((d) => d !== undefined) : undefined;
        if (err instanceof AuditMismatchError && i !== undefined) throw new AuditMismatchError(err.check, `${err.detail}; the first entry to differ from the earlier export is`, { from: i, to: i + 1 });
        throw err;
      }
    });
  }
  if (seq !== undefined) {
    if (newest === undefined) throw new NarizError('NARIZ_USAGE', '--entry needs a verified checkpoint, and the database has none');
    requireEntry(seq, newest.treeSize);
    collect(report.problems, () => {
      const proof = tree.inclusionProof(seq, newest.treeSize);
      verifyInclusion(seq, newest.treeSize, tree.leafHash(seq), proof, newest.rootHash);
      const e = entries.get(seq);
      report.entry = {
        seq, treeSize: newest.treeSize, leafHash: hex(tree.leafHash(seq)), proofHashes: proof.length,
        entry: e === undefined ? undefined : JSON.stringify({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, target: e.target, details: e.details }),
      };
    });
  }
  return report;
}

function print(report: Report, json: boolean, io: CliIo): void {
  const ok = report.problems.length === 0;
  if (json) {
    io.stdout(`${JSON.stringify({
      ok, source: report.source, origin: report.origin ?? null, key_id: report.keyId ?? null, key_pinned: report.keyPinned, tree_size: report.treeSize, root_hash: report.rootHash ?? null,
      checkpoints_verified: report.checkpointsVerified, saved_checkpoints_verified: report.savedCheckpointsVerified, unsigned_entries: report.unsignedEntries,
      entry: report.entry === undefined ? null : { seq: report.entry.seq, tree_size: report.entry.treeSize, leaf_hash: report.entry.leafHash, proof_hashes: report.entry.proofHashes, entry: report.entry.entry ?? null },
      problems: report.problems.map((p) => ({ check: p.check, message: p.message, ...(p.from !== undefined ? { from: p.from } : {}), ...(p.to !== undefined ? { to: p.to } : {}) })),
    })}\n`);
    return;
  }
  const lines = [
    `${ok ? 'audit log verified' : 'AUDIT LOG DOES NOT VERIFY'}: ${report.source}, origin ${report.origin ?? '(no checkpoint)'}, ${report.treeSize} entries, root ${report.rootHash ?? '-'}`,
    `  key ${report.keyId ?? '-'}${report.keyPinned ? ' (the key given with --key)' : ' (NOT pinned: compare this key id with the server\'s out of band, or give --key)'}`,
    `  ${report.checkpointsVerified} checkpoint signature(s) valid; ${report.savedCheckpointsVerified} saved checkpoint(s) checked as prefixes of this log`,
  ];
  if (report.unsignedEntries > 0) lines.push(`  ${report.unsignedEntries} entries after the newest checkpoint are not yet signed (the server signs them within its checkpoint interval)`);
  if (report.entry !== undefined) {
    lines.push(`  entry ${report.entry.seq} is included in the checkpoint at tree size ${report.entry.treeSize} (leaf ${report.entry.leafHash}, proof of ${report.entry.proofHashes} hashes)`);
    if (report.entry.entry !== undefined) lines.push(`    ${report.entry.entry}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  for (const p of report.problems) {
    const where = p.from === undefined || p.to === undefined ? '' : p.to - p.from === 1 ? ` [entry ${p.from}]` : ` [entries ${p.from} to ${p.to - 1}]`;
    const message = p.message.startsWith(`${p.check} check failed: `) ? p.message.slice(p.check.length + 15) : p.message;
    io.stderr(`nariz audit verify: FAILED ${p.check}: ${message}${message.includes('(entr') ? '' : where}\n`);
  }
}

async function verify(args: string[], io: CliIo): Promise<number> {
  const values = parseFlags(args, OPTIONS, USAGE);
  const sources = [values.bundle, values.db, values['data-dir']].filter((v) => v !== undefined).length;
  if (sources !== 1) throw new NarizError('NARIZ_USAGE', `give exactly one of --bundle, --db or --data-dir\n${USAGE.split('\n')[0]}`);
  if (values.schema !== undefined && values.db === undefined) throw new NarizError('NARIZ_USAGE', '--schema goes with a postgres:// --db');
  const seq = entryIndex(values.entry);
  const prev = readPrevious(values.previous ?? []);
  let report: Report;
  if (values.bundle !== undefined) {
    report = verifyBundle(values.bundle, values.key, prev, seq);
  } else {
    const dirKey = values['data-dir'] === undefined ? undefined : join(values['data-dir'], 'audit-key.pem');
    const keyPath = values.key ?? (dirKey !== undefined && existsSync(dirKey) ? dirKey : undefined);
    if (keyPath === undefined) throw new NarizError('NARIZ_USAGE', '--key is required with --db (the public_key of GET /api/audit/public-key, saved as a PEM file)');
    const key = readKey(keyPath);
    const store = openStore(values.db, values['data-dir'], values.schema);
    try {
      report = await verifyDatabase(store, key, values.key !== undefined, prev, seq);
    } finally {
      await store.close();
    }
  }
  print(report, values.json === true, io);
  return report.problems.length === 0 ? 0 : 1;
}

export const audit: Command = {
  name: 'audit',
  summary: 'verify an audit log (export bundle or database) against its signed checkpoints',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = args;
    if (sub !== 'verify') throw new NarizError('NARIZ_USAGE', `${sub === undefined ? 'a subcommand is needed' : `unknown subcommand "${sub}"`}: nariz audit verify …\n(--help lists every option)`);
    return verify(rest, io);
  },
};
