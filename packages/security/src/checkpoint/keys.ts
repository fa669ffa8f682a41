/**
 * Ed25519 keys for checkpoint signatures, through node:crypto: generated
 * keys, PEM loading (PKCS#8 private, SPKI public), and the C2SP signed-note
 * key id and verifier key string, so that Go's golang.org/x/mod/sumdb/note
 * and other C2SP tools can check our checkpoints too.
 *
 *   key id       = SHA-256(name || "\n" || 0x01 || public key)[0:4]
 *   verifier key = name "+" hex(key id) "+" base64(0x01 || public key)
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { NarizError } from '@nariz/core';
import { decodeBase64, encodeBase64 } from './base64.js';

/** Signature type byte of Ed25519 in C2SP signed notes. */
const ALG_ED25519 = 0x01;

export interface CheckpointSigner {
  /** The key name written on signature lines (e.g. "nariz.example/audit"). */
  readonly name: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

function keyError(message: string): NarizError {
  return new NarizError('NARIZ_SIGNING_KEY', message);
}

/** C2SP signed-note key names: non-empty, no whitespace, no "+". */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

function requireKeyName(name: string): void {
  if (!isValidKeyName(name)) throw keyError(`key name "${name}" must be non-empty, without spaces or "+"`);
}

function requireEd25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw keyError(`the ${what} is a ${key.asymmetricKeyType ?? 'symmetric'} key, not Ed25519`);
  return key;
}

export function generateSigningKey(name: string): { signer: CheckpointSigner; privateKeyPem: string; publicKeyPem: string } {
  requireKeyName(name);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signer: { name, privateKey, publicKey },
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** A signer from a PKCS#8 PEM private key. */
export function loadSigningKey(name: string, privateKeyPem: string): CheckpointSigner {
  requireKeyName(name);
  if (!privateKeyPem.includes('-----BEGIN PRIVATE KEY-----')) throw keyError('the private key is not PKCS#8 PEM ("BEGIN PRIVATE KEY")');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(privateKeyPem);
  } catch (e) {
    throw new NarizError('NARIZ_SIGNING_KEY', `the private key cannot be read: ${(e as Error).message}`, undefined, { cause: e });
  }
  requireEd25519(privateKey, 'private key');
  return { name, privateKey, publicKey: createPublicKey(privateKey) };
}

/** A public key from SPKI PEM ("BEGIN PUBLIC KEY"), or a KeyObject checked to be Ed25519 public. */
export function loadPublicKey(key: KeyObject | string): KeyObject {
  if (typeof key !== 'string') {
    if (key.type !== 'public') throw keyError(`expected a public key, got a ${key.type} one`);
    return requireEd25519(key, 'public key');
  }
  if (!key.includes('-----BEGIN PUBLIC KEY-----')) throw keyError('the public key is not SPKI PEM ("BEGIN PUBLIC KEY")');
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(key);
  } catch (e) {
    throw new NarizError('NARIZ_SIGNING_KEY', `the public key cannot be read: ${(e as Error).message}`, undefined, { cause: e });
  }
  return requireEd25519(publicKey, 'public key');
}

/** The 32 raw bytes of an Ed25519 public key. */
export function rawPublicKey(publicKey: KeyObject): Uint8Array {
  const x = publicKey.export({ format: 'jwk' }).x;
  if (typeof x !== 'string') throw keyError('the public key has no raw form');
  return new Uint8Array(Buffer.from(x, 'base64url'));
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/** The 4-byte key id that prefixes each signature of this key. */
export function keyId(name: string, publicKey: KeyObject): Uint8Array {
  const h = createHash('sha256').update(name).update('\n').update(Uint8Array.of(ALG_ED25519)).update(rawPublicKey(publicKey)).digest();
  return new Uint8Array(h.subarray(0, 4));
}

/** The C2SP verifier key string, e.g. for a partner's sumdb/note tooling. */
export function verifierKey(name: string, publicKey: KeyObject): string {
  requireKeyName(name);
  const id = Buffer.from(keyId(name, publicKey)).toString('hex');
  return `${name}+${id}+${encodeBase64(Uint8Array.of(ALG_ED25519, ...rawPublicKey(publicKey)))}`;
}

/** A C2SP verifier key string back to its name and Ed25519 public key (the id must match). */
export function parseVerifierKey(vkey: string): { name: string; publicKey: KeyObject } {
  // A name holds no '+', but standard base64 may: split at the first two only.
  const first = vkey.indexOf('+');
  const second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
  const name = first < 0 ? '' : vkey.slice(0, first);
  const id = second < 0 ? '' : vkey.slice(first + 1, second);
  const material = second < 0 ? '' : vkey.slice(second + 1);
  const bytes = decodeBase64(material);
  if (second < 0 || !isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(id) || bytes === undefined || bytes.length !== 33 || bytes[0] !== ALG_ED25519) {
    throw keyError('a verifier key is "<name>+<8 hex digits>+<base64 of 0x01 and a 32-byte Ed25519 key>"');
  }
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes.subarray(1)).toString('base64url') }, format: 'jwk' });
  } catch (e) {
    throw new NarizError('NARIZ_SIGNING_KEY', `the verifier key's public key cannot be used: ${(e as Error).message}`, undefined, { cause: e });
  }
  if (Buffer.from(keyId(name, publicKey)).toString('hex') !== id) throw keyError(`the verifier key's id ${id} does not match its name and key`);
  return { name, publicKey };
}
