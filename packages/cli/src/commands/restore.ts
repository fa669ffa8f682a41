/**
 * `nariz restore --from FILE [--data-dir DIR] [--force]`: puts a backup back
 * as the server's database. The backup is checked first (a Nariz database,
 * a schema this version reads, SQLite's quick_check); the current database
 * is replaced only with --force, and atomically (copy beside it, then
 * rename), its stale WAL files removed. Stop the server first.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { NarizError } from '@nariz/core';
import { DEFAULT_DATA_DIR, inspectSqliteBackup, sqlitePath } from '@nariz/store';
import { dirname } from 'node:path';
import type { CliIo, Command } from '../command.js';
import { parseFlags, requireFlag } from '../flags.js';

const USAGE = `Usage: nariz restore --from FILE [--data-dir DIR] [--force]

Makes a backup written by \`nariz backup\` the server's database
(DIR/nariz.db, default DIR ${DEFAULT_DATA_DIR}). Stop the server first.

  --from FILE       the backup to restore
  --data-dir DIR    the server's data directory (NARIZ_DATA_DIR)
  --force           replace the database that is there`;

const OPTIONS = { from: { type: 'string' }, 'data-dir': { type: 'string' }, force: { type: 'boolean' } } as const;

export const restore: Command = {
  name: 'restore',
  summary: 'make a backup the server database (SQLite)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const values = parseFlags(args, OPTIONS, USAGE);
    const from = requireFlag(values.from, 'from', 'the backup file');
    const db = sqlitePath(values['data-dir'] ?? DEFAULT_DATA_DIR);
    const { version, sorties } = inspectSqliteBackup(from);
    if (existsSync(db) && values.force !== true) throw new NarizError('NARIZ_USAGE', `${db} exists; add --force to replace it (stop the server first)`);
    mkdirSync(dirname(db), { recursive: true });
    const staging = `${db}.restoring`;
    copyFileSync(from, staging);
    // The old database's write-ahead log must not be replayed onto the backup.
    for (const side of [`${db}-wal`, `${db}-shm`]) rmSync(side, { force: true });
    renameSync(staging, db);
    io.stdout(`restored ${from} to ${db}: schema version ${version}, ${sorties} sortie(s)\n`);
    return 0;
  },
};
