/**
 * "Change over time": the default windows from the dated assertions, the
 * form's checks and the server's window count (its `slidingWindows`), the
 * request body (the filters' choices without their window), the reader of
 * a windows run, and the rows and series drawn from it (an entity absent
 * from a window has no value there, zeros are not "first").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slidingWindows } from '@nariz/network';
import { readAnalysisRun } from '../src/api/schema/network-analysis.js';
import type { NetworkAssertion } from '../src/api/schema/network.js';
import { SchemaError } from '../src/api/schema/read.js';
import { NO_FILTERS } from '../src/network/chart-filters.js';
import { checkWindowForm, DAY_MS, defaultWindowForm, windowCount, windowsBody, type WindowPlan } from '../src/network/window-plan.js';
import { topSeries, windowRows } from '../src/network/window-series.js';

const MARKING = { classification: 'U' as const, controls: [], relTo: [], originator: 'task force' };

function dated(id: string, from: string | null, to: string | null = from): NetworkAssertion {
  return { id, from: 'a', to: 'b', type: 'meeting', directed: false, sourceRef: id, sourceTitle: '', validFrom: from, validTo: to, grading: 'B2', count: 1, note: '', marking: MARKING, portion: '(U)' };
}

test('windows: the defaults span the dated assertions, in the narrowest width giving at most six windows', () => {
  assert.equal(defaultWindowForm([dated('u', null)]), null);
  // 2026-03-02 … 2026-05-01 (end of day): 61 days → weeks would be 9 windows, two weeks 5.
  const f = defaultWindowForm([dated('x', '2026-03-02T00:00:00.000Z', '2026-03-02T23:59:59.999Z'), dated('y', '2026-05-01T00:00:00.000Z', '2026-05-01T23:59:59.999Z'), dated('u', null)]);
  assert.deepEqual(f, { first: '2026-03-02', last: '2026-05-01', widthDays: '14', stepDays: '14' });
  assert.deepEqual(defaultWindowForm([dated('x', '2026-03-02T10:00:00.000Z')]), { first: '2026-03-02', last: '2026-03-02', widthDays: '1', stepDays: '1' });
  // An interval counts by its end: 2020-01-01 … 2026-12-31 is 7 years → 365-day windows (8 of them; the widest there is).
  assert.equal(defaultWindowForm([dated('z', '2020-01-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z')])?.widthDays, '365');
});

test('windows: the form checked, and the count the server will make', () => {
  assert.deepEqual(checkWindowForm({ first: '', last: '2026-05-01', widthDays: '31', stepDays: '31' }), { ok: false, problem: 'days' });
  assert.deepEqual(checkWindowForm({ first: '2026-05-02', last: '2026-05-01', widthDays: '31', stepDays: '31' }), { ok: false, problem: 'order' });
  assert.deepEqual(checkWindowForm({ first: '2026-03-01', last: '2026-05-01', widthDays: '0', stepDays: '31' }), { ok: false, problem: 'width' });
  assert.deepEqual(checkWindowForm({ first: '2026-03-01', last: '2026-05-01', widthDays: '31', stepDays: '' }), { ok: false, problem: 'step' });
  assert.deepEqual(checkWindowForm({ first: '2000-01-01', last: '2026-05-01', widthDays: '7', stepDays: '7' }), { ok: false, problem: 'tooMany' });
  const c = checkWindowForm({ first: '2026-03-01', last: '2026-05-01', widthDays: '31', stepDays: '31' });
  assert.ok(c.ok);
  assert.deepEqual(c.plan, { startMs: Date.UTC(2026, 2, 1), endMs: Date.UTC(2026, 4, 2), widthMs: 31 * DAY_MS, stepMs: 31 * DAY_MS });
  assert.equal(c.count, 2);
  // The same count as the server's windows, for overlapping and fractional steps too.
  for (const [w, s] of [[31, 31], [14, 7], [10, 3.5], [1, 0.25]] as const) {
    const p: WindowPlan = { startMs: c.plan.startMs, endMs: c.plan.endMs, widthMs: w * DAY_MS, stepMs: s * DAY_MS };
    assert.equal(windowCount(p), slidingWindows(p.startMs, p.endMs, p.widthMs, p.stepMs).length, `${w}/${s}`);
  }
});

test('windows: the body carries the filters’ choices but never their time window', () => {
  const c = checkWindowForm({ first: '2026-03-01', last: '2026-05-01', widthDays: '31', stepDays: '7' });
  assert.ok(c.ok);
  const filters = { ...NO_FILTERS, relations: ['meeting'], minGrading: 'C3', window: { startMs: 0, endMs: 1 } };
  assert.deepEqual(windowsBody(c.plan, 'betweenness', filters, 50), {
    choices: { relations: ['meeting'], min_grading: 'C3' }, start: '2026-03-01T00:00:00.000Z', end: '2026-05-02T00:00:00.000Z', width_s: 31 * 86_400, step_s: 7 * 86_400,
    measure: 'betweenness', top: 50,
  });
});

const RUN = {
  id: 'w1', kind: 'windows', state: 'done', progress: 1, message: 'done', error: null, banner: 'UNCLASSIFIED', created_at: 'x', started_at: null, finished_at: null, request: {},
  result: {
    choices: {}, measure: 'degree', undated: 1,
    windows: [
      { start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z', nodes: 6, edges: 4, used: 4, values: { ana: 0.4, beto: 0.4, carlos: 0.6, dora: 0.2, eli: 0, f: 0 } },
      { start: '2026-04-01T00:00:00.000Z', end: '2026-05-02T00:00:00.000Z', nodes: 6, edges: 3, used: 3, values: { ana: 0, beto: 0, carlos: 0.4, dora: 0.2, eli: 0.4, f: 0.2 } },
    ],
    diffs: [{
      from: 0, to: 1, added_links: [['carlos', 'eli'], ['eli', 'f']], removed_links: [['ana', 'beto'], ['ana', 'carlos'], ['beto', 'carlos']], activated: ['eli', 'f'], deactivated: ['ana', 'beto'],
      changes: [{ id: 'ana', before: 0.4, after: 0, delta: -0.4 }],
    }],
  },
};

test('windows: the run read, and its rows and series', () => {
  const run = readAnalysisRun(RUN);
  assert.equal(run.result, null, 'not an analysis result');
  const r = run.windows;
  assert.ok(r !== null);
  assert.equal(r.measure, 'degree');
  assert.deepEqual(r.diffs[0]!.addedLinks, [['carlos', 'eli'], ['eli', 'f']]);
  const label = (id: string): string => id.toUpperCase();
  const rows = windowRows(r, label, 3);
  assert.deepEqual(rows.map((w) => [w.startMs, w.endMs, w.nodes, w.edges]), [[Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 1), 6, 4], [Date.UTC(2026, 3, 1), Date.UTC(2026, 4, 2), 6, 3]]);
  assert.deepEqual(rows[0]!.top.map((e) => [e.id, e.value, e.rank]), [['carlos', 0.6, 1], ['ana', 0.4, 2], ['beto', 0.4, 2]]);
  assert.deepEqual(rows[1]!.top.map((e) => e.id), ['carlos', 'eli', 'dora'], 'ties by label; zeros are never first');
  assert.equal(rows[0]!.diff, null);
  assert.deepEqual(rows[1]!.diff?.deactivated, ['ana', 'beto']);
  const series = topSeries(r, label, 3);
  assert.deepEqual(series.map((s) => [s.id, s.peak, s.values]), [['carlos', 0.6, [0.6, 0.4]], ['ana', 0.4, [0.4, 0]], ['beto', 0.4, [0.4, 0]]]);
  // An entity absent from a window has no value there (null), not 0.
  const gap = readAnalysisRun({ ...RUN, result: { ...RUN.result, windows: [RUN.result.windows[0], { ...RUN.result.windows[1], values: { eli: 1 } }] } }).windows!;
  assert.deepEqual(topSeries(gap, label, 2).map((s) => [s.id, s.values]), [['eli', [0, 1]], ['carlos', [0.6, null]]]);
});

test('windows: a bad result is refused with its path', () => {
  assert.throws(() => readAnalysisRun({ ...RUN, result: { ...RUN.result, diffs: [{ ...RUN.result.diffs[0], added_links: [['a']] }] } }), (e: unknown) => e instanceof SchemaError && e.path === 'analysis.result.diffs[0].added_links[0]');
  assert.throws(() => readAnalysisRun({ ...RUN, result: { ...RUN.result, measure: 'fame' } }), SchemaError);
});
