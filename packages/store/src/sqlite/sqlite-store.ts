/**
 * The embedded default: SQLite through better-sqlite3, in WAL mode with
 * synchronous=FULL, so a batch is on disk when its acknowledgement is
 * returned (a killed server loses nothing it acknowledged). better-sqlite3
 * is synchronous; the methods are async only to share the Store contract
 * with PostgreSQL. Batch appends are short transactions (one BLOB row and
 * one counter update), so they do not hold the event loop for long.
 */
import Database from 'better-sqlite3';
import { NarizError, type Sortie, type SortieId } from '@nariz/core';
import type { BatchAck, MigrationReport, NewSortie, SampleRange, SortieRecord, Store } from '../store.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../migrations.js';
import { encodeBatch } from '../sample-codec.js';
import { parseShape } from '../shape-json.js';
import { SqliteAccounts } from './sqlite-accounts.js';
import { SqliteJobs } from './sqlite-jobs.js';
import { SqliteAudit } from './sqlite-audit.js';
import { SqliteAuditCheckpoints } from './sqlite-audit-checkpoints.js';
import { SqliteFlight } from './sqlite-flight.js';
import { SqliteVideos } from './sqlite-videos.js';
import { SqliteAnnotations } from './sqlite-annotations.js';
import { SqliteVideoJobs } from './sqlite-video-jobs.js';
import { SqliteLeads } from './sqlite-leads.js';
import { SqliteReleases } from './sqlite-releases.js';
import { SqliteNetwork } from './sqlite-network.js';
import { SqliteGlossary } from './sqlite-glossary.js';
import { batchDigest, checkShape, duplicateOrConflict, extent, sampleWindow, samplesFromBatches, toRecord } from '../batch-rules.js';

export interface SqliteStoreOptions {
  /** Database file, or ':memory:'. */
  readonly path: string;
  /** Clock for created/received times (tests pass a fixed one). */
  readonly now?: () => Date;
}

interface SortieRow {
  id: string;
  name: string;
  simulated: number;
  created_at: string;
  shape: string | null;
  sample_count: number;
  batch_count: number;
  t_min: number | null;
  t_max: number | null;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
}

interface BatchRow {
  seq: number;
  first_sample: number;
  count: number;
  sha256: Buffer;
  data: Buffer;
}

export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly now: () => Date;
  readonly accounts: SqliteAccounts;
  readonly jobs: SqliteJobs;
  readonly audit: SqliteAudit;
  readonly auditCheckpoints: SqliteAuditCheckpoints;
  readonly flight: SqliteFlight;
  readonly videos: SqliteVideos;
  readonly annotations: SqliteAnnotations;
  readonly videoJobs: SqliteVideoJobs;
  readonly leads: SqliteLeads;
  readonly releases: SqliteReleases;
  readonly network: SqliteNetwork;
  readonly glossary: SqliteGlossary;

  constructor(o: SqliteStoreOptions) {
    this.db = new Database(o.path);
    this.now = o.now ?? (() => new Date());
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.accounts = new SqliteAccounts(this.db, this.now);
    this.jobs = new SqliteJobs(this.db, this.now);
    this.audit = new SqliteAudit(this.db, this.now);
    this.auditCheckpoints = new SqliteAuditCheckpoints(this.db, this.now);
    this.flight = new SqliteFlight(this.db, this.now);
    this.videos = new SqliteVideos(this.db, this.now);
    this.annotations = new SqliteAnnotations(this.db, this.now);
    this.videoJobs = new SqliteVideoJobs(this.db, this.now);
    this.leads = new SqliteLeads(this.db);
    this.releases = new SqliteReleases(this.db);
    this.network = new SqliteNetwork(this.db);
    this.glossary = new SqliteGlossary(this.db);
  }

  async migrate(): Promise<MigrationReport> {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const from = (this.db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
    if (from > SCHEMA_VERSION) {
      throw new NarizError('NARIZ_STORE_VERSION', `the database is at schema version ${from}; this Nariz knows up to ${SCHEMA_VERSION}. Use a newer Nariz, or restore a backup.`);
    }
    const applied: string[] = [];
    const record = this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of MIGRATIONS) {
      if (m.version <= from) continue;
      this.db.transaction(() => {
        this.db.exec(m.sqlite);
        record.run(m.version, m.name, this.now().toISOString());
      })();
      applied.push(`${m.version} ${m.name}`);
    }
    return { from, to: SCHEMA_VERSION, applied };
  }

  /**
   * A consistent copy of the database in `path` (SQLite's online backup:
   * safe while the server is writing). The copy is a plain database file,
   * ready for `restoreSqliteBackup`.
   */
  async backupTo(path: string): Promise<void> {
    await this.db.backup(path);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async createSortie(s: NewSortie): Promise<SortieRecord> {
    try {
      this.db.prepare('INSERT INTO sorties (id, name, simulated, created_at) VALUES (?, ?, ?, ?)').run(s.id, s.name, s.simulated ? 1 : 0, this.now().toISOString());
    } catch (err) {
      if (err instanceof Database.SqliteError && err.code.startsWith('SQLITE_CONSTRAINT')) {
        throw new NarizError('NARIZ_CONFLICT', `a sortie with id "${s.id}" exists already`, undefined, { cause: err });
      }
      throw err;
    }
    return this.mustGet(s.id);
  }

  async getSortie(id: SortieId): Promise<SortieRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM sorties WHERE id = ?').get(id) as SortieRow | undefined;
    return row === undefined ? undefined : fields(row);
  }

  async listSorties(): Promise<SortieRecord[]> {
    const rows = this.db.prepare('SELECT * FROM sorties ORDER BY created_at DESC, id').all() as SortieRow[];
    return rows.map(fields);
  }

  async deleteSortie(id: SortieId): Promise<boolean> {
    return this.db.prepare('DELETE FROM sorties WHERE id = ?').run(id).changes > 0;
  }

  async appendBatch(id: SortieId, batchId: string, batch: Sortie): Promise<BatchAck> {
    const data = encodeBatch(batch);
    const sha = batchDigest(data);
    return this.db.transaction((): BatchAck => {
      const row = this.db.prepare('SELECT * FROM sorties WHERE id = ?').get(id) as SortieRow | undefined;
      if (row === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no sortie "${id}"`);
      const seen = this.db.prepare('SELECT seq, first_sample, count, sha256 FROM sample_batches WHERE sortie_id = ? AND batch_id = ?').get(id, batchId) as Omit<BatchRow, 'data'> | undefined;
      if (seen !== undefined) {
        duplicateOrConflict(id, batchId, sha, seen.sha256);
        return { sortieId: id, batchId, firstSample: seen.first_sample, count: seen.count, duplicate: true };
      }
      const shape = checkShape(id, batchId, row.shape === null ? undefined : parseShape(row.shape), batch);
      const ext = extent(batch);
      this.db
        .prepare('INSERT INTO sample_batches (sortie_id, batch_id, seq, first_sample, count, sha256, data, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, batchId, row.batch_count, row.sample_count, batch.count, sha, data, this.now().toISOString());
      this.db
        .prepare(
          `UPDATE sorties SET shape = coalesce(shape, ?), sample_count = sample_count + ?, batch_count = batch_count + 1,
             t_min = min(coalesce(t_min, ?), ?), t_max = max(coalesce(t_max, ?), ?),
             min_lon = min(coalesce(min_lon, ?), ?), min_lat = min(coalesce(min_lat, ?), ?),
             max_lon = max(coalesce(max_lon, ?), ?), max_lat = max(coalesce(max_lat, ?), ?)
           WHERE id = ?`,
        )
        .run(
          JSON.stringify(shape), batch.count,
          ext.tMin, ext.tMin, ext.tMax, ext.tMax,
          ext.minLon, ext.minLon, ext.minLat, ext.minLat, ext.maxLon, ext.maxLon, ext.maxLat, ext.maxLat,
          id,
        );
      return { sortieId: id, batchId, firstSample: row.sample_count, count: batch.count, duplicate: false };
    }).immediate();
  }

  async readSamples(id: SortieId, range: SampleRange = {}): Promise<Sortie> {
    const w = sampleWindow(id, await this.getSortie(id), range);
    if (w.to <= w.from) return samplesFromBatches([], w);
    const rows = this.db
      .prepare('SELECT first_sample, count, data FROM sample_batches WHERE sortie_id = ? AND first_sample < ? AND first_sample + count > ? ORDER BY seq')
      .all(id, w.to, w.from) as Array<Pick<BatchRow, 'first_sample' | 'count' | 'data'>>;
    return samplesFromBatches(rows.map((r) => ({ firstSample: r.first_sample, count: r.count, data: r.data })), w);
  }

  private async mustGet(id: SortieId): Promise<SortieRecord> {
    const rec = await this.getSortie(id);
    if (rec === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no sortie "${id}"`);
    return rec;
  }
}

function fields(r: SortieRow): SortieRecord {
  return toRecord({
    id: r.id, name: r.name, simulated: r.simulated === 1, createdAt: r.created_at, shape: r.shape === null ? undefined : parseShape(r.shape),
    sampleCount: r.sample_count, batchCount: r.batch_count, tMin: r.t_min, tMax: r.t_max, minLon: r.min_lon, minLat: r.min_lat, maxLon: r.max_lon, maxLat: r.max_lat,
  });
}

/**
 * The schema version of a backup file, after checking that it is a Nariz
 * database this code can read (NARIZ_STORE_CORRUPT or NARIZ_STORE_VERSION
 * otherwise). Opens it read-only: the file is not changed.
 */
export function inspectSqliteBackup(path: string): { version: number; sorties: number } {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new NarizError('NARIZ_IO', `cannot open backup ${path}: ${err instanceof Error ? err.message : String(err)}`, { file: path }, { cause: err });
  }
  try {
    let version: number;
    let sorties: number;
    try {
      version = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
      sorties = (db.prepare('SELECT count(*) AS n FROM sorties').get() as { n: number }).n;
    } catch (err) {
      throw new NarizError('NARIZ_STORE_CORRUPT', `${path} is not a Nariz database (${err instanceof Error ? err.message : String(err)})`, { file: path }, { cause: err });
    }
    if (version > SCHEMA_VERSION) throw new NarizError('NARIZ_STORE_VERSION', `backup ${path} is at schema version ${version}; this Nariz knows up to ${SCHEMA_VERSION}`, { file: path });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new NarizError('NARIZ_STORE_CORRUPT', `backup ${path} fails SQLite's check: ${String(check)}`, { file: path });
    return { version, sorties };
  } finally {
    db.close();
  }
}
