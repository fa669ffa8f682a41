/**
 * C2SP signed notes (https://c2sp.org/signed-note), Ed25519 only:
 *
 *   <text: one or more lines, each ending in "\n">
 *   "\n"
 *   "— " <key name> " " base64(key id (4 bytes) || Ed25519 signature of the text (64 bytes)) "\n"
 *   … one line per signature
 *
 * The text is split from the signatures at the last blank line. A verifier
 * ignores signatures by keys it does not know and fails when none of the
 * keys it trusts signed. Errors are NARIZ_CHECKPOINT with the note's line.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { NarizError } from '@nariz/core';
import { decodeBase64, encodeBase64 } from './base64.js';
import { isValidKeyName, keyId, loadPublicKey, type CheckpointSigner } from './keys.js';

const SIGNATURE_PREFIX = '\u2014 ';
const MAX_SIGNATURES = 100;
const ED25519_SIGNATURE_BYTES = 64;
const MAX_NOTE_CHARS = 1 << 20;

export interface NoteSignature {
  readonly name: string;
  readonly keyId: Uint8Array;
  readonly signature: Uint8Array;
  /** 1-based line of the note. */
  readonly line: number;
}

export interface ParsedNote {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

function noteError(message: string, line?: number): NarizError {
  return new NarizError('NARIZ_CHECKPOINT', message, line === undefined ? undefined : { line });
}

function requireText(text: string): void {
  if (text === '' || !text.endsWith('\n')) throw noteError('the note text must be non-empty and end with a newline');
  const bad = /[\u0000-\u0009\u000b-\u001f\u007f]/.exec(text);
  if (bad !== null) throw noteError('the note text holds a control character', text.slice(0, bad.index).split('\n').length);
}

/** The note: the text and one signature line per signer. */
export function signNote(text: string, signers: readonly CheckpointSigner[]): string {
  requireText(text);
  const message = Buffer.from(text, 'utf8');
  const lines = signers.map((s) => {
    const sig = sign(null, message, s.privateKey);
    return `${SIGNATURE_PREFIX}${s.name} ${encodeBase64(Uint8Array.of(...keyId(s.name, s.publicKey), ...sig))}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

/** Splits a note into text and signatures, checking their syntax (not the signatures). */
export function parseNote(note: string): ParsedNote {
  if (note.length > MAX_NOTE_CHARS) throw noteError(`the note is longer than ${MAX_NOTE_CHARS} characters`);
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw noteError('the note has no blank line before its signatures (truncated?)');
  const text = note.slice(0, split + 1);
  requireText(text);
  const sigBlock = note.slice(split + 2);
  const firstLine = text.split('\n').length + 1;
  if (sigBlock === '' || !sigBlock.endsWith('\n')) throw noteError('the signature block is empty or does not end with a newline (truncated?)', firstLine);
  const lines = sigBlock.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw noteError(`the note has more than ${MAX_SIGNATURES} signatures`, firstLine);
  const signatures = lines.map((l, i) => {
    const line = firstLine + i;
    if (!l.startsWith(SIGNATURE_PREFIX)) throw noteError('a signature line must start with "— " (em dash, space)', line);
    const rest = l.slice(SIGNATURE_PREFIX.length);
    const space = rest.lastIndexOf(' ');
    const name = rest.slice(0, space);
    if (space < 0 || !isValidKeyName(name)) throw noteError('a signature line must be "— <key name> <base64 signature>"', line);
    const blob = decodeBase64(rest.slice(space + 1));
    if (blob === undefined || blob.length < 5) throw noteError('the signature is not base64 of a key id and a signature', line);
    return { name, keyId: blob.slice(0, 4), signature: blob.slice(4), line };
  });
  return { text, signatures };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The note's text, once a signature by `publicKey` (under `keyName` if
 * given, else under whatever name its key id matches) verifies. A matching
 * signature that does not verify means the note was altered: error.
 */
export function openNote(note: string, publicKey: KeyObject | string, keyName?: string): { text: string; keyName: string } {
  const key = loadPublicKey(publicKey);
  const { text, signatures } = parseNote(note);
  const mine = signatures.filter((s) => (keyName === undefined || s.name === keyName) && sameBytes(s.keyId, keyId(s.name, key)));
  if (mine.length === 0) {
    throw noteError(`no signature by the given key${keyName === undefined ? '' : ` "${keyName}"`} (signed by: ${signatures.map((s) => s.name).join(', ')})`);
  }
  const message = Buffer.from(text, 'utf8');
  for (const s of mine) {
    if (s.signature.length !== ED25519_SIGNATURE_BYTES || !verify(null, message, key, s.signature)) {
      throw noteError(`the signature by "${s.name}" does not verify: the note was altered or the signature is corrupt`, s.line);
    }
  }
  return { text, keyName: mine[0]!.name };
}
