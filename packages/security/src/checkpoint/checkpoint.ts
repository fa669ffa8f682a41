/**
 * Checkpoints in the C2SP tlog-checkpoint format (https://c2sp.org/tlog-checkpoint),
 * carried in a signed note:
 *
 *   <origin>\n                 e.g. "nariz.example/audit"
 *   <tree size, decimal>\n     no leading zeros
 *   <base64 root hash>\n       32 bytes, RFC 9162 MTH of the first <tree size> entries
 *   [<extension line>\n …]     opaque, non-empty; Nariz writes none
 *   \n
 *   — <key name> <base64 signature>\n
 */
import type { KeyObject } from 'node:crypto';
import { NarizError } from '@nariz/core';
import { HASH_BYTES } from '../merkle/hash.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import type { CheckpointSigner } from './keys.js';
import { openNote, signNote } from './signed-note.js';

export interface Checkpoint {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  readonly extensions: readonly string[];
}

declare const verified: unique symbol;

/** A checkpoint whose signature verifyCheckpoint has checked; only it makes these. */
export type VerifiedCheckpoint = Checkpoint & {
  /** The whole signed note, to store or hand on. */
  readonly text: string;
  readonly keyName: string;
  readonly [verified]: true;
};

function checkpointError(message: string, line?: number): NarizError {
  return new NarizError('NARIZ_CHECKPOINT', message, line === undefined ? undefined : { line });
}

/** The note text of a checkpoint (what is signed). */
export function formatCheckpoint(cp: Checkpoint): string {
  if (cp.origin === '' || cp.origin.includes('\n')) throw checkpointError('the origin must be one non-empty line');
  if (!Number.isSafeInteger(cp.treeSize) || cp.treeSize < 0) throw checkpointError(`tree size ${cp.treeSize} is not an integer in [0, 2^53)`);
  if (cp.rootHash.length !== HASH_BYTES) throw checkpointError(`the root hash has ${cp.rootHash.length} bytes, not ${HASH_BYTES}`);
  for (const e of cp.extensions) if (e === '' || e.includes('\n')) throw checkpointError('an extension must be one non-empty line');
  return [cp.origin, String(cp.treeSize), encodeBase64(cp.rootHash), ...cp.extensions].map((l) => `${l}\n`).join('');
}

/** Parses the note text of a checkpoint (unsigned: see verifyCheckpoint). */
export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.pop() !== '') throw checkpointError('the checkpoint text must end with a newline');
  if (lines.length < 3) throw checkpointError(`the checkpoint has ${lines.length} lines; it needs origin, tree size and root hash`, lines.length + 1);
  const [origin, size, root, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin === '') throw checkpointError('the origin line is empty', 1);
  if (!/^(0|[1-9][0-9]*)$/.test(size)) throw checkpointError(`the tree size "${size}" is not a decimal number without leading zeros`, 2);
  const treeSize = Number(size);
  if (!Number.isSafeInteger(treeSize)) throw checkpointError(`the tree size ${size} is beyond 2^53`, 2);
  const rootHash = decodeBase64(root);
  if (rootHash === undefined || rootHash.length !== HASH_BYTES) throw checkpointError(`the root hash is not base64 of ${HASH_BYTES} bytes`, 3);
  extensions.forEach((e, i) => {
    if (e === '') throw checkpointError('an extension line is empty', 4 + i);
  });
  return { origin, treeSize, rootHash, extensions };
}

/** The signed checkpoint note. */
export function signCheckpoint(cp: Checkpoint, signer: CheckpointSigner): string {
  return signNote(formatCheckpoint(cp), [signer]);
}

/**
 * Checks the signature by `publicKey` and parses the checkpoint. `origin`
 * and `keyName`, when given, must match. Errors: NARIZ_CHECKPOINT (with the
 * line where the text is malformed), NARIZ_SIGNING_KEY for a bad key.
 */
export function verifyCheckpoint(text: string, publicKey: KeyObject | string, options: { origin?: string; keyName?: string } = {}): VerifiedCheckpoint {
  const opened = openNote(text, publicKey, options.keyName);
  const cp = parseCheckpointText(opened.text);
  if (options.origin !== undefined && cp.origin !== options.origin) {
    throw checkpointError(`the checkpoint is for origin "${cp.origin}", not "${options.origin}"`, 1);
  }
  return { ...cp, text, keyName: opened.keyName } as VerifiedCheckpoint;
}
