/**
 * Editing and deleting single items of the network: an assertion's form
 * opened from it as stored (one day, an interval of days, undated), the
 * PATCH of only what changed (none when nothing did; the days left alone
 * when untouched even if stored as instants; undated as nulls; checked as
 * a new one is), and what stays selected after a deletion.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkAssertion } from '../src/api/schema/network.js';
import { assertionDraftOf, assertionPatch } from '../src/network/assertion-edit.js';
import type { AssertionDraft } from '../src/network/assertion-form.js';
import { selectionAfterAssertionDeleted, selectionAfterEntityDeleted, type ChartSelection } from '../src/network/selection-after-delete.js';

const MARKING = { classification: 'U' as const, controls: [], relTo: [], originator: 'task force' };

function assertion(over: Partial<NetworkAssertion> = {}): NetworkAssertion {
  return {
    id: 'x1', from: 'carlos', to: 'dora', type: 'meeting', directed: false, sourceRef: 'INF-2026-014', sourceTitle: '',
    validFrom: '2026-03-14T00:00:00.000Z', validTo: '2026-03-14T23:59:59.999Z', grading: 'B2', count: 1, note: '', marking: MARKING, portion: '(U)', ...over,
  };
}

function patchOf(a: NetworkAssertion, over: Partial<AssertionDraft>): Record<string, unknown> {
  const c = assertionPatch(a, { ...assertionDraftOf(a), ...over });
  assert.ok(c.ok, `expected a valid edit, got ${c.ok ? '' : c.problem}`);
  return c.patch;
}

test('assertion edit: the form opens on the assertion as stored', () => {
  const d = assertionDraftOf(assertion({ sourceTitle: 'Informe', count: 3, note: 'visto', directed: true }));
  assert.deepEqual(
    { from: d.from, to: d.to, relation: d.relation, directed: d.directed, sourceRef: d.sourceRef, sourceTitle: d.sourceTitle, when: d.when, date: d.date, grading: d.grading, count: d.count, note: d.note },
    { from: 'carlos', to: 'dora', relation: 'meeting', directed: true, sourceRef: 'INF-2026-014', sourceTitle: 'Informe', when: 'date', date: '2026-03-14', grading: 'B2', count: '3', note: 'visto' },
  );
  assert.equal(d.marking.classification, 'U');
  const i = assertionDraftOf(assertion({ validFrom: '2026-03-01T00:00:00.000Z', validTo: '2026-03-31T23:59:59.999Z' }));
  assert.deepEqual([i.when, i.validFrom, i.validTo, i.date], ['interval', '2026-03-01', '2026-03-31', '']);
  const u = assertionDraftOf(assertion({ validFrom: null, validTo: null }));
  assert.deepEqual([u.when, u.date, u.validFrom, u.validTo], ['none', '', '', '']);
});

test('assertion edit: nothing changed, nothing sent', () => {
  assert.deepEqual(patchOf(assertion(), {}), {});
  // Untrimmed text as stored, and an instant that is not a whole day, are not changes the analyst made.
  assert.deepEqual(patchOf(assertion({ note: ' visto ', validFrom: '2026-03-14T10:30:00.000Z', validTo: '2026-03-14T10:30:00.000Z' }), {}), {});
});

test('assertion edit: only the fields that changed', () => {
  const a = assertion();
  assert.deepEqual(patchOf(a, { grading: 'a1' }), { grading: 'A1' });
  assert.deepEqual(patchOf(a, { relation: ' phone-call ', count: '2' }), { type: 'phone-call', count: 2 });
  assert.deepEqual(patchOf(a, { sourceRef: 'INF-2026-015', sourceTitle: 'Vigilancia' }), { source_ref: 'INF-2026-015', source_title: 'Vigilancia' });
  assert.deepEqual(patchOf(assertion({ sourceTitle: 'Viejo', note: 'n' }), { sourceTitle: '', note: '' }), { source_title: '', note: '' });
  assert.deepEqual(patchOf(a, { directed: true }), { directed: true });
  assert.deepEqual(patchOf(a, { date: '2026-03-15' }), { date: '2026-03-15' });
  assert.deepEqual(patchOf(a, { when: 'interval', validFrom: '2026-03-14', validTo: '2026-03-20' }), { valid_from: '2026-03-14', valid_to: '2026-03-20' });
  assert.deepEqual(patchOf(a, { when: 'none' }), { valid_from: null, valid_to: null });
  assert.deepEqual(patchOf(assertion({ validFrom: null, validTo: null }), { when: 'date', date: '2026-04-01' }), { date: '2026-04-01' });
  const secret = patchOf(a, { marking: { ...assertionDraftOf(a).marking, classification: 'S' } });
  assert.deepEqual(Object.keys(secret), ['marking']);
  assert.equal((secret['marking'] as { classification: string }).classification, 'S');
});

test('assertion edit: checked as a new assertion is', () => {
  const a = assertion();
  const d = assertionDraftOf(a);
  assert.deepEqual(assertionPatch(a, { ...d, relation: ' ' }), { ok: false, problem: 'relation' });
  assert.deepEqual(assertionPatch(a, { ...d, sourceRef: '' }), { ok: false, problem: 'source' });
  assert.deepEqual(assertionPatch(a, { ...d, date: '2026-02-30' }), { ok: false, problem: 'date' });
  assert.deepEqual(assertionPatch(a, { ...d, when: 'interval', validFrom: '2026-03-20', validTo: '2026-03-14' }), { ok: false, problem: 'order' });
  assert.deepEqual(assertionPatch(a, { ...d, grading: 'G7' }), { ok: false, problem: 'grading' });
  assert.deepEqual(assertionPatch(a, { ...d, count: '0' }), { ok: false, problem: 'count' });
});

test('selection after a deletion: a deleted entity or its links close; a deleted assertion moves to another of its link or closes', () => {
  const entity: ChartSelection = { kind: 'entity', id: 'gil' };
  const edge: ChartSelection = { kind: 'edge', assertionId: 'x1', from: 'gil', to: 'carlos' };
  assert.equal(selectionAfterEntityDeleted(entity, 'gil'), null);
  assert.equal(selectionAfterEntityDeleted(edge, 'gil'), null);
  assert.equal(selectionAfterEntityDeleted(edge, 'carlos'), null);
  assert.equal(selectionAfterEntityDeleted(entity, 'hugo'), entity);
  assert.equal(selectionAfterEntityDeleted(null, 'gil'), null);
  assert.deepEqual(selectionAfterAssertionDeleted(edge, 'x1', ['x1', 'x2']), { ...edge, assertionId: 'x2' });
  assert.equal(selectionAfterAssertionDeleted(edge, 'x1', ['x1']), null);
  assert.equal(selectionAfterAssertionDeleted(edge, 'x1', []), null);
  assert.equal(selectionAfterAssertionDeleted(edge, 'x2', ['x1', 'x2']), edge);
  assert.equal(selectionAfterAssertionDeleted(entity, 'x1', ['x1']), entity);
});
