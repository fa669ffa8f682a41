/**
 * The translation answers read from `unknown`: a pasted text's answer (the
 * example of docs/api.md), a document's, the engines, a saved note; a
 * missing or mistyped field is a SchemaError naming its path; an entity the
 * server could not place in the translation ({-1, -1}) has no target.
 * Then the pure parts built on them: the glossary list beside the output,
 * the copy and download texts (caveat and provenance always included),
 * the save request and the case names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SchemaError } from '../src/api/schema/read.js';
import { readTranslationEngines } from '../src/api/schema/translation-engines.js';
import { readSavedTranslation } from '../src/api/schema/translation-saved.js';
import { readDocumentTranslation, readTextTranslation } from '../src/api/schema/translation.js';
import { exportDocument, exportFileName, translationText } from '../src/translation/export-text.js';
import { formatFileSize } from '../src/translation/file-size.js';
import { glossaryList } from '../src/translation/glossary-list.js';
import { MAX_NOTE_SOURCE_CHARS, parseCaseNames, saveRequestBody } from '../src/translation/save-request.js';

const CAVEAT = {
  en: 'Machine translation, not reviewed by a translator: check it against the original before relying on it.',
  es: 'Traducción automática, no revisada por un traductor: cotéjela con el original antes de basarse en ella.',
};
const ENGINE = { id: 'apertium', version: 'apertium 3.8.3-1+b2; apertium-eng-spa 0.8.1-2' };
const HALCON = {
  text: 'halcón', start: 3, end: 9, term: 'halcón', applied: 'replaced', replacement: 'vigilante del grupo delictivo', gloss: 'cartel lookout', literal: 'hawk, falcon',
  category: 'role', region: 'MX', reviewed: false, reviewer: null,
};
const SEGMENT = {
  source: 'El halcón llamó al 55 1234 5678 desde la tiendita.',
  translation: 'The watchdog of the criminal group called to the 55 1234 5678 from the tiendita.',
  marks: [{ kind: 'unknown', start: 71, end: 79, form: 'tiendita' }],
  entities: [{ kind: 'phone', text: '55 1234 5678', detail: '+15512345678|+525512345678', source: { start: 19, end: 31 }, target: { start: 49, end: 61 } }],
  protection: 'restored',
  fallback_reason: null,
  glossary: [HALCON],
};
const TEXT_ANSWER = { ...SEGMENT, direction: 'es-en', detected: null, engine: ENGINE, caveat: CAVEAT };

test('a pasted text’s answer (the api.md example) reads into one segment with its provenance', () => {
  const tr = readTextTranslation(TEXT_ANSWER);
  assert.equal(tr.direction, 'es-en');
  assert.equal(tr.document, null);
  assert.deepEqual(tr.engine, ENGINE);
  assert.deepEqual(tr.caveat, CAVEAT);
  assert.equal(tr.segments.length, 1);
  const s = tr.segments[0]!;
  assert.equal(s.translation.slice(s.entities[0]!.target!.start, s.entities[0]!.target!.end), '55 1234 5678');
  assert.equal(s.translation.slice(s.marks[0]!.start, s.marks[0]!.end), 'tiendita');
  assert.equal(s.glossary[0]!.literal, 'hawk, falcon');
  assert.equal(s.glossary[0]!.applied, 'replaced');
  assert.equal(s.fallbackReason, null);
});

test('an entity the server could not place ({-1, -1}) has no target; detected scores are kept', () => {
  const lost = { ...SEGMENT, entities: [{ ...SEGMENT.entities[0], target: { start: -1, end: -1 } }] };
  const tr = readTextTranslation({ ...TEXT_ANSWER, ...lost, detected: { es: 7, en: 1.5 } });
  assert.equal(tr.segments[0]!.entities[0]!.target, null);
  assert.deepEqual(tr.detected, { es: 7, en: 1.5 });
});

test('bad answers are SchemaErrors naming the field', () => {
  const bad = (v: unknown, path: string): void => {
    assert.throws(() => readTextTranslation(v), (e: unknown) => e instanceof SchemaError && e.path === path, path);
  };
  bad({ ...TEXT_ANSWER, direction: 'es-fr' }, 'translation.direction');
  bad({ ...TEXT_ANSWER, engine: { id: 'apertium' } }, 'translation.engine.version');
  bad({ ...TEXT_ANSWER, marks: [{ ...SEGMENT.marks[0], kind: 'odd' }] }, 'translation.marks[0].kind');
  bad({ ...TEXT_ANSWER, glossary: [{ ...HALCON, applied: 'silently' }] }, 'translation.glossary[0].applied');
  bad({ ...TEXT_ANSWER, entities: [{ ...SEGMENT.entities[0], kind: 'passport' }] }, 'translation.entities[0].kind');
  const noCaveat: Record<string, unknown> = { ...TEXT_ANSWER };
  delete noCaveat['caveat'];
  bad(noCaveat, 'translation.caveat');
});

test('a document’s answer: its segments with index and page, the document read', () => {
  const tr = readDocumentTranslation({
    direction: 'es-en', detected: { es: 12, en: 0 }, engine: ENGINE, caveat: CAVEAT,
    document: { name: 'informe.pdf', format: 'pdf', encoding: null, pages: 2, characters: 120 },
    segments: [{ index: 0, page: 1, ...SEGMENT }, { index: 1, page: 2, ...SEGMENT, glossary: [] }],
  });
  assert.deepEqual(tr.document, { name: 'informe.pdf', format: 'pdf', encoding: null, pages: 2, characters: 120 });
  assert.deepEqual(tr.segments.map((s) => [s.index, s.page]), [[0, 1], [1, 2]]);
  assert.throws(() => readDocumentTranslation({ ...TEXT_ANSWER, document: { name: 'x', format: 'odt', encoding: null, pages: null, characters: 1 }, segments: [] }), /document\.format/);
});

test('the engines: availability with reasons, defaults, glossary summary, documents', () => {
  const e = readTranslationEngines({
    enabled: true, reason: null,
    engines: [
      { id: 'bergamot', direction: 'es-en', available: false, detail: 'no Bergamot model directory configured' },
      { id: 'apertium', direction: 'es-en', available: true, detail: ENGINE.version },
    ],
    default: { 'es-en': 'apertium', 'en-es': null },
    glossary: { name: 'database', entries: 49, reviewed: 0 },
    documents: { formats: ['txt', 'docx', 'pdf'], max_bytes: 20971520, max_characters: 200000, pdf: { available: true, detail: 'pdftotext 22.12.0' } },
    caveat: CAVEAT,
  });
  assert.deepEqual(e.defaults, { 'es-en': 'apertium', 'en-es': null });
  assert.equal(e.engines[0]!.available, false);
  assert.deepEqual(e.glossary, { name: 'database', entries: 49, reviewed: 0 });
  assert.equal(e.documents.maxBytes, 20971520);
  assert.throws(() => readTranslationEngines({ enabled: true }), (x: unknown) => x instanceof SchemaError && x.path === 'engines.default');
});

test('a saved note: the evidence and the server’s own translation', () => {
  const s = readSavedTranslation({
    evidence: {
      id: 'e1', kind: 'note', ref: 'nariz-translation/1', text: 'nariz-translation/1\n…', lang: 'es',
      marking: { classification: 'U', controls: [], relTo: [], originator: 'task force' }, portion: '(U)', added_by: 'admin', added_at: '2026-11-27T10:00:00.000Z',
    },
    translation: { direction: 'es-en', detected: null, engine: ENGINE, caveat: CAVEAT, segments: [{ source: 'a', translation: 'b' }] },
  });
  assert.equal(s.evidence.ref, 'nariz-translation/1');
  assert.equal(s.engine.id, 'apertium');
  assert.deepEqual(s.segments, [{ source: 'a', translation: 'b' }]);
});

test('the glossary list: one item per term in order of first appearance, forms, counts and segments', () => {
  const cocina = { ...HALCON, text: 'Cocina', start: 0, end: 6, term: 'cocina', applied: 'annotated', replacement: null, literal: 'kitchen' };
  const tr = readDocumentTranslation({
    direction: 'es-en', detected: null, engine: ENGINE, caveat: CAVEAT, document: { name: 'a.txt', format: 'txt', encoding: 'utf-8', pages: null, characters: 10 },
    segments: [
      { index: 0, page: null, ...SEGMENT, glossary: [HALCON, cocina] },
      { index: 1, page: null, ...SEGMENT, glossary: [{ ...HALCON, text: 'HALCON' }] },
      { index: 2, page: null, ...SEGMENT, glossary: [] },
    ],
  });
  const list = glossaryList(tr.segments);
  assert.deepEqual(list.map((i) => [i.hit.term, i.count, i.forms, i.segments]), [
    ['cocina', 1, ['Cocina'], [0]],
    ['halcón', 2, ['halcón', 'HALCON'], [0, 1]],
  ]);
  assert.equal(list[0]!.hit.literal, 'kitchen');
});

test('copy gives the translation alone; the download carries the caveat in both languages and the provenance', () => {
  const tr = readTextTranslation(TEXT_ANSWER);
  assert.equal(translationText(tr), SEGMENT.translation);
  const labels = { engine: 'Engine', direction: 'Direction', source: 'Source', sourceValue: 'pasted text', original: 'Original', translation: 'Translation' };
  const doc = exportDocument(tr, labels);
  assert.ok(doc.startsWith(`${CAVEAT.en}\n${CAVEAT.es}\n`));
  assert.ok(doc.includes(`Engine: apertium (${ENGINE.version})`));
  assert.ok(doc.includes('Direction: es-en'));
  assert.ok(doc.includes(`Original (es)\n${SEGMENT.source}\n\nTranslation (en)\n${SEGMENT.translation}`));
  assert.equal(exportFileName(tr), 'translation-es-en.txt');
  assert.equal(exportFileName({ direction: 'en-es', document: { name: 'report.v2.docx', format: 'docx', encoding: null, pages: null, characters: 1 } }), 'report.v2.es.txt');
});

test('the save request: a text or a document’s segments, the direction used, the options, the marking; too long is said before sending', () => {
  const marking = { classification: 'U', controls: [], relTo: ['MEX', 'USA'], originator: 'task force' } as const;
  const tr = readTextTranslation(TEXT_ANSWER);
  const b = saveRequestBody(tr, { entities: ['Chuy Ramírez'], glossary: false }, marking);
  assert.ok(b.ok);
  assert.deepEqual(b.body, { text: SEGMENT.source, direction: 'es-en', glossary: false, protect: { entities: ['Chuy Ramírez'] }, marking: { classification: 'U', controls: [], relTo: ['MEX', 'USA'], originator: 'task force' } });
  const docTr = readDocumentTranslation({
    direction: 'es-en', detected: null, engine: ENGINE, caveat: CAVEAT, document: { name: 'a.docx', format: 'docx', encoding: null, pages: null, characters: 10 },
    segments: [{ index: 0, page: null, ...SEGMENT }, { index: 1, page: null, ...SEGMENT, source: 'Dos.' }],
  });
  const d = saveRequestBody(docTr, { entities: [], glossary: true }, marking);
  assert.ok(d.ok);
  assert.deepEqual(d.body['segments'], [SEGMENT.source, 'Dos.']);
  assert.deepEqual(d.body['document'], { name: 'a.docx', format: 'docx' });
  assert.equal(d.body['protect'], undefined);
  const long = readTextTranslation({ ...TEXT_ANSWER, source: 'a'.repeat(MAX_NOTE_SOURCE_CHARS + 1) });
  const l = saveRequestBody(long, { entities: [], glossary: true }, marking);
  assert.deepEqual(l, { ok: false, tooLong: { chars: MAX_NOTE_SOURCE_CHARS + 1, max: MAX_NOTE_SOURCE_CHARS } });
});

test('case names: one per line or separated by ";", trimmed, without blanks or repeats', () => {
  assert.deepEqual(parseCaseNames(' Chuy Ramírez \n\nEl Halcón; Rancho Viejo ;Chuy Ramírez\n'), ['Chuy Ramírez', 'El Halcón', 'Rancho Viejo']);
  assert.deepEqual(parseCaseNames(''), []);
});

test('file sizes', () => {
  assert.equal(formatFileSize('en', 512), '512 B');
  assert.equal(formatFileSize('en', 1536), '1.5 KiB');
  assert.equal(formatFileSize('en', 20 * 1024 * 1024), '20 MiB');
});
