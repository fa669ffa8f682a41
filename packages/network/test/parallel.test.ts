/**
 * The worker pool gives the serial numbers bit for bit (blocks of sources
 * summed in a fixed order, whoever ran them): hops and lengths, masks,
 * directed graphs, one or two workers, none; and sampled betweenness
 * (Brandes & Pich 2007) is seeded, exact when every node is a pivot, and
 * its stated standard error covers the actual error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  betweenness, BetweennessPool, computeBetweenness, maskWithout, samplePivots, serialBetweennessExecutor, fullMask,
} from '../src/index.js';
import { gnp } from './random-graphs.js';

const bitsEqual = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

test('a pool of 2 workers, of 1, and of none give the serial result bit for bit', async () => {
  const pools = [new BetweennessPool({ workers: 2 }), new BetweennessPool({ workers: 1 }), new BetweennessPool({ workers: 0 })];
  try {
    const cases = [
      { g: gnp(700, 0.01, 1), label: 'undirected, 700 nodes (44 blocks)' },
      { g: gnp(300, 0.02, 2, { directed: true }), label: 'directed' },
      { g: gnp(300, 0.03, 3, { maxWeight: 5 }), label: 'integer lengths' },
      { g: gnp(40, 0.1, 4), label: 'small (3 blocks)' },
    ];
    for (const { g, label } of cases) {
      const serial = betweenness(g);
      const masked = betweenness(g, { alive: maskWithout(g.nodeCount, [0, 5, 7]) });
      for (const pool of pools) {
        const got = await computeBetweenness(g, { executor: pool });
        assert.ok(got.exact && bitsEqual(got.values, serial), `${label}, ${pool.threads} threads`);
        const gotMasked = await computeBetweenness(g, { executor: pool, alive: maskWithout(g.nodeCount, [0, 5, 7]) });
        assert.ok(bitsEqual(gotMasked.values, masked), `${label}, masked, ${pool.threads} threads`);
      }
    }
    assert.equal(pools[0]!.failures.length, 0);
    assert.equal(pools[0]!.activeWorkers, 2);
    // Jobs given at once run one after the other and each gets its own answer.
    const g1 = gnp(200, 0.03, 9);
    const g2 = gnp(250, 0.03, 10);
    const [r1, r2] = await Promise.all([computeBetweenness(g1, { executor: pools[0]! }), computeBetweenness(g2, { executor: pools[0]! })]);
    assert.ok(bitsEqual(r1.values, betweenness(g1)) && bitsEqual(r2.values, betweenness(g2)));
  } finally {
    for (const p of pools) await p.close();
  }
  // A closed pool still answers, on the calling thread.
  const g = gnp(50, 0.1, 11);
  assert.ok(bitsEqual((await computeBetweenness(g, { executor: pools[0]! })).values, betweenness(g)));
});

test('workers stopped in the middle of a job: the calling thread finishes their blocks, and the bits are the same', async () => {
  const g = gnp(1500, 0.006, 12);
  const serial = betweenness(g);
  const pool = new BetweennessPool({ workers: 2 });
  await computeBetweenness(gnp(30, 0.2, 1), { executor: pool }); // workers started
  const job = computeBetweenness(g, { executor: pool });
  await new Promise((resolve) => setTimeout(resolve, 30));
  await pool.close();
  assert.ok(bitsEqual((await job).values, serial));
  assert.equal(pool.activeWorkers, 0);
});

test('sampling is off unless asked, and applies only above its size threshold', async () => {
  const g = gnp(400, 0.015, 21);
  const exact = betweenness(g);
  const below = await computeBetweenness(g, { sampling: { aboveNodes: 400, pivots: 50, seed: 1 } });
  assert.ok(below.exact && bitsEqual(below.values, exact) && below.maxStandardError === 0);
  const all = await computeBetweenness(g, { sampling: { aboveNodes: 10, pivots: 400, seed: 1 } });
  assert.ok(all.exact && bitsEqual(all.values, exact));
  const sampled = await computeBetweenness(g, { sampling: { aboveNodes: 10, pivots: 100, seed: 1 } });
  assert.equal(sampled.exact, false);
  assert.equal(sampled.pivots!.length, 100);
});

test('sampled betweenness: seeded, the same on the pool, unbiased-looking, and its standard error covers the error', async () => {
  const g = gnp(600, 0.012, 31);
  const exact = betweenness(g);
  const sampling = { aboveNodes: 100, pivots: 150, seed: 7 };
  const a = await computeBetweenness(g, { sampling });
  const b = await computeBetweenness(g, { sampling, executor: serialBetweennessExecutor });
  const pool = new BetweennessPool({ workers: 2 });
  let c;
  try {
    c = await computeBetweenness(g, { sampling, executor: pool });
  } finally {
    await pool.close();
  }
  assert.ok(bitsEqual(a.values, b.values) && bitsEqual(a.values, c.values) && bitsEqual(a.standardError!, c.standardError!));
  assert.deepEqual([...a.pivots!], [...samplePivots(fullMask(600), 150, 7)]);
  assert.notDeepEqual([...a.pivots!], [...samplePivots(fullMask(600), 150, 8)]);
  // Every node within the Hoeffding bound (it holds per node with probability ≥ 95 %; here it is loose, as stated).
  for (let v = 0; v < 600; v++) assert.ok(Math.abs(a.values[v]! - exact[v]!) <= a.errorBound95, `node ${v}`);
  assert.ok(Math.abs(a.errorBound95 - (600 / 599) * Math.sqrt(Math.log(40) / 300)) < 1e-12);
  // The standard error: most nodes within 3 SE (not 99.7 %: it understates where few sources dominate, as stated),
  // shrinking with more pivots; the totals agree within 5 %.
  let inside = 0;
  let counted = 0;
  let sumExact = 0;
  let sumEst = 0;
  for (let v = 0; v < 600; v++) {
    sumExact += exact[v]!;
    sumEst += a.values[v]!;
    if (exact[v]! < 1e-4) continue;
    counted++;
    if (Math.abs(a.values[v]! - exact[v]!) <= 3 * a.standardError![v]!) inside++;
  }
  assert.ok(counted > 400 && inside / counted >= 0.85, `${inside} of ${counted} within 3 SE`);
  assert.ok(Math.abs(sumEst / sumExact - 1) < 0.05, `total ${sumEst} vs ${sumExact}`);
  const more = await computeBetweenness(g, { sampling: { ...sampling, pivots: 450 } });
  const meanSe = (r: { standardError: Float64Array | undefined }): number => r.standardError!.reduce((x, y) => x + y, 0) / 600;
  assert.ok(meanSe(more) < meanSe(a) && more.errorBound95 < a.errorBound95);
  assert.ok(a.maxStandardError > 0 && a.maxStandardError === Math.max(...a.standardError!));
});
