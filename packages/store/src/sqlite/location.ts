/** Where the embedded SQLite database lives: DATA_DIR/nariz.db (with its -wal and -shm files beside it). */
import { join } from 'node:path';

export const DEFAULT_DATA_DIR = 'nariz-data';
export const SQLITE_FILE = 'nariz.db';

export function sqlitePath(dataDir: string): string {
  return join(dataDir, SQLITE_FILE);
}
