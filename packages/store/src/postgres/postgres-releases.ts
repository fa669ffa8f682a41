/** Releases in PostgreSQL (the ReleaseStore contract, releases.ts): insert-only, access filtered in every query. */
import type pg from 'pg';
import { NarizError } from '@nariz/core';
import type { AccessPredicate } from '@nariz/security';
import { postgresAccessClause, postgresAccessParams, postgresMarkingValues } from '../access-clause.js';
import { RELEASE_COLUMNS, RELEASE_SUMMARY_COLUMNS, releaseRecord, releaseSummary, type ReleaseRowFields } from '../lead-rows.js';
import type { NewRelease, ReleaseId, ReleaseQuery, ReleaseRecord, ReleaseStore, ReleaseSummary } from '../releases.js';
import { appendPostgresEvent, lockPostgresStatus } from './postgres-leads.js';

type Tx = <T>(body: (c: pg.PoolClient) => Promise<T>) => Promise<T>;

const prefixed = (columns: string): string => columns.split(', ').map((c) => `r.${c}`).join(', ');

/** The access parameters are $1..$6. */
function filter(who: AccessPredicate, q: ReleaseQuery): { where: string; params: unknown[] } {
  const params = postgresAccessParams(who);
  const where = [postgresAccessClause('r', 1)];
  if (q.leadId !== undefined) {
    params.push(q.leadId);
    where.push(`r.lead_id = $${params.length}`);
  }
  if (q.partnerCountry !== undefined) {
    params.push(q.partnerCountry);
    where.push(`r.partner_country = $${params.length}`);
  }
  return { where: where.join(' AND '), params };
}

export class PostgresReleases implements ReleaseStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly tx: Tx,
  ) {}

  async createRelease(r: NewRelease): Promise<ReleaseRecord> {
    const m = postgresMarkingValues(r.marking);
    try {
      return await this.tx(async (c) => {
        await lockPostgresStatus(c, r.leadId, r.fromStatus);
        const row = await c.query<ReleaseRowFields>(
          `INSERT INTO releases (id, lead_id, partner_country, partner_unit, language, created_by, created_at, banner, package, sha256, html_en, html_es,
             marking, classification_rank, controls, rel_to, originator, withheld_notes, withheld_other)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15, $16, $17, $18, $19) RETURNING ${RELEASE_COLUMNS}`,
          [
            r.id, r.leadId, r.partnerCountry, r.partnerUnit, r.language, r.createdBy, r.createdAt, r.banner, r.packageJson, r.sha256, r.html.en, r.html.es,
            m.marking, m.rank, m.controls, m.relTo, m.originator, r.withheld?.notes ?? null, r.withheld?.otherEvidence ?? null,
          ],
        );
        await appendPostgresEvent(c, r.leadId, {
          from: r.fromStatus, to: 'released', actor: r.createdBy, at: r.createdAt, note: r.note,
          details: { releaseId: r.id, partnerCountry: r.partnerCountry, partnerUnit: r.partnerUnit },
        });
        await c.query('UPDATE leads SET partner_country = $2, partner_unit = $3 WHERE id = $1', [r.leadId, r.partnerCountry, r.partnerUnit]);
        return releaseRecord(row.rows[0]!);
      });
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === '23505') throw new NarizError('NARIZ_CONFLICT', `a release with id "${r.id}" exists already`, undefined, { cause: err });
      throw err;
    }
  }

  async getRelease(id: ReleaseId, who: AccessPredicate, partnerCountry?: string): Promise<ReleaseRecord | undefined> {
    const f = filter(who, partnerCountry === undefined ? {} : { partnerCountry });
    const r = await this.pool.query<ReleaseRowFields>(`SELECT ${prefixed(RELEASE_COLUMNS)} FROM releases AS r WHERE r.id = $${f.params.length + 1} AND ${f.where}`, [
      ...f.params, id,
    ]);
    return r.rows[0] === undefined ? undefined : releaseRecord(r.rows[0]);
  }

  async listReleases(who: AccessPredicate, q: ReleaseQuery = {}): Promise<ReleaseSummary[]> {
    const f = filter(who, q);
    const n = f.params.length;
    const r = await this.pool.query<ReleaseRowFields>(
      `SELECT ${prefixed(RELEASE_SUMMARY_COLUMNS)} FROM releases AS r WHERE ${f.where} ORDER BY r.created_at DESC, r.id LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...f.params, q.limit ?? 100, q.offset ?? 0],
    );
    return r.rows.map(releaseSummary);
  }

  async countReleases(who: AccessPredicate, q: ReleaseQuery = {}): Promise<number> {
    const f = filter(who, q);
    return Number((await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM releases AS r WHERE ${f.where}`, f.params)).rows[0]!.n);
  }
}
