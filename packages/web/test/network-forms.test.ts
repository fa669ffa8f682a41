/**
 * Editing single items of the network by hand: the entity form (checks,
 * aliases, the body of a new entity, a PATCH of only what changed, the
 * place cleared with nulls) and the assertion form (checks in order, a day
 * or an interval of days as the server reads them, defaults left out).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkEntity } from '../src/api/schema/network.js';
import { emptyDraft } from '../src/leads/marking-draft.js';
import { assertionDraftFrom, checkAssertion, type AssertionDraft } from '../src/network/assertion-form.js';
import { checkEntity, entityDraftOf, entityPatch, newEntityBody, splitAliases, type EntityDraft } from '../src/network/entity-form.js';

const MARKING = { classification: 'U' as const, controls: [], relTo: [], originator: 'task force' };

function entity(over: Partial<NetworkEntity> = {}): NetworkEntity {
  return { id: 'e1', type: 'person', label: 'Ana Ruiz', aliases: ['La Güera'], attributes: {}, lat: 29.1, lon: -110.9, leadId: null, mergedInto: null, marking: MARKING, portion: '(U)', ...over };
}

function fields(d: EntityDraft) {
  const c = checkEntity(d);
  assert.ok(c.ok, `expected a valid draft, got ${c.ok ? '' : c.problem}`);
  return c.value;
}

test('entity form: aliases split at commas and new lines, trimmed, without repeats', () => {
  assert.deepEqual(splitAliases(' El Flaco, Flaco ,\nEl Flaco,, '), ['El Flaco', 'Flaco']);
  assert.deepEqual(splitAliases(''), []);
});

test('entity form: a name, both coordinates or neither, each in range', () => {
  const d = entityDraftOf(null, 'task force');
  assert.deepEqual(checkEntity(d), { ok: false, problem: 'label' });
  assert.deepEqual(checkEntity({ ...d, label: '   ' }), { ok: false, problem: 'label' });
  assert.deepEqual(checkEntity({ ...d, label: 'x'.repeat(301) }), { ok: false, problem: 'labelLength' });
  assert.deepEqual(checkEntity({ ...d, label: 'A', lat: '29' }), { ok: false, problem: 'location' });
  assert.deepEqual(checkEntity({ ...d, label: 'A', lat: '91', lon: '0' }), { ok: false, problem: 'lat' });
  assert.deepEqual(checkEntity({ ...d, label: 'A', lat: '29,1', lon: '0' }), { ok: false, problem: 'lat' });
  assert.deepEqual(checkEntity({ ...d, label: 'A', lat: '29', lon: '-180.5' }), { ok: false, problem: 'lon' });
  assert.deepEqual(checkEntity({ ...d, label: 'A', aliases: Array.from({ length: 51 }, (_, i) => `a${i}`).join(',') }), { ok: false, problem: 'aliases' });
  const ok = fields({ ...d, label: '  Beto  ', type: 'vehicle', aliases: 'B1, B2', lat: ' -29.5 ', lon: '+110' });
  assert.deepEqual(ok, { label: 'Beto', type: 'vehicle', aliases: ['B1', 'B2'], location: { lat: -29.5, lon: 110 }, marking: d.marking });
});

test('entity form: the body of a new entity leaves out what is empty and carries the marking', () => {
  const d = { ...entityDraftOf(null, 'task force'), label: 'Dora Lab', type: 'lab' as const, marking: { ...emptyDraft('unit 7'), classification: 'C' as const, controls: ['NOFORN' as const] } };
  assert.deepEqual(newEntityBody(fields(d)), {
    type: 'lab', label: 'Dora Lab', marking: { classification: 'C', controls: ['NOFORN'], relTo: [], originator: 'unit 7' },
  });
  assert.deepEqual(newEntityBody(fields({ ...d, aliases: 'DL', lat: '1', lon: '2' })), {
    type: 'lab', label: 'Dora Lab', aliases: ['DL'], lat: 1, lon: 2, marking: { classification: 'C', controls: ['NOFORN'], relTo: [], originator: 'unit 7' },
  });
});

test('entity form: an edit sends only what changed; clearing the place sends nulls', () => {
  const e = entity();
  const same = entityDraftOf(e, 'someone else');
  assert.equal(same.aliases, 'La Güera');
  assert.deepEqual(entityPatch(e, fields(same)), {}, 'nothing changed, nothing sent (the originator is the entity’s, not the user’s)');
  assert.deepEqual(entityPatch(e, fields({ ...same, label: 'Ana María Ruiz', aliases: 'La Güera, Anita' })), { label: 'Ana María Ruiz', aliases: ['La Güera', 'Anita'] });
  assert.deepEqual(entityPatch(e, fields({ ...same, lat: '', lon: '' })), { lat: null, lon: null });
  assert.deepEqual(entityPatch(e, fields({ ...same, lon: '-111' })), { lat: 29.1, lon: -111 });
  assert.deepEqual(entityPatch(entity({ lat: null, lon: null }), fields({ ...same, lat: '1', lon: '2' })), { lat: 1, lon: 2 });
  assert.deepEqual(entityPatch(e, fields({ ...same, type: 'organisation', marking: { ...same.marking, classification: 'S' } })), {
    type: 'organisation', marking: { classification: 'S', controls: [], relTo: [], originator: 'task force' },
  });
});

function assertionDraft(over: Partial<AssertionDraft> = {}): AssertionDraft {
  return { ...assertionDraftFrom('ana', 'task force'), to: 'beto', sourceRef: ' INF-2026-100 ', date: '2026-03-20', ...over };
}

test('assertion form: the checks, in order', () => {
  assert.deepEqual(checkAssertion(assertionDraft({ to: '' })), { ok: false, problem: 'to' });
  assert.deepEqual(checkAssertion(assertionDraft({ to: 'ana' })), { ok: false, problem: 'same' });
  assert.deepEqual(checkAssertion(assertionDraft({ relation: ' ' })), { ok: false, problem: 'relation' });
  assert.deepEqual(checkAssertion(assertionDraft({ relation: 'r'.repeat(65) })), { ok: false, problem: 'relation' });
  assert.deepEqual(checkAssertion(assertionDraft({ sourceRef: '' })), { ok: false, problem: 'source' });
  assert.deepEqual(checkAssertion(assertionDraft({ date: '' })), { ok: false, problem: 'date' });
  assert.deepEqual(checkAssertion(assertionDraft({ date: '2026-02-30' })), { ok: false, problem: 'date' });
  assert.deepEqual(checkAssertion(assertionDraft({ when: 'interval', validFrom: '2026-03-01' })), { ok: false, problem: 'interval' });
  assert.deepEqual(checkAssertion(assertionDraft({ when: 'interval', validFrom: '2026-03-10', validTo: '2026-03-09' })), { ok: false, problem: 'order' });
  assert.deepEqual(checkAssertion(assertionDraft({ grading: 'G7' })), { ok: false, problem: 'grading' });
  assert.deepEqual(checkAssertion(assertionDraft({ count: '0' })), { ok: false, problem: 'count' });
  assert.deepEqual(checkAssertion(assertionDraft({ count: 'x' })), { ok: false, problem: 'count' });
});

test('assertion form: a day, an interval, or undated; defaults left out of the body', () => {
  const marking = { classification: 'U', controls: [], relTo: [], originator: 'task force' };
  assert.deepEqual(checkAssertion(assertionDraft()), {
    ok: true, body: { from: 'ana', to: 'beto', type: 'meeting', source_ref: 'INF-2026-100', date: '2026-03-20', grading: 'F6', marking },
  });
  assert.deepEqual(checkAssertion(assertionDraft({ when: 'interval', validFrom: '2026-03-01', validTo: '2026-03-01', grading: 'b2', directed: true, count: '3', note: ' seen twice ', sourceTitle: 'Informe' })), {
    ok: true,
    body: {
      from: 'ana', to: 'beto', type: 'meeting', directed: true, source_ref: 'INF-2026-100', source_title: 'Informe', valid_from: '2026-03-01', valid_to: '2026-03-01', grading: 'B2', count: 3,
      note: 'seen twice', marking,
    },
  });
  const undated = checkAssertion(assertionDraft({ when: 'none', date: 'ignored' }));
  assert.ok(undated.ok);
  assert.equal('date' in undated.body || 'valid_from' in undated.body, false);
});
