/** Releases in SQLite (the ReleaseStore contract, releases.ts): insert-only, access filtered in every query. */
import Database from 'better-sqlite3';
import { NarizError } from '@nariz/core';
import type { AccessPredicate } from '@nariz/security';
import { sqliteAccessClause, sqliteAccessParams, sqliteMarkingValues } from '../access-clause.js';
import { RELEASE_COLUMNS, RELEASE_SUMMARY_COLUMNS, releaseRecord, releaseSummary, type ReleaseRowFields } from '../lead-rows.js';
import type { NewRelease, ReleaseId, ReleaseQuery, ReleaseRecord, ReleaseStore, ReleaseSummary } from '../releases.js';
import { appendSqliteEvent, checkSqliteStatus } from './sqlite-leads.js';

type Row = Omit<ReleaseRowFields, 'marking'> & { marking: string };

const fields = (r: Row): ReleaseRowFields => ({ ...r, marking: JSON.parse(r.marking) as unknown });
const prefixed = (columns: string): string => columns.split(', ').map((c) => `r.${c}`).join(', ');

function filter(who: AccessPredicate, q: ReleaseQuery): { where: string; params: Record<string, unknown> } {
  const where = [sqliteAccessClause('r')];
  const params: Record<string, unknown> = sqliteAccessParams(who);
  if (q.leadId !== undefined) {
    where.push('r.lead_id = @lead');
    params['lead'] = q.leadId;
  }
  if (q.partnerCountry !== undefined) {
    where.push('r.partner_country = @country');
    params['country'] = q.partnerCountry;
  }
  return { where: where.join(' AND '), params };
}

export class SqliteReleases implements ReleaseStore {
  constructor(private readonly db: Database.Database) {}

  async createRelease(r: NewRelease): Promise<ReleaseRecord> {
    const m = sqliteMarkingValues(r.marking);
    try {
      this.db.transaction(() => {
        checkSqliteStatus(this.db, r.leadId, r.fromStatus);
        this.db
          .prepare(
            `INSERT INTO releases (id, lead_id, partner_country, partner_unit, language, created_by, created_at, banner, package, sha256, html_en, html_es,
               marking, classification_rank, controls, rel_to, originator, withheld_notes, withheld_other)
             VALUES (@id, @lead, @country, @unit, @language, @by, @at, @banner, @package, @sha, @en, @es, @marking, @rank, @controls, @relTo, @originator, @withheldNotes, @withheldOther)`,
          )
          .run({
            id: r.id, lead: r.leadId, country: r.partnerCountry, unit: r.partnerUnit, language: r.language, by: r.createdBy, at: r.createdAt, banner: r.banner,
            package: r.packageJson, sha: r.sha256, en: r.html.en, es: r.html.es, ...m,
            withheldNotes: r.withheld?.notes ?? null, withheldOther: r.withheld?.otherEvidence ?? null,
          });
        appendSqliteEvent(this.db, r.leadId, {
          from: r.fromStatus, to: 'released', actor: r.createdBy, at: r.createdAt, note: r.note,
          details: { releaseId: r.id, partnerCountry: r.partnerCountry, partnerUnit: r.partnerUnit },
        });
        this.db.prepare('UPDATE leads SET partner_country = ?, partner_unit = ? WHERE id = ?').run(r.partnerCountry, r.partnerUnit, r.leadId);
      }).immediate();
    } catch (err) {
      if (err instanceof Database.SqliteError && err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new NarizError('NARIZ_CONFLICT', `a release with id "${r.id}" exists already`, undefined, { cause: err });
      throw err;
    }
    return releaseRecord(fields(this.db.prepare(`SELECT ${RELEASE_COLUMNS} FROM releases WHERE id = ?`).get(r.id) as Row));
  }

  async getRelease(id: ReleaseId, who: AccessPredicate, partnerCountry?: string): Promise<ReleaseRecord | undefined> {
    const f = filter(who, partnerCountry === undefined ? {} : { partnerCountry });
    const row = this.db.prepare(`SELECT ${prefixed(RELEASE_COLUMNS)} FROM releases AS r WHERE r.id = @id AND ${f.where}`).get({ ...f.params, id }) as Row | undefined;
    return row === undefined ? undefined : releaseRecord(fields(row));
  }

  async listReleases(who: AccessPredicate, q: ReleaseQuery = {}): Promise<ReleaseSummary[]> {
    const f = filter(who, q);
    const rows = this.db
      .prepare(`SELECT ${prefixed(RELEASE_SUMMARY_COLUMNS)} FROM releases AS r WHERE ${f.where} ORDER BY r.created_at DESC, r.id LIMIT @limit OFFSET @offset`)
      .all({ ...f.params, limit: q.limit ?? 100, offset: q.offset ?? 0 }) as Row[];
    return rows.map((row) => releaseSummary(fields(row)));
  }

  async countReleases(who: AccessPredicate, q: ReleaseQuery = {}): Promise<number> {
    const f = filter(who, q);
    return (this.db.prepare(`SELECT count(*) AS n FROM releases AS r WHERE ${f.where}`).get(f.params) as { n: number }).n;
  }
}
