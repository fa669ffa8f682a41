/**
 * Leads, their events and evidence in PostgreSQL (the LeadStore contract,
 * leads.ts); access filtered in every query (access-clause.ts). A lead's
 * position is also kept as a PostGIS point for spatial queries.
 */
import type pg from 'pg';
import { NarizError } from '@nariz/core';
import type { AccessPredicate } from '@nariz/security';
import { postgresAccessClause, postgresAccessParams, postgresMarkingValues } from '../access-clause.js';
import {
  EVENT_COLUMNS, EVIDENCE_COLUMNS, LEAD_COLUMNS, evidenceRecord, leadEvent, leadRecord, leadSearchText, leadStatus, leadTimeline,
  type EventRowFields, type EvidenceRowFields, type LeadRowFields, type TimelineRowFields,
} from '../lead-rows.js';
import type {
  EvidenceRecord, LeadEvent, LeadId, LeadPatch, LeadQuery, LeadRecord, LeadStore, LeadTimeline, LeadTransition, NewEvidence, NewLead,
} from '../leads.js';

type Tx = <T>(body: (c: pg.PoolClient) => Promise<T>) => Promise<T>;

const prefixed = (alias: string, columns: string): string => columns.split(', ').map((c) => `${alias}.${c}`).join(', ');
const isPgError = (err: unknown, code: string): boolean => err instanceof Error && 'code' in err && err.code === code;

/** The WHERE clause and parameters of a lead query; the access parameters are $1..$6. */
function leadFilter(who: AccessPredicate, q: LeadQuery): { where: string; params: unknown[] } {
  const params = postgresAccessParams(who);
  const where = [postgresAccessClause('l', 1)];
  if (q.statuses !== undefined) {
    params.push([...q.statuses]);
    where.push(`l.status = ANY ($${params.length}::text[])`);
  }
  if (q.text !== undefined && q.text !== '') {
    params.push(q.text.toLowerCase());
    where.push(`strpos(l.search_text, $${params.length}) > 0`);
  }
  return { where: where.join(' AND '), params };
}

/** The lead's status locked for a transition, inside the caller's transaction: NARIZ_NOT_FOUND, or NARIZ_LEAD_STATE when it is not `from`. */
export async function lockPostgresStatus(c: pg.PoolClient, id: LeadId, from: string): Promise<void> {
  const r = (await c.query<{ status: string }>('SELECT status FROM leads WHERE id = $1 FOR UPDATE', [id])).rows[0];
  if (r === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no lead "${id}"`);
  if (r.status !== from) throw new NarizError('NARIZ_LEAD_STATE', `lead "${id}" is ${leadStatus(r.status)} now, not ${from}`);
}

/** Appends an event at the lead's next seq and moves the lead (the caller holds the lead's row lock). */
export async function appendPostgresEvent(c: pg.PoolClient, id: LeadId, t: LeadTransition): Promise<LeadEvent> {
  const r = await c.query<EventRowFields>(
    `INSERT INTO lead_events (${EVENT_COLUMNS})
     SELECT $1::text, coalesce(max(seq) + 1, 0), $2::text, $3::text, $4::timestamptz, $5::timestamptz, $6::text, $7::text, $8::jsonb FROM lead_events WHERE lead_id = $1
     RETURNING ${EVENT_COLUMNS}`,
    [id, t.from, t.to, t.at, t.occurredAt ?? t.at, t.actor, t.note, JSON.stringify(t.details)],
  );
  await c.query('UPDATE leads SET status = $2, updated_at = $3 WHERE id = $1', [id, t.to, t.at]);
  return leadEvent(r.rows[0]!);
}

export class PostgresLeads implements LeadStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly tx: Tx,
  ) {}

  async createLead(l: NewLead): Promise<LeadRecord> {
    const m = postgresMarkingValues(l.marking);
    try {
      return await this.tx(async (c) => {
        const r = await c.query<LeadRowFields>(
          `INSERT INTO leads (id, title, summary, lang, search_text, status, lat, lon, ci95_m, lab_probability, sortie_id, job_id, source_index, detected_at,
             created_by, created_at, updated_at, location, marking, classification_rank, controls, rel_to, originator)
           VALUES ($1, $2, $3, $4, $5, 'candidate', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, ST_SetSRID(ST_MakePoint($7, $6), 4326),
             $16::jsonb, $17, $18, $19, $20)
           RETURNING ${LEAD_COLUMNS}`,
          [
            l.id, l.title, l.summary, l.lang, leadSearchText(l.title, l.summary), l.lat, l.lon, l.ci95M ?? null, l.labProbability ?? null,
            l.source?.sortieId ?? null, l.source?.jobId ?? null, l.source?.sourceIndex ?? null, l.detectedAt ?? null, l.createdBy, l.at,
            m.marking, m.rank, m.controls, m.relTo, m.originator,
          ],
        );
        await c.query(`INSERT INTO lead_events (${EVENT_COLUMNS}) VALUES ($1, 0, NULL, 'candidate', $2, $2, $3, '', '{}'::jsonb)`, [l.id, l.at, l.createdBy]);
        return leadRecord(r.rows[0]!);
      });
    } catch (err) {
      if (isPgError(err, '23505')) throw new NarizError('NARIZ_CONFLICT', `a lead with id "${l.id}" exists already`, undefined, { cause: err });
      throw err;
    }
  }

  async getLead(id: LeadId, who: AccessPredicate): Promise<LeadRecord | undefined> {
    const r = await this.pool.query<LeadRowFields>(`SELECT ${prefixed('l', LEAD_COLUMNS)} FROM leads AS l WHERE l.id = $7 AND ${postgresAccessClause('l', 1)}`, [
      ...postgresAccessParams(who), id,
    ]);
    return r.rows[0] === undefined ? undefined : leadRecord(r.rows[0]);
  }

  async listLeads(who: AccessPredicate, q: LeadQuery = {}): Promise<LeadRecord[]> {
    const f = leadFilter(who, q);
    const n = f.params.length;
    const r = await this.pool.query<LeadRowFields>(
      `SELECT ${prefixed('l', LEAD_COLUMNS)} FROM leads AS l WHERE ${f.where} ORDER BY l.updated_at DESC, l.id LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...f.params, q.limit ?? 100, q.offset ?? 0],
    );
    return r.rows.map(leadRecord);
  }

  async countLeads(who: AccessPredicate, q: LeadQuery = {}): Promise<number> {
    const f = leadFilter(who, q);
    return Number((await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM leads AS l WHERE ${f.where}`, f.params)).rows[0]!.n);
  }

  async updateLead(id: LeadId, p: LeadPatch, at: string): Promise<LeadRecord | undefined> {
    return this.tx(async (c) => {
      const row = (await c.query<LeadRowFields>(`SELECT ${LEAD_COLUMNS} FROM leads WHERE id = $1 FOR UPDATE`, [id])).rows[0];
      if (row === undefined) return undefined;
      const old = leadRecord(row);
      const title = p.title ?? old.title;
      const summary = p.summary ?? old.summary;
      const m = postgresMarkingValues(p.marking ?? old.marking);
      const r = await c.query<LeadRowFields>(
        `UPDATE leads SET title = $2, summary = $3, lang = $4, search_text = $5, updated_at = $6,
           marking = $7::jsonb, classification_rank = $8, controls = $9, rel_to = $10, originator = $11 WHERE id = $1 RETURNING ${LEAD_COLUMNS}`,
        [id, title, summary, p.lang ?? old.lang, leadSearchText(title, summary), at, m.marking, m.rank, m.controls, m.relTo, m.originator],
      );
      return leadRecord(r.rows[0]!);
    });
  }

  async transition(id: LeadId, t: LeadTransition): Promise<LeadEvent> {
    return this.tx(async (c) => {
      await lockPostgresStatus(c, id, t.from);
      return appendPostgresEvent(c, id, t);
    });
  }

  async listEvents(id: LeadId, who: AccessPredicate): Promise<LeadEvent[]> {
    const r = await this.pool.query<EventRowFields>(
      `SELECT ${prefixed('e', EVENT_COLUMNS)} FROM lead_events AS e JOIN leads AS l ON l.id = e.lead_id WHERE e.lead_id = $7 AND ${postgresAccessClause('l', 1)} ORDER BY e.seq`,
      [...postgresAccessParams(who), id],
    );
    return r.rows.map(leadEvent);
  }

  async addEvidence(e: NewEvidence): Promise<EvidenceRecord> {
    const m = postgresMarkingValues(e.marking);
    try {
      return await this.tx(async (c) => {
        const r = await c.query<EvidenceRowFields>(
          `INSERT INTO lead_evidence (id, lead_id, kind, ref, text, lang, added_by, added_at, marking, classification_rank, controls, rel_to, originator)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13) RETURNING ${EVIDENCE_COLUMNS}`,
          [e.id, e.leadId, e.kind, e.ref ?? null, e.text, e.lang, e.addedBy, e.at, m.marking, m.rank, m.controls, m.relTo, m.originator],
        );
        await c.query('UPDATE leads SET updated_at = $2 WHERE id = $1', [e.leadId, e.at]);
        return evidenceRecord(r.rows[0]!);
      });
    } catch (err) {
      if (isPgError(err, '23503')) throw new NarizError('NARIZ_NOT_FOUND', `no lead "${e.leadId}"`, undefined, { cause: err });
      if (isPgError(err, '23505')) throw new NarizError('NARIZ_CONFLICT', `evidence "${e.id}" exists already`, undefined, { cause: err });
      throw err;
    }
  }

  async listEvidence(id: LeadId, who: AccessPredicate): Promise<EvidenceRecord[]> {
    const r = await this.pool.query<EvidenceRowFields>(
      `SELECT ${prefixed('ev', EVIDENCE_COLUMNS)} FROM lead_evidence AS ev JOIN leads AS l ON l.id = ev.lead_id
       WHERE ev.lead_id = $7 AND ${postgresAccessClause('l', 1)} AND ${postgresAccessClause('ev', 1)} ORDER BY ev.added_at, ev.id`,
      [...postgresAccessParams(who), id],
    );
    return r.rows.map(evidenceRecord);
  }

  async removeEvidence(id: LeadId, evidenceId: string, who: AccessPredicate): Promise<boolean> {
    const r = await this.pool.query(
      `DELETE FROM lead_evidence AS ev WHERE ev.id = $8 AND ev.lead_id = $7 AND ${postgresAccessClause('ev', 1)}
         AND EXISTS (SELECT 1 FROM leads AS l WHERE l.id = $7 AND ${postgresAccessClause('l', 1)})`,
      [...postgresAccessParams(who), id, evidenceId],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async timelines(who: AccessPredicate): Promise<LeadTimeline[]> {
    const first = (to: string): string => `(SELECT min(e.occurred_at) FROM lead_events AS e WHERE e.lead_id = l.id AND e.to_status = '${to}')`;
    const lastOutcome = (column: string): string =>
      `(SELECT e.${column} FROM lead_events AS e WHERE e.lead_id = l.id AND e.to_status = 'outcome-reported' ORDER BY e.seq DESC LIMIT 1)`;
    const r = await this.pool.query<TimelineRowFields>(
      `SELECT l.id, l.status, l.lat, l.lon, l.partner_country, l.partner_unit, l.detected_at, l.created_at, l.marking,
         ${first('released')} AS released_at, ${first('acknowledged')} AS acknowledged_at, ${first('action-taken')} AS action_at,
         ${lastOutcome('occurred_at')} AS outcome_at, ${lastOutcome('details')} AS outcome_details
       FROM leads AS l WHERE ${postgresAccessClause('l', 1)} ORDER BY l.created_at, l.id`,
      postgresAccessParams(who),
    );
    return r.rows.map(leadTimeline);
  }
}
