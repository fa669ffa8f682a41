/**
 * The slang glossary as the deployment's data (docs/api.md, "Translation",
 * "The glossary"), against a real server on a real SQLite file and real
 * Apertium: seeded once from the starter list, browsed and filtered by
 * analysts (a viewer is refused), edited by an admin so that the very next
 * translation applies the edit (the hit and Apertium's English change), a
 * stale version refused with 409 and nothing changed, an analyst refused
 * with 403, a review marking the entry and its hits, new entries, form
 * collisions (409) and bad fields (400 naming them), deletes, every change
 * in the audit log; a second server on the same database file keeps the
 * edits and does not seed again; a glossary file seeds a fresh database;
 * and the engines answer names the glossary without a filesystem path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, makeUser, startServer, type Reply } from './harness.js';
import { errorCode, errorMessage } from './lead-fixtures.js';

const HAVE_APERTIUM = existsSync('/usr/share/apertium/modes/spa-eng.mode') && existsSync('/usr/share/apertium/modes/eng-spa.mode');
const NEEDS_APERTIUM = HAVE_APERTIUM || process.env['CI'] !== undefined ? false : 'Apertium is not installed here (bash scripts/setup-apertium.sh)';

interface Entry {
  id: string; term: string; variants: string[]; neutral: string; gloss: string; literal: string; category: string; region: string; note: string; action: string;
  reviewed: boolean; reviewed_by: string | null; reviewed_at: string | null; created_by: string; updated_by: string; updated_at: string; version: number;
}
interface Page { entries: Entry[]; total: number; limit: number; offset: number; counts: { entries: number; reviewed: number }; editable: boolean }
interface Hit { term: string; applied: string; replacement: string | null; gloss: string; literal: string; reviewed: boolean; reviewer: string | null; entry_id: string | null }
interface TextTranslation { translation: string; glossary: Hit[]; engine: { id: string } }

const page = (r: Reply): Page => {
  assert.equal(r.status, 200, JSON.stringify(r.json));
  return r.json as Page;
};
const entry = (r: Reply, status = 200): Entry => {
  assert.equal(r.status, status, JSON.stringify(r.json));
  return r.json as Entry;
};

test('the glossary: browsed and filtered, edited by an admin and applied by the next translation, stale edits 409, analysts 403, reviews, new entries, collisions, bad fields, deletes, all audited', { skip: NEEDS_APERTIUM }, async () => {
  const s = await startServer({ translation: { enabled: true } });
  try {
    const root = { token: (await makeUser(s.store, 'root', 'admin')).token };
    const ana = { token: (await makeUser(s.store, 'ana', 'analyst')).token };
    const vic = { token: (await makeUser(s.store, 'vic', 'viewer')).token };
    const G = '/api/translation/glossary';

    // Seeded once from the starter list, every entry unreviewed; audited by the system.
    const all = page(await call(s.base, 'GET', `${G}?limit=500`, undefined, { auth: ana }));
    assert.equal(all.total, 49);
    assert.deepEqual(all.counts, { entries: 49, reviewed: 0 });
    assert.equal(all.editable, false, 'an analyst reads, does not edit');
    const folded = all.entries.map((e) => e.term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
    assert.deepEqual(folded, [...folded].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'term order, accents and case ignored');
    assert.ok(all.entries.every((e) => !e.reviewed && e.version === 1 && e.created_by === 'system'));
    const seedAudit = await s.store.audit.list({ action: 'glossary.seed' });
    assert.equal(seedAudit.length, 1);
    assert.deepEqual(seedAudit[0]!.details, { file: 'mx-slang.json', entries: 49, reviewed: 0 });
    const engines = await call(s.base, 'GET', '/api/translation/engines', undefined, { auth: vic });
    assert.deepEqual((engines.json as { glossary: unknown }).glossary, { name: 'database', entries: 49, reviewed: 0 });
    assert.ok(!JSON.stringify(engines.json).includes('mx-slang.json') && !/"\/(usr|work|home|tmp)\//.test(JSON.stringify(engines.json)), 'no filesystem path in the engines answer');

    // Browse and filter.
    const halcones = page(await call(s.base, 'GET', `${G}?q=HALCON`, undefined, { auth: ana })).entries;
    assert.deepEqual(halcones.map((e) => e.term), ['halcón', 'halconeo'], 'accents and case ignored, substrings found');
    const halcon = halcones.slice(0, 1);
    assert.equal(halcon[0]!.literal, 'hawk, falcon');
    assert.equal(halcon[0]!.gloss, 'cartel lookout');
    assert.equal(halcon[0]!.action, 'replace');
    const weapons = page(await call(s.base, 'GET', `${G}?category=weapon`, undefined, { auth: ana }));
    assert.ok(weapons.total > 0 && weapons.entries.every((e) => e.category === 'weapon'));
    assert.ok(weapons.entries.some((e) => e.term === 'cuerno de chivo'));
    assert.equal(page(await call(s.base, 'GET', `${G}?reviewed=true`, undefined, { auth: ana })).total, 0);
    assert.equal(page(await call(s.base, 'GET', `${G}?reviewed=false`, undefined, { auth: ana })).total, 49);
    const p2 = page(await call(s.base, 'GET', `${G}?limit=10&offset=10`, undefined, { auth: ana }));
    assert.deepEqual(p2.entries.map((e) => e.id), all.entries.slice(10, 20).map((e) => e.id));
    assert.equal(p2.total, 49);
    assert.equal((await call(s.base, 'GET', `${G}?category=food`, undefined, { auth: ana })).status, 400);
    const viewerList = await call(s.base, 'GET', G, undefined, { auth: vic });
    assert.equal(viewerList.status, 403, 'viewers do not translate, so they do not browse the glossary');
    assert.equal(page(await call(s.base, 'GET', G, undefined, { auth: root })).editable, true);

    // The translation before the edit: halcón rewritten to the starter's neutral form.
    const translate = async (text: string): Promise<TextTranslation> => {
      const r = await call(s.base, 'POST', '/api/translations', { text, direction: 'es-en' }, { auth: ana });
      assert.equal(r.status, 200, JSON.stringify(r.json));
      return r.json as TextTranslation;
    };
    const SENTENCE = 'El halcón vigila la casa.';
    const before = await translate(SENTENCE);
    const hit0 = before.glossary.find((h) => h.term === 'halcón')!;
    assert.equal(hit0.replacement, 'vigilante del grupo delictivo');
    assert.equal(hit0.entry_id, halcon[0]!.id, 'a hit names its entry');
    assert.match(before.translation, /watchdog of the criminal group/);

    // An analyst cannot edit; an admin can, and the next translation applies it.
    const id = halcon[0]!.id;
    const one = await call(s.base, 'GET', `${G}/${id}`, undefined, { auth: ana });
    assert.equal(one.headers.get('etag'), '"1"');
    const denied = await call(s.base, 'PATCH', `${G}/${id}`, { neutral: 'soldado' }, { auth: ana, headers: { 'if-match': '"1"' } });
    assert.equal(denied.status, 403);
    assert.equal(errorCode(denied), 'NARIZ_FORBIDDEN');
    const noVersion = await call(s.base, 'PATCH', `${G}/${id}`, { neutral: 'soldado' }, { auth: root });
    assert.equal(noVersion.status, 400);
    assert.match(errorMessage(noVersion), /If-Match/);
    const edited = entry(await call(s.base, 'PATCH', `${G}/${id}`, { neutral: 'soldado', gloss: 'cartel foot soldier', note: 'Checked against the Sinaloa reports.' }, { auth: root, headers: { 'if-match': '"1"' } }));
    assert.deepEqual([edited.neutral, edited.gloss, edited.version, edited.updated_by, edited.literal], ['soldado', 'cartel foot soldier', 2, 'root', 'hawk, falcon']);
    const after = await translate(SENTENCE);
    const hit1 = after.glossary.find((h) => h.term === 'halcón')!;
    assert.deepEqual([hit1.replacement, hit1.gloss, hit1.reviewed], ['soldado', 'cartel foot soldier', false]);
    assert.match(after.translation, /\bsoldier\b/i, `Apertium translated the new neutral form: ${after.translation}`);
    assert.doesNotMatch(after.translation, /watchdog/);

    // Someone else's older version: 409, and nothing changed.
    const stale = await call(s.base, 'PATCH', `${G}/${id}`, { neutral: 'centinela' }, { auth: root, headers: { 'if-match': '"1"' } });
    assert.equal(stale.status, 409);
    assert.equal(errorCode(stale), 'NARIZ_CONFLICT');
    assert.match(errorMessage(stale), /changed by root .*version 2, you edited version 1/);
    assert.equal(entry(await call(s.base, 'GET', `${G}/${id}`, undefined, { auth: root })).neutral, 'soldado');
    const staleBody = await call(s.base, 'PATCH', `${G}/${id}`, { neutral: 'centinela', version: 1 }, { auth: root });
    assert.equal(staleBody.status, 409, 'the version may be given in the body');

    // A review marks the entry and its hits.
    const denyReview = await call(s.base, 'POST', `${G}/${id}/review`, {}, { auth: ana });
    assert.equal(denyReview.status, 403);
    const reviewed = entry(await call(s.base, 'POST', `${G}/${id}/review`, { version: 2 }, { auth: root }));
    assert.deepEqual([reviewed.reviewed, reviewed.reviewed_by, reviewed.version], [true, 'root', 3]);
    assert.match(reviewed.reviewed_at ?? '', /^\d{4}-\d{2}-\d{2}T/);
    const hit2 = (await translate(SENTENCE)).glossary.find((h) => h.term === 'halcón')!;
    assert.deepEqual([hit2.reviewed, hit2.reviewer], [true, 'root']);
    assert.deepEqual(page(await call(s.base, 'GET', `${G}?reviewed=true`, undefined, { auth: ana })).entries.map((e) => e.term), ['halcón']);
    assert.deepEqual(((await call(s.base, 'GET', '/api/translation/engines', undefined, { auth: ana })).json as { glossary: unknown }).glossary, { name: 'database', entries: 49, reviewed: 1 });
    // Editing the content clears the review (what was reviewed is no longer what it says).
    const reEdited = entry(await call(s.base, 'PATCH', `${G}/${id}`, { literal: 'hawk; falcon (bird)' }, { auth: root, headers: { 'if-match': 'W/"3"' } }));
    assert.deepEqual([reEdited.reviewed, reEdited.version, reEdited.neutral], [false, 4, 'soldado']);

    // A new entry, applied at once; collisions and bad fields.
    const made = entry(await call(s.base, 'POST', G, { term: 'chapulín', variants: ['chapulines'], neutral: 'mensajero', gloss: 'courier', literal: 'grasshopper', category: 'role', action: 'replace' }, { auth: root }), 201);
    assert.deepEqual([made.region, made.note, made.version, made.reviewed, made.created_by], ['MX', '', 1, false, 'root']);
    const withNew = await translate('Los chapulines llegaron ayer.');
    assert.deepEqual(withNew.glossary.map((h) => [h.term, h.applied, h.replacement]), [['chapulín', 'replaced', 'mensajero']]);
    const collide = await call(s.base, 'POST', G, { term: 'Halcones', neutral: 'x', gloss: 'x', category: 'role' }, { auth: root });
    assert.equal(collide.status, 409);
    assert.match(errorMessage(collide), /"Halcones" is already listed by the entry "halcón"/);
    const collideEdit = await call(s.base, 'PATCH', `${G}/${made.id}`, { variants: ['chapulines', 'cuernos'] }, { auth: root, headers: { 'if-match': '"1"' } });
    assert.equal(collideEdit.status, 409);
    assert.match(errorMessage(collideEdit), /cuerno/);
    for (const [body, field] of [
      [{ term: '   ', neutral: 'x', gloss: 'x', category: 'role' }, /term/],
      [{ term: 'nuevo', neutral: 'x', gloss: 'x', category: 'food' }, /category/],
      [{ term: 'nuevo', neutral: 'x', gloss: 'x', category: 'role', region: 'Mexico' }, /region/],
      [{ term: 'nuevo', neutral: 'x', gloss: 'x', category: 'role', variants: ['nuevos', 'Nuevos'] }, /variants\[1\]/],
      [{ term: 'nuevo', neutral: '', gloss: 'x', category: 'role' }, /neutral/],
      [{ term: 'nuevo', gloss: 'x', category: 'role' }, /neutral/],
      [{ term: 'nuevo', neutral: 'x', gloss: 'x', category: 'role', action: 'rewrite' }, /action/],
    ] as const) {
      const r = await call(s.base, 'POST', G, body, { auth: root });
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.match(errorMessage(r), field, errorMessage(r));
    }
    assert.equal((await call(s.base, 'PATCH', `${G}/${made.id}`, { neutral: 'x' }, { auth: root, headers: { 'if-match': 'yesterday' } })).status, 400);
    assert.equal((await call(s.base, 'PATCH', `${G}/nope`, { neutral: 'x' }, { auth: root, headers: { 'if-match': '"1"' } })).status, 404);

    // Delete: a stale If-Match is 409; then it is gone and no longer applied.
    assert.equal((await call(s.base, 'DELETE', `${G}/${made.id}`, undefined, { auth: ana })).status, 403);
    assert.equal((await call(s.base, 'DELETE', `${G}/${made.id}`, undefined, { auth: root, headers: { 'if-match': '"7"' } })).status, 409);
    assert.equal((await call(s.base, 'DELETE', `${G}/${made.id}`, undefined, { auth: root, headers: { 'if-match': '"1"' } })).status, 204);
    assert.equal((await call(s.base, 'GET', `${G}/${made.id}`, undefined, { auth: root })).status, 404);
    assert.deepEqual((await translate('Los chapulines llegaron ayer.')).glossary, []);
    assert.equal((await call(s.base, 'DELETE', `${G}/${made.id}`, undefined, { auth: root })).status, 404);

    // Every change is audited with who and what.
    const audit = async (action: string): Promise<Array<{ actor: string; target: string; details: Record<string, unknown> }>> => s.store.audit.list({ action });
    const updates = await audit('glossary.update');
    assert.deepEqual(updates.map((e) => [e.actor, e.target]), [[ 'root', id ], [ 'root', id ]]);
    const first = updates.find((e) => e.details['version'] === 2)!;
    assert.deepEqual(first.details['changes'], { neutral: { from: 'vigilante del grupo delictivo', to: 'soldado' }, gloss: { from: 'cartel lookout', to: 'cartel foot soldier' }, note: { from: halcon[0]!.note, to: 'Checked against the Sinaloa reports.' } });
    assert.equal(updates.find((e) => e.details['version'] === 4)!.details['review_cleared'], true);
    assert.deepEqual((await audit('glossary.review')).map((e) => [e.actor, e.target, e.details['term']]), [['root', id, 'halcón']]);
    assert.deepEqual((await audit('glossary.create')).map((e) => [e.actor, e.details['term']]), [['root', 'chapulín']]);
    const del = await audit('glossary.delete');
    assert.deepEqual(del.map((e) => [e.actor, e.target]), [['root', made.id]]);
    assert.equal((del[0]!.details['entry'] as { gloss: string }).gloss, 'courier', 'the deleted entry is kept in the log');
  } finally {
    await s.close();
  }
});

test('the glossary survives a restart: a second server on the same database keeps the edits and does not seed again; a glossary file seeds a fresh database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nariz-glossary-'));
  try {
    const a = await startServer({ dir, translation: { enabled: true } });
    let id: string;
    let token: string;
    try {
      token = (await makeUser(a.store, 'root', 'admin')).token;
      const h = page(await call(a.base, 'GET', '/api/translation/glossary?q=tiendita', undefined, { auth: { token } })).entries[0]!;
      id = h.id;
      entry(await call(a.base, 'PATCH', `/api/translation/glossary/${id}`, { neutral: 'punto de venta de droga al menudeo', action: 'replace' }, { auth: { token }, headers: { 'if-match': '"1"' } }));
      entry(await call(a.base, 'POST', `/api/translation/glossary/${id}/review`, {}, { auth: { token } }));
      assert.equal((await call(a.base, 'DELETE', `/api/translation/glossary/${page(await call(a.base, 'GET', '/api/translation/glossary?q=mota', undefined, { auth: { token } })).entries[0]!.id}`, undefined, { auth: { token } })).status, 204);
    } finally {
      await a.close();
    }
    const b = await startServer({ dir, translation: { enabled: true } });
    try {
      const kept = entry(await call(b.base, 'GET', `/api/translation/glossary/${id}`, undefined, { auth: { token } }));
      assert.deepEqual([kept.neutral, kept.action, kept.reviewed, kept.reviewed_by, kept.version], ['punto de venta de droga al menudeo', 'replace', true, 'root', 3]);
      const p = page(await call(b.base, 'GET', '/api/translation/glossary', undefined, { auth: { token } }));
      assert.deepEqual(p.counts, { entries: 48, reviewed: 1 }, 'the deleted entry stays deleted: the file is not read again');
      assert.equal((await b.store.audit.list({ action: 'glossary.seed' })).length, 1);
    } finally {
      await b.close();
    }

    // A deployment's own file seeds a fresh database (and nothing of its path reaches the answers).
    const file = join(dir, 'mi-glosario.json');
    writeFileSync(file, JSON.stringify({
      format: 'nariz-slang-glossary', version: 1,
      entries: [
        { term: 'pollero', variants: ['polleros'], region: 'MX-SON', category: 'smuggling', neutral: 'traficante de personas', gloss: 'people smuggler', literal: 'poultry seller', action: 'annotate', reviewer: 'marta', reviewed: '2026-10-01', notes: 'Sonora border reports.' },
        { term: 'puntero', region: 'MX', category: 'role', neutral: 'vigilante', gloss: 'lookout', literal: 'pointer', action: 'annotate', reviewer: null, reviewed: null },
      ],
    }));
    const c = await startServer({ translation: { enabled: true, glossaryFile: file } });
    try {
      const root = { token: (await makeUser(c.store, 'root', 'admin')).token };
      const p = page(await call(c.base, 'GET', '/api/translation/glossary', undefined, { auth: root }));
      assert.deepEqual(p.entries.map((e) => [e.term, e.reviewed, e.reviewed_by, e.reviewed_at, e.note, e.region]), [
        ['pollero', true, 'marta', '2026-10-01T00:00:00.000Z', 'Sonora border reports.', 'MX-SON'],
        ['puntero', false, null, null, '', 'MX'],
      ]);
      const engines = JSON.stringify((await call(c.base, 'GET', '/api/translation/engines', undefined, { auth: root })).json);
      assert.ok(!engines.includes(dir) && !engines.includes('mi-glosario'), engines);
      assert.deepEqual((await c.store.audit.list({ action: 'glossary.seed' }))[0]?.details, { file: 'mi-glosario.json', entries: 2, reviewed: 1 });
    } finally {
      await c.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
