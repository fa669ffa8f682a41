/**
 * The incremental MerkleLog against the brute-force recursive definitions
 * (merkle-oracle.ts), its proofs against the verifiers, and the reference
 * tree of the shared vectors reproduced exactly.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { createRng, isNarizError } from '@nariz/core';
import {
  EMPTY_ROOT, MerkleLog, isValidSubtree, leafHash, verifyConsistency, verifyInclusion, verifySubtreeConsistency, verifySubtreeInclusion,
} from '../src/index.js';
import { consistency, MERKLE_TESTDATA, mth, oracleLeaf, path, RFC6962_LEAVES, sha256, subtreeProof } from './merkle-oracle.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const hexes = (l: readonly Uint8Array[]): string[] => l.map(hex);

function randomLeaves(n: number, seed: number): Uint8Array[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => oracleLeaf(Uint8Array.from({ length: rng.int(0, 40) }, () => rng.int(0, 255))));
}

function vector(file: string): { proof: string[]; root?: string; root1?: string; root2?: string } {
  const raw = JSON.parse(readFileSync(`${MERKLE_TESTDATA}/${file}`, 'utf8')) as { proof: string[] | null; root?: string; root1?: string; root2?: string };
  const h = (s: string): string => Buffer.from(s, 'base64').toString('hex');
  return {
    proof: (raw.proof ?? []).map(h),
    ...(raw.root === undefined ? {} : { root: h(raw.root) }),
    ...(raw.root1 === undefined ? {} : { root1: h(raw.root1) }),
    ...(raw.root2 === undefined ? {} : { root2: h(raw.root2) }),
  };
}

test('hashes: leaf = SHA-256(0x00 || entry), empty tree = SHA-256(""), RFC 6962 reference roots', () => {
  assert.equal(hex(EMPTY_ROOT), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(hex(leafHash(new Uint8Array(0))), '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
  const log = MerkleLog.fromEntries(RFC6962_LEAVES);
  assert.equal(hex(log.root(8)), '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
  assert.equal(hex(log.root(0)), hex(EMPTY_ROOT));
});

test('the reference tree reproduces every happy-path proof of the shared vectors exactly', () => {
  const log = MerkleLog.fromEntries(RFC6962_LEAVES);
  const incl: Array<[string, number, number]> = [['1', 0, 8], ['2', 5, 8], ['3', 2, 3], ['4', 1, 5]];
  for (const [dir, index, size] of incl) {
    const v = vector(`inclusion/${dir}/happy-path.json`);
    assert.deepEqual(hexes(log.inclusionProof(index, size)), v.proof, `inclusion ${dir}`);
    assert.equal(hex(log.root(size)), v.root);
  }
  const cons: Array<[string, number, number]> = [['1', 1, 8], ['2', 6, 8], ['3', 2, 5], ['4', 6, 7]];
  for (const [dir, m, n] of cons) {
    const v = vector(`consistency/${dir}/happy-path.json`);
    assert.deepEqual(hexes(log.consistencyProof(m, n)), v.proof, `consistency ${dir}`);
    assert.equal(hex(log.root(m)), v.root1);
    assert.equal(hex(log.root(n)), v.root2);
    const s = vector(`subtreeconsistency/${dir}/happy-path.json`);
    assert.deepEqual(hexes(log.subtreeConsistencyProof(0, m, n)), s.proof, `subtree consistency ${dir}`);
  }
});

test('MerkleLog: roots, subtree hashes and proofs equal the recursive definitions for every size up to 70 (seeded leaves)', () => {
  const leaves = randomLeaves(70, 9162);
  const log = MerkleLog.fromLeafHashes(leaves);
  for (let n = 0; n <= 70; n++) {
    const d = leaves.slice(0, n);
    assert.equal(hex(log.root(n)), hex(mth(d)), `root ${n}`);
    for (let m = 0; m < n; m++) {
      const p = log.inclusionProof(m, n);
      assert.deepEqual(hexes(p), hexes(path(m, d)), `path ${m} of ${n}`);
      verifyInclusion(m, n, leaves[m]!, p, log.root(n));
      if (m > 0) {
        const c = log.consistencyProof(m, n);
        assert.deepEqual(hexes(c), hexes(consistency(m, d)), `consistency ${m} → ${n}`);
        verifyConsistency(m, n, c, log.root(m), log.root(n));
      }
    }
  }
});

test('MerkleLog: every subtree of every tree up to 40 leaves: hash, SUBTREE_PROOF, both subtree verifiers', () => {
  const leaves = randomLeaves(40, 4);
  const log = MerkleLog.fromLeafHashes(leaves);
  let checked = 0;
  for (let n = 1; n <= 40; n++) {
    const root = log.root(n);
    for (let start = 0; start < n; start++) {
      for (let end = start + 1; end <= n; end++) {
        if (!isValidSubtree(start, end)) continue;
        const h = log.subtreeHash(start, end);
        assert.equal(hex(h), hex(mth(leaves.slice(start, end))));
        const proof = log.subtreeConsistencyProof(start, end, n);
        assert.deepEqual(hexes(proof), hexes(subtreeProof(start, end, leaves.slice(0, n))), `[${start}, ${end}) of ${n}`);
        verifySubtreeConsistency(start, end, n, proof, h, root);
        if (n === 40) {
          for (let i = start; i < end; i++) verifySubtreeInclusion(i, start, end, leaves[i]!, log.subtreeInclusionProof(i, start, end), h);
        }
        checked++;
      }
    }
  }
  assert.ok(checked > 1000, `${checked}`);
});

test('isValidSubtree: no ragged left edge (MTC draft §4.1)', () => {
  assert.ok(isValidSubtree(0, 13) && isValidSubtree(8, 16) && isValidSubtree(8, 13) && isValidSubtree(6, 8) && isValidSubtree(5, 5));
  assert.ok(!isValidSubtree(1, 3) && !isValidSubtree(2, 5) && !isValidSubtree(2, 6) && !isValidSubtree(1, 15) && !isValidSubtree(3, 2));
});

test('verifiers reject every single-bit change of a proof, a root or a leaf (seeded sample)', () => {
  const leaves = randomLeaves(300, 17);
  const log = MerkleLog.fromLeafHashes(leaves);
  const rng = createRng(5);
  const flip = (b: Uint8Array): Uint8Array => {
    const c = b.slice();
    const bit = rng.int(0, c.length * 8 - 1);
    c[bit >> 3]! ^= 1 << (bit & 7);
    return c;
  };
  const rejects = (f: () => void): boolean => {
    try {
      f();
      return false;
    } catch (e) {
      return isNarizError(e, 'NARIZ_MERKLE_PROOF');
    }
  };
  for (let k = 0; k < 200; k++) {
    const n = rng.int(2, 300);
    const m = rng.int(0, n - 1);
    const p = log.inclusionProof(m, n);
    const root = log.root(n);
    if (p.length > 0) {
      const i = rng.int(0, p.length - 1);
      const bad = p.map((x, j) => (j === i ? flip(x) : x));
      assert.ok(rejects(() => verifyInclusion(m, n, leaves[m]!, bad, root)), `inclusion ${m}/${n} proof[${i}]`);
      assert.ok(rejects(() => verifyInclusion(m, n, leaves[m]!, p.slice(0, -1), root)), 'truncated');
      assert.ok(rejects(() => verifyInclusion(m, n, leaves[m]!, [...p, p[0]!], root)), 'extended');
    }
    assert.ok(rejects(() => verifyInclusion(m, n, flip(leaves[m]!), p, root)), 'leaf');
    assert.ok(rejects(() => verifyInclusion(m, n, leaves[m]!, p, flip(root))), 'root');
    const m1 = rng.int(1, n - 1);
    const c = log.consistencyProof(m1, n);
    const i = rng.int(0, c.length - 1);
    assert.ok(rejects(() => verifyConsistency(m1, n, c.map((x, j) => (j === i ? flip(x) : x)), log.root(m1), root)), `consistency ${m1}→${n}`);
    assert.ok(rejects(() => verifyConsistency(m1, n, c, flip(log.root(m1)), root)), 'old root');
    assert.ok(rejects(() => verifyConsistency(m1, n, c, log.root(m1), flip(root))), 'new root');
  }
});

test('MerkleLog: misuse is NARIZ_USAGE with the reason (index beyond the log, ragged subtree, consistency from 0)', () => {
  const log = MerkleLog.fromLeafHashes(randomLeaves(10, 1));
  const usage = (f: () => unknown, re: RegExp): void => assert.throws(f, (e: unknown) => isNarizError(e, 'NARIZ_USAGE') && re.test((e as Error).message));
  usage(() => log.inclusionProof(10), /leaf index 10/);
  usage(() => log.root(11), /tree size 11/);
  usage(() => log.subtreeHash(2, 6), /not a subtree/);
  usage(() => log.consistencyProof(0, 5), /empty tree/);
  usage(() => log.appendLeafHash(new Uint8Array(31)), /32 bytes/);
  assert.deepEqual(log.consistencyProof(5, 5), []);
});

test('MerkleLog: a sample of sizes across 2^16 boundaries agrees with a rebuild from scratch', () => {
  const leaves = Array.from({ length: 70_000 }, (_, i) => sha256(Uint8Array.of(i & 255, i >> 8, i >> 16)));
  const log = new MerkleLog();
  const rng = createRng(11);
  const sizes = new Set([1, 2, 3, 65_535, 65_536, 65_537, 70_000, ...Array.from({ length: 5 }, () => rng.int(1, 70_000))]);
  for (const h of leaves) log.appendLeafHash(h);
  for (const n of sizes) {
    assert.equal(hex(log.root(n)), hex(MerkleLog.fromLeafHashes(leaves.slice(0, n)).root()), `size ${n}`);
    const m = rng.int(0, n - 1);
    verifyInclusion(m, n, leaves[m]!, log.inclusionProof(m, n), log.root(n));
  }
  assert.equal(hex(log.root()), hex(mth(leaves)));
});
