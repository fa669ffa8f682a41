/**
 * Protection through real Apertium both ways: placeholders survive in
 * every position we could think of and come back exactly once; entities
 * reach the output verbatim; marks on placeholders are dropped; the
 * glossary is applied before translation (Spanish only) and listed beside
 * the output. With an engine that drops or doubles placeholders, the
 * fallback translates around the entities and says so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CaseEntityMatcher, GlossaryMatcher, loadStarterGlossary, openApertium, translateProtected, type Direction, type TranslationEngine,
} from '../src/index.js';
import { apertiumSkip as skip } from './apertium-peer.js';
import { fakeEngine } from './fake-engines.js';

const CASE = new CaseEntityMatcher([
  { name: 'Joaquín Guzmán', kind: 'person', variants: ['El Chapo'] },
  { name: 'Culiacán', kind: 'place' },
  { name: 'Smith', kind: 'person' },
  { name: 'El Halcón', kind: 'alias' },
]);

const SPANISH = [
  'El Chapo llamó a Smith desde Culiacán.',
  'Smith pagó $50,000 MXN y dos mil pesos por la casa de El Chapo.',
  'Vi a Smith. El Chapo llegó después; Smith, no.',
  '¿Dónde está Smith? (Smith) dijo: "El Chapo" y Smith-Culiacán.',
  'Llamen al +52 667 123 4567 o al 55 1234 5678.',
  'La camioneta con placas ABC-123-D llevaba al de CURP HEGG560427MVZRRL04 y RFC GODE561231GR8.',
  'Los Smith de Culiacán pagaron US$ 1.5 millones.',
  'Smith',
  'Smith Smith Smith.',
];
const ENGLISH = [
  'Smith called El Chapo from Culiacán.',
  "Smith's truck was seen in Culiacán with El Chapo.",
  'The Smith paid $5,000 for the house. Smith arrived.',
  'Call (213) 555-0199 or +1 415 555 2671; plate ABC-123-D.',
  'Where is Smith? "Smith" and Smith-Culiacán (Smith).',
  'Smith',
];

test('placeholders survive Apertium both ways in every position; each entity appears in the output exactly where it was restored', { skip }, async () => {
  const e = await openApertium();
  try {
    for (const [dir, texts] of [['es-en', SPANISH], ['en-es', ENGLISH]] as [Direction, string[]][]) {
      const out = await translateProtected(e, texts, dir, { caseEntities: CASE });
      out.forEach((r, i) => {
        assert.equal(r.protection, 'restored', `${dir} ${i}: ${r.engineInput} → ${r.text}`);
        assert.ok(r.entities.length > 0);
        r.entities.forEach((ent, k) => {
          const t = r.entityTargets[k];
          assert.ok(t !== undefined);
          assert.equal(r.text.slice(t.start, t.end), ent.text, `${dir} ${i}: entity ${k} at its target`);
        });
        assert.doesNotMatch(r.text, /ZQX\d+ZQ/i);
        assert.ok(r.marks.every((m) => r.text.slice(m.start, m.end) === m.form), 'marks moved with the restored text');
        assert.ok(r.marks.every((m) => !r.entityTargets.some((t) => m.start < t.end && t.start < m.end)), 'no mark on an entity');
      });
    }
    const [first] = await translateProtected(e, [SPANISH[0] as string], 'es-en', { caseEntities: CASE });
    assert.equal(first?.text, 'El Chapo called to Smith from Culiacán.', 'Apertium\'s capital after a leading unknown word is undone');
  } finally {
    await e.close();
  }
});

test('without protection Apertium translates names; with it they pass through', { skip }, async () => {
  const e = await openApertium({ directions: ['en-es'] });
  try {
    const [plain] = await e.translate(['Hello my name is Smith.'], 'en-es');
    assert.match(plain?.text ?? '', /Herrero/);
    const [kept] = await translateProtected(e, ['Hello my name is Smith.'], 'en-es', { caseEntities: CASE });
    assert.match(kept?.text ?? '', /nombre es Smith/);
  } finally {
    await e.close();
  }
});

test('the glossary rewrites Spanish slang before translation and lists every hit beside the output; never for English sources', { skip }, async () => {
  const glossary = new GlossaryMatcher(await loadStarterGlossary());
  const e = await openApertium();
  try {
    const [r] = await translateProtected(e, ['El Halcón dijo que el halcón trae un cuerno de chivo y mota a la cocina.'], 'es-en', { caseEntities: CASE, glossary });
    assert.ok(r !== undefined);
    assert.deepEqual(r.glossary.map((h) => [h.text, h.applied]), [['halcón', 'replaced'], ['cuerno de chivo', 'replaced'], ['mota', 'replaced'], ['cocina', 'annotated']]);
    assert.match(r.engineInput, /vigilante del grupo delictivo trae un fusil AK-47 y marihuana a la cocina/);
    assert.match(r.text, /^El Halcón said/);
    assert.match(r.text, /rifle AK-47 and marijuana/);
    const [en] = await translateProtected(e, ['The hawk has mota.'], 'en-es', { glossary });
    assert.deepEqual(en?.glossary, []);
  } finally {
    await e.close();
  }
});

function mangling(kind: 'drop' | 'double' | 'invent'): TranslationEngine & { calls: string[][] } {
  return fakeEngine('mangler', (t) => {
    if (!/ZQX\d+ZQ/.test(t)) return t.toUpperCase();
    if (kind === 'drop') return t.replace(/ZQX\d+ZQ/, '').toUpperCase();
    if (kind === 'double') return t.replace(/(ZQX\d+ZQ)/, '$1 $1').toUpperCase();
    return `${t.toUpperCase()} ZQX99ZQ`;
  });
}

test('an engine that drops, doubles or invents placeholders: translated around the entities instead, flagged with the reason', async () => {
  for (const [kind, reason] of [['drop', /dropped ZQX0ZQ/], ['double', /duplicated ZQX0ZQ/], ['invent', /invented index 99/]] as const) {
    const engine = mangling(kind);
    const [r] = await translateProtected(engine, ['Llamé a Smith desde Culiacán ayer.', 'sin nada'], 'es-en', { caseEntities: CASE });
    assert.equal(r?.protection, 'fallback', kind);
    assert.match(r?.fallbackReason ?? '', reason);
    // Pieces translated alone (upper-cased by this engine), entities copied between them, spacing kept.
    assert.equal(r?.text, 'LLAMÉ A Smith DESDE Culiacán AYER.');
    assert.deepEqual(r?.entityTargets.map((t) => r.text.slice(t.start, t.end)), ['Smith', 'Culiacán']);
    assert.deepEqual(engine.calls[1], ['Llamé a', 'desde', 'ayer.'], 'one extra engine call with the pieces');
  }
  const clean = fakeEngine('id');
  const [none] = await translateProtected(clean, ['nada que proteger'], 'es-en');
  assert.equal(none?.protection, 'none');
  assert.equal(clean.calls.length, 1);
});

test('a real Apertium behind a dropping wrapper: the fallback output still has every entity once and is translated around them', { skip }, async () => {
  const e = await openApertium({ directions: ['es-en'] });
  const dropping: TranslationEngine = {
    ...e, id: e.id, provenance: e.provenance, directions: e.directions, close: () => e.close(),
    translate: async (texts, dir, o) => (await e.translate(texts, dir, o)).map((r) => ({ ...r, text: r.text.replace(/ZQX1ZQ/, '') })),
  };
  try {
    const [r] = await translateProtected(dropping, ['El Chapo llamó a Smith desde Culiacán.'], 'es-en', { caseEntities: CASE });
    assert.equal(r?.protection, 'fallback');
    // "llamó a" translated alone gains a subject pronoun: the fallback is a degraded but safe translation.
    assert.match(r?.text ?? '', /^El Chapo .*called to Smith from Culiacán\.$/);
  } finally {
    await e.close();
  }
});
