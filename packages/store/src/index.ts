export * from './store.js';
export * from './accounts.js';
export * from './jobs.js';
export * from './migrations.js';
export * from './sample-codec.js';
export { parseShape } from './shape-json.js';
export { inspectSqliteBackup, SqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { PostgresStore, type PostgresStoreOptions } from './postgres/postgres-store.js';
export { DEFAULT_DATA_DIR, SQLITE_FILE, sqlitePath } from './sqlite/location.js';
