/**
 * The audit log's Merkle tree at 1,000,000 entries: appends/s (entries of
 * 64 bytes, the size of a short audit record's digest-plus-header; and
 * pre-hashed leaves), roots at random earlier sizes, and inclusion and
 * consistency proofs generated and verified per second.
 *
 * Peers, measured in the same run on the same bytes: SHA-256 of each entry
 * alone (the floor under any append, which must hash the leaf), and a run
 * of 20 node hashes (the floor under verifying a proof in a tree of 2^20).
 * Seeded entries (mulberry32), 1 warm-up, REPS timed runs; median, min and
 * max are printed, with a sink so the work is not optimised away.
 *
 *   node packages/security/dist/bench/merkle.bench.js [reps]
 */
import { createHash } from 'node:crypto';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { createRng } from '@nariz/core';
import { MerkleLog, nodeHash, verifyConsistency, verifyInclusion } from '../src/index.js';

const REPS = Number(process.argv[2] ?? 3);
const N = 1_000_000;
const ENTRY_BYTES = 64;
const PROOFS = 20_000;

const rng = createRng(0x9162);
const entryBytes = new Uint8Array(N * ENTRY_BYTES);
for (let i = 0; i < entryBytes.length; i += 4) {
  const x = Math.floor(rng.next() * 2 ** 32);
  entryBytes[i] = x & 255;
  entryBytes[i + 1] = (x >>> 8) & 255;
  entryBytes[i + 2] = (x >>> 16) & 255;
  entryBytes[i + 3] = x >>> 24;
}
const entry = (i: number): Uint8Array => entryBytes.subarray(i * ENTRY_BYTES, (i + 1) * ENTRY_BYTES);

let sink = 0;

function time(label: string, ops: number, fn: () => number, reps = REPS): void {
  sink += fn();
  const secs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.hrtime.bigint();
    sink += fn();
    secs.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  secs.sort((a, b) => a - b);
  const rate = (s: number): string => {
    const x = ops / s;
    return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${(x / 1e3).toFixed(1)} k`;
  };
  console.log(`${label.padEnd(52)} ops/s median ${rate(secs[Math.floor(secs.length / 2)]!).padStart(8)} (min ${rate(secs[secs.length - 1]!)}, max ${rate(secs[0]!)})`);
}

console.log(`# ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()} ${arch()}, Node ${process.version}`);
console.log(`# ${N.toLocaleString('en')} entries of ${ENTRY_BYTES} bytes, ${REPS} timed runs after 1 warm-up`);

time('peer: SHA-256(0x00 || entry), 1M entries', N, () => {
  let s = 0;
  for (let i = 0; i < N; i++) s += createHash('sha256').update(Uint8Array.of(0)).update(entry(i)).digest()[0]!;
  return s;
});

let log = new MerkleLog();
time('MerkleLog.appendEntry, 1M entries', N, () => {
  log = new MerkleLog();
  for (let i = 0; i < N; i++) log.appendEntry(entry(i));
  return log.size;
});

const leaves = Array.from({ length: N }, (_, i) => log.leafHash(i));
time('MerkleLog.appendLeafHash, 1M pre-hashed leaves', N, () => {
  const l = new MerkleLog();
  for (const h of leaves) l.appendLeafHash(h);
  return l.size;
});

const indices = Array.from({ length: PROOFS }, () => rng.int(0, N - 1));
const sizes = Array.from({ length: PROOFS }, () => rng.int(1, N - 1));
const reps5 = Math.max(REPS, 5);

time('root at a random size < 1M', PROOFS, () => {
  let s = 0;
  for (const n of sizes) s += log.root(n)[0]!;
  return s;
}, reps5);

const root = log.root();
const inclusion = indices.map((i) => log.inclusionProof(i));
time('inclusion proof, generate (tree of 1M)', PROOFS, () => {
  let s = 0;
  for (const i of indices) s += log.inclusionProof(i).length;
  return s;
}, reps5);
time('inclusion proof, verify (tree of 1M)', PROOFS, () => {
  for (let k = 0; k < PROOFS; k++) verifyInclusion(indices[k]!, N, leaves[indices[k]!]!, inclusion[k]!, root);
  return PROOFS;
}, reps5);

const oldRoots = sizes.map((m) => log.root(m));
const consistency = sizes.map((m) => log.consistencyProof(m));
time('consistency proof, generate (random size → 1M)', PROOFS, () => {
  let s = 0;
  for (const m of sizes) s += log.consistencyProof(m).length;
  return s;
}, reps5);
time('consistency proof, verify (random size → 1M)', PROOFS, () => {
  for (let k = 0; k < PROOFS; k++) verifyConsistency(sizes[k]!, N, consistency[k]!, oldRoots[k]!, root);
  return PROOFS;
}, reps5);

time('peer: 20 node hashes (one proof\'s hashing at 2^20)', PROOFS, () => {
  let h = root;
  for (let k = 0; k < PROOFS; k++) for (let j = 0; j < 20; j++) h = nodeHash(h, root);
  return h[0]!;
}, reps5);

const proofHashes = inclusion.reduce((s, p) => s + p.length, 0) / PROOFS;
const consistencyHashes = consistency.reduce((s, p) => s + p.length, 0) / PROOFS;
console.log(`# mean proof length: inclusion ${proofHashes.toFixed(1)} hashes, consistency ${consistencyHashes.toFixed(1)}; sink ${sink % 997}`);
