/**
 * `nariz backup --out FILE [--data-dir DIR]`: a consistent copy of the
 * embedded SQLite database (SQLite's online backup, safe while the server
 * is running). Restore it with `nariz restore`.
 */
import { existsSync } from 'node:fs';
import { NarizError } from '@nariz/core';
import { DEFAULT_DATA_DIR, inspectSqliteBackup, SqliteStore, sqlitePath } from '@nariz/store';
import type { CliIo, Command } from '../command.js';
import { parseFlags, requireFlag } from '../flags.js';

const USAGE = `Usage: nariz backup --out FILE [--data-dir DIR]

Copies the server's SQLite database (DIR/nariz.db, default DIR ${DEFAULT_DATA_DIR})
to FILE, consistently, even while the server is writing to it.

  --out FILE        the backup file to write (must not exist)
  --data-dir DIR    the server's data directory (NARIZ_DATA_DIR)`;

const OPTIONS = { out: { type: 'string' }, 'data-dir': { type: 'string' } } as const;

export const backup: Command = {
  name: 'backup',
  summary: 'copy the server database to a file (SQLite)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const values = parseFlags(args, OPTIONS, USAGE);
    const out = requireFlag(values.out, 'out', 'the backup file to write');
    const db = sqlitePath(values['data-dir'] ?? DEFAULT_DATA_DIR);
    if (!existsSync(db)) throw new NarizError('NARIZ_IO', `no database at ${db} (is --data-dir right?)`, { file: db });
    if (existsSync(out)) throw new NarizError('NARIZ_USAGE', `${out} exists; choose a new file for the backup`);
    const store = new SqliteStore({ path: db });
    try {
      await store.backupTo(out);
    } finally {
      await store.close();
    }
    const { version, sorties } = inspectSqliteBackup(out);
    io.stdout(`backed up ${db} to ${out}: schema version ${version}, ${sorties} sortie(s)\n`);
    return 0;
  },
};
