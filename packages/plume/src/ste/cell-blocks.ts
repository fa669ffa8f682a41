/**
 * Cells grouped into small spatial blocks, each with a disc that holds it.
 * Culling the data once per block (cull.ts) instead of once for a whole
 * grid keeps, for each cell, only the data that can see its neighbourhood:
 * the scans then visit fewer data for the same (exact) sums.
 */
export interface CellBlock {
  /** Indices of the block's cells, ascending. */
  readonly cells: number[];
  readonly ce: number;
  readonly cn: number;
  /** Radius of a disc about (ce, cn) holding every cell of the block, m. */
  readonly radiusM: number;
}

/** Cells grouped by squares of the plane holding about `perBlock` cells each (any cell layout). */
export function cellBlocks(cellsE: Float64Array, cellsN: Float64Array, perBlock: number): CellBlock[] {
  const nc = cellsE.length;
  if (nc === 0) return [];
  let minE = Infinity;
  let maxE = -Infinity;
  let minN = Infinity;
  let maxN = -Infinity;
  for (let c = 0; c < nc; c++) {
    minE = Math.min(minE, cellsE[c]!);
    maxE = Math.max(maxE, cellsE[c]!);
    minN = Math.min(minN, cellsN[c]!);
    maxN = Math.max(maxN, cellsN[c]!);
  }
  // Square side from the cells' density; a degenerate (line-like) layout
  // falls back to its length over the block count.
  const w = maxE - minE;
  const h = maxN - minN;
  const blocks = Math.max(1, nc / perBlock);
  const side = Math.max(w * h > 0 ? Math.sqrt((w * h) / blocks) : Math.max(w, h) / blocks, 1e-6);
  const nx = Math.max(1, Math.ceil(w / side + 1e-9));
  const buckets = new Map<number, number[]>();
  for (let c = 0; c < nc; c++) {
    const bx = Math.min(nx - 1, Math.floor((cellsE[c]! - minE) / side));
    const by = Math.floor((cellsN[c]! - minN) / side);
    const key = by * nx + bx;
    let b = buckets.get(key);
    if (b === undefined) buckets.set(key, (b = []));
    b.push(c);
  }
  const out: CellBlock[] = [];
  for (const cells of buckets.values()) {
    let ce = 0;
    let cn = 0;
    for (const c of cells) {
      ce += cellsE[c]!;
      cn += cellsN[c]!;
    }
    ce /= cells.length;
    cn /= cells.length;
    let r = 0;
    for (const c of cells) r = Math.max(r, Math.hypot(cellsE[c]! - ce, cellsN[c]! - cn));
    out.push({ cells, ce, cn, radiusM: r + 1e-6 });
  }
  return out;
}
