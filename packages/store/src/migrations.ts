/**
 * Versioned schema migrations, applied in order at start-up. A migration is
 * never edited once released: changes are new versions. Each carries the
 * SQL of every dialect the store speaks (SQLite today; the PostgreSQL
 * adapter adds its own, with PostGIS geometry, under the same versions).
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sqlite: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sorties and sample batches',
    sqlite: `
      CREATE TABLE sorties (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        simulated INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        shape TEXT,
        sample_count INTEGER NOT NULL DEFAULT 0,
        batch_count INTEGER NOT NULL DEFAULT 0,
        t_min REAL, t_max REAL,
        min_lon REAL, min_lat REAL, max_lon REAL, max_lat REAL
      );
      CREATE INDEX sorties_created ON sorties (created_at DESC);
      CREATE TABLE sample_batches (
        sortie_id TEXT NOT NULL REFERENCES sorties (id) ON DELETE CASCADE,
        batch_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        first_sample INTEGER NOT NULL,
        count INTEGER NOT NULL,
        sha256 BLOB NOT NULL,
        data BLOB NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (sortie_id, batch_id)
      );
      CREATE UNIQUE INDEX sample_batches_seq ON sample_batches (sortie_id, seq);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
