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
  {
    version: 4,
    name: 'full-motion video: videos, annotations and video jobs',
    // Paths are relative to the server's video directory, so the data
    // directory can move. The bbox columns are the footprint's prefilter for
    // "which video saw this place" (west > east when it crosses the
    // antimeridian); search_text and tag_keys are the annotation's text and
    // tags lower-cased by the store, so substring and tag search match the
    // same way in both dialects for any script (SQLite's LIKE folds ASCII only).
    sqlite: `
      CREATE TABLE videos (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        byte_size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        status TEXT NOT NULL,
        failure TEXT,
        progress REAL NOT NULL DEFAULT 0,
        message TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        duration_s REAL,
        codec TEXT,
        frame_count INTEGER,
        report TEXT,
        west REAL, south REAL, east REAL, north REAL,
        frames BLOB,
        original_path TEXT NOT NULL,
        media_path TEXT
      );
      CREATE INDEX videos_created ON videos (created_at DESC);
      CREATE INDEX videos_status ON videos (status);
      CREATE INDEX videos_bbox ON videos (south, north, west, east);
      CREATE TABLE video_annotations (
        id TEXT PRIMARY KEY,
        video_id TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
        t_s REAL NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        tags TEXT NOT NULL,
        search_text TEXT NOT NULL,
        tag_keys TEXT NOT NULL,
        lat REAL, lon REAL,
        u REAL, v REAL,
        link_kind TEXT, link_id TEXT,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX video_annotations_video ON video_annotations (video_id, t_s);
      CREATE INDEX video_annotations_link ON video_annotations (link_kind, link_id);
      CREATE INDEX video_annotations_updated ON video_annotations (updated_at DESC);
      CREATE TABLE video_jobs (
        id TEXT PRIMARY KEY,
        video_id TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        state TEXT NOT NULL,
        progress REAL NOT NULL DEFAULT 0,
        message TEXT NOT NULL DEFAULT '',
        options TEXT NOT NULL,
        created_by TEXT,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        error TEXT,
        result TEXT
      );
      CREATE INDEX video_jobs_video ON video_jobs (video_id, created_at DESC);
      CREATE INDEX video_jobs_state ON video_jobs (state);
    `,
    postgres: `
      CREATE TABLE videos (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        byte_size BIGINT NOT NULL,
        sha256 TEXT NOT NULL,
        status TEXT NOT NULL,
        failure JSONB,
        progress DOUBLE PRECISION NOT NULL DEFAULT 0,
        message TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        duration_s DOUBLE PRECISION,
        codec TEXT,
        frame_count INTEGER,
        report JSONB,
        west DOUBLE PRECISION, south DOUBLE PRECISION, east DOUBLE PRECISION, north DOUBLE PRECISION,
        footprint geometry(Polygon, 4326),
        frames BYTEA,
        original_path TEXT NOT NULL,
        media_path TEXT
      );
      CREATE INDEX videos_created ON videos (created_at DESC);
      CREATE INDEX videos_status ON videos (status);
      CREATE INDEX videos_bbox ON videos (south, north, west, east);
      CREATE INDEX videos_footprint ON videos USING gist (footprint);
      CREATE TABLE video_annotations (
        id TEXT PRIMARY KEY,
        video_id TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
        t_s DOUBLE PRECISION NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        tags TEXT[] NOT NULL,
        search_text TEXT NOT NULL,
        tag_keys TEXT[] NOT NULL,
        lat DOUBLE PRECISION, lon DOUBLE PRECISION,
        u DOUBLE PRECISION, v DOUBLE PRECISION,
        link_kind TEXT, link_id TEXT,
        author TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX video_annotations_video ON video_annotations (video_id, t_s);
      CREATE INDEX video_annotations_link ON video_annotations (link_kind, link_id);
      CREATE INDEX video_annotations_updated ON video_annotations (updated_at DESC);
      CREATE INDEX video_annotations_tags ON video_annotations USING gin (tag_keys);
      CREATE TABLE video_jobs (
        id TEXT PRIMARY KEY,
        video_id TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        state TEXT NOT NULL,
        progress DOUBLE PRECISION NOT NULL DEFAULT 0,
        message TEXT NOT NULL DEFAULT '',
        options JSONB NOT NULL,
        created_by TEXT,
        created_at TIMESTAMPTZ NOT NULL,
        started_at TIMESTAMPTZ,
        finished_at TIMESTAMPTZ,
        error JSONB,
        result JSONB
      );
      CREATE INDEX video_jobs_video ON video_jobs (video_id, created_at DESC);
      CREATE INDEX video_jobs_state ON video_jobs (state);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
