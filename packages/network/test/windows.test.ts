/** Change over time windows: one graph per window by the same choices, the measure in each, and the differences. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNarizError } from '@nariz/core';
import { assertionId, degree, entityId, metricsOverWindows, slidingWindows, type Entity, type LinkAssertion } from '../src/index.js';

const DAY = 86_400_000;
const who: Entity[] = ['a', 'b', 'c', 'd'].map((id) => ({ id: entityId(id) }));
const met = (n: number, s: string, t: string, day: number): LinkAssertion => ({
  id: assertionId(`m${n}`), source: entityId(s), target: entityId(t), relation: 'meeting', grading: { reliability: 'B', credibility: 2 },
  validFromMs: day * DAY, validToMs: day * DAY, provenance: 'test',
});
// Week 1: a–b, b–c. Week 2: b–c, c–d.
const record = [met(1, 'a', 'b', 1), met(2, 'b', 'c', 2), met(3, 'b', 'c', 9), met(4, 'c', 'd', 10)];

test('sliding windows cover the span', () => {
  assert.deepEqual(slidingWindows(0, 14 * DAY, 7 * DAY, 7 * DAY), [{ startMs: 0, endMs: 7 * DAY }, { startMs: 7 * DAY, endMs: 14 * DAY }]);
  assert.equal(slidingWindows(0, 14 * DAY, 7 * DAY, DAY).length, 14);
  assert.throws(() => slidingWindows(0, 1, 0, 1), (e) => isNarizError(e, 'NARIZ_USAGE'));
});

test('per-window degree and what changed: links, active entities and each entity\'s change', () => {
  const windows = slidingWindows(0, 14 * DAY, 7 * DAY, 7 * DAY);
  const all = metricsOverWindows(who, record, {}, windows, (ag) => degree(ag.graph, { normalized: false }));
  assert.equal(all.windows.length, 2);
  assert.deepEqual([...all.windows[0]!.values], [1, 2, 1, 0]);
  assert.deepEqual([...all.windows[1]!.values], [0, 1, 2, 1]);
  const d = all.diffs[0]!;
  assert.deepEqual(d.addedLinks, [['c', 'd']]);
  assert.deepEqual(d.removedLinks, [['a', 'b']]);
  assert.deepEqual(d.activated, ['d']);
  assert.deepEqual(d.deactivated, ['a']);
  assert.deepEqual(d.changes.map((c) => [c.id, c.delta]), [['a', -1], ['b', -1], ['c', 1], ['d', 1]]);
  // Only active entities: each window has its own nodes; entities missing from one are not compared.
  const active = metricsOverWindows(who, record, { nodes: 'linked-only' }, windows, (ag) => degree(ag.graph, { normalized: false }));
  assert.deepEqual(active.windows.map((w) => w.graph.nodeIds), [['a', 'b', 'c'], ['b', 'c', 'd']]);
  assert.deepEqual(active.diffs[0]!.changes.map((c) => [c.id, c.before, c.after]), [['b', 2, 1], ['c', 1, 2]]);
  assert.throws(() => metricsOverWindows(who, record, {}, windows, () => new Float64Array(1)), (e) => isNarizError(e, 'NARIZ_USAGE'));
});
