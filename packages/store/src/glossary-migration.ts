/**
 * Schema version 8: the slang glossary (glossary.ts). Kept beside its
 * facet; migrations.ts lists it in order. Never edited once released.
 *
 * `glossary_forms` holds every form an entry matches (term and variants)
 * under its folded key, whose primary key makes a form unique across the
 * glossary; `term_key` orders the list; `search_text` is what `q` searches,
 * folded by the store, so both dialects match alike. reviewed_by and
 * reviewed_at are both set or both null.
 */
import type { Migration } from './migrations.js';

export const GLOSSARY_MIGRATION: Migration = {
  version: 8,
  name: 'slang glossary: entries and their forms',
  sqlite: `
    CREATE TABLE glossary_entries (
      id TEXT PRIMARY KEY,
      term TEXT NOT NULL,
      term_key TEXT NOT NULL,
      variants TEXT NOT NULL,
      neutral TEXT NOT NULL,
      gloss TEXT NOT NULL,
      literal TEXT NOT NULL,
      category TEXT NOT NULL,
      region TEXT NOT NULL,
      note TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('replace', 'annotate')),
      search_text TEXT NOT NULL,
      reviewed_by TEXT,
      reviewed_at TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL,
      CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL))
    );
    CREATE INDEX glossary_entries_term ON glossary_entries (term_key, id);
    CREATE TABLE glossary_forms (
      form_key TEXT PRIMARY KEY,
      entry_id TEXT NOT NULL REFERENCES glossary_entries (id) ON DELETE CASCADE,
      form TEXT NOT NULL
    );
    CREATE INDEX glossary_forms_entry ON glossary_forms (entry_id);
  `,
  postgres: `
    CREATE TABLE glossary_entries (
      id TEXT PRIMARY KEY,
      term TEXT NOT NULL,
      term_key TEXT NOT NULL,
      variants JSONB NOT NULL,
      neutral TEXT NOT NULL,
      gloss TEXT NOT NULL,
      literal TEXT NOT NULL,
      category TEXT NOT NULL,
      region TEXT NOT NULL,
      note TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('replace', 'annotate')),
      search_text TEXT NOT NULL,
      reviewed_by TEXT,
      reviewed_at TIMESTAMPTZ,
      created_by TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      updated_by TEXT NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL,
      version INTEGER NOT NULL,
      CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL))
    );
    CREATE INDEX glossary_entries_term ON glossary_entries (term_key, id);
    CREATE TABLE glossary_forms (
      form_key TEXT PRIMARY KEY,
      entry_id TEXT NOT NULL REFERENCES glossary_entries (id) ON DELETE CASCADE,
      form TEXT NOT NULL
    );
    CREATE INDEX glossary_forms_entry ON glossary_forms (entry_id);
  `,
};
