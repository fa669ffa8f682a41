/**
 * Versioned schema migrations, applied in order at start-up. A migration is
 * never edited once released: changes are new versions. Each carries the
 * SQL of both dialects under the same version; PostgreSQL adds PostGIS
 * geometry (the PostGIS extension must exist in the database: creating it
 * needs a superuser, so the deployment's set-up does it).
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sqlite: string;
  readonly postgres: string;
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
    postgres: `
      CREATE TABLE sorties (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        simulated BOOLEAN NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        shape JSONB,
        sample_count INTEGER NOT NULL DEFAULT 0,
        batch_count INTEGER NOT NULL DEFAULT 0,
        t_min DOUBLE PRECISION, t_max DOUBLE PRECISION,
        min_lon DOUBLE PRECISION, min_lat DOUBLE PRECISION, max_lon DOUBLE PRECISION, max_lat DOUBLE PRECISION,
        extent geometry(Polygon, 4326)
      );
      CREATE INDEX sorties_created ON sorties (created_at DESC);
      CREATE INDEX sorties_extent ON sorties USING gist (extent);
      CREATE TABLE sample_batches (
        sortie_id TEXT NOT NULL REFERENCES sorties (id) ON DELETE CASCADE,
        batch_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        first_sample INTEGER NOT NULL,
        count INTEGER NOT NULL,
        sha256 BYTEA NOT NULL,
        data BYTEA NOT NULL,
        received_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (sortie_id, batch_id),
        UNIQUE (sortie_id, seq)
      );
    `,
  },
  {
    version: 2,
    name: 'users, sessions, API tokens and jobs',
    sqlite: `
      CREATE TABLE users (
        username TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        must_change_password INTEGER NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (username);
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        sortie_id TEXT NOT NULL REFERENCES sorties (id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        progress REAL NOT NULL DEFAULT 0,
        message TEXT NOT NULL DEFAULT '',
        options TEXT NOT NULL,
        created_by TEXT,
        sample_count INTEGER,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        error TEXT,
        result TEXT
      );
      CREATE INDEX jobs_sortie ON jobs (sortie_id, created_at DESC);
      CREATE INDEX jobs_state ON jobs (state);
    `,
    postgres: `
      CREATE TABLE users (
        username TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        must_change_password BOOLEAN NOT NULL,
        disabled BOOLEAN NOT NULL DEFAULT false,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (username);
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        sortie_id TEXT NOT NULL REFERENCES sorties (id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        progress DOUBLE PRECISION NOT NULL DEFAULT 0,
        message TEXT NOT NULL DEFAULT '',
        options JSONB NOT NULL,
        created_by TEXT,
        sample_count INTEGER,
        created_at TIMESTAMPTZ NOT NULL,
        started_at TIMESTAMPTZ,
        finished_at TIMESTAMPTZ,
        error JSONB,
        result JSONB
      );
      CREATE INDEX jobs_sortie ON jobs (sortie_id, created_at DESC);
      CREATE INDEX jobs_state ON jobs (state);
    `,
  },
  {
    version: 3,
    name: 'audit log, flight plans and airspace authorities',
    sqlite: `
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        details TEXT NOT NULL,
        leaf_hash TEXT NOT NULL
      );
      CREATE INDEX audit_actor ON audit_log (actor, seq);
      CREATE INDEX audit_action ON audit_log (action, seq);
      CREATE TABLE flight_plans (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        authority_id TEXT,
        plan TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE authorities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        definition TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
    postgres: `
      CREATE TABLE audit_log (
        seq BIGINT PRIMARY KEY,
        at TIMESTAMPTZ NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        details JSONB NOT NULL,
        leaf_hash TEXT NOT NULL
      );
      CREATE INDEX audit_actor ON audit_log (actor, seq);
      CREATE INDEX audit_action ON audit_log (action, seq);
      CREATE TABLE flight_plans (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        authority_id TEXT,
        plan JSONB NOT NULL,
        created_by TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE authorities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        definition JSONB NOT NULL,
        created_by TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
