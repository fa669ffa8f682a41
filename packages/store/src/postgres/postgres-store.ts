/**
 * PostgreSQL with PostGIS, for deployments that outgrow one machine
 * (NARIZ_DATABASE_URL=postgres://...). The same contract as SQLite: a batch
 * is appended in one transaction that locks its sortie's row (so concurrent
 * batches of one sortie get consecutive, gap-free sample ranges), and a
 * sortie's extent is also kept as a PostGIS polygon for spatial queries.
 *
 * `schema` puts the tables in their own schema (search_path schema, public:
 * PostGIS stays in public), which is how the tests get a fresh database.
 */
import pg from 'pg';
import { NarizError, type Sortie, type SortieId } from '@nariz/core';
import type { BatchAck, MigrationReport, NewSortie, SampleRange, SortieRecord, Store } from '../store.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../migrations.js';
import { encodeBatch } from '../sample-codec.js';
import { parseShape } from '../shape-json.js';
import { PostgresAccounts } from './postgres-accounts.js';
import { PostgresJobs } from './postgres-jobs.js';
import { PostgresAudit } from './postgres-audit.js';
import { PostgresAuditCheckpoints } from './postgres-audit-checkpoints.js';
import { PostgresFlight } from './postgres-flight.js';
import { PostgresVideos } from './postgres-videos.js';
import { PostgresAnnotations } from './postgres-annotations.js';
import { PostgresVideoJobs } from './postgres-video-jobs.js';
import { PostgresLeads } from './postgres-leads.js';
import { PostgresReleases } from './postgres-releases.js';
import { PostgresNetwork } from './postgres-network.js';
import { PostgresGlossary } from './postgres-glossary.js';
import { batchDigest, checkShape, duplicateOrConflict, extent, sampleWindow, samplesFromBatches, toRecord } from '../batch-rules.js';

export interface PostgresStoreOptions {
  readonly connectionString: string;
  /** Schema for the tables (created if missing); default public. */
  readonly schema?: string;
  readonly now?: () => Date;
  /** Pool size (default 10). */
  readonly maxConnections?: number;
}

interface SortieRow {
  id: string;
  name: string;
  simulated: boolean;
  created_at: Date;
  shape: unknown;
  sample_count: number;
  batch_count: number;
  t_min: number | null;
  t_max: number | null;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
}

const SORTIE_COLUMNS = 'id, name, simulated, created_at, shape, sample_count, batch_count, t_min, t_max, min_lon, min_lat, max_lon, max_lat';
/** Serialises migrators across processes (an arbitrary constant key). */
const MIGRATION_LOCK = 4_127_001;

export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly now: () => Date;
  private readonly schema: string;
  readonly accounts: PostgresAccounts;
  readonly jobs: PostgresJobs;
  readonly audit: PostgresAudit;
  readonly auditCheckpoints: PostgresAuditCheckpoints;
  readonly flight: PostgresFlight;
  readonly videos: PostgresVideos;
  readonly annotations: PostgresAnnotations;
  readonly videoJobs: PostgresVideoJobs;
  readonly leads: PostgresLeads;
  readonly releases: PostgresReleases;
  readonly network: PostgresNetwork;
  readonly glossary: PostgresGlossary;

  constructor(o: PostgresStoreOptions) {
    this.schema = o.schema ?? 'public';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.schema)) throw new RangeError(`schema must be a lower-case SQL identifier, got "${this.schema}"`);
    this.now = o.now ?? (() => new Date());
    this.pool = new pg.Pool({ connectionString: o.connectionString, max: o.maxConnections ?? 10 });
    const path = this.schema === 'public' ? 'public' : `${this.schema}, public`;
    this.pool.on('connect', (client) => {
      client.query(`SET search_path TO ${path}`).catch(() => undefined);
    });
    this.accounts = new PostgresAccounts(this.pool, this.now);
    this.jobs = new PostgresJobs(this.pool, this.now, (body) => this.tx(body));
    this.audit = new PostgresAudit(this.pool, this.now, (body) => this.tx(body));
    this.auditCheckpoints = new PostgresAuditCheckpoints(this.pool, this.now, (body) => this.tx(body));
    this.flight = new PostgresFlight(this.pool, this.now);
    this.videos = new PostgresVideos(this.pool, this.now);
    this.annotations = new PostgresAnnotations(this.pool, this.now, (body) => this.tx(body));
    this.videoJobs = new PostgresVideoJobs(this.pool, this.now, (body) => this.tx(body));
    this.leads = new PostgresLeads(this.pool, (body) => this.tx(body));
    this.releases = new PostgresReleases(this.pool, (body) => this.tx(body));
    this.network = new PostgresNetwork(this.pool, (body) => this.tx(body));
    this.glossary = new PostgresGlossary(this.pool, (body) => this.tx(body));
  }

  async migrate(): Promise<MigrationReport> {
    return this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      if (this.schema !== 'public') await c.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)');
      const from = ((await c.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0);
      if (from > SCHEMA_VERSION) {
        throw new NarizError('NARIZ_STORE_VERSION', `the database is at schema version ${from}; this Nariz knows up to ${SCHEMA_VERSION}. Use a newer Nariz, or restore a backup.`);
      }
      const applied: string[] = [];
      for (const m of MIGRATIONS) {
        if (m.version <= from) continue;
        await c.query(m.postgres);
        await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, this.now()]);
        applied.push(`${m.version} ${m.name}`);
      }
      return { from, to: SCHEMA_VERSION, applied };
    });
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async createSortie(s: NewSortie): Promise<SortieRecord> {
    try {
      const r = await this.pool.query<SortieRow>(`INSERT INTO sorties (id, name, simulated, created_at) VALUES ($1, $2, $3, $4) RETURNING ${SORTIE_COLUMNS}`, [s.id, s.name, s.simulated, this.now()]);
      return fields(r.rows[0]!);
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === '23505') throw new NarizError('NARIZ_CONFLICT', `a sortie with id "${s.id}" exists already`, undefined, { cause: err });
      throw err;
    }
  }

  async getSortie(id: SortieId): Promise<SortieRecord | undefined> {
    const r = await this.pool.query<SortieRow>(`SELECT ${SORTIE_COLUMNS} FROM sorties WHERE id = $1`, [id]);
    return r.rows[0] === undefined ? undefined : fields(r.rows[0]);
  }

  async listSorties(): Promise<SortieRecord[]> {
    const r = await this.pool.query<SortieRow>(`SELECT ${SORTIE_COLUMNS} FROM sorties ORDER BY created_at DESC, id`);
    return r.rows.map(fields);
  }

  async deleteSortie(id: SortieId): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM sorties WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async appendBatch(id: SortieId, batchId: string, batch: Sortie): Promise<BatchAck> {
    const data = encodeBatch(batch);
    const sha = batchDigest(data);
    return this.tx(async (c) => {
      const row = (await c.query<SortieRow>(`SELECT ${SORTIE_COLUMNS} FROM sorties WHERE id = $1 FOR UPDATE`, [id])).rows[0];
      if (row === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no sortie "${id}"`);
      const seen = (await c.query<{ first_sample: number; count: number; sha256: Buffer }>('SELECT first_sample, count, sha256 FROM sample_batches WHERE sortie_id = $1 AND batch_id = $2', [id, batchId])).rows[0];
      if (seen !== undefined) {
        duplicateOrConflict(id, batchId, sha, seen.sha256);
        return { sortieId: id, batchId, firstSample: seen.first_sample, count: seen.count, duplicate: true };
      }
      const shape = checkShape(id, batchId, row.shape === null ? undefined : parseShape(JSON.stringify(row.shape)), batch);
      const ext = extent(batch);
      await c.query('INSERT INTO sample_batches (sortie_id, batch_id, seq, first_sample, count, sha256, data, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        id, batchId, row.batch_count, row.sample_count, batch.count, sha, Buffer.from(data.buffer, data.byteOffset, data.byteLength), this.now(),
      ]);
      await c.query(
        `UPDATE sorties SET shape = coalesce(shape, $2::jsonb), sample_count = sample_count + $3, batch_count = batch_count + 1,
           t_min = least(t_min, $4), t_max = greatest(t_max, $5),
           min_lon = least(min_lon, $6), min_lat = least(min_lat, $7), max_lon = greatest(max_lon, $8), max_lat = greatest(max_lat, $9)
         WHERE id = $1`,
        [id, JSON.stringify(shape), batch.count, ext.tMin, ext.tMax, ext.minLon, ext.minLat, ext.maxLon, ext.maxLat],
      );
      await c.query('UPDATE sorties SET extent = ST_MakeEnvelope(min_lon, min_lat, max_lon, max_lat, 4326) WHERE id = $1 AND min_lon IS NOT NULL', [id]);
      return { sortieId: id, batchId, firstSample: row.sample_count, count: batch.count, duplicate: false };
    });
  }

  async readSamples(id: SortieId, range: SampleRange = {}): Promise<Sortie> {
    const w = sampleWindow(id, await this.getSortie(id), range);
    if (w.to <= w.from) return samplesFromBatches([], w);
    const rows = (
      await this.pool.query<{ first_sample: number; count: number; data: Buffer }>(
        'SELECT first_sample, count, data FROM sample_batches WHERE sortie_id = $1 AND first_sample < $2 AND first_sample + count > $3 ORDER BY seq',
        [id, w.to, w.from],
      )
    ).rows;
    return samplesFromBatches(rows.map((r) => ({ firstSample: r.first_sample, count: r.count, data: r.data })), w);
  }

  private async tx<T>(body: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await body(c);
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }
}

function fields(r: SortieRow): SortieRecord {
  return toRecord({
    id: r.id, name: r.name, simulated: r.simulated, createdAt: r.created_at.toISOString(),
    shape: r.shape === null ? undefined : parseShape(JSON.stringify(r.shape)),
    sampleCount: r.sample_count, batchCount: r.batch_count, tMin: r.t_min, tMax: r.t_max, minLon: r.min_lon, minLat: r.min_lat, maxLon: r.max_lon, maxLat: r.max_lat,
  });
}
