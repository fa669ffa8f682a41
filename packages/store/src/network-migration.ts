/**
 * Schema version 7: the counter-network record (network.ts). Kept beside
 * its facet; migrations.ts lists it in order. Never edited once released.
 *
 * Merges hide, never rewrite: `network_merge_members.active` is 1 while the
 * merge stands, and a partial unique index keeps an entity in at most one
 * active merge. Labelled rows carry the marking columns the access clause
 * reads (access-clause.ts). An analysis run has its marking (the banner of
 * what it read) only once it is done.
 */
import type { Migration } from './migrations.js';

export const NETWORK_MIGRATION: Migration = {
  version: 7,
  name: 'counter-network: entities, assertions, merges, layouts, imports, analyses',
  sqlite: `
    CREATE TABLE network_entities (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      label TEXT NOT NULL,
      search_text TEXT NOT NULL,
      aliases TEXT NOT NULL,
      attributes TEXT NOT NULL,
      lat REAL, lon REAL,
      lead_id TEXT REFERENCES leads (id),
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      marking TEXT NOT NULL,
      classification_rank INTEGER NOT NULL,
      controls TEXT NOT NULL,
      rel_to TEXT NOT NULL,
      originator TEXT NOT NULL,
      CHECK ((lat IS NULL) = (lon IS NULL))
    );
    CREATE INDEX network_entities_label ON network_entities (label, id);
    CREATE INDEX network_entities_lead ON network_entities (lead_id);
    CREATE TABLE network_assertions (
      id TEXT PRIMARY KEY,
      from_id TEXT NOT NULL REFERENCES network_entities (id),
      to_id TEXT NOT NULL REFERENCES network_entities (id),
      type TEXT NOT NULL,
      directed INTEGER NOT NULL,
      source_ref TEXT NOT NULL,
      source_title TEXT NOT NULL,
      valid_from TEXT, valid_to TEXT,
      reliability TEXT NOT NULL,
      credibility INTEGER NOT NULL,
      count REAL NOT NULL CHECK (count > 0),
      note TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      marking TEXT NOT NULL,
      classification_rank INTEGER NOT NULL,
      controls TEXT NOT NULL,
      rel_to TEXT NOT NULL,
      originator TEXT NOT NULL,
      CHECK ((valid_from IS NULL) = (valid_to IS NULL))
    );
    CREATE INDEX network_assertions_from ON network_assertions (from_id);
    CREATE INDEX network_assertions_to ON network_assertions (to_id);
    CREATE TABLE network_merges (
      id TEXT PRIMARY KEY,
      survivor_id TEXT NOT NULL REFERENCES network_entities (id),
      reason TEXT NOT NULL,
      merged_by TEXT NOT NULL,
      merged_at TEXT NOT NULL,
      undone_by TEXT,
      undone_at TEXT
    );
    CREATE INDEX network_merges_survivor ON network_merges (survivor_id);
    CREATE TABLE network_merge_members (
      merge_id TEXT NOT NULL REFERENCES network_merges (id),
      entity_id TEXT NOT NULL REFERENCES network_entities (id),
      position INTEGER NOT NULL,
      active INTEGER NOT NULL,
      PRIMARY KEY (merge_id, entity_id)
    );
    CREATE UNIQUE INDEX network_merge_members_active ON network_merge_members (entity_id) WHERE active = 1;
    CREATE TABLE network_layouts (
      username TEXT NOT NULL,
      name TEXT NOT NULL,
      positions TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (username, name)
    );
    CREATE TABLE network_imports (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      format TEXT NOT NULL,
      file_name TEXT NOT NULL,
      options TEXT NOT NULL,
      columns TEXT NOT NULL,
      row_count INTEGER NOT NULL,
      content BLOB NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      committed_at TEXT,
      commit_key TEXT,
      result TEXT
    );
    CREATE TABLE network_analyses (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      request TEXT NOT NULL,
      state TEXT NOT NULL,
      progress REAL NOT NULL,
      message TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      started_at TEXT,
      finished_at TEXT,
      error TEXT,
      result TEXT,
      marking TEXT,
      classification_rank INTEGER,
      controls TEXT,
      rel_to TEXT,
      originator TEXT
    );
    CREATE INDEX network_analyses_user ON network_analyses (created_by, created_at DESC);
    CREATE INDEX network_analyses_state ON network_analyses (state);
  `,
  postgres: `
    CREATE TABLE network_entities (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      label TEXT NOT NULL,
      search_text TEXT NOT NULL,
      aliases TEXT[] NOT NULL,
      attributes JSONB NOT NULL,
      lat DOUBLE PRECISION, lon DOUBLE PRECISION,
      location geometry(Point, 4326),
      lead_id TEXT REFERENCES leads (id),
      created_by TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL,
      marking JSONB NOT NULL,
      classification_rank SMALLINT NOT NULL,
      controls TEXT[] NOT NULL,
      rel_to TEXT[] NOT NULL,
      originator TEXT NOT NULL,
      CHECK ((lat IS NULL) = (lon IS NULL))
    );
    CREATE INDEX network_entities_label ON network_entities (label, id);
    CREATE INDEX network_entities_lead ON network_entities (lead_id);
    CREATE INDEX network_entities_rel_to ON network_entities USING gin (rel_to);
    CREATE INDEX network_entities_location ON network_entities USING gist (location);
    CREATE TABLE network_assertions (
      id TEXT PRIMARY KEY,
      from_id TEXT NOT NULL REFERENCES network_entities (id),
      to_id TEXT NOT NULL REFERENCES network_entities (id),
      type TEXT NOT NULL,
      directed BOOLEAN NOT NULL,
      source_ref TEXT NOT NULL,
      source_title TEXT NOT NULL,
      valid_from TIMESTAMPTZ, valid_to TIMESTAMPTZ,
      reliability TEXT NOT NULL,
      credibility SMALLINT NOT NULL,
      count DOUBLE PRECISION NOT NULL CHECK (count > 0),
      note TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL,
      marking JSONB NOT NULL,
      classification_rank SMALLINT NOT NULL,
      controls TEXT[] NOT NULL,
      rel_to TEXT[] NOT NULL,
      originator TEXT NOT NULL,
      CHECK ((valid_from IS NULL) = (valid_to IS NULL))
    );
    CREATE INDEX network_assertions_from ON network_assertions (from_id);
    CREATE INDEX network_assertions_to ON network_assertions (to_id);
    CREATE INDEX network_assertions_rel_to ON network_assertions USING gin (rel_to);
    CREATE TABLE network_merges (
      id TEXT PRIMARY KEY,
      survivor_id TEXT NOT NULL REFERENCES network_entities (id),
      reason TEXT NOT NULL,
      merged_by TEXT NOT NULL,
      merged_at TIMESTAMPTZ NOT NULL,
      undone_by TEXT,
      undone_at TIMESTAMPTZ
    );
    CREATE INDEX network_merges_survivor ON network_merges (survivor_id);
    CREATE TABLE network_merge_members (
      merge_id TEXT NOT NULL REFERENCES network_merges (id),
      entity_id TEXT NOT NULL REFERENCES network_entities (id),
      position INTEGER NOT NULL,
      active BOOLEAN NOT NULL,
      PRIMARY KEY (merge_id, entity_id)
    );
    CREATE UNIQUE INDEX network_merge_members_active ON network_merge_members (entity_id) WHERE active;
    CREATE TABLE network_layouts (
      username TEXT NOT NULL,
      name TEXT NOT NULL,
      positions JSONB NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (username, name)
    );
    CREATE TABLE network_imports (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      format TEXT NOT NULL,
      file_name TEXT NOT NULL,
      options JSONB NOT NULL,
      columns JSONB NOT NULL,
      row_count INTEGER NOT NULL,
      content BYTEA NOT NULL,
      created_by TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      committed_at TIMESTAMPTZ,
      commit_key TEXT,
      result JSONB
    );
    CREATE TABLE network_analyses (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      request JSONB NOT NULL,
      state TEXT NOT NULL,
      progress DOUBLE PRECISION NOT NULL,
      message TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      started_at TIMESTAMPTZ,
      finished_at TIMESTAMPTZ,
      error JSONB,
      result JSONB,
      marking JSONB,
      classification_rank SMALLINT,
      controls TEXT[],
      rel_to TEXT[],
      originator TEXT
    );
    CREATE INDEX network_analyses_user ON network_analyses (created_by, created_at DESC);
    CREATE INDEX network_analyses_state ON network_analyses (state);
  `,
};
