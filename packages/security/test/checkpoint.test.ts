/**
 * Signed checkpoints: the exact text, interoperability with Go's
 * sumdb/note (its documented PeterNeumann example), keys in PEM, and every
 * way a checkpoint text can be wrong giving NARIZ_CHECKPOINT (with the
 * line) or NARIZ_SIGNING_KEY.
 */
import assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import test from 'node:test';
import { isNarizError, type ErrorCode } from '@nariz/core';
import {
  formatCheckpoint, generateSigningKey, loadPublicKey, loadSigningKey, MerkleLog, openNote, parseCheckpointText, parseVerifierKey,
  signCheckpoint, signNote, verifierKey, verifyCheckpoint, type Checkpoint,
} from '../src/index.js';
import { RFC6962_LEAVES } from './merkle-oracle.js';

const ORIGIN = 'nariz.example/audit';
const { signer, privateKeyPem, publicKeyPem } = generateSigningKey(ORIGIN);
const other = generateSigningKey(ORIGIN);

function checkpointOf(size: number): Checkpoint {
  return { origin: ORIGIN, treeSize: size, rootHash: MerkleLog.fromEntries(RFC6962_LEAVES).root(size), extensions: [] };
}

function fails(f: () => unknown, code: ErrorCode, message: RegExp, line?: number, label = ''): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(isNarizError(e, code), `${label} ${String(e)}`);
    assert.match(e.message, message, label);
    if (line !== undefined) assert.equal(e.location?.line, line, label);
    return true;
  });
}

test('a checkpoint note: origin, size, base64 root, blank line, "— name base64(key id || signature)"', () => {
  const text = signCheckpoint(checkpointOf(8), signer);
  const lines = text.split('\n');
  assert.deepEqual(lines.slice(0, 4), [ORIGIN, '8', 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=', '']);
  assert.match(lines[4]!, /^— nariz\.example\/audit [A-Za-z0-9+/]{91}=$/);
  assert.equal(lines[5], '');
  assert.equal(lines.length, 6);
  const cp = verifyCheckpoint(text, publicKeyPem, { origin: ORIGIN });
  assert.equal(cp.treeSize, 8);
  assert.deepEqual(cp.rootHash, checkpointOf(8).rootHash);
  assert.equal(cp.keyName, ORIGIN);
  assert.equal(cp.text, text);
  assert.deepEqual(parseCheckpointText(formatCheckpoint(checkpointOf(3))), checkpointOf(3));
});

test('verifier keys round-trip whatever their base64 holds (a "+" included)', () => {
  let withPlus = 0;
  for (let i = 0; i < 64; i++) {
    const { signer } = generateSigningKey(`nariz.test/key-${i}`);
    const vkey = verifierKey(signer.name, signer.publicKey);
    if (vkey.split('+').length > 3) withPlus++;
    const parsed = parseVerifierKey(vkey);
    assert.equal(parsed.name, signer.name);
    assert.equal(verifierKey(parsed.name, parsed.publicKey), vkey);
  }
  // About half of all keys have a "+" in their base64; 64 keys without one would be a 1-in-2^40 event.
  assert.ok(withPlus > 0, 'no key with a "+" in 64: the case was not exercised');
});

test('interoperable with Go sumdb/note: its example note verifies, and its key signs the same bytes', () => {
  const vkey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
  const text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  const note = `${text}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
  const { name, publicKey } = parseVerifierKey(vkey);
  assert.equal(name, 'PeterNeumann');
  assert.equal(verifierKey(name, publicKey), vkey);
  assert.deepEqual(openNote(note, publicKey), { text, keyName: 'PeterNeumann' });
  // The Go signer key's seed (after PRIVATE+KEY+PeterNeumann+c74f20a3+ and the 0x01 type byte) as PKCS#8.
  const seed = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const pem = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'pem' }).toString();
  assert.equal(signNote(text, [loadSigningKey('PeterNeumann', pem)]), note);
  fails(() => parseVerifierKey('PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'), 'NARIZ_SIGNING_KEY', /id c74f20a4 does not match/);
});

test('keys: PKCS#8 and SPKI PEM round trip; other key types and formats are NARIZ_SIGNING_KEY', () => {
  const loaded = loadSigningKey(ORIGIN, privateKeyPem);
  const text = signCheckpoint(checkpointOf(5), loaded);
  assert.equal(verifyCheckpoint(text, loadPublicKey(publicKeyPem)).treeSize, 5);
  fails(() => loadSigningKey(ORIGIN, publicKeyPem), 'NARIZ_SIGNING_KEY', /PKCS#8/);
  fails(() => loadPublicKey(privateKeyPem), 'NARIZ_SIGNING_KEY', /SPKI/);
  fails(() => loadPublicKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'), 'NARIZ_SIGNING_KEY', /cannot be read/);
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  fails(() => loadPublicKey(ec), 'NARIZ_SIGNING_KEY', /ec key, not Ed25519/);
  fails(() => generateSigningKey('has space'), 'NARIZ_SIGNING_KEY', /key name/);
});

test('a checkpoint signed by another key (even under the same name) is rejected', () => {
  const forged = signCheckpoint(checkpointOf(8), other.signer);
  fails(() => verifyCheckpoint(forged, publicKeyPem), 'NARIZ_CHECKPOINT', /no signature by the given key/);
  // Both signatures present: ours verifies, the stranger's is ignored.
  const both = signNote(formatCheckpoint(checkpointOf(8)), [other.signer, signer]);
  assert.equal(verifyCheckpoint(both, publicKeyPem).treeSize, 8);
  fails(() => verifyCheckpoint(signCheckpoint(checkpointOf(8), signer), publicKeyPem, { keyName: 'someone-else' }), 'NARIZ_CHECKPOINT', /"someone-else"/);
  fails(() => verifyCheckpoint(signCheckpoint(checkpointOf(8), signer), publicKeyPem, { origin: 'elsewhere' }), 'NARIZ_CHECKPOINT', /origin/, 1);
});

test('altered checkpoint text: each change is caught, with the line where it can be named', () => {
  const good = signCheckpoint(checkpointOf(8), signer);
  const [origin, size, root, blank, sig] = good.split('\n') as [string, string, string, string, string];
  const join = (...lines: string[]): string => `${lines.join('\n')}\n`;
  const cases: Array<[string, string, RegExp, number | undefined]> = [
    ['size changed', join(origin, '7', root, blank, sig), /does not verify/, 5],
    ['root changed', join(origin, size, `A${root.slice(1)}`, blank, sig), /does not verify/, 5],
    ['origin changed', join('nariz.example/other', size, root, blank, sig), /does not verify/, 5],
    ['signature changed', join(origin, size, root, blank, `${sig.slice(0, 60)}${sig[60] === 'A' ? 'B' : 'A'}${sig.slice(61)}`), /does not verify/, 5],
    ['signature line dropped', join(origin, size, root, blank).slice(0, -1), /no blank line|empty/, undefined],
    ['cut in the signature', good.slice(0, -20), /signature block|not base64/, undefined],
    ['cut in the body', good.slice(0, 30), /no blank line/, undefined],
    ['no trailing newline', good.slice(0, -1), /does not end with a newline/, 5],
    ['not an em dash', join(origin, size, root, blank, sig.replace('—', '-')), /em dash/, 5],
    ['control character', join(origin, `8\r`, root, blank, sig), /control character/, 2],
  ];
  for (const [what, text, message, line] of cases) fails(() => verifyCheckpoint(text, publicKeyPem), 'NARIZ_CHECKPOINT', message, line, what);
  // Body syntax, signed correctly so that only the checkpoint parser objects.
  const signed = (body: string): string => signNote(body, [signer]);
  fails(() => verifyCheckpoint(signed(`${ORIGIN}\n08\n${root}\n`), publicKeyPem), 'NARIZ_CHECKPOINT', /leading zeros/, 2);
  fails(() => verifyCheckpoint(signed(`${ORIGIN}\n8\n${root.slice(0, -4)}\n`), publicKeyPem), 'NARIZ_CHECKPOINT', /base64 of 32 bytes/, 3);
  fails(() => verifyCheckpoint(signed(`${ORIGIN}\n8\n`), publicKeyPem), 'NARIZ_CHECKPOINT', /needs origin, tree size and root hash/, 3);
  fails(() => verifyCheckpoint(signed(`${ORIGIN}\n99999999999999999999\n${root}\n`), publicKeyPem), 'NARIZ_CHECKPOINT', /beyond 2\^53/, 2);
  assert.deepEqual(verifyCheckpoint(signed(`${ORIGIN}\n8\n${root}\nx-ext 1\n`), publicKeyPem).extensions, ['x-ext 1']);
});
