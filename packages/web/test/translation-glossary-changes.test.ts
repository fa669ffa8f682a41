/**
 * The glossary loop from a translation: the changes made since a
 * translation was asked for (which hits say "re-translate to apply", the
 * weightiest change first, nothing before the translation's number, a new
 * entry marking no hit), the entry opened from a hit (found in a page or
 * not, the search following a rename, dropped on deletion), and the hit's
 * `entry_id` read from the answer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTextTranslation } from '../src/api/schema/translation.js';
import { changedEntriesSince, EMPTY_GLOSSARY_CHANGES, entryChangedSince, recordGlossaryChange } from '../src/translation/glossary-changes.js';
import { focusAfterDelete, focusAfterSave, focusIndex } from '../src/translation/glossary-focus.js';
import { glossaryList } from '../src/translation/glossary-list.js';

test('changes are numbered; a translation sees only those after its number', () => {
  let log = recordGlossaryChange(EMPTY_GLOSSARY_CHANGES, { id: 'a', kind: 'edited' });
  const since = log.seq;
  assert.equal(since, 1);
  assert.equal(entryChangedSince(log, since, 'a'), null, 'made before the translation was sent: already in it');
  assert.equal(entryChangedSince(log, 0, 'a'), 'edited');
  log = recordGlossaryChange(log, { id: 'a', kind: 'reviewed' });
  log = recordGlossaryChange(log, { id: 'b', kind: 'reviewed' });
  assert.equal(entryChangedSince(log, since, 'a'), 'reviewed');
  assert.equal(entryChangedSince(log, since, 'b'), 'reviewed');
  assert.equal(entryChangedSince(log, since, 'c'), null);
  assert.equal(entryChangedSince(log, since, null), null, 'a hit without an entry id (older server) is never marked');
  assert.equal(EMPTY_GLOSSARY_CHANGES.seq, 0, 'the log is not changed in place');
  assert.equal(EMPTY_GLOSSARY_CHANGES.byEntry.size, 0);
});

test('the weightiest change since wins: deleted, then edited, then reviewed; a new entry marks nothing', () => {
  let log = EMPTY_GLOSSARY_CHANGES;
  for (const kind of ['reviewed', 'edited', 'reviewed'] as const) log = recordGlossaryChange(log, { id: 'a', kind });
  assert.equal(entryChangedSince(log, 0, 'a'), 'edited', 'edited then reviewed: the text may translate differently');
  assert.equal(entryChangedSince(log, 2, 'a'), 'reviewed', 'only the review came after');
  log = recordGlossaryChange(log, { id: 'a', kind: 'deleted' });
  assert.equal(entryChangedSince(log, 0, 'a'), 'deleted');
  log = recordGlossaryChange(log, { id: 'n', kind: 'created' });
  assert.equal(entryChangedSince(log, 0, 'n'), null);
  assert.deepEqual([...changedEntriesSince(log, 0)], [['a', 'deleted']]);
  assert.deepEqual([...changedEntriesSince(log, log.seq)], []);
});

test('the entry opened from a hit: found by id in a page, the search follows a rename, a deletion drops it', () => {
  const focus = { id: 'e2', term: 'halcón' };
  assert.equal(focusIndex([{ id: 'e1' }, { id: 'e2' }], focus), 1);
  assert.equal(focusIndex([{ id: 'e1' }], focus), -1, 'not in the answer');
  assert.equal(focusIndex([{ id: 'e2' }], null), -1);
  assert.equal(focusAfterSave(focus, { id: 'e2', term: 'halcón' }), focus, 'same term: unchanged');
  assert.equal(focusAfterSave(focus, { id: 'e9', term: 'puntero' }), focus, 'another entry saved');
  assert.deepEqual(focusAfterSave(focus, { id: 'e2', term: 'halcon' }), { id: 'e2', term: 'halcon' });
  assert.equal(focusAfterSave(null, { id: 'e2', term: 'x' }), null);
  assert.equal(focusAfterDelete(focus, 'e2'), null);
  assert.equal(focusAfterDelete(focus, 'e1'), focus);
});

test('a hit names its entry; the list beside the output keeps it (one item per term)', () => {
  const hit = { text: 'halcón', start: 3, end: 9, term: 'halcón', applied: 'replaced', replacement: 'vigilante', gloss: 'cartel lookout', literal: 'hawk, falcon', category: 'role', region: 'MX', reviewed: false, reviewer: null };
  const seg = { source: 'El halcón y los halcones.', translation: 'x', marks: [], entities: [], protection: 'none', fallback_reason: null };
  const base = { direction: 'es-en', detected: null, engine: { id: 'apertium', version: '1' }, caveat: { en: 'e', es: 's' } };
  const tr = readTextTranslation({ ...base, ...seg, glossary: [{ ...hit, entry_id: 'e2' }, { ...hit, text: 'halcones', start: 16, end: 24, entry_id: 'e2' }] });
  const items = glossaryList(tr.segments);
  assert.equal(items.length, 1);
  assert.equal(items[0]!.hit.entryId, 'e2');
  assert.deepEqual(items[0]!.forms, ['halcón', 'halcones']);
  const old = readTextTranslation({ ...base, ...seg, glossary: [hit] });
  assert.equal(old.segments[0]!.glossary[0]!.entryId, null, 'an older server without entry_id');
});
