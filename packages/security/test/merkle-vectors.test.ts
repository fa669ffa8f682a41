/**
 * Every vector of the shared transparency-dev test data
 * (../shared/data/merkle/testdata, read by path from the repository root, the
 * test runner's working directory): inclusion and consistency proofs of
 * RFC 9162 and the subtree proofs of Merkle Tree Certificates, most of them
 * deliberately broken. Each must be accepted or rejected as its `wantErr`
 * says, and rejections must be NARIZ_MERKLE_PROOF.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import test from 'node:test';
import { isNarizError } from '@nariz/core';
import { verifyConsistency, verifyInclusion, verifySubtreeConsistency, verifySubtreeInclusion } from '../src/index.js';
import { MERKLE_TESTDATA } from './merkle-oracle.js';


const INTEGER_FIELDS = ['leafIdx', 'treeSize', 'size1', 'size2', 'start', 'end', 'size'];

interface Vector {
  readonly file: string;
  readonly desc: string;
  readonly wantErr: boolean;
  readonly int: (field: string) => number;
  readonly hash: (field: string) => Uint8Array;
  readonly proof: Uint8Array[];
}

/**
 * The vectors hold uint64 indices such as 2^64 - 1 that JSON.parse would
 * round; they are read as decimal strings and converted with Number, so an
 * index beyond 2^53 reaches the verifier as an unsafe integer it must reject.
 */
function readVector(file: string): Vector {
  const text = readFileSync(file, 'utf8').replace(new RegExp(`"(${INTEGER_FIELDS.join('|')})":\\s*(\\d+)`, 'g'), '"$1": "$2"');
  const raw = JSON.parse(text) as Record<string, unknown>;
  const b64 = (s: unknown): Uint8Array => {
    assert.equal(typeof s, 'string', file);
    return new Uint8Array(Buffer.from(s as string, 'base64'));
  };
  return {
    file: relative(MERKLE_TESTDATA, file),
    desc: String(raw.desc),
    wantErr: raw.wantErr === true,
    int: (field) => {
      assert.equal(typeof raw[field], 'string', `${file}: ${field}`);
      return Number(BigInt(raw[field] as string));
    },
    hash: (field) => b64(raw[field]),
    proof: raw.proof === null ? [] : (raw.proof as unknown[]).map(b64),
  };
}

function vectorsUnder(dir: string): Vector[] {
  const out: Vector[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json')) out.push(readVector(p));
    }
  };
  walk(join(MERKLE_TESTDATA, dir));
  return out;
}

type Check = (v: Vector) => void;

const families: Record<string, Check> = {
  inclusion: (v) => verifyInclusion(v.int('leafIdx'), v.int('treeSize'), v.hash('leafHash'), v.proof, v.hash('root')),
  consistency: (v) => verifyConsistency(v.int('size1'), v.int('size2'), v.proof, v.hash('root1'), v.hash('root2')),
  subtreeinclusion: (v) => verifySubtreeInclusion(v.int('leafIdx'), v.int('start'), v.int('end'), v.hash('leafHash'), v.proof, v.hash('root')),
  subtreeconsistency: (v) => verifySubtreeConsistency(v.int('start'), v.int('end'), v.int('size'), v.proof, v.hash('root1'), v.hash('root2')),
};

let total = 0;
for (const [family, check] of Object.entries(families)) {
  test(`merkle vectors: every ${family} vector is accepted or rejected as it says`, () => {
    const vectors = vectorsUnder(family);
    assert.ok(vectors.length >= 50, `${family}: only ${vectors.length} vectors found under ${MERKLE_TESTDATA}`);
    const wrong: string[] = [];
    for (const v of vectors) {
      try {
        check(v);
        if (v.wantErr) wrong.push(`${v.file} (${v.desc}): accepted, but should fail`);
      } catch (e) {
        if (!v.wantErr) wrong.push(`${v.file} (${v.desc}): rejected: ${(e as Error).message}`);
        else if (!isNarizError(e, 'NARIZ_MERKLE_PROOF')) wrong.push(`${v.file}: rejected with ${String(e)}, not NARIZ_MERKLE_PROOF`);
      }
    }
    total += vectors.length;
    assert.deepEqual(wrong, []);
  });
}

test('merkle vectors: all 4 families were read (every .json under testdata)', () => {
  let files = 0;
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json')) files++;
    }
  };
  walk(MERKLE_TESTDATA);
  assert.equal(total, files);
});
