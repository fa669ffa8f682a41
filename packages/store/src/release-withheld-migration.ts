/**
 * Schema version 9: what stayed behind when a release was made — how many
 * of the lead's notes were not releasable to the partner, and how many
 * other pieces of evidence (never released) — kept with the release so
 * that an analyst opening the lead later sees it, not only the one who
 * released it. Releases from before are NULL: not recorded. Never edited
 * once released.
 */
import type { Migration } from './migrations.js';

export const RELEASE_WITHHELD_MIGRATION: Migration = {
  version: 9,
  name: 'releases: what stayed behind',
  sqlite: `
    ALTER TABLE releases ADD COLUMN withheld_notes INTEGER CHECK (withheld_notes >= 0);
    ALTER TABLE releases ADD COLUMN withheld_other INTEGER CHECK (withheld_other >= 0);
  `,
  postgres: `
    ALTER TABLE releases ADD COLUMN withheld_notes INTEGER CHECK (withheld_notes >= 0);
    ALTER TABLE releases ADD COLUMN withheld_other INTEGER CHECK (withheld_other >= 0);
  `,
};
