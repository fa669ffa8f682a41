/**
 * The glossary's answers read from `unknown` (an entry, a page with its
 * counts and whether the caller may edit; a bad field named by its path),
 * the entry form as strings to the request body and back (variants one per
 * line or separated by commas, the fields the server needs checked before
 * sending), the translation requests with and without an engine, and a
 * glossary hit naming its entry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SchemaError } from '../src/api/schema/read.js';
import { readGlossaryPage } from '../src/api/schema/translation-glossary.js';
import { readTextTranslation } from '../src/api/schema/translation.js';
import { draftOf, emptyGlossaryDraft, glossaryBody } from '../src/translation/glossary-form.js';
import { saveRequestBody } from '../src/translation/save-request.js';
import { glossaryQueryString, translateQuery, translateTextJson } from '../src/translation/translate-request.js';

const ENTRY = {
  id: 'e1', term: 'halcón', variants: ['halcones'], neutral: 'vigilante del grupo delictivo', gloss: 'cartel lookout', literal: 'hawk, falcon', category: 'role', region: 'MX',
  note: '', action: 'replace', reviewed: false, reviewed_by: null, reviewed_at: null, created_by: 'system', created_at: '2026-11-27T10:00:00.000Z',
  updated_by: 'system', updated_at: '2026-11-27T10:00:00.000Z', version: 1,
};

test('a glossary page: entries, total, counts and whether the caller may edit; a bad field is named', () => {
  const p = readGlossaryPage({ entries: [ENTRY], total: 49, limit: 50, offset: 0, counts: { entries: 49, reviewed: 0 }, editable: true });
  assert.equal(p.total, 49);
  assert.equal(p.editable, true);
  assert.deepEqual(p.counts, { entries: 49, reviewed: 0 });
  const e = p.entries[0]!;
  assert.deepEqual([e.term, e.variants, e.literal, e.gloss, e.action, e.reviewedBy, e.version], ['halcón', ['halcones'], 'hawk, falcon', 'cartel lookout', 'replace', null, 1]);
  assert.throws(
    () => readGlossaryPage({ entries: [{ ...ENTRY, action: 'rewrite' }], total: 1, limit: 50, offset: 0, counts: { entries: 1, reviewed: 0 }, editable: false }),
    (x: unknown) => x instanceof SchemaError && x.path === 'glossary.entries[0].action',
  );
});

test('the entry form: from an entry and back, variants by line or comma, required fields and the region checked', () => {
  const p = readGlossaryPage({ entries: [ENTRY], total: 1, limit: 50, offset: 0, counts: { entries: 1, reviewed: 0 }, editable: true });
  const d = draftOf(p.entries[0]!);
  assert.equal(d.variants, 'halcones');
  const b = glossaryBody({ ...d, variants: 'halcones, halconcito\n\n Halconcitos ', neutral: ' soldado ' });
  assert.ok(b.ok);
  assert.deepEqual(b.body, { term: 'halcón', variants: ['halcones', 'halconcito', 'Halconcitos'], neutral: 'soldado', gloss: 'cartel lookout', literal: 'hawk, falcon', category: 'role', region: 'MX', note: '', action: 'replace' });
  assert.deepEqual(glossaryBody(emptyGlossaryDraft()), { ok: false, missing: ['term', 'neutral', 'gloss'] });
  assert.deepEqual(glossaryBody({ ...d, region: 'Mexico' }), { ok: false, missing: ['region'] });
  assert.equal(emptyGlossaryDraft().action, 'annotate', 'a new term is only listed unless said otherwise');
});

test('translation requests: the engine only when chosen, in the body, the upload query and the saved note; the glossary query', () => {
  assert.deepEqual(translateTextJson('Hola', 'es-en', { entities: [], glossary: true }), { text: 'Hola', direction: 'es-en', glossary: true });
  assert.deepEqual(translateTextJson('Hola', null, { entities: ['Chuy'], glossary: false, engine: 'apertium' }), { text: 'Hola', engine: 'apertium', protect: { entities: ['Chuy'] }, glossary: false });
  assert.equal(translateQuery('a.txt', 'en-es', { entities: ['A', 'B'], glossary: true, engine: 'bergamot' }), 'name=a.txt&glossary=true&direction=en-es&engine=bergamot&entities=A%3BB');
  assert.equal(translateQuery('a.txt', null, { entities: [], glossary: true }), 'name=a.txt&glossary=true');
  const hit = { text: 'halcón', start: 3, end: 9, term: 'halcón', applied: 'replaced', replacement: 'x', gloss: 'g', literal: 'l', category: 'role', region: 'MX', reviewed: false, reviewer: null };
  const seg = { source: 'El halcón.', translation: 'The x.', marks: [], entities: [], protection: 'none', fallback_reason: null };
  const caveat = { en: 'e', es: 's' };
  const tr = readTextTranslation({ ...seg, glossary: [{ ...hit, entry_id: 'e1' }], direction: 'es-en', detected: null, engine: { id: 'apertium', version: 'v' }, caveat });
  assert.equal(tr.segments[0]!.glossary[0]!.entryId, 'e1');
  assert.equal(readTextTranslation({ ...seg, glossary: [hit], direction: 'es-en', detected: null, engine: { id: 'apertium', version: 'v' }, caveat }).segments[0]!.glossary[0]!.entryId, null, 'an older server without entry ids');
  const saved = saveRequestBody(tr, { entities: [], glossary: true, engine: 'apertium' }, { classification: 'U', controls: [], relTo: [], originator: 'task force' });
  assert.ok(saved.ok);
  assert.equal(saved.body['engine'], 'apertium');
  assert.equal(glossaryQueryString({ q: ' halcón ', category: 'role', unreviewedOnly: true, limit: 50, offset: 100 }), 'limit=50&offset=100&q=halc%C3%B3n&category=role&reviewed=false');
  assert.equal(glossaryQueryString({ q: '', category: null, unreviewedOnly: false, limit: 50, offset: 0 }), 'limit=50&offset=0');
});
