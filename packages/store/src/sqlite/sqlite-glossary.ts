/** The slang glossary in SQLite (the GlossaryStore contract, glossary.ts). */
import type Database from 'better-sqlite3';
import { NarizError } from '@nariz/core';
import {
  glossaryFormKey, glossaryForms, glossarySearchText,
  type GlossaryCounts, type GlossaryEntryAction, type GlossaryEntryContent, type GlossaryPage, type GlossaryQuery, type GlossaryRecord, type GlossaryStore, type SeedGlossaryEntry,
} from '../glossary.js';

interface EntryRow {
  id: string; term: string; variants: string; neutral: string; gloss: string; literal: string; category: string; region: string; note: string; action: string;
  reviewed_by: string | null; reviewed_at: string | null; created_by: string; created_at: string; updated_by: string; updated_at: string; version: number;
}

const record = (r: EntryRow): GlossaryRecord => ({
  id: r.id, term: r.term, variants: JSON.parse(r.variants) as string[], neutral: r.neutral, gloss: r.gloss, literal: r.literal, category: r.category, region: r.region,
  note: r.note, action: r.action as GlossaryEntryAction, reviewedBy: r.reviewed_by ?? undefined, reviewedAt: r.reviewed_at ?? undefined,
  createdBy: r.created_by, createdAt: r.created_at, updatedBy: r.updated_by, updatedAt: r.updated_at, version: r.version,
});

export class SqliteGlossary implements GlossaryStore {
  constructor(private readonly db: Database.Database) {}

  /** NARIZ_CONFLICT when one of the forms belongs to another entry. */
  private checkForms(id: string, c: GlossaryEntryContent): { form: string; key: string }[] {
    const forms = glossaryForms(c).filter((f, i, all) => all.findIndex((g) => g.key === f.key) === i);
    const q = this.db.prepare('SELECT f.form, e.term, e.id FROM glossary_forms f JOIN glossary_entries e ON e.id = f.entry_id WHERE f.form_key = ? AND f.entry_id <> ?');
    for (const f of forms) {
      const hit = q.get(f.key, id) as { form: string; term: string; id: string } | undefined;
      if (hit !== undefined) throw new NarizError('NARIZ_CONFLICT', `"${f.form}" is already listed by the entry "${hit.term}" (${hit.id}) as "${hit.form}"`, { path: f.form === c.term ? 'term' : 'variants' });
    }
    return forms;
  }

  private writeForms(id: string, forms: readonly { form: string; key: string }[]): void {
    this.db.prepare('DELETE FROM glossary_forms WHERE entry_id = ?').run(id);
    const ins = this.db.prepare('INSERT INTO glossary_forms (form_key, entry_id, form) VALUES (?, ?, ?)');
    for (const f of forms) ins.run(f.key, id, f.form);
  }

  private insert(id: string, c: GlossaryEntryContent, review: { by: string | undefined; at: string | undefined }, by: string, at: string): void {
    const forms = this.checkForms(id, c);
    this.db
      .prepare(
        `INSERT INTO glossary_entries (id, term, term_key, variants, neutral, gloss, literal, category, region, note, action, search_text, reviewed_by, reviewed_at, created_by, created_at, updated_by, updated_at, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      )
      .run(id, c.term, glossaryFormKey(c.term), JSON.stringify(c.variants), c.neutral, c.gloss, c.literal, c.category, c.region, c.note, c.action, glossarySearchText(c), review.by ?? null, review.at ?? null, by, at, by, at);
    this.writeForms(id, forms);
  }

  async seed(entries: readonly SeedGlossaryEntry[], by: string, at: string): Promise<number> {
    return this.db.transaction(() => {
      const n = (this.db.prepare('SELECT count(*) AS n FROM glossary_entries').get() as { n: number }).n;
      if (n > 0) return 0;
      for (const e of entries) this.insert(e.id, e, { by: e.reviewedBy, at: e.reviewedAt }, by, at);
      return entries.length;
    }).immediate();
  }

  async counts(): Promise<GlossaryCounts> {
    const r = this.db.prepare('SELECT count(*) AS entries, count(reviewed_by) AS reviewed FROM glossary_entries').get() as { entries: number; reviewed: number };
    return { entries: r.entries, reviewed: r.reviewed };
  }

  async all(): Promise<GlossaryRecord[]> {
    return (this.db.prepare('SELECT * FROM glossary_entries ORDER BY term_key, id').all() as EntryRow[]).map(record);
  }

  async list(q: GlossaryQuery): Promise<GlossaryPage> {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (q.q !== undefined && q.q.trim() !== '') {
      where.push('instr(search_text, ?) > 0');
      args.push(glossaryFormKey(q.q));
    }
    if (q.category !== undefined) {
      where.push('category = ?');
      args.push(q.category);
    }
    if (q.reviewed !== undefined) where.push(q.reviewed ? 'reviewed_by IS NOT NULL' : 'reviewed_by IS NULL');
    const w = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    const total = (this.db.prepare(`SELECT count(*) AS n FROM glossary_entries ${w}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM glossary_entries ${w} ORDER BY term_key, id LIMIT ? OFFSET ?`).all(...args, q.limit ?? 100, q.offset ?? 0) as EntryRow[];
    return { entries: rows.map(record), total };
  }

  async get(id: string): Promise<GlossaryRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM glossary_entries WHERE id = ?').get(id) as EntryRow | undefined;
    return r === undefined ? undefined : record(r);
  }

  private current(id: string, version: number | undefined): EntryRow {
    const r = this.db.prepare('SELECT * FROM glossary_entries WHERE id = ?').get(id) as EntryRow | undefined;
    if (r === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no glossary entry "${id}"`);
    if (version !== undefined && r.version !== version) {
      throw new NarizError('NARIZ_CONFLICT', `the glossary entry "${r.term}" was changed by ${r.updated_by} at ${r.updated_at} (version ${r.version}, you edited version ${version}); reload it and edit again`, { path: 'version' });
    }
    return r;
  }

  async create(id: string, c: GlossaryEntryContent, by: string, at: string): Promise<GlossaryRecord> {
    this.db.transaction(() => {
      if (this.db.prepare('SELECT 1 FROM glossary_entries WHERE id = ?').get(id) !== undefined) throw new NarizError('NARIZ_CONFLICT', `a glossary entry with id "${id}" exists already`);
      this.insert(id, c, { by: undefined, at: undefined }, by, at);
    }).immediate();
    return (await this.get(id))!;
  }

  async update(id: string, version: number, c: GlossaryEntryContent, by: string, at: string): Promise<GlossaryRecord> {
    this.db.transaction(() => {
      this.current(id, version);
      const forms = this.checkForms(id, c);
      this.db
        .prepare(
          `UPDATE glossary_entries SET term = ?, term_key = ?, variants = ?, neutral = ?, gloss = ?, literal = ?, category = ?, region = ?, note = ?, action = ?, search_text = ?,
             reviewed_by = NULL, reviewed_at = NULL, updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
        )
        .run(c.term, glossaryFormKey(c.term), JSON.stringify(c.variants), c.neutral, c.gloss, c.literal, c.category, c.region, c.note, c.action, glossarySearchText(c), by, at, id);
      this.writeForms(id, forms);
    }).immediate();
    return (await this.get(id))!;
  }

  async review(id: string, version: number | undefined, by: string, at: string): Promise<GlossaryRecord> {
    this.db.transaction(() => {
      this.current(id, version);
      this.db.prepare('UPDATE glossary_entries SET reviewed_by = ?, reviewed_at = ?, updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(by, at, by, at, id);
    }).immediate();
    return (await this.get(id))!;
  }

  async delete(id: string, version: number | undefined): Promise<GlossaryRecord> {
    return this.db.transaction(() => {
      const r = this.current(id, version);
      this.db.prepare('DELETE FROM glossary_entries WHERE id = ?').run(id);
      return record(r);
    }).immediate();
  }
}
