/**
 * Tamper evidence of the audit log against saved checkpoints: editing,
 * dropping, reordering and forking are each caught by a named check, with
 * the range of entries (or the one entry) that differs; the partner's
 * export bundle is verified with this package alone.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { isNarizError, type ErrorCode } from '@nariz/core';
import {
  AuditMismatchError, createAuditBundle, generateSigningKey, leafHash, MerkleLog, signCheckpoint, verifyAuditBundle,
  verifyCheckpoint, verifyCheckpointConsistency, verifyEntryInclusion, verifyLog, type LogCheck, type VerifiedCheckpoint,
} from '../src/index.js';

const ORIGIN = 'nariz.example/audit';
const key = generateSigningKey(ORIGIN);
const stranger = generateSigningKey(ORIGIN);

function event(i: number, actor = 'analyst'): Uint8Array {
  const kinds = ['login', 'view', 'release', 'redaction', 'marking-change', 'partner-update'];
  return new TextEncoder().encode(JSON.stringify({ seq: i, kind: kinds[i % kinds.length], actor, object: `lead-${i % 7}` }));
}

const ENTRIES = Array.from({ length: 40 }, (_, i) => event(i));

/** The checkpoint the log's key signs over the first `size` entries. */
function checkpoint(entries: readonly Uint8Array[], size: number, signer = key.signer): VerifiedCheckpoint {
  const text = signCheckpoint({ origin: ORIGIN, treeSize: size, rootHash: MerkleLog.fromEntries(entries.slice(0, size)).root(), extensions: [] }, signer);
  return verifyCheckpoint(text, signer.publicKey);
}

const SAVED = [10, 20, 30].map((n) => checkpoint(ENTRIES, n));
const LATEST = checkpoint(ENTRIES, 40);

function mismatch(f: () => unknown, check: LogCheck, from?: number, to?: number): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof AuditMismatchError, String(e));
    assert.ok(isNarizError(e, 'NARIZ_AUDIT_MISMATCH'));
    assert.equal(e.check, check, e.message);
    assert.equal(e.from, from, e.message);
    assert.equal(e.to, to, e.message);
    assert.match(e.message, new RegExp(`${check} check failed: `));
    assert.equal(e.location?.path, from !== undefined && to === from + 1 ? `entries[${from}]` : undefined);
    return true;
  });
}

const edited = ENTRIES.map((e, i) => (i === 23 ? event(23, 'someone-else') : e));
const dropped = ENTRIES.filter((_, i) => i !== 23);
const reordered = ENTRIES.map((e, i) => (i === 12 ? ENTRIES[17]! : i === 17 ? ENTRIES[12]! : e));

test('the honest log matches every saved checkpoint and the latest one', () => {
  const r = verifyLog({ entries: ENTRIES }, SAVED, LATEST);
  assert.equal(r.treeSize, 40);
  assert.equal(r.checkpointsMatched, 4);
  verifyLog({ leafHashes: ENTRIES.map(leafHash) }, LATEST);
});

test('an edited entry: the root check fails between the last matching and the first failing checkpoint', () => {
  mismatch(() => verifyLog({ entries: edited }, SAVED), 'root', 20, 30);
  mismatch(() => verifyLog({ entries: edited }, LATEST), 'root', 0, 40);
});

test('a dropped entry: root check (the log is still long enough) or size check (it is not)', () => {
  mismatch(() => verifyLog({ entries: dropped }, SAVED), 'root', 20, 30);
  mismatch(() => verifyLog({ entries: dropped }, [SAVED[1]!, LATEST]), 'size', 20, 40);
  mismatch(() => verifyLog({ entries: ENTRIES.slice(0, 35) }, [...SAVED, LATEST]), 'size', 30, 40);
});

test('two entries swapped: the root check names the range holding both', () => {
  mismatch(() => verifyLog({ entries: reordered }, SAVED), 'root', 10, 20);
});

test('a fork, both branches signed with the log\'s key: the saved checkpoint is not a prefix of the new one', () => {
  const fork = [...ENTRIES.slice(0, 25), ...Array.from({ length: 20 }, (_, i) => event(100 + i, 'intruder'))];
  const forkHead = checkpoint(fork, 45);
  verifyLog({ entries: fork }, [SAVED[0]!, SAVED[1]!], forkHead);
  mismatch(() => verifyLog({ entries: fork }, LATEST, forkHead), 'consistency', 0, 40);
  mismatch(() => verifyLog({ entries: fork }, [...SAVED, LATEST], forkHead), 'consistency', 20, 30);
  // With checkpoints and a proof only (no entries), as a witness would check.
  mismatch(() => verifyCheckpointConsistency(LATEST, forkHead, MerkleLog.fromEntries(fork).consistencyProof(40, 45)), 'consistency');
  const grown = [...ENTRIES, event(40), event(41)];
  verifyCheckpointConsistency(LATEST, checkpoint(grown, 42), MerkleLog.fromEntries(grown).consistencyProof(40, 42));
});

test('checkpoints of another log, or out of order, are refused before anything is hashed', () => {
  const elsewhere = verifyCheckpoint(signCheckpoint({ ...LATEST, origin: 'nariz.example/other' }, key.signer), key.signer.publicKey);
  mismatch(() => verifyLog({ entries: ENTRIES }, LATEST, elsewhere), 'origin');
  mismatch(() => verifyLog({ entries: ENTRIES }, LATEST, SAVED[0]), 'order');
});

test('inclusion of one entry in a checkpoint', () => {
  const tree = MerkleLog.fromEntries(ENTRIES);
  verifyEntryInclusion(ENTRIES[17]!, 17, LATEST, tree.inclusionProof(17, 40));
  assert.throws(() => verifyEntryInclusion(edited[23]!, 23, LATEST, tree.inclusionProof(23, 40)), (e: unknown) => isNarizError(e, 'NARIZ_MERKLE_PROOF'));
});

function bundle(entries: readonly Uint8Array[], sizes: readonly number[], signer = key.signer, leafHashesOnly = false): unknown {
  const checkpoints = sizes.map((n) => checkpoint(entries, n, signer).text);
  const body = leafHashesOnly ? { leafHashes: entries.map(leafHash) } : { entries };
  return JSON.parse(JSON.stringify(createAuditBundle({ origin: ORIGIN, keyName: ORIGIN, publicKey: signer.publicKey, checkpoints, ...body })));
}

test('export bundle: verified with the pinned key, against the partner\'s saved checkpoints and earlier bundle', () => {
  const first = bundle(ENTRIES.slice(0, 30), [10, 20, 30]);
  const r = verifyAuditBundle(first, { trustedPublicKey: key.publicKeyPem });
  assert.equal(r.treeSize, 30);
  assert.equal(r.keyPinned, true);
  assert.equal(r.checkpointsVerified, 3);
  const second = bundle(ENTRIES, [10, 20, 30, 40]);
  const r2 = verifyAuditBundle(second, { trustedPublicKey: key.publicKeyPem, previous: first, savedCheckpoints: [LATEST.text] });
  assert.equal(r2.savedCheckpointsVerified, 4);
  assert.equal(r2.rootHash, Buffer.from(MerkleLog.fromEntries(ENTRIES).root()).toString('base64'));
  assert.equal(verifyAuditBundle(bundle(ENTRIES, [40], key.signer, true), { savedCheckpoints: [LATEST.text] }).treeSize, 40);
});

test('export bundle: history rewritten and re-signed by the key holder is caught, to the entry with the earlier bundle', () => {
  const first = bundle(ENTRIES.slice(0, 30), [30]);
  const rewritten = bundle(edited, [10, 20, 30, 40]);
  mismatch(() => verifyAuditBundle(rewritten, { trustedPublicKey: key.publicKeyPem, previous: first }), 'consistency', 23, 24);
  mismatch(() => verifyAuditBundle(rewritten, { savedCheckpoints: SAVED.map((c) => c.text) }), 'consistency', 20, 30);
  mismatch(() => verifyAuditBundle(bundle(dropped, [39]), { previous: first }), 'consistency', 23, 24);
  mismatch(() => verifyAuditBundle(bundle(reordered, [40]), { previous: first }), 'consistency', 12, 13);
});

test('export bundle: edited without the key, the bundle contradicts its own checkpoints', () => {
  const b = bundle(ENTRIES, [10, 20, 30, 40]) as { entries: string[] };
  b.entries[23] = Buffer.from(edited[23]!).toString('base64');
  mismatch(() => verifyAuditBundle(b), 'root', 20, 30);
  const short = bundle(ENTRIES, [40]) as { entries: string[] };
  short.entries.pop();
  mismatch(() => verifyAuditBundle(short), 'size', 39, 40);
});

test('export bundle: a bundle signed by another key is rejected; malformed bundles name the field', () => {
  const fail = (v: unknown, code: ErrorCode, path: string | undefined, opts = {}): void =>
    assert.throws(() => verifyAuditBundle(v, opts), (e: unknown) => isNarizError(e, code) && e.location?.path === path);
  fail(bundle(ENTRIES, [40], stranger.signer), 'NARIZ_CHECKPOINT', 'publicKey', { trustedPublicKey: key.publicKeyPem });
  fail(bundle(ENTRIES, [40]), 'NARIZ_CHECKPOINT', 'savedCheckpoints[0]', { savedCheckpoints: [checkpoint(ENTRIES, 40, stranger.signer).text] });
  const good = bundle(ENTRIES, [20, 40]) as Record<string, unknown>;
  fail({ ...good, format: 'nariz-audit-bundle/v2' }, 'NARIZ_AUDIT_BUNDLE', 'format');
  fail({ ...good, entries: ['AAA', 'not base64!'] }, 'NARIZ_AUDIT_BUNDLE', 'entries[0]');
  fail({ ...good, verifierKey: stranger.signer.name }, 'NARIZ_AUDIT_BUNDLE', 'verifierKey');
  fail({ ...good, publicKey: 'x' }, 'NARIZ_AUDIT_BUNDLE', 'publicKey');
  fail({ ...good, leafHashes: [] }, 'NARIZ_AUDIT_BUNDLE', undefined);
  fail({ ...good, extra: 1 }, 'NARIZ_AUDIT_BUNDLE', 'extra');
  fail({ ...good, checkpoints: [(good.checkpoints as string[])[1], (good.checkpoints as string[])[0]] }, 'NARIZ_AUDIT_BUNDLE', 'checkpoints[1]');
  fail({ ...good, checkpoints: [(good.checkpoints as string[])[1]!.slice(0, -5)] }, 'NARIZ_CHECKPOINT', 'checkpoints[0]');
});
