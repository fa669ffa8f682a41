/**
 * Versioned schema migrations, applied in order at start-up. A migration is
 * never edited once released: changes are new versions. Each carries the
 * SQL of both dialects under the same version; PostgreSQL adds PostGIS
 * geometry (the PostGIS extension must exist in the database: creating it
 * needs a superuser, so the deployment's set-up does it).
 */
import { NETWORK_MIGRATION } from './network-migration.js';
import { GLOSSARY_MIGRATION } from './glossary-migration.js';
import { RELEASE_WITHHELD_MIGRATION } from './release-withheld-migration.js';

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
  {
    version: 5,
    name: 'markings: user clearances, leads, lead events and evidence, releases',
    // Users from before markings keep the access they had: clearance TS, the
    // deployment's own country (nationality NULL, read as the configured own
    // country until an admin sets one) and the organisation 'task force'.
    // Every labelled row keeps its marking as JSON plus the columns of
    // @nariz/security's markingColumns, so access is decided in the WHERE
    // clause (docs/security/markings.md, "In the store"). search_text is
    // title and summary lower-cased by the store, as for annotations.
    // lead_events and releases are append-only: triggers refuse UPDATE and
    // DELETE (and, in PostgreSQL, TRUNCATE), so not even a bug can edit them.
    // occurred_at is when a transition happened in the world (a raid), at
    // when it was recorded.
    sqlite: `
      ALTER TABLE users ADD COLUMN clearance TEXT NOT NULL DEFAULT 'TS';
      ALTER TABLE users ADD COLUMN nationality TEXT;
      ALTER TABLE users ADD COLUMN organisation TEXT NOT NULL DEFAULT 'task force';
      ALTER TABLE users ADD COLUMN accesses TEXT NOT NULL DEFAULT '[]';
      CREATE TABLE leads (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        lang TEXT NOT NULL,
        search_text TEXT NOT NULL,
        status TEXT NOT NULL,
        lat REAL NOT NULL, lon REAL NOT NULL,
        ci95_m REAL,
        lab_probability REAL,
        sortie_id TEXT, job_id TEXT, source_index INTEGER,
        detected_at TEXT,
        partner_country TEXT, partner_unit TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        marking TEXT NOT NULL,
        classification_rank INTEGER NOT NULL,
        controls TEXT NOT NULL,
        rel_to TEXT NOT NULL,
        originator TEXT NOT NULL
      );
      CREATE INDEX leads_updated ON leads (updated_at DESC);
      CREATE INDEX leads_status ON leads (status);
      CREATE INDEX leads_source ON leads (sortie_id, job_id, source_index);
      CREATE INDEX leads_rank ON leads (classification_rank);
      CREATE TABLE lead_events (
        lead_id TEXT NOT NULL REFERENCES leads (id),
        seq INTEGER NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        at TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        note TEXT NOT NULL,
        details TEXT NOT NULL,
        PRIMARY KEY (lead_id, seq)
      );
      CREATE INDEX lead_events_to ON lead_events (to_status, lead_id);
      CREATE TRIGGER lead_events_no_update BEFORE UPDATE ON lead_events BEGIN SELECT RAISE(ABORT, 'lead_events is append-only'); END;
      CREATE TRIGGER lead_events_no_delete BEFORE DELETE ON lead_events BEGIN SELECT RAISE(ABORT, 'lead_events is append-only'); END;
      CREATE TABLE lead_evidence (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads (id),
        kind TEXT NOT NULL,
        ref TEXT,
        text TEXT NOT NULL,
        lang TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        marking TEXT NOT NULL,
        classification_rank INTEGER NOT NULL,
        controls TEXT NOT NULL,
        rel_to TEXT NOT NULL,
        originator TEXT NOT NULL
      );
      CREATE INDEX lead_evidence_lead ON lead_evidence (lead_id, added_at);
      CREATE TABLE releases (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads (id),
        partner_country TEXT NOT NULL,
        partner_unit TEXT NOT NULL,
        language TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        banner TEXT NOT NULL,
        package TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        html_en TEXT NOT NULL,
        html_es TEXT NOT NULL,
        marking TEXT NOT NULL,
        classification_rank INTEGER NOT NULL,
        controls TEXT NOT NULL,
        rel_to TEXT NOT NULL,
        originator TEXT NOT NULL
      );
      CREATE INDEX releases_lead ON releases (lead_id, created_at);
      CREATE INDEX releases_partner ON releases (partner_country, created_at DESC);
      CREATE TRIGGER releases_no_update BEFORE UPDATE ON releases BEGIN SELECT RAISE(ABORT, 'releases are immutable'); END;
      CREATE TRIGGER releases_no_delete BEFORE DELETE ON releases BEGIN SELECT RAISE(ABORT, 'releases are immutable'); END;
    `,
    postgres: `
      ALTER TABLE users
        ADD COLUMN clearance TEXT NOT NULL DEFAULT 'TS',
        ADD COLUMN nationality TEXT,
        ADD COLUMN organisation TEXT NOT NULL DEFAULT 'task force',
        ADD COLUMN accesses TEXT[] NOT NULL DEFAULT '{}';
      CREATE TABLE leads (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        lang TEXT NOT NULL,
        search_text TEXT NOT NULL,
        status TEXT NOT NULL,
        lat DOUBLE PRECISION NOT NULL, lon DOUBLE PRECISION NOT NULL,
        ci95_m DOUBLE PRECISION,
        lab_probability DOUBLE PRECISION,
        sortie_id TEXT, job_id TEXT, source_index INTEGER,
        detected_at TIMESTAMPTZ,
        partner_country TEXT, partner_unit TEXT,
        created_by TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        location geometry(Point, 4326) NOT NULL,
        marking JSONB NOT NULL,
        classification_rank SMALLINT NOT NULL,
        controls TEXT[] NOT NULL,
        rel_to TEXT[] NOT NULL,
        originator TEXT NOT NULL
      );
      CREATE INDEX leads_updated ON leads (updated_at DESC);
      CREATE INDEX leads_status ON leads (status);
      CREATE INDEX leads_source ON leads (sortie_id, job_id, source_index);
      CREATE INDEX leads_rel_to ON leads USING gin (rel_to);
      CREATE INDEX leads_location ON leads USING gist (location);
      CREATE TABLE lead_events (
        lead_id TEXT NOT NULL REFERENCES leads (id),
        seq INTEGER NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL,
        occurred_at TIMESTAMPTZ NOT NULL,
        actor TEXT NOT NULL,
        note TEXT NOT NULL,
        details JSONB NOT NULL,
        PRIMARY KEY (lead_id, seq)
      );
      CREATE INDEX lead_events_to ON lead_events (to_status, lead_id);
      CREATE TABLE lead_evidence (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads (id),
        kind TEXT NOT NULL,
        ref TEXT,
        text TEXT NOT NULL,
        lang TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TIMESTAMPTZ NOT NULL,
        marking JSONB NOT NULL,
        classification_rank SMALLINT NOT NULL,
        controls TEXT[] NOT NULL,
        rel_to TEXT[] NOT NULL,
        originator TEXT NOT NULL
      );
      CREATE INDEX lead_evidence_lead ON lead_evidence (lead_id, added_at);
      CREATE TABLE releases (
        id TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads (id),
        partner_country TEXT NOT NULL,
        partner_unit TEXT NOT NULL,
        language TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        banner TEXT NOT NULL,
        package TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        html_en TEXT NOT NULL,
        html_es TEXT NOT NULL,
        marking JSONB NOT NULL,
        classification_rank SMALLINT NOT NULL,
        controls TEXT[] NOT NULL,
        rel_to TEXT[] NOT NULL,
        originator TEXT NOT NULL
      );
      CREATE INDEX releases_lead ON releases (lead_id, created_at);
      CREATE INDEX releases_partner ON releases (partner_country, created_at DESC);
      CREATE INDEX releases_rel_to ON releases USING gin (rel_to);
      CREATE FUNCTION nariz_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
        END
      $fn$;
      CREATE TRIGGER lead_events_append_only BEFORE UPDATE OR DELETE ON lead_events FOR EACH ROW EXECUTE FUNCTION nariz_append_only();
      CREATE TRIGGER lead_events_no_truncate BEFORE TRUNCATE ON lead_events FOR EACH STATEMENT EXECUTE FUNCTION nariz_append_only();
      CREATE TRIGGER releases_append_only BEFORE UPDATE OR DELETE ON releases FOR EACH ROW EXECUTE FUNCTION nariz_append_only();
      CREATE TRIGGER releases_no_truncate BEFORE TRUNCATE ON releases FOR EACH STATEMENT EXECUTE FUNCTION nariz_append_only();
    `,
  },
  {
    version: 6,
    name: 'audit checkpoints; audit log and checkpoints append-only',
    // Signed checkpoints of the audit log's Merkle tree (audit-checkpoints.ts):
    // one row per tree size, the note kept exactly as signed. UPDATE and
    // DELETE of both tables are refused by trigger: a guard against mistakes,
    // not against whoever can drop a trigger (the signatures and the
    // partner's saved checkpoints detect that; docs/security/audit.md).
    sqlite: `
      CREATE TABLE audit_checkpoints (
        tree_size INTEGER PRIMARY KEY,
        root_hash TEXT NOT NULL,
        signed TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
      CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
    postgres: `
      CREATE TABLE audit_checkpoints (
        tree_size BIGINT PRIMARY KEY,
        root_hash TEXT NOT NULL,
        signed TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL
      );
      -- nariz_append_only() is version 5's.
      CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION nariz_append_only();
      CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION nariz_append_only();
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION nariz_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION nariz_append_only();
    `,
  },
  NETWORK_MIGRATION,
  GLOSSARY_MIGRATION,
  RELEASE_WITHHELD_MIGRATION,
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
