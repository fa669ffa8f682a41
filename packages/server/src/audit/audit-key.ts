/**
 * The server's Ed25519 key for signing audit checkpoints: a PKCS#8 PEM file
 * at a configured path (NARIZ_AUDIT_KEY), else `audit-key.pem` in the data
 * directory, generated there on first start with mode 0600. Without either
 * (tests, or an app built without a data directory) the key lives only as
 * long as the process: its checkpoints cannot be verified after a restart,
 * which the server then reports as a broken log, so a deployment always
 * gives a directory.
 *
 * The key name written on signature lines is the log's origin.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { NarizError } from '@nariz/core';
import { generateSigningKey, loadSigningKey, type CheckpointSigner } from '@nariz/security';

export const AUDIT_KEY_FILE = 'audit-key.pem';

export interface AuditKeySource {
  /** A PKCS#8 PEM private key file that must exist. */
  readonly keyPath?: string | undefined;
  /** Where `audit-key.pem` is kept (and generated when missing). */
  readonly keyDir?: string | undefined;
}

export interface LoadedAuditKey {
  readonly signer: CheckpointSigner;
  /** The file it came from, or undefined for a key of this process only. */
  readonly path: string | undefined;
  readonly generated: boolean;
}

function readKey(name: string, path: string): CheckpointSigner {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (err) {
    throw new NarizError('NARIZ_IO', `cannot read the audit signing key: ${err instanceof Error ? err.message : String(err)}`, { file: path }, { cause: err });
  }
  try {
    return loadSigningKey(name, pem);
  } catch (err) {
    if (err instanceof NarizError) throw new NarizError(err.code, err.message, { file: path }, { cause: err });
    throw err;
  }
}

export function loadAuditKey(name: string, source: AuditKeySource, log: FastifyBaseLogger): LoadedAuditKey {
  if (source.keyPath !== undefined) return { signer: readKey(name, source.keyPath), path: source.keyPath, generated: false };
  if (source.keyDir === undefined) {
    log.warn('the audit checkpoint key lives only as long as this process (no data directory given): its checkpoints will not verify after a restart');
    return { signer: generateSigningKey(name).signer, path: undefined, generated: true };
  }
  const path = join(source.keyDir, AUDIT_KEY_FILE);
  if (existsSync(path)) {
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) log.warn({ path }, 'the audit signing key is readable by other users: chmod 600 it');
    return { signer: readKey(name, path), path, generated: false };
  }
  mkdirSync(source.keyDir, { recursive: true });
  const key = generateSigningKey(name);
  // 'wx': never overwrite a key another process has just written.
  writeFileSync(path, key.privateKeyPem, { mode: 0o600, flag: 'wx' });
  log.info({ path }, 'generated the audit checkpoint signing key');
  return { signer: key.signer, path, generated: true };
}
