/**
 * The audit export for the partner: one JSON file that, with this package
 * alone, proves what the log holds. docs/security/audit.md describes it.
 *
 *   {
 *     "format": "nariz-audit-bundle/v1",
 *     "origin": "nariz.example/audit",
 *     "keyName": "nariz.example/audit",
 *     "publicKey": "-----BEGIN PUBLIC KEY-----…",        SPKI PEM, Ed25519
 *     "verifierKey": "nariz.example/audit+1a2b3c4d+AU…", C2SP form of the same key
 *     "entries": ["base64", …]                          or "leafHashes": ["base64", …]
 *     "checkpoints": ["signed checkpoint note", …]      ascending tree size; the last covers every entry
 *   }
 *
 * The key in a bundle proves nothing on its own: a partner pins it on first
 * receipt (trustedPublicKey) and keeps the checkpoints (or whole bundles) it
 * received, against which every later bundle is checked.
 */
import type { KeyObject } from 'node:crypto';
import { NarizError } from '@nariz/core';
import { HASH_BYTES, leafHash } from '../merkle/hash.js';
import { MerkleLog } from '../merkle/merkle-log.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import { verifyCheckpoint, type VerifiedCheckpoint } from './checkpoint.js';
import { isValidKeyName, keyId, loadPublicKey, publicKeyPem, rawPublicKey, verifierKey } from './keys.js';
import { AuditMismatchError, firstDifference, verifyLog } from './verify-log.js';

export const AUDIT_BUNDLE_FORMAT = 'nariz-audit-bundle/v1';

export interface AuditBundle {
  readonly format: typeof AUDIT_BUNDLE_FORMAT;
  readonly origin: string;
  readonly keyName: string;
  readonly publicKey: string;
  readonly verifierKey: string;
  readonly entries?: readonly string[];
  readonly leafHashes?: readonly string[];
  readonly checkpoints: readonly string[];
}

export interface AuditBundleInput {
  readonly origin: string;
  readonly keyName: string;
  readonly publicKey: KeyObject | string;
  /** The entries themselves, or only their leaf hashes when the entries may not leave. */
  readonly entries?: readonly Uint8Array[];
  readonly leafHashes?: readonly Uint8Array[];
  /** Signed checkpoint notes, ascending by tree size; the last must cover every entry. */
  readonly checkpoints: readonly string[];
}

function bundleError(message: string, path?: string): NarizError {
  return new NarizError('NARIZ_AUDIT_BUNDLE', message, path === undefined ? undefined : { path });
}

export function createAuditBundle(input: AuditBundleInput): AuditBundle {
  if ((input.entries === undefined) === (input.leafHashes === undefined)) throw new NarizError('NARIZ_USAGE', 'give either entries or leafHashes');
  if (!isValidKeyName(input.keyName)) throw new NarizError('NARIZ_USAGE', `key name "${input.keyName}" is not valid`);
  const key = loadPublicKey(input.publicKey);
  const body = input.entries !== undefined ? { entries: input.entries.map(encodeBase64) } : { leafHashes: input.leafHashes!.map(encodeBase64) };
  return {
    format: AUDIT_BUNDLE_FORMAT,
    origin: input.origin,
    keyName: input.keyName,
    publicKey: publicKeyPem(key),
    verifierKey: verifierKey(input.keyName, key),
    ...body,
    checkpoints: [...input.checkpoints],
  };
}

export interface ParsedAuditBundle {
  readonly origin: string;
  readonly keyName: string;
  readonly publicKey: KeyObject;
  readonly entries: readonly Uint8Array[] | undefined;
  readonly leafHashes: readonly Uint8Array[];
  readonly checkpoints: readonly string[];
}

const BUNDLE_FIELDS = new Set(['format', 'origin', 'keyName', 'publicKey', 'verifierKey', 'entries', 'leafHashes', 'checkpoints']);

function stringField(v: Record<string, unknown>, key: string): string {
  const s = v[key];
  if (typeof s !== 'string' || s === '') throw bundleError(`"${key}" must be a non-empty string`, key);
  return s;
}

function base64List(value: unknown, key: string, bytes?: number): Uint8Array[] {
  if (!Array.isArray(value)) throw bundleError(`"${key}" must be an array of base64 strings`, key);
  return value.map((s: unknown, i) => {
    const b = typeof s === 'string' ? decodeBase64(s) : undefined;
    if (b === undefined) throw bundleError('not canonical base64', `${key}[${i}]`);
    if (bytes !== undefined && b.length !== bytes) throw bundleError(`a leaf hash has ${bytes} bytes, not ${b.length}`, `${key}[${i}]`);
    return b;
  });
}

/** Parses a bundle from JSON; NARIZ_AUDIT_BUNDLE names the bad field. Signatures are not checked here. */
export function parseAuditBundle(value: unknown): ParsedAuditBundle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bundleError('an audit bundle must be a JSON object');
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) if (!BUNDLE_FIELDS.has(key)) throw bundleError(`unknown field "${key}"`, key);
  if (v.format !== AUDIT_BUNDLE_FORMAT) throw bundleError(`"format" must be "${AUDIT_BUNDLE_FORMAT}"`, 'format');
  const origin = stringField(v, 'origin');
  const keyName = stringField(v, 'keyName');
  if (!isValidKeyName(keyName)) throw bundleError('the key name must have no spaces or "+"', 'keyName');
  let publicKey: KeyObject;
  try {
    publicKey = loadPublicKey(stringField(v, 'publicKey'));
  } catch (e) {
    throw bundleError(`the public key cannot be used: ${(e as Error).message}`, 'publicKey');
  }
  if (stringField(v, 'verifierKey') !== verifierKey(keyName, publicKey)) throw bundleError('the verifier key does not match the key name and public key', 'verifierKey');
  if ((v.entries === undefined) === (v.leafHashes === undefined)) throw bundleError('a bundle holds either "entries" or "leafHashes"');
  const entries = v.entries === undefined ? undefined : base64List(v.entries, 'entries');
  const leafHashes = entries !== undefined ? entries.map(leafHash) : base64List(v.leafHashes, 'leafHashes', HASH_BYTES);
  if (!Array.isArray(v.checkpoints) || v.checkpoints.length === 0) throw bundleError('"checkpoints" must be a non-empty array of signed notes', 'checkpoints');
  const checkpoints = v.checkpoints.map((c: unknown, i) => {
    if (typeof c !== 'string') throw bundleError('a checkpoint must be a string', `checkpoints[${i}]`);
    return c;
  });
  return { origin, keyName, publicKey, entries, leafHashes, checkpoints };
}

export interface AuditBundleOptions {
  /** The key pinned on first receipt; the bundle's key must be this one. */
  readonly trustedPublicKey?: KeyObject | string;
  /** Checkpoint notes the partner kept from earlier exports. */
  readonly savedCheckpoints?: readonly string[];
  /** A whole earlier bundle: its checkpoints are saved ones, and its entries pin a difference to one index. */
  readonly previous?: unknown;
}

export interface AuditBundleVerification {
  readonly origin: string;
  readonly keyName: string;
  /** Hex key id, for comparing with the pinned key out of band. */
  readonly keyId: string;
  readonly keyPinned: boolean;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly checkpointsVerified: number;
  readonly savedCheckpointsVerified: number;
}

function verifyAll(texts: readonly string[], key: KeyObject, origin: string, keyName: string, field: string): VerifiedCheckpoint[] {
  return texts.map((t, i) => {
    try {
      return verifyCheckpoint(t, key, { origin, keyName });
    } catch (e) {
      if (!(e instanceof NarizError)) throw e;
      throw new NarizError(e.code, `${field}[${i}]: ${e.message}`, { path: `${field}[${i}]` }, { cause: e });
    }
  });
}

/**
 * Everything a partner checks: the bundle is well formed, its key is the
 * pinned one, every checkpoint is signed by it and matches the entries, the
 * last covers them all, and every saved checkpoint (and earlier bundle) is
 * a prefix of this log. Throws NarizError (NARIZ_AUDIT_BUNDLE,
 * NARIZ_CHECKPOINT, NARIZ_SIGNING_KEY) or AuditMismatchError.
 */
export function verifyAuditBundle(value: unknown, options: AuditBundleOptions = {}): AuditBundleVerification {
  const b = parseAuditBundle(value);
  if (options.trustedPublicKey !== undefined) {
    const trusted = loadPublicKey(options.trustedPublicKey);
    if (!Buffer.from(rawPublicKey(trusted)).equals(rawPublicKey(b.publicKey))) {
      throw new NarizError('NARIZ_CHECKPOINT', 'the bundle is signed with a key other than the trusted one', { path: 'publicKey' });
    }
  }
  const checkpoints = verifyAll(b.checkpoints, b.publicKey, b.origin, b.keyName, 'checkpoints');
  checkpoints.forEach((cp, i) => {
    if (i > 0 && cp.treeSize <= checkpoints[i - 1]!.treeSize) throw bundleError('checkpoints must be in ascending tree size', `checkpoints[${i}]`);
  });
  const last = checkpoints[checkpoints.length - 1]!;
  const tree = MerkleLog.fromLeafHashes(b.leafHashes);
  if (last.treeSize !== tree.size) {
    throw new AuditMismatchError('size', `the bundle holds ${tree.size} entries but its last checkpoint commits to ${last.treeSize}`, { from: Math.min(tree.size, last.treeSize), to: Math.max(tree.size, last.treeSize) });
  }
  verifyLog(tree, checkpoints);
  let saved = verifyAll(options.savedCheckpoints ?? [], b.publicKey, b.origin, b.keyName, 'savedCheckpoints');
  let previousLeaves: readonly Uint8Array[] | undefined;
  if (options.previous !== undefined) {
    const p = parseAuditBundle(options.previous);
    saved = [...saved, ...verifyAll(p.checkpoints, b.publicKey, b.origin, b.keyName, 'previous.checkpoints')];
    previousLeaves = p.leafHashes;
  }
  if (saved.length > 0) {
    try {
      verifyLog(tree, saved, last);
    } catch (e) {
      if (!(e instanceof AuditMismatchError) || previousLeaves === undefined) throw e;
      const i = firstDifference(previousLeaves, b.leafHashes.slice(0, previousLeaves.length));
      if (i === undefined) throw e;
      throw new AuditMismatchError(e.check, `${e.detail}; the first entry to differ from the earlier export is`, { from: i, to: i + 1 });
    }
  }
  return {
    origin: b.origin,
    keyName: b.keyName,
    keyId: Buffer.from(keyId(b.keyName, b.publicKey)).toString('hex'),
    keyPinned: options.trustedPublicKey !== undefined,
    treeSize: tree.size,
    rootHash: encodeBase64(tree.root()),
    checkpointsVerified: checkpoints.length,
    savedCheckpointsVerified: saved.length,
  };
}
