/**
 * The counter-network record in PostgreSQL (the NetworkStore contract,
 * network.ts); access filtered in every query (access-clause.ts), the
 * access parameters always $1..$6. An entity's position is also kept as a
 * PostGIS point. Merges are serialised by an advisory lock, so two at once
 * cannot close a cycle between them; a snapshot is read in one
 * REPEATABLE READ transaction.
 */
import type pg from 'pg';
import { NarizError } from '@nariz/core';
import type { AccessPredicate } from '@nariz/security';
import { postgresAccessClause, postgresAccessParams, postgresMarkingValues } from '../access-clause.js';
import {
  ANALYSIS_COLUMNS, ASSERTION_COLUMNS, ENTITY_COLUMNS, IMPORT_COLUMNS, MERGE_COLUMNS, analysisRecord, assertionRecord, entityRecord, entitySearchText,
  importRecord, isFinalAnalysis, layoutRecord, mergeRecord,
  type AnalysisRowFields, type AssertionRowFields, type EntityRowFields, type ImportRowFields, type LayoutRowFields, type MergeRowFields,
} from '../network-rows.js';
import { resolveSnapshot } from '../network-resolve.js';
import type {
  LayoutPositions, NetworkAnalysisPatch, NetworkAnalysisRecord, NetworkAssertionPatch, NetworkAssertionQuery, NetworkAssertionRecord, NetworkEntityPatch,
  NetworkEntityQuery, NetworkEntityRecord, NetworkImportCommit, NetworkImportRecord, NetworkLayoutRecord, NetworkMergeRecord, NetworkSnapshot, NetworkStore,
  NewNetworkAnalysis, NewNetworkAssertion, NewNetworkEntity, NewNetworkImport, NewNetworkMerge,
} from '../network.js';

type Tx = <T>(body: (c: pg.PoolClient) => Promise<T>) => Promise<T>;
type Q = Pick<pg.PoolClient, 'query'>;

const clause = (alias: string): string => postgresAccessClause(alias, 1);
const prefixed = (alias: string, columns: string): string => columns.split(', ').map((c) => `${alias}.${c}`).join(', ');
const isPgError = (err: unknown, code: string): boolean => err instanceof Error && 'code' in err && err.code === code;
/** Serialises merges across connections (an arbitrary constant key). */
const MERGE_LOCK = 4_127_007;

const MERGED_INTO = `(SELECT m.survivor_id FROM network_merge_members AS mm JOIN network_merges AS m ON m.id = mm.merge_id
    JOIN network_entities AS s ON s.id = m.survivor_id WHERE mm.entity_id = e.id AND mm.active AND ${clause('s')})`;
const ENTITY_FROM = `SELECT ${prefixed('e', ENTITY_COLUMNS)}, l.id AS lead_id, ${MERGED_INTO} AS merged_into
  FROM network_entities AS e LEFT JOIN leads AS l ON l.id = e.lead_id AND ${clause('l')}`;
const ASSERTION_FROM = `FROM network_assertions AS a JOIN network_entities AS f ON f.id = a.from_id JOIN network_entities AS t ON t.id = a.to_id
  WHERE ${clause('a')} AND ${clause('f')} AND ${clause('t')}`;
const MERGE_MEMBERS = '(SELECT coalesce(array_agg(entity_id ORDER BY position), ARRAY[]::text[]) FROM network_merge_members WHERE merge_id = m.id) AS members';
const MERGE_VISIBLE = `${clause('s')} AND NOT EXISTS (SELECT 1 FROM network_merge_members AS mm JOIN network_entities AS x ON x.id = mm.entity_id
    WHERE mm.merge_id = m.id AND NOT ${clause('x')})`;

function entityFilter(who: AccessPredicate, q: NetworkEntityQuery): { where: string; params: unknown[] } {
  const params = postgresAccessParams(who);
  const where = [clause('e')];
  if (q.types !== undefined) {
    params.push([...q.types]);
    where.push(`e.type = ANY ($${params.length}::text[])`);
  }
  if (q.text !== undefined && q.text !== '') {
    params.push(q.text.toLowerCase());
    where.push(`strpos(e.search_text, $${params.length}) > 0`);
  }
  if (q.leadId !== undefined) {
    params.push(q.leadId);
    where.push(`l.id = $${params.length}`);
  }
  if (q.located === true) where.push('e.lat IS NOT NULL');
  if (q.includeMerged !== true) where.push(`${MERGED_INTO} IS NULL`);
  return { where: where.join(' AND '), params };
}

function assertionFilter(who: AccessPredicate, q: NetworkAssertionQuery): { where: string; params: unknown[] } {
  const params = postgresAccessParams(who);
  let where = ASSERTION_FROM;
  if (q.entityId !== undefined) {
    params.push(q.entityId);
    where += ` AND (a.from_id = $${params.length} OR a.to_id = $${params.length})`;
  }
  return { where, params };
}

/** Constraint violations as the contract's errors, naming `what`. */
function translated(err: unknown, what: string): unknown {
  if (isPgError(err, '23505')) return new NarizError('NARIZ_CONFLICT', `${what}: an id exists already, or an entity is in another merge`, undefined, { cause: err });
  if (isPgError(err, '23503')) return new NarizError('NARIZ_NOT_FOUND', `${what}: an entity or lead it names does not exist`, undefined, { cause: err });
  return err;
}

export class PostgresNetwork implements NetworkStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly tx: Tx,
  ) {}

  async createEntity(e: NewNetworkEntity): Promise<NetworkEntityRecord> {
    try {
      await insertEntity(this.pool, e);
    } catch (err) {
      throw translated(err, `entity "${e.id}"`);
    }
    return (await this.readEntity(this.pool, e.id))!;
  }

  async getEntity(id: string, who: AccessPredicate): Promise<NetworkEntityRecord | undefined> {
    const r = await this.pool.query<EntityRowFields>(`${ENTITY_FROM} WHERE e.id = $7 AND ${clause('e')}`, [...postgresAccessParams(who), id]);
    return r.rows[0] === undefined ? undefined : entityRecord(r.rows[0]);
  }

  async listEntities(who: AccessPredicate, q: NetworkEntityQuery = {}): Promise<NetworkEntityRecord[]> {
    const f = entityFilter(who, q);
    const n = f.params.length;
    const r = await this.pool.query<EntityRowFields>(`${ENTITY_FROM} WHERE ${f.where} ORDER BY e.label, e.id LIMIT $${n + 1} OFFSET $${n + 2}`, [...f.params, q.limit ?? 100, q.offset ?? 0]);
    return r.rows.map(entityRecord);
  }

  async countEntities(who: AccessPredicate, q: NetworkEntityQuery = {}): Promise<number> {
    const f = entityFilter(who, q);
    const r = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM network_entities AS e LEFT JOIN leads AS l ON l.id = e.lead_id AND ${clause('l')} WHERE ${f.where}`, f.params);
    return Number(r.rows[0]!.n);
  }

  async updateEntity(id: string, p: NetworkEntityPatch, at: string, who: AccessPredicate): Promise<NetworkEntityRecord | undefined> {
    let found: boolean;
    try {
      found = await this.tx(async (c) => {
        const r = (await c.query<Record<string, unknown>>('SELECT * FROM network_entities WHERE id = $1 FOR UPDATE', [id])).rows[0];
        if (r === undefined) return false;
        const label = p.label ?? (r['label'] as string);
        const aliases = p.aliases ?? (r['aliases'] as string[]);
        const lat = p.location === undefined ? (r['lat'] as number | null) : (p.location?.lat ?? null);
        const lon = p.location === undefined ? (r['lon'] as number | null) : (p.location?.lon ?? null);
        const m = p.marking === undefined ? undefined : postgresMarkingValues(p.marking);
        await c.query(
          `UPDATE network_entities SET type = $2, label = $3, aliases = $4, search_text = $5, attributes = $6::jsonb, lat = $7::float8, lon = $8::float8,
             location = CASE WHEN $7::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($8::float8, $7::float8), 4326) END, lead_id = $9, updated_at = $10,
             marking = $11::jsonb, classification_rank = $12, controls = $13, rel_to = $14, originator = $15 WHERE id = $1`,
          [
            id, p.type ?? r['type'], label, aliases, entitySearchText(label, aliases), JSON.stringify(p.attributes ?? r['attributes']), lat, lon,
            p.leadId === undefined ? r['lead_id'] : p.leadId, at, m?.marking ?? JSON.stringify(r['marking']), m?.rank ?? r['classification_rank'],
            m?.controls ?? r['controls'], m?.relTo ?? r['rel_to'], m?.originator ?? r['originator'],
          ],
        );
        return true;
      });
    } catch (err) {
      throw translated(err, `entity "${id}"`);
    }
    return found ? this.getEntity(id, who) : undefined;
  }

  async deleteEntity(id: string): Promise<boolean> {
    try {
      return ((await this.pool.query('DELETE FROM network_entities WHERE id = $1', [id])).rowCount ?? 0) > 0;
    } catch (err) {
      if (isPgError(err, '23503')) throw new NarizError('NARIZ_CONFLICT', `entity "${id}" is referred to by assertions or merges; delete or re-point those first`, undefined, { cause: err });
      throw err;
    }
  }

  async createAssertion(a: NewNetworkAssertion): Promise<NetworkAssertionRecord> {
    try {
      await insertAssertion(this.pool, a);
    } catch (err) {
      throw translated(err, `assertion "${a.id}"`);
    }
    return assertionRecord((await this.pool.query<AssertionRowFields>(`SELECT ${ASSERTION_COLUMNS} FROM network_assertions WHERE id = $1`, [a.id])).rows[0]!);
  }

  async getAssertion(id: string, who: AccessPredicate): Promise<NetworkAssertionRecord | undefined> {
    const r = await this.pool.query<AssertionRowFields>(`SELECT ${prefixed('a', ASSERTION_COLUMNS)} ${ASSERTION_FROM} AND a.id = $7`, [...postgresAccessParams(who), id]);
    return r.rows[0] === undefined ? undefined : assertionRecord(r.rows[0]);
  }

  async listAssertions(who: AccessPredicate, q: NetworkAssertionQuery = {}): Promise<NetworkAssertionRecord[]> {
    const f = assertionFilter(who, q);
    const n = f.params.length;
    const r = await this.pool.query<AssertionRowFields>(`SELECT ${prefixed('a', ASSERTION_COLUMNS)} ${f.where} ORDER BY a.id LIMIT $${n + 1} OFFSET $${n + 2}`, [
      ...f.params, q.limit ?? 100, q.offset ?? 0,
    ]);
    return r.rows.map(assertionRecord);
  }

  async countAssertions(who: AccessPredicate, q: NetworkAssertionQuery = {}): Promise<number> {
    const f = assertionFilter(who, q);
    return Number((await this.pool.query<{ n: string }>(`SELECT count(*) AS n ${f.where}`, f.params)).rows[0]!.n);
  }

  async updateAssertion(id: string, p: NetworkAssertionPatch, at: string): Promise<NetworkAssertionRecord | undefined> {
    return this.tx(async (c) => {
      const r = (await c.query<Record<string, unknown>>('SELECT * FROM network_assertions WHERE id = $1 FOR UPDATE', [id])).rows[0];
      if (r === undefined) return undefined;
      const m = p.marking === undefined ? undefined : postgresMarkingValues(p.marking);
      const u = await c.query<AssertionRowFields>(
        `UPDATE network_assertions SET type = $2, directed = $3, source_ref = $4, source_title = $5, valid_from = $6, valid_to = $7, reliability = $8, credibility = $9,
           count = $10, note = $11, updated_at = $12, marking = $13::jsonb, classification_rank = $14, controls = $15, rel_to = $16, originator = $17 WHERE id = $1
         RETURNING ${ASSERTION_COLUMNS}`,
        [
          id, p.type ?? r['type'], p.directed ?? r['directed'], p.sourceRef ?? r['source_ref'], p.sourceTitle ?? r['source_title'],
          p.interval === undefined ? r['valid_from'] : (p.interval?.validFrom ?? null), p.interval === undefined ? r['valid_to'] : (p.interval?.validTo ?? null),
          p.reliability ?? r['reliability'], p.credibility ?? r['credibility'], p.count ?? r['count'], p.note ?? r['note'], at,
          m?.marking ?? JSON.stringify(r['marking']), m?.rank ?? r['classification_rank'], m?.controls ?? r['controls'], m?.relTo ?? r['rel_to'], m?.originator ?? r['originator'],
        ],
      );
      return assertionRecord(u.rows[0]!);
    });
  }

  async deleteAssertion(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM network_assertions WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async snapshot(who: AccessPredicate): Promise<NetworkSnapshot> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const params = postgresAccessParams(who);
      const entities = (await c.query<EntityRowFields>(`${ENTITY_FROM} WHERE ${clause('e')} ORDER BY e.label, e.id`, params)).rows.map(entityRecord);
      const assertions = (await c.query<AssertionRowFields>(`SELECT ${prefixed('a', ASSERTION_COLUMNS)} ${ASSERTION_FROM} ORDER BY a.id`, params)).rows.map(assertionRecord);
      await c.query('COMMIT');
      return resolveSnapshot(entities, assertions);
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  async createMerge(m: NewNetworkMerge): Promise<NetworkMergeRecord> {
    try {
      await this.tx(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [MERGE_LOCK]);
        const ids = [m.survivor, ...m.merged];
        if (new Set(ids).size !== ids.length) throw new NarizError('NARIZ_CONFLICT', 'a merge names each entity once, and the survivor is not among the merged');
        const known = new Set((await c.query<{ id: string }>('SELECT id FROM network_entities WHERE id = ANY ($1::text[])', [ids])).rows.map((r) => r.id));
        for (const id of ids) if (!known.has(id)) throw new NarizError('NARIZ_NOT_FOUND', `no entity "${id}"`);
        const activeOf = async (id: string): Promise<string | undefined> =>
          (await c.query<{ s: string }>('SELECT m.survivor_id AS s FROM network_merge_members AS mm JOIN network_merges AS m ON m.id = mm.merge_id WHERE mm.entity_id = $1 AND mm.active', [id])).rows[0]?.s;
        for (const id of m.merged) if ((await activeOf(id)) !== undefined) throw new NarizError('NARIZ_CONFLICT', `entity "${id}" is merged already; undo that merge first`);
        const members = new Set(m.merged);
        let cur: string | undefined = m.survivor;
        for (let hops = 0; cur !== undefined && hops < 100_000; hops++) {
          if (members.has(cur)) throw new NarizError('NARIZ_CONFLICT', `merging into "${m.survivor}" would close a cycle of merges through "${cur}"`);
          cur = await activeOf(cur);
        }
        await c.query('INSERT INTO network_merges (id, survivor_id, reason, merged_by, merged_at) VALUES ($1, $2, $3, $4, $5)', [m.id, m.survivor, m.reason, m.by, m.at]);
        await c.query(
          'INSERT INTO network_merge_members (merge_id, entity_id, position, active) SELECT $1, u.id, u.ord - 1, true FROM unnest($2::text[]) WITH ORDINALITY AS u (id, ord)',
          [m.id, [...m.merged]],
        );
      });
    } catch (err) {
      throw translated(err, `merge "${m.id}"`);
    }
    return (await this.readMerge(m.id))!;
  }

  async undoMerge(id: string, by: string, at: string): Promise<NetworkMergeRecord> {
    await this.tx(async (c) => {
      const r = (await c.query<{ undone_at: Date | null }>('SELECT undone_at FROM network_merges WHERE id = $1 FOR UPDATE', [id])).rows[0];
      if (r === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no merge "${id}"`);
      if (r.undone_at !== null) throw new NarizError('NARIZ_CONFLICT', `merge "${id}" was undone at ${r.undone_at.toISOString()}`);
      await c.query('UPDATE network_merges SET undone_by = $2, undone_at = $3 WHERE id = $1', [id, by, at]);
      await c.query('UPDATE network_merge_members SET active = false WHERE merge_id = $1', [id]);
    });
    return (await this.readMerge(id))!;
  }

  async getMerge(id: string, who: AccessPredicate): Promise<NetworkMergeRecord | undefined> {
    const r = await this.pool.query<MergeRowFields>(
      `SELECT ${prefixed('m', MERGE_COLUMNS)}, ${MERGE_MEMBERS} FROM network_merges AS m JOIN network_entities AS s ON s.id = m.survivor_id WHERE m.id = $7 AND ${MERGE_VISIBLE}`,
      [...postgresAccessParams(who), id],
    );
    return r.rows[0] === undefined ? undefined : mergeRecord(r.rows[0]);
  }

  async listMerges(who: AccessPredicate, q: { readonly entityId?: string; readonly activeOnly?: boolean; readonly limit?: number } = {}): Promise<NetworkMergeRecord[]> {
    const params = postgresAccessParams(who);
    const where = [MERGE_VISIBLE];
    if (q.activeOnly === true) where.push('m.undone_at IS NULL');
    if (q.entityId !== undefined) {
      params.push(q.entityId);
      where.push(`(m.survivor_id = $${params.length} OR EXISTS (SELECT 1 FROM network_merge_members AS y WHERE y.merge_id = m.id AND y.entity_id = $${params.length}))`);
    }
    params.push(q.limit ?? 100);
    const r = await this.pool.query<MergeRowFields>(
      `SELECT ${prefixed('m', MERGE_COLUMNS)}, ${MERGE_MEMBERS} FROM network_merges AS m JOIN network_entities AS s ON s.id = m.survivor_id
       WHERE ${where.join(' AND ')} ORDER BY m.merged_at DESC, m.id LIMIT $${params.length}`,
      params,
    );
    return r.rows.map(mergeRecord);
  }

  async saveLayout(username: string, name: string, positions: LayoutPositions, at: string): Promise<NetworkLayoutRecord> {
    const r = await this.pool.query<LayoutRowFields>(
      `INSERT INTO network_layouts (username, name, positions, updated_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (username, name) DO UPDATE SET positions = excluded.positions, updated_at = excluded.updated_at RETURNING username, name, positions, updated_at`,
      [username, name, JSON.stringify(positions), at],
    );
    return layoutRecord(r.rows[0]!);
  }

  async getLayout(username: string, name: string): Promise<NetworkLayoutRecord | undefined> {
    const r = await this.pool.query<LayoutRowFields>('SELECT username, name, positions, updated_at FROM network_layouts WHERE username = $1 AND name = $2', [username, name]);
    return r.rows[0] === undefined ? undefined : layoutRecord(r.rows[0]);
  }

  async listLayouts(username: string): Promise<NetworkLayoutRecord[]> {
    const r = await this.pool.query<LayoutRowFields>('SELECT username, name, positions, updated_at FROM network_layouts WHERE username = $1 ORDER BY name', [username]);
    return r.rows.map(layoutRecord);
  }

  async deleteLayout(username: string, name: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM network_layouts WHERE username = $1 AND name = $2', [username, name])).rowCount ?? 0) > 0;
  }

  async createImport(i: NewNetworkImport): Promise<NetworkImportRecord> {
    try {
      const r = await this.pool.query<ImportRowFields>(
        `INSERT INTO network_imports (id, kind, format, file_name, options, columns, row_count, content, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10) RETURNING ${IMPORT_COLUMNS}`,
        [i.id, i.kind, i.format, i.fileName, JSON.stringify(i.options), JSON.stringify(i.columns), i.rowCount, Buffer.from(i.content), i.createdBy, i.at],
      );
      return importRecord(r.rows[0]!);
    } catch (err) {
      if (isPgError(err, '23505')) throw new NarizError('NARIZ_CONFLICT', `an import with id "${i.id}" exists already`, undefined, { cause: err });
      throw err;
    }
  }

  async getImport(id: string, username: string): Promise<NetworkImportRecord | undefined> {
    const r = await this.pool.query<ImportRowFields>(`SELECT ${IMPORT_COLUMNS} FROM network_imports WHERE id = $1 AND created_by = $2`, [id, username]);
    return r.rows[0] === undefined ? undefined : importRecord(r.rows[0]);
  }

  async commitImport(id: string, username: string, c: NetworkImportCommit): Promise<{ readonly result: unknown; readonly duplicate: boolean }> {
    try {
      return await this.tx(async (client) => {
        const r = (await client.query<{ committed_at: Date | null; commit_key: string | null; result: unknown }>(
          'SELECT committed_at, commit_key, result FROM network_imports WHERE id = $1 AND created_by = $2 FOR UPDATE', [id, username],
        )).rows[0];
        if (r === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no import "${id}"`);
        if (r.committed_at !== null) {
          if (r.commit_key !== c.key) {
            throw new NarizError('NARIZ_CONFLICT', `import "${id}" was committed at ${r.committed_at.toISOString()} with another mapping; upload the file again to import it differently`);
          }
          return { result: r.result, duplicate: true };
        }
        for (const e of c.entities) await insertEntity(client, e);
        for (const a of c.assertions) await insertAssertion(client, a);
        await client.query("UPDATE network_imports SET committed_at = $2, commit_key = $3, result = $4::jsonb, content = '\\x'::bytea WHERE id = $1", [id, c.at, c.key, JSON.stringify(c.result)]);
        return { result: c.result, duplicate: false };
      });
    } catch (err) {
      throw translated(err, `import "${id}"`);
    }
  }

  async createAnalysis(a: NewNetworkAnalysis): Promise<NetworkAnalysisRecord> {
    const r = await this.pool.query<AnalysisRowFields>(
      `INSERT INTO network_analyses (id, kind, request, state, progress, message, created_by, created_at) VALUES ($1, $2, $3::jsonb, 'queued', 0, 'queued', $4, $5)
       RETURNING ${ANALYSIS_COLUMNS}`,
      [a.id, a.kind, JSON.stringify(a.request), a.createdBy, a.at],
    );
    return analysisRecord(r.rows[0]!);
  }

  async getAnalysis(id: string, username: string, who: AccessPredicate): Promise<NetworkAnalysisRecord | undefined> {
    const r = await this.pool.query<AnalysisRowFields>(
      `SELECT ${prefixed('a', ANALYSIS_COLUMNS)} FROM network_analyses AS a WHERE a.id = $7 AND a.created_by = $8 AND (a.marking IS NULL OR ${clause('a')})`,
      [...postgresAccessParams(who), id, username],
    );
    return r.rows[0] === undefined ? undefined : analysisRecord(r.rows[0]);
  }

  async analysisResult(id: string, username: string, who: AccessPredicate): Promise<unknown> {
    const r = await this.pool.query<{ result: unknown }>(
      `SELECT a.result FROM network_analyses AS a WHERE a.id = $7 AND a.created_by = $8 AND (a.marking IS NULL OR ${clause('a')})`,
      [...postgresAccessParams(who), id, username],
    );
    return r.rows[0]?.result ?? undefined;
  }

  async listAnalyses(username: string, who: AccessPredicate, limit = 100): Promise<NetworkAnalysisRecord[]> {
    const r = await this.pool.query<AnalysisRowFields>(
      `SELECT ${prefixed('a', ANALYSIS_COLUMNS)} FROM network_analyses AS a WHERE a.created_by = $7 AND (a.marking IS NULL OR ${clause('a')})
       ORDER BY a.created_at DESC, a.id LIMIT $8`,
      [...postgresAccessParams(who), username, limit],
    );
    return r.rows.map(analysisRecord);
  }

  async openAnalyses(): Promise<NetworkAnalysisRecord[]> {
    const r = await this.pool.query<AnalysisRowFields>(`SELECT ${ANALYSIS_COLUMNS} FROM network_analyses WHERE state IN ('queued', 'running') ORDER BY created_at, id`);
    return r.rows.map(analysisRecord);
  }

  async updateAnalysis(id: string, p: NetworkAnalysisPatch): Promise<NetworkAnalysisRecord | undefined> {
    return this.tx(async (c) => {
      const cur = (await c.query<AnalysisRowFields>(`SELECT ${ANALYSIS_COLUMNS} FROM network_analyses WHERE id = $1 FOR UPDATE`, [id])).rows[0];
      if (cur === undefined) return undefined;
      if (isFinalAnalysis(cur.state)) return analysisRecord(cur);
      const set: string[] = [];
      const params: unknown[] = [id];
      const put = (column: string, value: unknown, cast = ''): void => {
        params.push(value);
        set.push(`${column} = $${params.length}${cast}`);
      };
      if (p.state !== undefined) put('state', p.state);
      if (p.progress !== undefined) put('progress', p.progress);
      if (p.message !== undefined) put('message', p.message);
      if (p.startedAt !== undefined) put('started_at', p.startedAt);
      if (p.finishedAt !== undefined) put('finished_at', p.finishedAt);
      if (p.error !== undefined) put('error', JSON.stringify(p.error), '::jsonb');
      if (p.result !== undefined) put('result', JSON.stringify(p.result), '::jsonb');
      if (p.marking !== undefined) {
        const m = postgresMarkingValues(p.marking);
        put('marking', m.marking, '::jsonb');
        put('classification_rank', m.rank);
        put('controls', m.controls);
        put('rel_to', m.relTo);
        put('originator', m.originator);
      }
      if (set.length === 0) return analysisRecord(cur);
      const r = await c.query<AnalysisRowFields>(`UPDATE network_analyses SET ${set.join(', ')} WHERE id = $1 RETURNING ${ANALYSIS_COLUMNS}`, params);
      return analysisRecord(r.rows[0]!);
    });
  }

  private async readEntity(q: Q, id: string): Promise<NetworkEntityRecord | undefined> {
    // Right after a write, for the writer (who read through their predicate first): the stored lead link, no merge view.
    const r = await q.query<EntityRowFields>(`SELECT ${ENTITY_COLUMNS}, lead_id, NULL::text AS merged_into FROM network_entities WHERE id = $1`, [id]);
    return r.rows[0] === undefined ? undefined : entityRecord(r.rows[0]);
  }

  private async readMerge(id: string): Promise<NetworkMergeRecord | undefined> {
    const r = await this.pool.query<MergeRowFields>(`SELECT ${prefixed('m', MERGE_COLUMNS)}, ${MERGE_MEMBERS} FROM network_merges AS m WHERE m.id = $1`, [id]);
    return r.rows[0] === undefined ? undefined : mergeRecord(r.rows[0]);
  }
}

async function insertEntity(q: Q, e: NewNetworkEntity): Promise<void> {
  const m = postgresMarkingValues(e.marking);
  await q.query(
    `INSERT INTO network_entities (id, type, label, search_text, aliases, attributes, lat, lon, location, lead_id, created_by, created_at, updated_at,
       marking, classification_rank, controls, rel_to, originator)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::float8, $8::float8, CASE WHEN $7::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($8::float8, $7::float8), 4326) END,
       $9, $10, $11, $11, $12::jsonb, $13, $14, $15, $16)`,
    [
      e.id, e.type, e.label, entitySearchText(e.label, e.aliases), [...e.aliases], JSON.stringify(e.attributes), e.lat ?? null, e.lon ?? null, e.leadId ?? null,
      e.createdBy, e.at, m.marking, m.rank, m.controls, m.relTo, m.originator,
    ],
  );
}

async function insertAssertion(q: Q, a: NewNetworkAssertion): Promise<void> {
  const m = postgresMarkingValues(a.marking);
  await q.query(
    `INSERT INTO network_assertions (id, from_id, to_id, type, directed, source_ref, source_title, valid_from, valid_to, reliability, credibility, count, note,
       created_by, created_at, updated_at, marking, classification_rank, controls, rel_to, originator)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16::jsonb, $17, $18, $19, $20)`,
    [
      a.id, a.from, a.to, a.type, a.directed, a.sourceRef, a.sourceTitle, a.validFrom ?? null, a.validTo ?? null, a.reliability, a.credibility, a.count, a.note,
      a.createdBy, a.at, m.marking, m.rank, m.controls, m.relTo, m.originator,
    ],
  );
}
