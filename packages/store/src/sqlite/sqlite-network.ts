/** The counter-network record in SQLite (the NetworkStore contract, network.ts); access filtered in every query (access-clause.ts). */
import Database from 'better-sqlite3';
import { NarizError } from '@nariz/core';
import type { AccessPredicate } from '@nariz/security';
import { sqliteAccessClause as clause, sqliteAccessParams, sqliteMarkingValues } from '../access-clause.js';
import {
  ANALYSIS_COLUMNS, ASSERTION_COLUMNS, ENTITY_COLUMNS, IMPORT_COLUMNS, MERGE_COLUMNS, analysisRecord, assertionRecord, entityRecord, entitySearchText,
  importRecord, isFinalAnalysis, layoutRecord, mergeRecord,
  type AnalysisRowFields, type AssertionRowFields, type EntityRowFields, type ImportRowFields, type MergeRowFields,
} from '../network-rows.js';
import { resolveSnapshot } from '../network-resolve.js';
import type {
  LayoutPositions, NetworkAnalysisPatch, NetworkAnalysisRecord, NetworkAssertionPatch, NetworkAssertionQuery, NetworkAssertionRecord, NetworkEntityPatch,
  NetworkEntityQuery, NetworkEntityRecord, NetworkImportCommit, NetworkImportRecord, NetworkLayoutRecord, NetworkMergeRecord, NetworkSnapshot, NetworkStore,
  NewNetworkAnalysis, NewNetworkAssertion, NewNetworkEntity, NewNetworkImport, NewNetworkMerge,
} from '../network.js';

type Row = Record<string, unknown>;
const prefixed = (alias: string, columns: string): string => columns.split(', ').map((c) => `${alias}.${c}`).join(', ');
const json = (v: unknown): unknown => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);
const isSqlite = (err: unknown, code: string): boolean => err instanceof Database.SqliteError && err.code === code;

const entity = (r: Row): NetworkEntityRecord =>
  entityRecord({ ...(r as unknown as EntityRowFields), aliases: json(r['aliases']), attributes: json(r['attributes']), marking: json(r['marking']) });
const assertion = (r: Row): NetworkAssertionRecord => assertionRecord({ ...(r as unknown as AssertionRowFields), marking: json(r['marking']) });
const merge = (r: Row): NetworkMergeRecord => mergeRecord({ ...(r as unknown as MergeRowFields), members: json(r['members']) });
const analysis = (r: Row): NetworkAnalysisRecord =>
  analysisRecord({ ...(r as unknown as AnalysisRowFields), request: json(r['request']), error: json(r['error']), marking: json(r['marking']) });
const imported = (r: Row): NetworkImportRecord =>
  importRecord({ ...(r as unknown as ImportRowFields), options: json(r['options']), columns: json(r['columns']), result: json(r['result']) });

/** The survivor of the entity's active merge, when the reader may see it (alias `e`). */
const MERGED_INTO = `(SELECT m.survivor_id FROM network_merge_members AS mm JOIN network_merges AS m ON m.id = mm.merge_id
    JOIN network_entities AS s ON s.id = m.survivor_id WHERE mm.entity_id = e.id AND mm.active = 1 AND ${clause('s')})`;
/** Entities with the reader's view of their lead link and merge. */
const ENTITY_FROM = `SELECT ${prefixed('e', ENTITY_COLUMNS)}, l.id AS lead_id, ${MERGED_INTO} AS merged_into
  FROM network_entities AS e LEFT JOIN leads AS l ON l.id = e.lead_id AND ${clause('l')}`;
const ASSERTION_FROM = `FROM network_assertions AS a JOIN network_entities AS f ON f.id = a.from_id JOIN network_entities AS t ON t.id = a.to_id
  WHERE ${clause('a')} AND ${clause('f')} AND ${clause('t')}`;
const MERGE_MEMBERS = '(SELECT json_group_array(entity_id ORDER BY position) FROM network_merge_members WHERE merge_id = m.id) AS members';
const MERGE_VISIBLE = `${clause('s')} AND NOT EXISTS (SELECT 1 FROM network_merge_members AS mm JOIN network_entities AS x ON x.id = mm.entity_id
    WHERE mm.merge_id = m.id AND NOT ${clause('x')})`;

function entityFilter(who: AccessPredicate, q: NetworkEntityQuery): { where: string; params: Row } {
  const where = [clause('e')];
  const params: Row = sqliteAccessParams(who);
  if (q.types !== undefined) {
    where.push('e.type IN (SELECT value FROM json_each(@types))');
    params['types'] = JSON.stringify(q.types);
  }
  if (q.text !== undefined && q.text !== '') {
    where.push('instr(e.search_text, @text) > 0');
    params['text'] = q.text.toLowerCase();
  }
  if (q.leadId !== undefined) {
    where.push('l.id = @lead');
    params['lead'] = q.leadId;
  }
  if (q.located === true) where.push('e.lat IS NOT NULL');
  if (q.includeMerged !== true) where.push(`${MERGED_INTO} IS NULL`);
  return { where: where.join(' AND '), params };
}

function assertionFilter(who: AccessPredicate, q: NetworkAssertionQuery): { where: string; params: Row } {
  const params: Row = sqliteAccessParams(who);
  let where = ASSERTION_FROM;
  if (q.entityId !== undefined) {
    where += ' AND (a.from_id = @entity OR a.to_id = @entity)';
    params['entity'] = q.entityId;
  }
  return { where, params };
}

export class SqliteNetwork implements NetworkStore {
  constructor(private readonly db: Database.Database) {}

  async createEntity(e: NewNetworkEntity): Promise<NetworkEntityRecord> {
    this.inTx(() => this.insertEntity(e));
    return this.readEntity(e.id, undefined)!;
  }

  async getEntity(id: string, who: AccessPredicate): Promise<NetworkEntityRecord | undefined> {
    return this.readEntity(id, who);
  }

  async listEntities(who: AccessPredicate, q: NetworkEntityQuery = {}): Promise<NetworkEntityRecord[]> {
    const f = entityFilter(who, q);
    const rows = this.db.prepare(`${ENTITY_FROM} WHERE ${f.where} ORDER BY e.label, e.id LIMIT @limit OFFSET @offset`).all({ ...f.params, limit: q.limit ?? 100, offset: q.offset ?? 0 }) as Row[];
    return rows.map(entity);
  }

  async countEntities(who: AccessPredicate, q: NetworkEntityQuery = {}): Promise<number> {
    const f = entityFilter(who, q);
    return (this.db.prepare(`SELECT count(*) AS n FROM network_entities AS e LEFT JOIN leads AS l ON l.id = e.lead_id AND ${clause('l')} WHERE ${f.where}`).get(f.params) as { n: number }).n;
  }

  async updateEntity(id: string, p: NetworkEntityPatch, at: string, who: AccessPredicate): Promise<NetworkEntityRecord | undefined> {
    const found = this.inTx(() => {
      const r = this.db.prepare('SELECT * FROM network_entities WHERE id = ?').get(id) as Row | undefined;
      if (r === undefined) return false;
      const label = p.label ?? (r['label'] as string);
      const aliases = p.aliases ?? (JSON.parse(r['aliases'] as string) as string[]);
      const m = p.marking === undefined ? undefined : sqliteMarkingValues(p.marking);
      this.db
        .prepare(
          `UPDATE network_entities SET type = @type, label = @label, aliases = @aliases, search_text = @search, attributes = @attributes, lat = @lat, lon = @lon,
             lead_id = @lead, updated_at = @at, marking = @marking, classification_rank = @rank, controls = @controls, rel_to = @relTo, originator = @originator WHERE id = @id`,
        )
        .run({
          id, at, type: p.type ?? r['type'], label, aliases: JSON.stringify(aliases), search: entitySearchText(label, aliases),
          attributes: p.attributes === undefined ? r['attributes'] : JSON.stringify(p.attributes),
          lat: p.location === undefined ? r['lat'] : (p.location?.lat ?? null), lon: p.location === undefined ? r['lon'] : (p.location?.lon ?? null),
          lead: p.leadId === undefined ? r['lead_id'] : p.leadId,
          marking: m?.marking ?? r['marking'], rank: m?.rank ?? r['classification_rank'], controls: m?.controls ?? r['controls'], relTo: m?.relTo ?? r['rel_to'], originator: m?.originator ?? r['originator'],
        });
      return true;
    }, `entity "${id}"`);
    return found ? this.readEntity(id, who) : undefined;
  }

  async deleteEntity(id: string): Promise<boolean> {
    try {
      return this.db.prepare('DELETE FROM network_entities WHERE id = ?').run(id).changes > 0;
    } catch (err) {
      if (isSqlite(err, 'SQLITE_CONSTRAINT_FOREIGNKEY')) throw new NarizError('NARIZ_CONFLICT', `entity "${id}" is referred to by assertions or merges; delete or re-point those first`, undefined, { cause: err });
      throw err;
    }
  }

  async createAssertion(a: NewNetworkAssertion): Promise<NetworkAssertionRecord> {
    this.inTx(() => this.insertAssertion(a));
    return assertion(this.db.prepare(`SELECT ${ASSERTION_COLUMNS} FROM network_assertions WHERE id = ?`).get(a.id) as Row);
  }

  async getAssertion(id: string, who: AccessPredicate): Promise<NetworkAssertionRecord | undefined> {
    const r = this.db.prepare(`SELECT ${prefixed('a', ASSERTION_COLUMNS)} ${ASSERTION_FROM} AND a.id = @id`).get({ ...sqliteAccessParams(who), id }) as Row | undefined;
    return r === undefined ? undefined : assertion(r);
  }

  async listAssertions(who: AccessPredicate, q: NetworkAssertionQuery = {}): Promise<NetworkAssertionRecord[]> {
    const f = assertionFilter(who, q);
    const rows = this.db.prepare(`SELECT ${prefixed('a', ASSERTION_COLUMNS)} ${f.where} ORDER BY a.id LIMIT @limit OFFSET @offset`).all({ ...f.params, limit: q.limit ?? 100, offset: q.offset ?? 0 }) as Row[];
    return rows.map(assertion);
  }

  async countAssertions(who: AccessPredicate, q: NetworkAssertionQuery = {}): Promise<number> {
    const f = assertionFilter(who, q);
    return (this.db.prepare(`SELECT count(*) AS n ${f.where}`).get(f.params) as { n: number }).n;
  }

  async updateAssertion(id: string, p: NetworkAssertionPatch, at: string): Promise<NetworkAssertionRecord | undefined> {
    const found = this.inTx(() => {
      const r = this.db.prepare('SELECT * FROM network_assertions WHERE id = ?').get(id) as Row | undefined;
      if (r === undefined) return false;
      const m = p.marking === undefined ? undefined : sqliteMarkingValues(p.marking);
      this.db
        .prepare(
          `UPDATE network_assertions SET type = @type, directed = @directed, source_ref = @ref, source_title = @title, valid_from = @from, valid_to = @to,
             reliability = @reliability, credibility = @credibility, count = @count, note = @note, updated_at = @at,
             marking = @marking, classification_rank = @rank, controls = @controls, rel_to = @relTo, originator = @originator WHERE id = @id`,
        )
        .run({
          id, at, type: p.type ?? r['type'], directed: p.directed === undefined ? r['directed'] : p.directed ? 1 : 0, ref: p.sourceRef ?? r['source_ref'],
          title: p.sourceTitle ?? r['source_title'], from: p.interval === undefined ? r['valid_from'] : (p.interval?.validFrom ?? null),
          to: p.interval === undefined ? r['valid_to'] : (p.interval?.validTo ?? null), reliability: p.reliability ?? r['reliability'], credibility: p.credibility ?? r['credibility'],
          count: p.count ?? r['count'], note: p.note ?? r['note'],
          marking: m?.marking ?? r['marking'], rank: m?.rank ?? r['classification_rank'], controls: m?.controls ?? r['controls'], relTo: m?.relTo ?? r['rel_to'], originator: m?.originator ?? r['originator'],
        });
      return true;
    }, `assertion "${id}"`);
    return found ? assertion(this.db.prepare(`SELECT ${ASSERTION_COLUMNS} FROM network_assertions WHERE id = ?`).get(id) as Row) : undefined;
  }

  async deleteAssertion(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM network_assertions WHERE id = ?').run(id).changes > 0;
  }

  async snapshot(who: AccessPredicate): Promise<NetworkSnapshot> {
    const params = sqliteAccessParams(who);
    // better-sqlite3 is synchronous: both reads see one state of the database.
    return this.db.transaction(() => {
      const entities = (this.db.prepare(`${ENTITY_FROM} WHERE ${clause('e')} ORDER BY e.label, e.id`).all(params) as Row[]).map(entity);
      const assertions = (this.db.prepare(`SELECT ${prefixed('a', ASSERTION_COLUMNS)} ${ASSERTION_FROM} ORDER BY a.id`).all(params) as Row[]).map(assertion);
      return resolveSnapshot(entities, assertions);
    })();
  }

  async createMerge(m: NewNetworkMerge): Promise<NetworkMergeRecord> {
    this.inTx(() => {
      const ids = [m.survivor, ...m.merged];
      if (new Set(ids).size !== ids.length) throw new NarizError('NARIZ_CONFLICT', 'a merge names each entity once, and the survivor is not among the merged');
      for (const id of ids) {
        if (this.db.prepare('SELECT 1 FROM network_entities WHERE id = ?').get(id) === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no entity "${id}"`);
      }
      const activeOf = this.db.prepare('SELECT m.survivor_id AS s FROM network_merge_members AS mm JOIN network_merges AS m ON m.id = mm.merge_id WHERE mm.entity_id = ? AND mm.active = 1');
      for (const id of m.merged) if (activeOf.get(id) !== undefined) throw new NarizError('NARIZ_CONFLICT', `entity "${id}" is merged already; undo that merge first`);
      // Following the survivor's own chain must not come back to a member.
      const members = new Set(m.merged);
      let cur: string | undefined = m.survivor;
      for (let hops = 0; cur !== undefined && hops < 100_000; hops++) {
        if (members.has(cur)) throw new NarizError('NARIZ_CONFLICT', `merging into "${m.survivor}" would close a cycle of merges through "${cur}"`);
        cur = (activeOf.get(cur) as { s: string } | undefined)?.s;
      }
      this.db.prepare('INSERT INTO network_merges (id, survivor_id, reason, merged_by, merged_at) VALUES (?, ?, ?, ?, ?)').run(m.id, m.survivor, m.reason, m.by, m.at);
      const add = this.db.prepare('INSERT INTO network_merge_members (merge_id, entity_id, position, active) VALUES (?, ?, ?, 1)');
      m.merged.forEach((id, i) => add.run(m.id, id, i));
    }, `merge "${m.id}"`);
    return this.readMerge(m.id)!;
  }

  async undoMerge(id: string, by: string, at: string): Promise<NetworkMergeRecord> {
    this.inTx(() => {
      const r = this.db.prepare('SELECT undone_at FROM network_merges WHERE id = ?').get(id) as { undone_at: string | null } | undefined;
      if (r === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no merge "${id}"`);
      if (r.undone_at !== null) throw new NarizError('NARIZ_CONFLICT', `merge "${id}" was undone at ${r.undone_at}`);
      this.db.prepare('UPDATE network_merges SET undone_by = ?, undone_at = ? WHERE id = ?').run(by, at, id);
      this.db.prepare('UPDATE network_merge_members SET active = 0 WHERE merge_id = ?').run(id);
    }, `merge "${id}"`);
    return this.readMerge(id)!;
  }

  async getMerge(id: string, who: AccessPredicate): Promise<NetworkMergeRecord | undefined> {
    const r = this.db
      .prepare(`SELECT ${prefixed('m', MERGE_COLUMNS)}, ${MERGE_MEMBERS} FROM network_merges AS m JOIN network_entities AS s ON s.id = m.survivor_id WHERE m.id = @id AND ${MERGE_VISIBLE}`)
      .get({ ...sqliteAccessParams(who), id }) as Row | undefined;
    return r === undefined ? undefined : merge(r);
  }

  async listMerges(who: AccessPredicate, q: { readonly entityId?: string; readonly activeOnly?: boolean; readonly limit?: number } = {}): Promise<NetworkMergeRecord[]> {
    const where = [MERGE_VISIBLE];
    const params: Row = { ...sqliteAccessParams(who), limit: q.limit ?? 100 };
    if (q.activeOnly === true) where.push('m.undone_at IS NULL');
    if (q.entityId !== undefined) {
      where.push('(m.survivor_id = @entity OR EXISTS (SELECT 1 FROM network_merge_members AS y WHERE y.merge_id = m.id AND y.entity_id = @entity))');
      params['entity'] = q.entityId;
    }
    const rows = this.db
      .prepare(`SELECT ${prefixed('m', MERGE_COLUMNS)}, ${MERGE_MEMBERS} FROM network_merges AS m JOIN network_entities AS s ON s.id = m.survivor_id
        WHERE ${where.join(' AND ')} ORDER BY m.merged_at DESC, m.id LIMIT @limit`)
      .all(params) as Row[];
    return rows.map(merge);
  }

  async saveLayout(username: string, name: string, positions: LayoutPositions, at: string): Promise<NetworkLayoutRecord> {
    this.db
      .prepare(`INSERT INTO network_layouts (username, name, positions, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (username, name) DO UPDATE SET positions = excluded.positions, updated_at = excluded.updated_at`)
      .run(username, name, JSON.stringify(positions), at);
    return (await this.getLayout(username, name))!;
  }

  async getLayout(username: string, name: string): Promise<NetworkLayoutRecord | undefined> {
    const r = this.db.prepare('SELECT username, name, positions, updated_at FROM network_layouts WHERE username = ? AND name = ?').get(username, name) as Row | undefined;
    return r === undefined ? undefined : layoutRecord({ username: r['username'] as string, name: r['name'] as string, positions: json(r['positions']), updated_at: r['updated_at'] as string });
  }

  async listLayouts(username: string): Promise<NetworkLayoutRecord[]> {
    const rows = this.db.prepare('SELECT username, name, positions, updated_at FROM network_layouts WHERE username = ? ORDER BY name').all(username) as Row[];
    return rows.map((r) => layoutRecord({ username: r['username'] as string, name: r['name'] as string, positions: json(r['positions']), updated_at: r['updated_at'] as string }));
  }

  async deleteLayout(username: string, name: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM network_layouts WHERE username = ? AND name = ?').run(username, name).changes > 0;
  }

  async createImport(i: NewNetworkImport): Promise<NetworkImportRecord> {
    try {
      this.db
        .prepare(`INSERT INTO network_imports (id, kind, format, file_name, options, columns, row_count, content, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(i.id, i.kind, i.format, i.fileName, JSON.stringify(i.options), JSON.stringify(i.columns), i.rowCount, Buffer.from(i.content), i.createdBy, i.at);
    } catch (err) {
      if (isSqlite(err, 'SQLITE_CONSTRAINT_PRIMARYKEY')) throw new NarizError('NARIZ_CONFLICT', `an import with id "${i.id}" exists already`, undefined, { cause: err });
      throw err;
    }
    return (await this.getImport(i.id, i.createdBy))!;
  }

  async getImport(id: string, username: string): Promise<NetworkImportRecord | undefined> {
    const r = this.db.prepare(`SELECT ${IMPORT_COLUMNS} FROM network_imports WHERE id = ? AND created_by = ?`).get(id, username) as Row | undefined;
    return r === undefined ? undefined : imported(r);
  }

  async commitImport(id: string, username: string, c: NetworkImportCommit): Promise<{ readonly result: unknown; readonly duplicate: boolean }> {
    return this.inTx(() => {
      const r = this.db.prepare('SELECT committed_at, commit_key, result FROM network_imports WHERE id = ? AND created_by = ?').get(id, username) as
        | { committed_at: string | null; commit_key: string | null; result: string | null }
        | undefined;
      if (r === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no import "${id}"`);
      if (r.committed_at !== null) {
        if (r.commit_key !== c.key) throw new NarizError('NARIZ_CONFLICT', `import "${id}" was committed at ${r.committed_at} with another mapping; upload the file again to import it differently`);
        return { result: json(r.result), duplicate: true };
      }
      for (const e of c.entities) this.insertEntity(e);
      for (const a of c.assertions) this.insertAssertion(a);
      this.db.prepare("UPDATE network_imports SET committed_at = ?, commit_key = ?, result = ?, content = x'' WHERE id = ?").run(c.at, c.key, JSON.stringify(c.result), id);
      return { result: c.result, duplicate: false };
    }, `import "${id}"`);
  }

  async createAnalysis(a: NewNetworkAnalysis): Promise<NetworkAnalysisRecord> {
    this.db
      .prepare(`INSERT INTO network_analyses (id, kind, request, state, progress, message, created_by, created_at) VALUES (?, ?, ?, 'queued', 0, 'queued', ?, ?)`)
      .run(a.id, a.kind, JSON.stringify(a.request), a.createdBy, a.at);
    return this.readAnalysis(a.id)!;
  }

  async getAnalysis(id: string, username: string, who: AccessPredicate): Promise<NetworkAnalysisRecord | undefined> {
    const r = this.db
      .prepare(`SELECT ${prefixed('a', ANALYSIS_COLUMNS)} FROM network_analyses AS a WHERE a.id = @id AND a.created_by = @user AND (a.marking IS NULL OR ${clause('a')})`)
      .get({ ...sqliteAccessParams(who), id, user: username }) as Row | undefined;
    return r === undefined ? undefined : analysis(r);
  }

  async analysisResult(id: string, username: string, who: AccessPredicate): Promise<unknown> {
    const r = this.db
      .prepare(`SELECT a.result FROM network_analyses AS a WHERE a.id = @id AND a.created_by = @user AND (a.marking IS NULL OR ${clause('a')})`)
      .get({ ...sqliteAccessParams(who), id, user: username }) as { result: string | null } | undefined;
    return r?.result === null || r === undefined ? undefined : json(r.result);
  }

  async listAnalyses(username: string, who: AccessPredicate, limit = 100): Promise<NetworkAnalysisRecord[]> {
    const rows = this.db
      .prepare(`SELECT ${prefixed('a', ANALYSIS_COLUMNS)} FROM network_analyses AS a WHERE a.created_by = @user AND (a.marking IS NULL OR ${clause('a')})
        ORDER BY a.created_at DESC, a.id LIMIT @limit`)
      .all({ ...sqliteAccessParams(who), user: username, limit }) as Row[];
    return rows.map(analysis);
  }

  async openAnalyses(): Promise<NetworkAnalysisRecord[]> {
    const rows = this.db.prepare(`SELECT ${ANALYSIS_COLUMNS} FROM network_analyses WHERE state IN ('queued', 'running') ORDER BY created_at, id`).all() as Row[];
    return rows.map(analysis);
  }

  async updateAnalysis(id: string, p: NetworkAnalysisPatch): Promise<NetworkAnalysisRecord | undefined> {
    return this.inTx(() => {
      const cur = this.readAnalysis(id);
      if (cur === undefined || isFinalAnalysis(cur.state)) return cur;
      const set: string[] = [];
      const params: Row = { id };
      const put = (column: string, value: unknown): void => {
        set.push(`${column} = @${column}`);
        params[column] = value;
      };
      if (p.state !== undefined) put('state', p.state);
      if (p.progress !== undefined) put('progress', p.progress);
      if (p.message !== undefined) put('message', p.message);
      if (p.startedAt !== undefined) put('started_at', p.startedAt);
      if (p.finishedAt !== undefined) put('finished_at', p.finishedAt);
      if (p.error !== undefined) put('error', JSON.stringify(p.error));
      if (p.result !== undefined) put('result', JSON.stringify(p.result));
      if (p.marking !== undefined) {
        const m = sqliteMarkingValues(p.marking);
        put('marking', m.marking);
        put('classification_rank', m.rank);
        put('controls', m.controls);
        put('rel_to', m.relTo);
        put('originator', m.originator);
      }
      if (set.length > 0) this.db.prepare(`UPDATE network_analyses SET ${set.join(', ')} WHERE id = @id`).run(params);
      return this.readAnalysis(id);
    }, `analysis "${id}"`);
  }

  private insertEntity(e: NewNetworkEntity): void {
    const m = sqliteMarkingValues(e.marking);
    this.db
      .prepare(
        `INSERT INTO network_entities (id, type, label, search_text, aliases, attributes, lat, lon, lead_id, created_by, created_at, updated_at,
           marking, classification_rank, controls, rel_to, originator)
         VALUES (@id, @type, @label, @search, @aliases, @attributes, @lat, @lon, @lead, @by, @at, @at, @marking, @rank, @controls, @relTo, @originator)`,
      )
      .run({
        id: e.id, type: e.type, label: e.label, search: entitySearchText(e.label, e.aliases), aliases: JSON.stringify(e.aliases), attributes: JSON.stringify(e.attributes),
        lat: e.lat ?? null, lon: e.lon ?? null, lead: e.leadId ?? null, by: e.createdBy, at: e.at, ...m,
      });
  }

  private insertAssertion(a: NewNetworkAssertion): void {
    const m = sqliteMarkingValues(a.marking);
    this.db
      .prepare(
        `INSERT INTO network_assertions (id, from_id, to_id, type, directed, source_ref, source_title, valid_from, valid_to, reliability, credibility, count, note,
           created_by, created_at, updated_at, marking, classification_rank, controls, rel_to, originator)
         VALUES (@id, @from, @to, @type, @directed, @ref, @title, @validFrom, @validTo, @reliability, @credibility, @count, @note, @by, @at, @at,
           @marking, @rank, @controls, @relTo, @originator)`,
      )
      .run({
        id: a.id, from: a.from, to: a.to, type: a.type, directed: a.directed ? 1 : 0, ref: a.sourceRef, title: a.sourceTitle, validFrom: a.validFrom ?? null,
        validTo: a.validTo ?? null, reliability: a.reliability, credibility: a.credibility, count: a.count, note: a.note, by: a.createdBy, at: a.at, ...m,
      });
  }

  /** Runs `body` in an immediate transaction, naming `what` in the errors a constraint raises. */
  private inTx<T>(body: () => T, what = 'row'): T {
    try {
      return this.db.transaction(body).immediate();
    } catch (err) {
      if (isSqlite(err, 'SQLITE_CONSTRAINT_PRIMARYKEY') || isSqlite(err, 'SQLITE_CONSTRAINT_UNIQUE')) {
        throw new NarizError('NARIZ_CONFLICT', `${what}: an id exists already, or an entity is in another merge`, undefined, { cause: err });
      }
      if (isSqlite(err, 'SQLITE_CONSTRAINT_FOREIGNKEY')) throw new NarizError('NARIZ_NOT_FOUND', `${what}: an entity or lead it names does not exist`, undefined, { cause: err });
      throw err;
    }
  }

  private readEntity(id: string, who: AccessPredicate | undefined): NetworkEntityRecord | undefined {
    // Without a reader (right after a write, for the writer who read through their predicate first): the stored lead link, no merge view.
    if (who === undefined) {
      const r = this.db.prepare(`SELECT ${ENTITY_COLUMNS}, lead_id, NULL AS merged_into FROM network_entities WHERE id = ?`).get(id) as Row | undefined;
      return r === undefined ? undefined : entity(r);
    }
    const r = this.db.prepare(`${ENTITY_FROM} WHERE e.id = @id AND ${clause('e')}`).get({ ...sqliteAccessParams(who), id }) as Row | undefined;
    return r === undefined ? undefined : entity(r);
  }

  private readMerge(id: string): NetworkMergeRecord | undefined {
    const r = this.db.prepare(`SELECT ${prefixed('m', MERGE_COLUMNS)}, ${MERGE_MEMBERS} FROM network_merges AS m WHERE m.id = ?`).get(id) as Row | undefined;
    return r === undefined ? undefined : merge(r);
  }

  private readAnalysis(id: string): NetworkAnalysisRecord | undefined {
    const r = this.db.prepare(`SELECT ${ANALYSIS_COLUMNS} FROM network_analyses WHERE id = ?`).get(id) as Row | undefined;
    return r === undefined ? undefined : analysis(r);
  }
}
