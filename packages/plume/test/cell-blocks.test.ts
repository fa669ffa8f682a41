/**
 * Cell blocks (cell-blocks.ts): every cell in exactly one block, each block
 * inside its disc, blocks of about the asked size, for scattered cells,
 * regular grids and degenerate (line, single point) layouts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '@nariz/core';
import { cellBlocks } from '../src/index.js';

function check(cellsE: Float64Array, cellsN: Float64Array, perBlock: number): number {
  const blocks = cellBlocks(cellsE, cellsN, perBlock);
  const seen = new Uint8Array(cellsE.length);
  for (const b of blocks) {
    assert.ok(b.cells.length > 0);
    for (const c of b.cells) {
      assert.equal(seen[c], 0, `cell ${c} in two blocks`);
      seen[c] = 1;
      assert.ok(Math.hypot(cellsE[c]! - b.ce, cellsN[c]! - b.cn) <= b.radiusM, `cell ${c} outside its block's disc`);
    }
  }
  assert.ok(seen.every((v) => v === 1), 'every cell in a block');
  return blocks.length;
}

test('cell blocks partition the cells into discs of about the asked size', () => {
  const rng = createRng(41);
  for (let trial = 0; trial < 20; trial++) {
    const n = 1 + Math.floor(rng.uniform(0, 600));
    const cellsE = Float64Array.from({ length: n }, () => rng.uniform(-700, 700));
    const cellsN = Float64Array.from({ length: n }, () => rng.uniform(-300, 300));
    check(cellsE, cellsN, 16);
  }
  // A 51 x 51 grid in blocks of ~16: about 2601 / 16 blocks.
  const cellsE = Float64Array.from({ length: 2601 }, (_, c) => (c % 51) * 30);
  const cellsN = Float64Array.from({ length: 2601 }, (_, c) => Math.floor(c / 51) * 30);
  const count = check(cellsE, cellsN, 16);
  assert.ok(count >= 100 && count <= 260, `${count} blocks`);
  // Degenerate layouts: a line, one repeated point, nothing.
  assert.ok(check(Float64Array.from({ length: 64 }, (_, c) => c), new Float64Array(64), 16) >= 3);
  assert.equal(check(new Float64Array(10).fill(5), new Float64Array(10).fill(-5), 4), 1);
  assert.deepEqual(cellBlocks(new Float64Array(0), new Float64Array(0), 16), []);
});
