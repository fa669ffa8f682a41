/**
 * The slang glossary: the shipped starter list parses and is entirely
 * unreviewed; matching is accent- and case-insensitive on whole words,
 * longest form first, outside protected spans; replace entries rewrite,
 * annotate entries only report; malformed files are NARIZ_GLOSSARY with
 * the JSON path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isNarizError } from '@nariz/core';
import { GlossaryMatcher, isReviewed, loadGlossary, loadStarterGlossary, matchCase, parseGlossary, STARTER_GLOSSARY_FILE, type GlossaryEntry } from '../src/index.js';

function entry(over: Partial<GlossaryEntry> & { term: string }): GlossaryEntry {
  return {
    variants: [], region: 'MX', category: 'drug', neutral: 'droga', gloss: 'drug', literal: '', action: 'replace', reviewer: null, reviewed: null, ...over,
  };
}

test('the starter list: about 40+ Mexican terms, each with neutral Spanish, gloss and literal meaning; all unreviewed; forms unique', async () => {
  const g = await loadStarterGlossary();
  assert.ok(g.entries.length >= 40, `${g.entries.length} entries`);
  assert.equal(g.source, STARTER_GLOSSARY_FILE);
  for (const e of g.entries) {
    assert.equal(isReviewed(e), false, `${e.term} must stay unreviewed until a reviewer signs it`);
    assert.ok(e.neutral !== '' && e.gloss !== '', e.term);
  }
  const terms = g.entries.map((e) => e.term);
  for (const t of ['cristal', 'cocina', 'halcón', 'mota', 'perico', 'cuerno de chivo', 'plaza', 'merca', 'jale', 'tiendita']) assert.ok(terms.includes(t), t);
  // Terms whose innocent sense is common are annotated, not rewritten.
  for (const t of ['cocina', 'plaza', 'cristal', 'jale']) assert.equal(g.entries.find((e) => e.term === t)?.action, 'annotate', t);
});

test('matching: accents and case ignored, whole words only, longest form first, protected spans skipped; case kept on replacement', async () => {
  const m = new GlossaryMatcher(await loadStarterGlossary());
  const text = 'El HALCON vio un Cuerno de Chivo y otro cuerno en la cocina; cristalería no; halcones y mota.';
  const { text: out, hits } = m.apply(text);
  assert.deepEqual(hits.map((h) => [h.text, h.applied, h.replacement ?? null]), [
    ['HALCON', 'replaced', 'VIGILANTE DEL GRUPO DELICTIVO'],
    ['Cuerno de Chivo', 'replaced', 'Fusil AK-47'],
    ['cuerno', 'annotated', null],
    ['cocina', 'annotated', null],
    ['halcones', 'replaced', 'vigilante del grupo delictivo'],
    ['mota', 'replaced', 'marihuana'],
  ]);
  assert.equal(out, 'El VIGILANTE DEL GRUPO DELICTIVO vio un Fusil AK-47 y otro cuerno en la cocina; cristalería no; vigilante del grupo delictivo y marihuana.');
  for (const h of hits) assert.equal(text.slice(h.start, h.end), h.text, 'offsets are in the original text');
  const aliased = m.find('Llegó El Halcón con mota', { exclude: [{ start: 6, end: 15 }] });
  assert.deepEqual(aliased.map((h) => h.text), ['mota'], 'an alias protected as a name is not slang');
  assert.ok(m.find('halcón', { replace: false }).every((h) => h.applied === 'annotated'));
  assert.equal(matchCase('Mota', 'marihuana'), 'Marihuana');
  assert.equal(matchCase('MOTA', 'marihuana'), 'MARIHUANA');
});

test('unreviewed entries can be left out; reviewed ones are marked reviewed', () => {
  const g = parseGlossary({
    format: 'nariz-slang-glossary', version: 1,
    entries: [entry({ term: 'perico', neutral: 'cocaína', reviewer: 'Analista 7', reviewed: '2026-01-15' }), entry({ term: 'mota', neutral: 'marihuana' })],
  });
  const m = new GlossaryMatcher(g);
  assert.deepEqual(m.find('perico y mota').map((h) => [h.text, h.reviewed]), [['perico', true], ['mota', false]]);
  assert.deepEqual(m.find('perico y mota', { includeUnreviewed: false }).map((h) => h.text), ['perico']);
});

test('malformed glossaries: NARIZ_GLOSSARY with the file and the path of the bad field', async () => {
  const doc = (entries: unknown[]): unknown => ({ format: 'nariz-slang-glossary', version: 1, entries });
  const cases: [unknown, RegExp][] = [
    [[], /must be a JSON object/],
    [{ format: 'other', version: 1, entries: [] }, /at format: "format"/],
    [{ format: 'nariz-slang-glossary', version: 2, entries: [] }, /at version/],
    [doc([entry({ term: 'x', neutral: '' })]), /at entries\[0\]\.neutral/],
    [doc([{ ...entry({ term: 'x' }), region: 'Mexico' }]), /at entries\[0\]\.region/],
    [doc([{ ...entry({ term: 'x' }), action: 'rewrite' }]), /at entries\[0\]\.action/],
    [doc([{ ...entry({ term: 'x' }), category: 'snacks' }]), /at entries\[0\]\.category/],
    [doc([entry({ term: 'x', reviewer: 'A' })]), /at entries\[0\]\.reviewed: a review needs both/],
    [doc([entry({ term: 'x', reviewer: 'A', reviewed: '2026-02-30' })]), /at entries\[0\]\.reviewed: "reviewed" must be a date/],
    [doc([entry({ term: 'x' }), entry({ term: 'y', variants: ['X'] })]), /at entries\[1\]: "X" is already listed by entries\[0\]/],
    [doc([{ ...entry({ term: 'x' }), variants: 'y' }]), /at entries\[0\]\.variants/],
  ];
  for (const [d, message] of cases) {
    assert.throws(() => parseGlossary(d), (e) => isNarizError(e, 'NARIZ_GLOSSARY') && message.test(e.message), String(message));
  }
  const dir = mkdtempSync(join(tmpdir(), 'nariz-glossary-'));
  try {
    writeFileSync(join(dir, 'bad.json'), '{ "format": ');
    await assert.rejects(loadGlossary(join(dir, 'bad.json')), (e) => isNarizError(e, 'NARIZ_GLOSSARY') && e.message.startsWith(join(dir, 'bad.json')));
    writeFileSync(join(dir, 'entry.json'), JSON.stringify(doc([entry({ term: 'x', gloss: '' })])));
    await assert.rejects(loadGlossary(join(dir, 'entry.json')), (e) => isNarizError(e, 'NARIZ_GLOSSARY') && e.message === `${join(dir, 'entry.json')}, at entries[0].gloss: "gloss" must be a non-empty string`);
    await assert.rejects(loadGlossary(join(dir, 'missing.json')), (e) => isNarizError(e, 'NARIZ_IO'));
  } finally {
    rmSync(dir, { recursive: true });
  }
});
