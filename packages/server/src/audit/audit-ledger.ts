/**
 * The audit log as a verifiable Merkle tree, in the server
 * (docs/security/audit.md, "In the platform").
 *
 * The tree is an in-memory `MerkleLog` of the leaf hashes of every stored
 * entry, recomputed from the entries themselves (store/audit-scan.ts). It
 * is built once at start and caught up with the store (`sync`) before it
 * answers anything and on every tick, reading only the rows past it. So no
 * append needs a hook: whatever appends (any route, through any handle on
 * the store) is in the tree at the next sync, and each new row is checked
 * on the way in (the next seq, its stored leaf hash the recomputed one).
 *
 * Checkpoints: every `checkpointSeconds`, when the tree has grown past the
 * newest stored checkpoint, its root is signed (C2SP checkpoint, Ed25519)
 * and stored; so at most one per interval, and one more on close. The
 * entries appended since the last checkpoint are the window in which an
 * edit of the database is caught only by their stored leaf hash.
 *
 * Integrity: at start the whole log is read and must match the newest
 * stored checkpoint, signed by this server's key (and every row its stored
 * leaf hash). When it does not, every stored checkpoint is checked, so the
 * report narrows the damage to the entries between the last checkpoint that
 * matches and the first that does not. Any failure, at start or later,
 * leaves the ledger *broken*: it says so at error level (the check and the
 * entries), answers proofs, checkpoints and exports with 503
 * NARIZ_AUDIT_BROKEN naming the problem, and signs nothing more, since a
 * signature now would vouch for the altered log. The rest of the platform
 * keeps running (refusing to start would take the operating picture away
 * from the task force over what is an investigation; the evidence stays in
 * the database for `nariz audit verify --db`). Clearing it is an admin's
 * decision outside the server (a restored backup, or a new key and an
 * explicit fresh start): a gap, see docs.
 *
 * One server per database: two servers signing with different keys would
 * each find the other's checkpoints unverifiable.
 */
import type { FastifyBaseLogger } from 'fastify';
import { NarizError } from '@nariz/core';
import {
  AuditMismatchError, MerkleLog, createAuditBundle, keyId, publicKeyPem, signCheckpoint, verifierKey, verifyCheckpoint, verifyLog,
  type AuditBundle, type CheckpointSigner, type LogCheck, type VerifiedCheckpoint,
} from '@nariz/security';
import { allAuditCheckpoints, auditEntryBytes, recomputedLeafHash, scanAuditLog, type AuditCheckpointRecord, type AuditScanCheck, type Store } from '@nariz/store';
import { DEFAULT_AUDIT_ORIGIN, DEFAULT_CHECKPOINT_SECONDS } from './audit-config.js';
import { loadAuditKey, type AuditKeySource } from './audit-key.js';
import { thinCheckpoints, MAX_BUNDLE_CHECKPOINTS } from './bundle-checkpoints.js';

/** Rows read per query when catching up or exporting. */
const CHUNK = 10_000;
/** Problems kept for the report (the first ones, in log order). */
const MAX_PROBLEMS = 20;

export type AuditCheck = AuditScanCheck | LogCheck | 'signature' | 'checkpoint';

export interface AuditProblem {
  readonly check: AuditCheck;
  readonly message: string;
  /** The entries [from, to) concerned, when known. */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

export interface AuditLedgerOptions extends AuditKeySource {
  readonly store: Store;
  readonly log: FastifyBaseLogger;
  /** The log's origin and the key's name (default nariz.local/audit). */
  readonly origin?: string | undefined;
  /** At most one checkpoint per this many seconds (default 10). */
  readonly checkpointSeconds?: number | undefined;
}

export interface AuditStatus {
  readonly ok: boolean;
  readonly origin: string;
  readonly treeSize: number;
  readonly newest: AuditCheckpointRecord | undefined;
  readonly problems: readonly AuditProblem[];
}

export interface AuditPublicKey {
  readonly origin: string;
  readonly keyName: string;
  /** Hex of the 4-byte C2SP key id. */
  readonly keyId: string;
  /** SPKI PEM. */
  readonly pem: string;
  /** C2SP verifier key: name+hex(key id)+base64(0x01 || key). */
  readonly verifierKey: string;
}

export interface InclusionProof {
  readonly seq: number;
  readonly treeSize: number;
  readonly leafHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
  readonly root: Uint8Array;
  /** The stored checkpoint at exactly this tree size, if there is one. */
  readonly checkpoint: string | undefined;
}

export interface ConsistencyProof {
  readonly from: number;
  readonly to: number;
  readonly proof: readonly Uint8Array[];
  readonly fromRoot: Uint8Array;
  readonly toRoot: Uint8Array;
  readonly fromCheckpoint: string | undefined;
  readonly toCheckpoint: string | undefined;
}

export interface BundleRequest {
  /** The tree size the receiver already holds a checkpoint for (default 0). */
  readonly from: number;
  /** A stored checkpoint's tree size (default the newest). */
  readonly to?: number | undefined;
  /** 'hashes': leaf hashes only (for the partner); 'entries': the entries themselves. */
  readonly include: 'hashes' | 'entries';
}

const hex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

export class AuditLedger {
  readonly origin: string;
  private readonly store: Store;
  private readonly log: FastifyBaseLogger;
  private readonly intervalMs: number;
  private readonly keySource: AuditKeySource;
  private signer: CheckpointSigner | undefined;
  private tree = new MerkleLog();
  private newest: AuditCheckpointRecord | undefined;
  private readonly problems: AuditProblem[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(o: AuditLedgerOptions) {
    this.store = o.store;
    this.log = o.log;
    this.origin = o.origin ?? DEFAULT_AUDIT_ORIGIN;
    this.intervalMs = (o.checkpointSeconds ?? DEFAULT_CHECKPOINT_SECONDS) * 1000;
    this.keySource = { keyPath: o.keyPath, keyDir: o.keyDir };
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Loads (or makes) the key, reads and checks the whole stored log, and starts the checkpoint timer. */
  async start(): Promise<void> {
    if (this.signer !== undefined) return;
    const key = loadAuditKey(this.origin, this.keySource, this.log);
    this.signer = key.signer;
    await this.exclusive(async () => {
      const tree = new MerkleLog();
      const scan = await scanAuditLog(this.store.audit, (h) => tree.appendLeafHash(h), { chunk: CHUNK, maxProblems: MAX_PROBLEMS });
      this.tree = tree;
      for (const p of scan.problems) this.problems.push({ check: p.check, message: p.message, from: p.index, to: p.index + 1 });
      await this.checkStoredCheckpoints();
    });
    if (this.ok) {
      this.log.info({ origin: this.origin, entries: this.tree.size, checkpoint: this.newest?.treeSize ?? null, key: key.path ?? '(this process only)' }, 'audit log verified against its newest checkpoint');
    } else {
      this.log.error({ origin: this.origin, entries: this.tree.size, problems: this.problems }, `AUDIT LOG FAILED ITS INTEGRITY CHECK: ${this.describe()}. Nothing more is signed; see GET /api/audit/status and run nariz audit verify --db`);
    }
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and signs what was appended since the last checkpoint. */
  async close(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.signer !== undefined) await this.tick();
  }

  status(): AuditStatus {
    return { ok: this.ok, origin: this.origin, treeSize: this.tree.size, newest: this.newest, problems: [...this.problems] };
  }

  publicKey(): AuditPublicKey {
    const s = this.requireSigner();
    return { origin: this.origin, keyName: s.name, keyId: hex(keyId(s.name, s.publicKey)), pem: publicKeyPem(s.publicKey), verifierKey: verifierKey(s.name, s.publicKey) };
  }

  /** Catches up with the store and signs a checkpoint if the log grew since the newest; the new record, if any. */
  async checkpointNow(): Promise<AuditCheckpointRecord | undefined> {
    return this.exclusive(async () => {
      await this.sync();
      const signer = this.requireSigner();
      if (!this.ok || this.tree.size === 0 || (this.newest !== undefined && this.newest.treeSize >= this.tree.size)) return undefined;
      const size = this.tree.size;
      const root = this.tree.root(size);
      const signed = signCheckpoint({ origin: this.origin, treeSize: size, rootHash: root, extensions: [] }, signer);
      this.newest = await this.store.auditCheckpoints.add({ treeSize: size, rootHash: hex(root), signed });
      return this.newest;
    });
  }

  async latestCheckpoint(): Promise<AuditCheckpointRecord> {
    return this.exclusive(async () => {
      this.requireOk();
      return this.requireNewest();
    });
  }

  async checkpoints(fromSize: number, limit: number): Promise<AuditCheckpointRecord[]> {
    return this.exclusive(async () => {
      this.requireOk();
      return this.store.auditCheckpoints.list({ fromSize, limit });
    });
  }

  /** RFC 9162 inclusion proof of entry `seq` in the tree of `treeSize` entries (default: the newest checkpoint's). */
  async inclusionProof(seq: number, treeSize?: number): Promise<InclusionProof> {
    return this.exclusive(async () => {
      await this.sync();
      this.requireOk();
      const size = treeSize ?? this.requireNewest().treeSize;
      this.requireSize(size);
      if (seq >= size) throw new NarizError('NARIZ_BAD_REQUEST', `entry ${seq} is not among the first ${size} entries`);
      return { seq, treeSize: size, leafHash: this.tree.leafHash(seq), proof: this.tree.inclusionProof(seq, size), root: this.tree.root(size), checkpoint: await this.checkpointAt(size) };
    });
  }

  /** RFC 9162 consistency proof from `from` entries to `to` (default: the newest checkpoint's size). */
  async consistencyProof(from: number, to?: number): Promise<ConsistencyProof> {
    return this.exclusive(async () => {
      await this.sync();
      this.requireOk();
      const size = to ?? this.requireNewest().treeSize;
      this.requireSize(size);
      if (from < 1 || from > size) throw new NarizError('NARIZ_BAD_REQUEST', `from must be in [1, ${size}] (RFC 9162 has no proof from the empty tree), got ${from}`);
      return {
        from, to: size, proof: this.tree.consistencyProof(from, size), fromRoot: this.tree.root(from), toRoot: this.tree.root(size),
        fromCheckpoint: await this.checkpointAt(from), toCheckpoint: await this.checkpointAt(size),
      };
    });
  }

  /**
   * The audit bundle (security's nariz-audit-bundle/v1) for the first `to`
   * entries with the checkpoints from the receiver's last one up to `to`.
   * Every entry is read again and must still hash to the tree's leaf: an
   * edit of the database since start is found here (and breaks the ledger).
   */
  async bundle(r: BundleRequest): Promise<AuditBundle> {
    return this.exclusive(async () => {
      await this.sync();
      this.requireOk();
      const signer = this.requireSigner();
      const to = r.to ?? this.requireNewest().treeSize;
      const last = await this.checkpointAt(to);
      if (last === undefined) {
        const near = await this.store.auditCheckpoints.list({ toSize: to, limit: 1, newestFirst: true });
        throw new NarizError('NARIZ_NOT_FOUND', `no checkpoint at tree size ${to}${near[0] !== undefined ? ` (the nearest below is ${near[0].treeSize})` : ''}; GET /api/audit/checkpoints lists them`);
      }
      const from = Math.min(r.from, to);
      const anchor = (await this.store.auditCheckpoints.list({ toSize: from, limit: 1, newestFirst: true }))[0];
      const records = await allAuditCheckpoints(this.store.auditCheckpoints, { fromSize: anchor?.treeSize ?? from, toSize: to });
      const entries: Uint8Array[] = [];
      const leafHashes: Uint8Array[] = [];
      for (let at = 0; at < to; at += CHUNK) {
        const rows = await this.store.audit.range(at, Math.min(to, at + CHUNK));
        rows.forEach((e, k) => {
          const i = at + k;
          const h = recomputedLeafHash(e);
          if (e.seq !== i || hex(h) !== hex(this.tree.leafHash(i))) {
            this.fail({ check: e.seq !== i ? 'sequence' : 'leaf-hash', message: `entry ${i} (seq ${e.seq}) no longer hashes to the leaf it had when it was appended: the database was edited while the server ran`, from: i, to: i + 1 });
          }
          if (r.include === 'entries') entries.push(auditEntryBytes(e));
          else leafHashes.push(h);
        });
        if (rows.length < Math.min(CHUNK, to - at)) this.fail({ check: 'size', message: `the database holds fewer than the ${to} entries the checkpoint commits to: entries were deleted while the server ran`, from: at + rows.length, to });
        this.requireOk();
      }
      return createAuditBundle({
        origin: this.origin, keyName: signer.name, publicKey: signer.publicKey,
        ...(r.include === 'entries' ? { entries } : { leafHashes }),
        checkpoints: thinCheckpoints(records, MAX_BUNDLE_CHECKPOINTS).map((c) => c.signed),
      });
    });
  }

  private async tick(): Promise<void> {
    try {
      await this.checkpointNow();
    } catch (err) {
      this.log.error({ err }, 'could not write an audit checkpoint');
    }
  }

  /** Runs `body` after every earlier call has finished (the tree and `newest` change only in here). */
  private exclusive<T>(body: () => Promise<T>): Promise<T> {
    const run = this.queue.then(body);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Appends the rows stored past the tree, checking each; breaks the ledger at the first that does not fit. */
  private async sync(): Promise<void> {
    if (!this.ok) return;
    for (;;) {
      const at = this.tree.size;
      const rows = await this.store.audit.range(at, at + CHUNK);
      for (const e of rows) {
        const i = this.tree.size;
        const h = recomputedLeafHash(e);
        if (e.seq !== i) return this.fail({ check: 'sequence', message: `the row after entry ${i - 1} has seq ${e.seq}: rows were deleted or renumbered while the server ran`, from: i, to: e.seq });
        if (hex(h) !== e.leafHash) return this.fail({ check: 'leaf-hash', message: `entry ${i} does not hash to its stored leaf hash: it was edited after it was appended`, from: i, to: i + 1 });
        this.tree.appendLeafHash(h);
      }
      if (rows.length < CHUNK) return;
    }
  }

  /** At start: the tree against the newest stored checkpoint; if that fails, against all of them, to narrow the report. */
  private async checkStoredCheckpoints(): Promise<void> {
    this.newest = await this.store.auditCheckpoints.latest();
    if (this.newest === undefined) return;
    if (this.checkRecords([this.newest]).length === 0) return;
    const all = await allAuditCheckpoints(this.store.auditCheckpoints);
    for (const p of this.checkRecords(all)) if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }

  /** Each record's signature (this server's key) and row, then the tree against those that verify. */
  private checkRecords(records: readonly AuditCheckpointRecord[]): AuditProblem[] {
    const signer = this.requireSigner();
    const problems: AuditProblem[] = [];
    const verified: VerifiedCheckpoint[] = [];
    for (const r of records) {
      let v: VerifiedCheckpoint;
      try {
        v = verifyCheckpoint(r.signed, signer.publicKey, { origin: this.origin, keyName: signer.name });
      } catch (err) {
        if (!(err instanceof NarizError)) throw err;
        problems.push({ check: 'signature', message: `the stored checkpoint at tree size ${r.treeSize} does not verify with this server's key: ${err.message}` });
        continue;
      }
      if (v.treeSize !== r.treeSize || hex(v.rootHash) !== r.rootHash) {
        problems.push({ check: 'checkpoint', message: `the stored checkpoint row at tree size ${r.treeSize} does not match its signed note (tree size ${v.treeSize})` });
        continue;
      }
      verified.push(v);
    }
    if (verified.length > 0) {
      try {
        verifyLog(this.tree, verified);
      } catch (err) {
        if (!(err instanceof AuditMismatchError)) throw err;
        problems.push({ check: err.check, message: err.message, from: err.from, to: err.to });
      }
    }
    return problems;
  }

  private fail(p: AuditProblem): void {
    const first = this.ok;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
    if (first) this.log.error({ origin: this.origin, problem: p }, `AUDIT LOG FAILED ITS INTEGRITY CHECK: ${p.check}: ${p.message}. Nothing more is signed; run nariz audit verify --db`);
  }

  private describe(): string {
    const p = this.problems[0];
    if (p === undefined) return 'no problem';
    const more = this.problems.length > 1 ? ` (and ${this.problems.length - 1} more)` : '';
    return `${p.check} check failed: ${p.message}${more}`;
  }

  private requireOk(): void {
    if (!this.ok) throw new NarizError('NARIZ_AUDIT_BROKEN', `the audit log failed its integrity check: ${this.describe()}; GET /api/audit/status has the details`);
  }

  private requireSigner(): CheckpointSigner {
    if (this.signer === undefined) throw new NarizError('NARIZ_UNAVAILABLE', 'the audit log is not started yet');
    return this.signer;
  }

  private requireNewest(): AuditCheckpointRecord {
    if (this.newest === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no checkpoint yet: the first is signed within ${this.intervalMs / 1000} s of the first audit entry`);
    return this.newest;
  }

  private requireSize(size: number): void {
    if (size > this.tree.size) throw new NarizError('NARIZ_NOT_FOUND', `the log holds ${this.tree.size} entries, not ${size}`);
  }

  private async checkpointAt(size: number): Promise<string | undefined> {
    const r = (await this.store.auditCheckpoints.list({ fromSize: size, toSize: size, limit: 1 }))[0];
    return r?.signed;
  }
}
