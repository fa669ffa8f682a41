/**
 * The slang glossary in PostgreSQL (the GlossaryStore contract,
 * glossary.ts). Changes lock their row (FOR UPDATE) before the version
 * check; a form taken by a concurrent writer after the check is caught by
 * glossary_forms' primary key and reported as the same conflict. Seeding
 * locks the table, so two servers starting together insert once.
 */
import type pg from 'pg';
import { NarizError } from '@nariz/core';
import {
  glossaryFormKey, glossaryForms, glossarySearchText,
  type GlossaryCounts, type GlossaryEntryAction, type GlossaryEntryContent, type GlossaryPage, type GlossaryQuery, type GlossaryRecord, type GlossaryStore, type SeedGlossaryEntry,
} from '../glossary.js';

type Tx = <T>(body: (c: pg.PoolClient) => Promise<T>) => Promise<T>;

interface EntryRow {
  id: string; term: string; variants: string[]; neutral: string; gloss: string; literal: string; category: string; region: string; note: string; action: string;
  reviewed_by: string | null; reviewed_at: Date | null; created_by: string; created_at: Date; updated_by: string; updated_at: Date; version: number;
}

const record = (r: EntryRow): GlossaryRecord => ({
  id: r.id, term: r.term, variants: r.variants, neutral: r.neutral, gloss: r.gloss, literal: r.literal, category: r.category, region: r.region,
  note: r.note, action: r.action as GlossaryEntryAction, reviewedBy: r.reviewed_by ?? undefined, reviewedAt: r.reviewed_at?.toISOString(),
  createdBy: r.created_by, createdAt: r.created_at.toISOString(), updatedBy: r.updated_by, updatedAt: r.updated_at.toISOString(), version: r.version,
});

const isPgError = (err: unknown, code: string): boolean => err instanceof Error && 'code' in err && err.code === code;
/** Byte order, as SQLite sorts, whatever the database's collation. */
const ORDER = 'ORDER BY term_key COLLATE "C", id COLLATE "C"';

export class PostgresGlossary implements GlossaryStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly tx: Tx,
  ) {}

  private async checkForms(c: pg.PoolClient, id: string, content: GlossaryEntryContent): Promise<{ form: string; key: string }[]> {
    const forms = glossaryForms(content).filter((f, i, all) => all.findIndex((g) => g.key === f.key) === i);
    const hits = await c.query<{ form_key: string; form: string; term: string; id: string }>(
      'SELECT f.form_key, f.form, e.term, e.id FROM glossary_forms f JOIN glossary_entries e ON e.id = f.entry_id WHERE f.form_key = ANY($1::text[]) AND f.entry_id <> $2',
      [forms.map((f) => f.key), id],
    );
    for (const f of forms) {
      const hit = hits.rows.find((h) => h.form_key === f.key);
      if (hit !== undefined) throw new NarizError('NARIZ_CONFLICT', `"${f.form}" is already listed by the entry "${hit.term}" (${hit.id}) as "${hit.form}"`, { path: f.form === content.term ? 'term' : 'variants' });
    }
    return forms;
  }

  private async writeForms(c: pg.PoolClient, id: string, forms: readonly { form: string; key: string }[]): Promise<void> {
    await c.query('DELETE FROM glossary_forms WHERE entry_id = $1', [id]);
    try {
      await c.query('INSERT INTO glossary_forms (form_key, entry_id, form) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])', [forms.map((f) => f.key), forms.map(() => id), forms.map((f) => f.form)]);
    } catch (err) {
      if (isPgError(err, '23505')) throw new NarizError('NARIZ_CONFLICT', `one of the forms ${forms.map((f) => `"${f.form}"`).join(', ')} was just listed by another entry`, { path: 'term' }, { cause: err });
      throw err;
    }
  }

  private async insert(c: pg.PoolClient, id: string, content: GlossaryEntryContent, review: { by: string | undefined; at: string | undefined }, by: string, at: string): Promise<void> {
    const forms = await this.checkForms(c, id, content);
    try {
      await c.query(
        `INSERT INTO glossary_entries (id, term, term_key, variants, neutral, gloss, literal, category, region, note, action, search_text, reviewed_by, reviewed_at, created_by, created_at, updated_by, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $15, $16, 1)`,
        [id, content.term, glossaryFormKey(content.term), JSON.stringify(content.variants), content.neutral, content.gloss, content.literal, content.category, content.region, content.note, content.action,
          glossarySearchText(content), review.by ?? null, review.at ?? null, by, at],
      );
    } catch (err) {
      if (isPgError(err, '23505')) throw new NarizError('NARIZ_CONFLICT', `a glossary entry with id "${id}" exists already`, undefined, { cause: err });
      throw err;
    }
    await this.writeForms(c, id, forms);
  }

  private async current(c: pg.PoolClient, id: string, version: number | undefined): Promise<EntryRow> {
    const r = (await c.query<EntryRow>('SELECT * FROM glossary_entries WHERE id = $1 FOR UPDATE', [id])).rows[0];
    if (r === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no glossary entry "${id}"`);
    if (version !== undefined && r.version !== version) {
      throw new NarizError('NARIZ_CONFLICT', `the glossary entry "${r.term}" was changed by ${r.updated_by} at ${r.updated_at.toISOString()} (version ${r.version}, you edited version ${version}); reload it and edit again`, { path: 'version' });
    }
    return r;
  }

  async seed(entries: readonly SeedGlossaryEntry[], by: string, at: string): Promise<number> {
    return this.tx(async (c) => {
      await c.query('LOCK TABLE glossary_entries IN SHARE ROW EXCLUSIVE MODE');
      const n = Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM glossary_entries')).rows[0]?.n ?? '0');
      if (n > 0) return 0;
      for (const e of entries) await this.insert(c, e.id, e, { by: e.reviewedBy, at: e.reviewedAt }, by, at);
      return entries.length;
    });
  }

  async counts(): Promise<GlossaryCounts> {
    const r = (await this.pool.query<{ entries: string; reviewed: string }>('SELECT count(*) AS entries, count(reviewed_by) AS reviewed FROM glossary_entries')).rows[0];
    return { entries: Number(r?.entries ?? 0), reviewed: Number(r?.reviewed ?? 0) };
  }

  async all(): Promise<GlossaryRecord[]> {
    return (await this.pool.query<EntryRow>(`SELECT * FROM glossary_entries ${ORDER}`)).rows.map(record);
  }

  async list(q: GlossaryQuery): Promise<GlossaryPage> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.q !== undefined && q.q.trim() !== '') {
      args.push(glossaryFormKey(q.q));
      where.push(`strpos(search_text, $${args.length}) > 0`);
    }
    if (q.category !== undefined) {
      args.push(q.category);
      where.push(`category = $${args.length}`);
    }
    if (q.reviewed !== undefined) where.push(q.reviewed ? 'reviewed_by IS NOT NULL' : 'reviewed_by IS NULL');
    const w = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    const total = Number((await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM glossary_entries ${w}`, args)).rows[0]?.n ?? '0');
    const rows = (await this.pool.query<EntryRow>(`SELECT * FROM glossary_entries ${w} ${ORDER} LIMIT $${args.length + 1} OFFSET $${args.length + 2}`, [...args, q.limit ?? 100, q.offset ?? 0])).rows;
    return { entries: rows.map(record), total };
  }

  async get(id: string): Promise<GlossaryRecord | undefined> {
    const r = (await this.pool.query<EntryRow>('SELECT * FROM glossary_entries WHERE id = $1', [id])).rows[0];
    return r === undefined ? undefined : record(r);
  }

  async create(id: string, content: GlossaryEntryContent, by: string, at: string): Promise<GlossaryRecord> {
    await this.tx((c) => this.insert(c, id, content, { by: undefined, at: undefined }, by, at));
    return (await this.get(id))!;
  }

  async update(id: string, version: number, content: GlossaryEntryContent, by: string, at: string): Promise<GlossaryRecord> {
    await this.tx(async (c) => {
      await this.current(c, id, version);
      const forms = await this.checkForms(c, id, content);
      await c.query(
        `UPDATE glossary_entries SET term = $2, term_key = $3, variants = $4, neutral = $5, gloss = $6, literal = $7, category = $8, region = $9, note = $10, action = $11, search_text = $12,
           reviewed_by = NULL, reviewed_at = NULL, updated_by = $13, updated_at = $14, version = version + 1 WHERE id = $1`,
        [id, content.term, glossaryFormKey(content.term), JSON.stringify(content.variants), content.neutral, content.gloss, content.literal, content.category, content.region, content.note, content.action,
          glossarySearchText(content), by, at],
      );
      await this.writeForms(c, id, forms);
    });
    return (await this.get(id))!;
  }

  async review(id: string, version: number | undefined, by: string, at: string): Promise<GlossaryRecord> {
    await this.tx(async (c) => {
      await this.current(c, id, version);
      await c.query('UPDATE glossary_entries SET reviewed_by = $2, reviewed_at = $3, updated_by = $2, updated_at = $3, version = version + 1 WHERE id = $1', [id, by, at]);
    });
    return (await this.get(id))!;
  }

  async delete(id: string, version: number | undefined): Promise<GlossaryRecord> {
    return this.tx(async (c) => {
      const r = await this.current(c, id, version);
      await c.query('DELETE FROM glossary_entries WHERE id = $1', [id]);
      return record(r);
    });
  }
}
