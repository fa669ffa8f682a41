/**
 * The GlossaryStore part of the store contract (glossary.ts): seeding only
 * an empty glossary (and once when two seeders race), forms unique without
 * case or accents across entries, search by a folded substring with
 * category and review filters and paging, optimistic concurrency on
 * update, review and delete (a stale version changes nothing), edits
 * clearing the review, and deletes freeing the forms.
 */
import assert from 'node:assert/strict';
import type { GlossaryEntryContent, SeedGlossaryEntry, Store } from '../src/index.js';

type WithStore = (title: string, body: (s: Store) => Promise<void>) => void;

function rejects(p: Promise<unknown>, code: string, re?: RegExp): Promise<void> {
  return assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof Error && 'code' in err, String(err));
    assert.equal(err.code, code, err.message);
    if (re !== undefined) assert.match(err.message, re);
    return true;
  });
}

const T0 = '2026-11-28T09:00:00.000Z';
const T1 = '2026-11-28T10:00:00.000Z';

const content = (term: string, o: Partial<GlossaryEntryContent> = {}): GlossaryEntryContent => ({
  term, variants: [], neutral: `neutral ${term}`, gloss: `gloss ${term}`, literal: '', category: 'other', region: 'MX', note: '', action: 'annotate', ...o,
});

const seedEntry = (id: string, term: string, o: Partial<SeedGlossaryEntry> = {}): SeedGlossaryEntry => ({ id, ...content(term), reviewedBy: undefined, reviewedAt: undefined, ...o });

export function glossaryContract(withStore: WithStore): void {
  withStore('glossary: seeded only when empty, once between racing seeders; reviewed seed entries keep their review', async (s) => {
    assert.deepEqual(await s.glossary.counts(), { entries: 0, reviewed: 0 });
    const entries = [
      seedEntry('g1', 'halcón', { variants: ['halcones'], category: 'role', literal: 'hawk, falcon', action: 'replace', neutral: 'vigilante del grupo delictivo', gloss: 'cartel lookout' }),
      seedEntry('g2', 'cocina', { category: 'lab', literal: 'kitchen', reviewedBy: 'marta', reviewedAt: '2026-10-01T00:00:00.000Z' }),
      seedEntry('g3', 'cuerno de chivo', { category: 'weapon', variants: ['cuernos de chivo'] }),
    ];
    const inserted = await Promise.all([s.glossary.seed(entries, 'system', T0), s.glossary.seed(entries, 'system', T0)]);
    assert.deepEqual(inserted.sort(), [0, 3], 'one seeder inserts, the other finds it seeded');
    assert.equal(await s.glossary.seed([seedEntry('g9', 'otro')], 'system', T0), 0, 'not empty: nothing written');
    assert.deepEqual(await s.glossary.counts(), { entries: 3, reviewed: 1 });
    const all = await s.glossary.all();
    assert.deepEqual(all.map((e) => e.term), ['cocina', 'cuerno de chivo', 'halcón'], 'term order');
    const halcon = all.find((e) => e.id === 'g1')!;
    assert.deepEqual(halcon.variants, ['halcones']);
    assert.equal(halcon.action, 'replace');
    assert.equal(halcon.version, 1);
    assert.equal(halcon.createdBy, 'system');
    assert.equal(halcon.updatedAt, T0);
    assert.equal(halcon.reviewedBy, undefined);
    const cocina = all.find((e) => e.id === 'g2')!;
    assert.equal(cocina.reviewedBy, 'marta');
    assert.equal(cocina.reviewedAt, '2026-10-01T00:00:00.000Z');
  });

  withStore('glossary: forms are unique across entries without case or accents; a collision is a conflict naming the entry and nothing is written', async (s) => {
    await s.glossary.create('a', content('halcón', { variants: ['halcones'] }), 'ana', T0);
    await rejects(s.glossary.create('b', content('HALCON'), 'ana', T0), 'NARIZ_CONFLICT', /"HALCON" is already listed by the entry "halcón"/);
    await rejects(s.glossary.create('b', content('vigía', { variants: ['Halcones'] }), 'ana', T0), 'NARIZ_CONFLICT', /halcón/);
    await rejects(s.glossary.create('a', content('otra'), 'ana', T0), 'NARIZ_CONFLICT', /exists already/);
    assert.equal((await s.glossary.all()).length, 1);
    // A form of one's own entry is no collision; a variant equal to the term is stored once.
    const b = await s.glossary.create('b', content('puntero', { variants: ['Puntero', 'punteros', 'punterazo'] }), 'ana', T0);
    assert.deepEqual(b.variants, ['Puntero', 'punteros', 'punterazo']);
    const b2 = await s.glossary.update('b', 1, content('puntero', { variants: ['punteros', 'punterito'] }), 'ana', T1);
    assert.equal(b2.version, 2);
    // The freed form can be taken by another entry; the kept one cannot.
    await s.glossary.create('c', content('Punterazo'), 'luis', T1);
    await rejects(s.glossary.update('a', 1, content('halcón', { variants: ['punterito'] }), 'luis', T1), 'NARIZ_CONFLICT', /puntero/);
    assert.equal((await s.glossary.get('a'))?.version, 1, 'the refused update changed nothing');
  });

  withStore('glossary: search by folded substring, category and review, paged with a total', async (s) => {
    await s.glossary.seed([
      seedEntry('1', 'halcón', { category: 'role', literal: 'hawk, falcon', gloss: 'cartel lookout' }),
      seedEntry('2', 'cristal', { category: 'drug', literal: 'glass', variants: ['cristalito'] }),
      seedEntry('3', 'hielo', { category: 'drug', literal: 'ice', reviewedBy: 'marta', reviewedAt: T0 }),
      seedEntry('4', 'mota', { category: 'drug', note: 'Marihuana; also a speck of dust' }),
      seedEntry('5', 'levantón', { category: 'violence' }),
    ], 'system', T0);
    const terms = async (q: Parameters<Store['glossary']['list']>[0]): Promise<[string[], number]> => {
      const p = await s.glossary.list(q);
      return [p.entries.map((e) => e.term), p.total];
    };
    assert.deepEqual(await terms({ q: 'HALCON' }), [['halcón'], 1], 'case and accents ignored');
    assert.deepEqual(await terms({ q: 'Lookout' }), [['halcón'], 1], 'the gloss is searched');
    assert.deepEqual(await terms({ q: 'cristalit' }), [['cristal'], 1], 'variants are searched');
    assert.deepEqual(await terms({ q: 'speck' }), [['mota'], 1], 'the note is searched');
    assert.deepEqual(await terms({ q: '100%_' }), [[], 0], 'no wildcards');
    assert.deepEqual(await terms({ category: 'drug' }), [['cristal', 'hielo', 'mota'], 3]);
    assert.deepEqual(await terms({ category: 'drug', reviewed: false }), [['cristal', 'mota'], 2]);
    assert.deepEqual(await terms({ reviewed: true }), [['hielo'], 1]);
    assert.deepEqual(await terms({ limit: 2 }), [['cristal', 'halcón'], 5]);
    assert.deepEqual(await terms({ limit: 2, offset: 2 }), [['hielo', 'levantón'], 5]);
    assert.deepEqual(await terms({ limit: 2, offset: 4 }), [['mota'], 5]);
  });

  withStore('glossary: update, review and delete check the version; an edit clears the review; a stale version changes nothing', async (s) => {
    const a = await s.glossary.create('a', content('halcón', { action: 'replace' }), 'ana', T0);
    assert.equal(a.version, 1);
    assert.equal(a.createdBy, 'ana');
    const r = await s.glossary.review('a', 1, 'marta', T1);
    assert.equal(r.version, 2);
    assert.equal(r.reviewedBy, 'marta');
    assert.equal(r.reviewedAt, T1);
    assert.equal(r.updatedBy, 'marta');
    await rejects(s.glossary.update('a', 1, content('halcón', { neutral: 'vigía' }), 'luis', T1), 'NARIZ_CONFLICT', /changed by marta .*version 2, you edited version 1/);
    assert.equal((await s.glossary.get('a'))?.neutral, 'neutral halcón');
    const u = await s.glossary.update('a', 2, content('halcón', { neutral: 'vigía', note: 'checked' }), 'luis', T1);
    assert.equal(u.version, 3);
    assert.equal(u.neutral, 'vigía');
    assert.equal(u.note, 'checked');
    assert.equal(u.reviewedBy, undefined, 'the content changed: the review no longer holds');
    assert.equal(u.reviewedAt, undefined);
    assert.equal(u.createdBy, 'ana');
    assert.equal(u.updatedBy, 'luis');
    assert.equal((await s.glossary.review('a', undefined, 'marta', T1)).version, 4, 'a review without a version takes what is stored');
    await rejects(s.glossary.review('zz', undefined, 'marta', T1), 'NARIZ_NOT_FOUND');
    await rejects(s.glossary.update('zz', 1, content('x'), 'luis', T1), 'NARIZ_NOT_FOUND');
    await rejects(s.glossary.delete('a', 3), 'NARIZ_CONFLICT');
    const gone = await s.glossary.delete('a', 4);
    assert.equal(gone.term, 'halcón');
    assert.equal(await s.glossary.get('a'), undefined);
    await rejects(s.glossary.delete('a', undefined), 'NARIZ_NOT_FOUND');
    // Its forms are free again.
    assert.equal((await s.glossary.create('b', content('Halcón'), 'ana', T1)).term, 'Halcón');
  });
}
