/**
 * The engine registry: preference order, per-direction availability with
 * reasons, the error when a direction has no engine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNarizError, NarizError } from '@nariz/core';
import { openEngineRegistry, type EngineCandidate } from '../src/index.js';
import { fakeEngine } from './fake-engines.js';

test('the first candidate that opens serves each direction; the others and the failures are reported', async () => {
  const candidates: EngineCandidate[] = [
    { id: 'neural', open: async () => Object.assign(fakeEngine('neural', (t) => t, ['es-en']), { notAvailable: { 'en-es': 'no model.enes.intgemm.alphas.bin' } }) },
    { id: 'broken', open: () => Promise.reject(new NarizError('NARIZ_TRANSLATE', 'not installed')) },
    { id: 'rules', open: async () => fakeEngine('rules') },
  ];
  const reg = await openEngineRegistry(candidates);
  assert.equal(reg.engineFor('es-en').id, 'neural');
  assert.equal(reg.engineFor('en-es').id, 'rules');
  assert.deepEqual(
    reg.availability.map((a) => [a.id, a.direction, a.available, a.detail]),
    [
      ['neural', 'es-en', true, 'test'],
      ['neural', 'en-es', false, 'no model.enes.intgemm.alphas.bin'],
      ['broken', 'es-en', false, 'not installed'],
      ['broken', 'en-es', false, 'not installed'],
      ['rules', 'es-en', true, 'test'],
      ['rules', 'en-es', true, 'test'],
    ],
  );
  assert.equal(reg.get('rules')?.id, 'rules');
  assert.equal(reg.get('broken'), undefined);
  await reg.close();
});

test('no engine for a direction: NARIZ_TRANSLATE listing every reason', async () => {
  const reg = await openEngineRegistry([
    { id: 'a', open: () => Promise.reject(new NarizError('NARIZ_TRANSLATE', 'apertium missing: run scripts/setup-apertium.sh')) },
    { id: 'b', open: async () => fakeEngine('b', (t) => t, ['es-en']) },
  ]);
  assert.throws(() => reg.engineFor('en-es'), (e) => isNarizError(e, 'NARIZ_TRANSLATE') && /no translation engine for en-es \(a: apertium missing: run scripts\/setup-apertium\.sh; b: not opened for en-es\)/.test(e.message));
  await reg.close();
});
