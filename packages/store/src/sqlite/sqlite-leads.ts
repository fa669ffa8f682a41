/** Leads, their events and evidence in SQLite (the LeadStore contract, leads.ts); access filtered in every query (access-clause.ts). */
import Database from 'better-sqlite3';
import { NarizError } from '@nariz/core';
import type { AccessPredicate } from '@nariz/security';
import { sqliteAccessClause, sqliteAccessParams, sqliteMarkingValues } from '../access-clause.js';
import {
  EVENT_COLUMNS, EVIDENCE_COLUMNS, LEAD_COLUMNS, evidenceRecord, leadEvent, leadRecord, leadSearchText, leadStatus, leadTimeline,
  type EventRowFields, type EvidenceRowFields, type LeadRowFields, type TimelineRowFields,
} from '../lead-rows.js';
import type {
  EvidenceRecord, LeadEvent, LeadId, LeadPatch, LeadQuery, LeadRecord, LeadStore, LeadTimeline, LeadTransition, NewEvidence, NewLead,
} from '../leads.js';

type Json<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };
type LeadRow = Json<LeadRowFields, 'marking'>;
type EventRow = Json<EventRowFields, 'details'>;
type EvidenceRow = Json<EvidenceRowFields, 'marking'>;
type TimelineRow = Omit<TimelineRowFields, 'outcome_details' | 'marking'> & { outcome_details: string | null; marking: string };

const lead = (r: LeadRow): LeadRecord => leadRecord({ ...r, marking: JSON.parse(r.marking) as unknown });
const event = (r: EventRow): LeadEvent => leadEvent({ ...r, details: JSON.parse(r.details) as unknown });
const evidence = (r: EvidenceRow): EvidenceRecord => evidenceRecord({ ...r, marking: JSON.parse(r.marking) as unknown });

const prefixed = (alias: string, columns: string): string => columns.split(', ').map((c) => `${alias}.${c}`).join(', ');

/** The WHERE clause and parameters of a lead query (without paging). */
function leadFilter(who: AccessPredicate, q: LeadQuery): { where: string; params: Record<string, unknown> } {
  const where = [sqliteAccessClause('l')];
  const params: Record<string, unknown> = sqliteAccessParams(who);
  if (q.statuses !== undefined) {
    where.push('l.status IN (SELECT value FROM json_each(@statuses))');
    params['statuses'] = JSON.stringify(q.statuses);
  }
  if (q.text !== undefined && q.text !== '') {
    where.push('instr(l.search_text, @text) > 0');
    params['text'] = q.text.toLowerCase();
  }
  return { where: where.join(' AND '), params };
}

/** Appends an event at the lead's next seq (inside the caller's transaction). */
export function appendSqliteEvent(db: Database.Database, id: LeadId, t: LeadTransition): LeadEvent {
  const seq = (db.prepare('SELECT coalesce(max(seq) + 1, 0) AS n FROM lead_events WHERE lead_id = ?').get(id) as { n: number }).n;
  const row: EventRow = {
    lead_id: id, seq, from_status: t.from, to_status: t.to, at: t.at, occurred_at: t.occurredAt ?? t.at, actor: t.actor, note: t.note, details: JSON.stringify(t.details),
  };
  db.prepare(`INSERT INTO lead_events (${EVENT_COLUMNS}) VALUES (@lead_id, @seq, @from_status, @to_status, @at, @occurred_at, @actor, @note, @details)`).run(row);
  db.prepare('UPDATE leads SET status = ?, updated_at = ? WHERE id = ?').run(t.to, t.at, id);
  return event(row);
}

/** The lead's status for a transition, inside the caller's transaction: NARIZ_NOT_FOUND, or NARIZ_LEAD_STATE when it is not `from`. */
export function checkSqliteStatus(db: Database.Database, id: LeadId, from: string): void {
  const r = db.prepare('SELECT status FROM leads WHERE id = ?').get(id) as { status: string } | undefined;
  if (r === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no lead "${id}"`);
  if (r.status !== from) throw new NarizError('NARIZ_LEAD_STATE', `lead "${id}" is ${leadStatus(r.status)} now, not ${from}`);
}

export class SqliteLeads implements LeadStore {
  constructor(private readonly db: Database.Database) {}

  async createLead(l: NewLead): Promise<LeadRecord> {
    const m = sqliteMarkingValues(l.marking);
    try {
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO leads (id, title, summary, lang, search_text, status, lat, lon, ci95_m, lab_probability, sortie_id, job_id, source_index, detected_at,
               created_by, created_at, updated_at, marking, classification_rank, controls, rel_to, originator)
             VALUES (@id, @title, @summary, @lang, @search, 'candidate', @lat, @lon, @ci95, @p, @sortie, @job, @source, @detected, @by, @at, @at, @marking, @rank, @controls, @relTo, @originator)`,
          )
          .run({
            id: l.id, title: l.title, summary: l.summary, lang: l.lang, search: leadSearchText(l.title, l.summary), lat: l.lat, lon: l.lon, ci95: l.ci95M ?? null,
            p: l.labProbability ?? null, sortie: l.source?.sortieId ?? null, job: l.source?.jobId ?? null, source: l.source?.sourceIndex ?? null,
            detected: l.detectedAt ?? null, by: l.createdBy, at: l.at, ...m,
          });
        this.db
          .prepare(`INSERT INTO lead_events (${EVENT_COLUMNS}) VALUES (?, 0, NULL, 'candidate', ?, ?, ?, '', '{}')`)
          .run(l.id, l.at, l.at, l.createdBy);
      }).immediate();
    } catch (err) {
      if (err instanceof Database.SqliteError && err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new NarizError('NARIZ_CONFLICT', `a lead with id "${l.id}" exists already`, undefined, { cause: err });
      throw err;
    }
    return this.mustRead(l.id);
  }

  async getLead(id: LeadId, who: AccessPredicate): Promise<LeadRecord | undefined> {
    const r = this.db.prepare(`SELECT ${prefixed('l', LEAD_COLUMNS)} FROM leads AS l WHERE l.id = @id AND ${sqliteAccessClause('l')}`).get({ id, ...sqliteAccessParams(who) }) as LeadRow | undefined;
    return r === undefined ? undefined : lead(r);
  }

  async listLeads(who: AccessPredicate, q: LeadQuery = {}): Promise<LeadRecord[]> {
    const f = leadFilter(who, q);
    const rows = this.db
      .prepare(`SELECT ${prefixed('l', LEAD_COLUMNS)} FROM leads AS l WHERE ${f.where} ORDER BY l.updated_at DESC, l.id LIMIT @limit OFFSET @offset`)
      .all({ ...f.params, limit: q.limit ?? 100, offset: q.offset ?? 0 }) as LeadRow[];
    return rows.map(lead);
  }

  async countLeads(who: AccessPredicate, q: LeadQuery = {}): Promise<number> {
    const f = leadFilter(who, q);
    return (this.db.prepare(`SELECT count(*) AS n FROM leads AS l WHERE ${f.where}`).get(f.params) as { n: number }).n;
  }

  async updateLead(id: LeadId, p: LeadPatch, at: string): Promise<LeadRecord | undefined> {
    return this.db.transaction((): LeadRecord | undefined => {
      const r = this.db.prepare(`SELECT ${LEAD_COLUMNS} FROM leads WHERE id = ?`).get(id) as LeadRow | undefined;
      if (r === undefined) return undefined;
      const title = p.title ?? r.title;
      const summary = p.summary ?? r.summary;
      const m = sqliteMarkingValues(p.marking ?? lead(r).marking);
      this.db
        .prepare(
          `UPDATE leads SET title = @title, summary = @summary, lang = @lang, search_text = @search, updated_at = @at,
             marking = @marking, classification_rank = @rank, controls = @controls, rel_to = @relTo, originator = @originator WHERE id = @id`,
        )
        .run({ id, title, summary, lang: p.lang ?? r.lang, search: leadSearchText(title, summary), at, ...m });
      return this.readSync(id);
    }).immediate();
  }

  async transition(id: LeadId, t: LeadTransition): Promise<LeadEvent> {
    return this.db.transaction((): LeadEvent => {
      checkSqliteStatus(this.db, id, t.from);
      return appendSqliteEvent(this.db, id, t);
    }).immediate();
  }

  async listEvents(id: LeadId, who: AccessPredicate): Promise<LeadEvent[]> {
    const rows = this.db
      .prepare(`SELECT ${prefixed('e', EVENT_COLUMNS)} FROM lead_events AS e JOIN leads AS l ON l.id = e.lead_id WHERE e.lead_id = @id AND ${sqliteAccessClause('l')} ORDER BY e.seq`)
      .all({ id, ...sqliteAccessParams(who) }) as EventRow[];
    return rows.map(event);
  }

  async addEvidence(e: NewEvidence): Promise<EvidenceRecord> {
    const m = sqliteMarkingValues(e.marking);
    try {
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO lead_evidence (id, lead_id, kind, ref, text, lang, added_by, added_at, marking, classification_rank, controls, rel_to, originator)
             VALUES (@id, @lead, @kind, @ref, @text, @lang, @by, @at, @marking, @rank, @controls, @relTo, @originator)`,
          )
          .run({ id: e.id, lead: e.leadId, kind: e.kind, ref: e.ref ?? null, text: e.text, lang: e.lang, by: e.addedBy, at: e.at, ...m });
        this.db.prepare('UPDATE leads SET updated_at = ? WHERE id = ?').run(e.at, e.leadId);
      }).immediate();
    } catch (err) {
      if (err instanceof Database.SqliteError && err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new NarizError('NARIZ_NOT_FOUND', `no lead "${e.leadId}"`, undefined, { cause: err });
      if (err instanceof Database.SqliteError && err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new NarizError('NARIZ_CONFLICT', `evidence "${e.id}" exists already`, undefined, { cause: err });
      throw err;
    }
    return evidence(this.db.prepare(`SELECT ${EVIDENCE_COLUMNS} FROM lead_evidence WHERE id = ?`).get(e.id) as EvidenceRow);
  }

  async listEvidence(id: LeadId, who: AccessPredicate): Promise<EvidenceRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT ${prefixed('ev', EVIDENCE_COLUMNS)} FROM lead_evidence AS ev JOIN leads AS l ON l.id = ev.lead_id
         WHERE ev.lead_id = @id AND ${sqliteAccessClause('l')} AND ${sqliteAccessClause('ev')} ORDER BY ev.added_at, ev.id`,
      )
      .all({ id, ...sqliteAccessParams(who) }) as EvidenceRow[];
    return rows.map(evidence);
  }

  async removeEvidence(id: LeadId, evidenceId: string, who: AccessPredicate): Promise<boolean> {
    const r = this.db
      .prepare(
        `DELETE FROM lead_evidence WHERE id = @eid AND lead_id = @id AND ${sqliteAccessClause('lead_evidence')}
           AND EXISTS (SELECT 1 FROM leads AS l WHERE l.id = @id AND ${sqliteAccessClause('l')})`,
      )
      .run({ id, eid: evidenceId, ...sqliteAccessParams(who) });
    return r.changes > 0;
  }

  async timelines(who: AccessPredicate): Promise<LeadTimeline[]> {
    const first = (to: string): string => `(SELECT min(e.occurred_at) FROM lead_events AS e WHERE e.lead_id = l.id AND e.to_status = '${to}')`;
    const lastOutcome = (column: string): string =>
      `(SELECT e.${column} FROM lead_events AS e WHERE e.lead_id = l.id AND e.to_status = 'outcome-reported' ORDER BY e.seq DESC LIMIT 1)`;
    const rows = this.db
      .prepare(
        `SELECT l.id, l.status, l.lat, l.lon, l.partner_country, l.partner_unit, l.detected_at, l.created_at, l.marking,
           ${first('released')} AS released_at, ${first('acknowledged')} AS acknowledged_at, ${first('action-taken')} AS action_at,
           ${lastOutcome('occurred_at')} AS outcome_at, ${lastOutcome('details')} AS outcome_details
         FROM leads AS l WHERE ${sqliteAccessClause('l')} ORDER BY l.created_at, l.id`,
      )
      .all(sqliteAccessParams(who)) as TimelineRow[];
    return rows.map((r) => leadTimeline({ ...r, outcome_details: r.outcome_details === null ? null : (JSON.parse(r.outcome_details) as unknown), marking: JSON.parse(r.marking) as unknown }));
  }

  private readSync(id: string): LeadRecord | undefined {
    const r = this.db.prepare(`SELECT ${LEAD_COLUMNS} FROM leads WHERE id = ?`).get(id) as LeadRow | undefined;
    return r === undefined ? undefined : lead(r);
  }

  private mustRead(id: string): LeadRecord {
    const r = this.readSync(id);
    if (r === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no lead "${id}"`);
    return r;
  }
}
