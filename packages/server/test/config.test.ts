/**
 * Configuration: defaults, a JSON file, the environment over the file, and
 * every bad value or unknown key refused with where it came from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_WEB_ROOT, loadConfig, parseConfigFile } from '../src/index.js';

const usage = (re: RegExp) => (err: unknown): boolean => err instanceof Error && 'code' in err && err.code === 'NARIZ_USAGE' && re.test(err.message);

test('defaults, file settings, and the environment over the file', () => {
  const rest = { secureCookies: true, webRoot: DEFAULT_WEB_ROOT, basemapPmtiles: undefined, demo: false, initialAdminPassword: undefined, mavlinkUdpPort: undefined, mavlinkSensorMap: undefined, liveAuthority: undefined, videoDir: undefined, ffmpeg: undefined, videoMaxBytes: undefined, audit: { keyPath: undefined, origin: 'nariz.local/audit', checkpointSeconds: 10 }, ownCountry: 'USA', chromium: undefined, translation: { enabled: true } };
  assert.deepEqual(loadConfig({}), { port: 8080, host: '127.0.0.1', dataDir: 'nariz-data', databaseUrl: undefined, databaseSchema: undefined, logLevel: 'info', ...rest });
  assert.match(DEFAULT_WEB_ROOT, /packages\/web\/dist\/app$/);
  const file = parseConfigFile('{"port": 9090, "dataDir": "/srv/nariz", "logLevel": "warn", "secureCookies": false, "demo": true}', 'nariz.config.json');
  assert.deepEqual(loadConfig({}, file), { port: 9090, host: '127.0.0.1', dataDir: '/srv/nariz', databaseUrl: undefined, databaseSchema: undefined, logLevel: 'warn', ...rest, secureCookies: false, demo: true });
  assert.equal(loadConfig({ NARIZ_DATABASE_SCHEMA: 'nariz_ops' }).databaseSchema, 'nariz_ops');
  assert.equal(loadConfig({ NARIZ_OWN_COUNTRY: 'gbr' }).ownCountry, 'GBR');
  assert.throws(() => loadConfig({ NARIZ_OWN_COUNTRY: 'FVEY' }), usage(/NARIZ_OWN_COUNTRY must be an ISO 3166-1 alpha-3 country code/));
  assert.throws(() => loadConfig({ NARIZ_DATABASE_SCHEMA: 'Drop;' }), usage(/NARIZ_DATABASE_SCHEMA must be a lower-case SQL identifier/));
  assert.equal(loadConfig({ NARIZ_DEMO: '0' }, file).demo, false);
  assert.equal(loadConfig({ NARIZ_PORT: '7000' }, file).port, 7000);
  assert.equal(loadConfig({ NARIZ_DATABASE_URL: 'postgres://u:p@h/db' }, file).databaseUrl, 'postgres://u:p@h/db');
});

test('bad values and unknown keys are refused, naming their source', () => {
  assert.throws(() => loadConfig({ NARIZ_PORT: 'eighty' }), usage(/NARIZ_PORT must be a port number/));
  assert.throws(() => loadConfig({}, { port: '70000' }), usage(/config "port" must be a port number/));
  assert.throws(() => loadConfig({ NARIZ_LOG_LEVEL: 'loud' }), usage(/NARIZ_LOG_LEVEL must be one of/));
  assert.throws(() => loadConfig({}, { databaseUrl: 'mysql://x' }), usage(/config "databaseUrl" must be a postgres/));
  assert.throws(() => parseConfigFile('{"prot": 1}', 'c.json'), usage(/c\.json: unknown setting "prot"/));
  assert.throws(() => parseConfigFile('{"port": [1]}', 'c.json'), usage(/must be a string, a number or a boolean/));
  assert.throws(() => loadConfig({ NARIZ_SECURE_COOKIES: 'yes' }), usage(/NARIZ_SECURE_COOKIES must be true or false/));
  assert.equal(loadConfig({ NARIZ_VIDEO_MAX_BYTES: '1048576', NARIZ_FFMPEG: '/opt/ffmpeg/bin/ffmpeg' }).videoMaxBytes, 1048576);
  assert.throws(() => loadConfig({}, { videoMaxBytes: '8G' }), usage(/config "videoMaxBytes" must be a whole number of bytes/));
  assert.throws(() => parseConfigFile('port=1', 'c.json'), usage(/c\.json: config file is not JSON/));
  assert.throws(() => parseConfigFile('[1]', 'c.json'), usage(/must hold a JSON object/));
});

test('the audit log settings: key file, origin (a C2SP key name) and checkpoint interval', () => {
  const file = parseConfigFile('{"auditKey": "/etc/nariz/audit.pem", "auditOrigin": "ops.example/audit", "auditCheckpointSeconds": 30}', 'c.json');
  assert.deepEqual(loadConfig({}, file).audit, { keyPath: '/etc/nariz/audit.pem', origin: 'ops.example/audit', checkpointSeconds: 30 });
  assert.equal(loadConfig({ NARIZ_AUDIT_CHECKPOINT_SECONDS: '0.5' }, file).audit.checkpointSeconds, 0.5);
  assert.throws(() => loadConfig({ NARIZ_AUDIT_ORIGIN: 'two words' }), usage(/NARIZ_AUDIT_ORIGIN must be one word without spaces or "\+"/));
  assert.throws(() => loadConfig({}, { auditOrigin: 'a+b' }), usage(/config "auditOrigin" must be one word/));
  assert.throws(() => loadConfig({ NARIZ_AUDIT_CHECKPOINT_SECONDS: '0' }), usage(/NARIZ_AUDIT_CHECKPOINT_SECONDS must be a number of seconds/));
  assert.throws(() => loadConfig({ NARIZ_AUDIT_KEY: ' ' }), usage(/NARIZ_AUDIT_KEY must be a file path/));
});
