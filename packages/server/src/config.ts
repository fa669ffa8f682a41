/**
 * Server configuration, parsed once at start-up from a JSON file and the
 * environment (the environment wins, so a deployment can override one
 * setting without editing the file):
 *
 *   file key      variable             meaning (default)
 *   port          NARIZ_PORT           TCP port (8080)
 *   host          NARIZ_HOST           address to bind (127.0.0.1; 0.0.0.0 serves a network)
 *   dataDir       NARIZ_DATA_DIR       where the SQLite database lives (nariz-data)
 *   databaseUrl   NARIZ_DATABASE_URL   postgres://... to use PostgreSQL + PostGIS instead
 *                                      (the PostGIS extension must exist in that database)
 *   databaseSchema NARIZ_DATABASE_SCHEMA  PostgreSQL schema for Nariz's tables (public)
 *   logLevel      NARIZ_LOG_LEVEL      pino level (info)
 *   secureCookies NARIZ_SECURE_COOKIES session cookie marked Secure (true; browsers accept
 *                                      Secure cookies from http://localhost, so only a
 *                                      plain-HTTP LAN deployment needs false)
 *   webRoot       NARIZ_WEB_ROOT       the built web app (packages/web/dist/app)
 *   basemapPmtiles NARIZ_BASEMAP_PMTILES  a PMTiles basemap file to use instead of the
 *                                      embedded Natural Earth one
 *   demo          NARIZ_DEMO           seed the demo region into an empty database (false)
 *   mavlinkUdpPort NARIZ_MAVLINK_UDP_PORT  UDP port for live MAVLink (unset: off; 14550 is
 *                                      the ground-station convention)
 *   mavlinkSensorMap NARIZ_MAVLINK_SENSOR_MAP  JSON sensor map for DEBUG_FLOAT_ARRAY gas
 *                                      readings (docs/formats/mavlink.md)
 *   liveAuthority NARIZ_LIVE_AUTHORITY  airspace authority live vehicles are checked
 *                                      against (an id from GET /api/authorities; unset: none)
 *   initialAdminPassword NARIZ_INITIAL_ADMIN_PASSWORD  the first admin's one-time
 *                                      password (default: random, printed once)
 *   videoDir      NARIZ_VIDEO_DIR      uploaded videos and their playable MP4s (DATA_DIR/video)
 *   ffmpeg        NARIZ_FFMPEG         ffmpeg's path; ffprobe is looked for beside it (ffmpeg on PATH)
 *   videoMaxBytes NARIZ_VIDEO_MAX_BYTES  largest video upload, bytes (8 GiB)
 *   auditKey, auditOrigin, auditCheckpointSeconds  the audit log's checkpoint key, origin
 *                                      and interval (audit/audit-config.ts)
 *   ownCountry    NARIZ_OWN_COUNTRY    the deployment's own country, ISO 3166-1 alpha-3 (USA): the
 *                                      country NOFORN and unmarked material stay with, and the
 *                                      nationality of users who have none set (docs/leads.md)
 *   chromium      NARIZ_CHROMIUM       Chromium for release PDFs (/usr/bin/chromium)
 *   translation, bergamotModels, glossaryFile, pdftotext  NARIZ_TRANSLATION (auto|off),
 *                                      NARIZ_BERGAMOT_MODELS, NARIZ_GLOSSARY_FILE, NARIZ_PDFTOTEXT
 *                                      (translation/translation-config.ts)
 *   tak*          NARIZ_TAK_*          the TAK server new releases are streamed to (exchange/tak-config.ts)
 *
 * The file is NARIZ_CONFIG, else ./nariz.config.json when it exists.
 * Unknown keys and bad values are refused, naming the file or variable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NarizError } from '@nariz/core';
import { DEFAULT_DATA_DIR } from '@nariz/store';
import { isCountryCode } from '@nariz/security';
import { auditConfig, type AuditConfig } from './audit/audit-config.js';
import { translationServerConfig, type TranslationConfig } from './translation/translation-config.js';
import { takServerConfig, type TakConfig } from './exchange/tak-config.js';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Set when the store is PostgreSQL. */
  readonly databaseUrl: string | undefined;
  /** PostgreSQL schema for the tables (default public). */
  readonly databaseSchema: string | undefined;
  readonly logLevel: string;
  readonly secureCookies: boolean;
  readonly webRoot: string;
  readonly basemapPmtiles: string | undefined;
  readonly demo: boolean;
  readonly initialAdminPassword: string | undefined;
  /** Live MAVLink over UDP on this port (bound on `host`), or undefined for none. */
  readonly mavlinkUdpPort: number | undefined;
  readonly mavlinkSensorMap: string | undefined;
  readonly liveAuthority: string | undefined;
  /** Where videos are kept; undefined: DATA_DIR/video. */
  readonly videoDir: string | undefined;
  /** ffmpeg's path; undefined: `ffmpeg` on PATH. */
  readonly ffmpeg: string | undefined;
  /** Largest video upload in bytes; undefined: 8 GiB. */
  readonly videoMaxBytes: number | undefined;
  /** The audit checkpoint key file (undefined: DATA_DIR/audit-key.pem), origin and interval. */
  readonly audit: AuditConfig;
  /** ISO 3166-1 alpha-3. */
  readonly ownCountry: string;
  /** Chromium's path; undefined: /usr/bin/chromium. */
  readonly chromium: string | undefined;
  /** Translation's engines and files. */
  readonly translation: TranslationConfig;
  /** The TAK stream; absent: none. */
  readonly tak?: TakConfig;
}

/** The web app built beside this package in the monorepo. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist/app', import.meta.url));

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const KEYS = {
  port: 'NARIZ_PORT', host: 'NARIZ_HOST', dataDir: 'NARIZ_DATA_DIR', databaseUrl: 'NARIZ_DATABASE_URL', databaseSchema: 'NARIZ_DATABASE_SCHEMA', logLevel: 'NARIZ_LOG_LEVEL',
  secureCookies: 'NARIZ_SECURE_COOKIES', webRoot: 'NARIZ_WEB_ROOT', basemapPmtiles: 'NARIZ_BASEMAP_PMTILES', demo: 'NARIZ_DEMO',
  initialAdminPassword: 'NARIZ_INITIAL_ADMIN_PASSWORD', mavlinkUdpPort: 'NARIZ_MAVLINK_UDP_PORT', mavlinkSensorMap: 'NARIZ_MAVLINK_SENSOR_MAP', liveAuthority: 'NARIZ_LIVE_AUTHORITY',
  videoDir: 'NARIZ_VIDEO_DIR', ffmpeg: 'NARIZ_FFMPEG', videoMaxBytes: 'NARIZ_VIDEO_MAX_BYTES',
  auditKey: 'NARIZ_AUDIT_KEY', auditOrigin: 'NARIZ_AUDIT_ORIGIN', auditCheckpointSeconds: 'NARIZ_AUDIT_CHECKPOINT_SECONDS',
  ownCountry: 'NARIZ_OWN_COUNTRY', chromium: 'NARIZ_CHROMIUM',
  translation: 'NARIZ_TRANSLATION', bergamotModels: 'NARIZ_BERGAMOT_MODELS', glossaryFile: 'NARIZ_GLOSSARY_FILE', pdftotext: 'NARIZ_PDFTOTEXT',
  takHost: 'NARIZ_TAK_HOST', takPort: 'NARIZ_TAK_PORT', takTlsCa: 'NARIZ_TAK_TLS_CA', takTlsCert: 'NARIZ_TAK_TLS_CERT', takTlsKey: 'NARIZ_TAK_TLS_KEY', takReleasableTo: 'NARIZ_TAK_RELEASABLE_TO', takClearance: 'NARIZ_TAK_CLEARANCE', takAccesses: 'NARIZ_TAK_ACCESSES',
} as const;
type Key = keyof typeof KEYS;

export const DEFAULT_CONFIG_FILE = 'nariz.config.json';

/** The settings of a config file's text, as strings, every key checked. */
export function parseConfigFile(text: string, file: string): Partial<Record<Key, string>> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new NarizError('NARIZ_USAGE', `config file is not JSON: ${err instanceof Error ? err.message : String(err)}`, { file });
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new NarizError('NARIZ_USAGE', 'config file must hold a JSON object', { file });
  const out: Partial<Record<Key, string>> = {};
  for (const [k, value] of Object.entries(v)) {
    if (!(k in KEYS)) throw new NarizError('NARIZ_USAGE', `unknown setting "${k}"; known: ${Object.keys(KEYS).join(', ')}`, { file });
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new NarizError('NARIZ_USAGE', `setting "${k}" must be a string, a number or a boolean`, { file });
    out[k as Key] = String(value);
  }
  return out;
}

/** The configuration from the environment and the config file's settings (already parsed). */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, file: Partial<Record<Key, string>> = {}): ServerConfig {
  const get = (k: Key): { value: string | undefined; from: string } =>
    env[KEYS[k]] !== undefined ? { value: env[KEYS[k]], from: KEYS[k] } : { value: file[k], from: `config "${k}"` };
  const p = get('port');
  const port = Number(p.value ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new NarizError('NARIZ_USAGE', `${p.from} must be a port number 0..65535, got "${p.value}"`);
  const l = get('logLevel');
  const logLevel = l.value ?? 'info';
  if (!LEVELS.includes(logLevel)) throw new NarizError('NARIZ_USAGE', `${l.from} must be one of ${LEVELS.join(', ')}, got "${logLevel}"`);
  const d = get('databaseUrl');
  if (d.value !== undefined && !/^postgres(ql)?:\/\//.test(d.value)) throw new NarizError('NARIZ_USAGE', `${d.from} must be a postgres:// URL (leave it unset for the embedded SQLite database)`);
  const mp = get('mavlinkUdpPort');
  const mavlinkUdpPort = mp.value === undefined ? undefined : Number(mp.value);
  if (mavlinkUdpPort !== undefined && (!Number.isInteger(mavlinkUdpPort) || mavlinkUdpPort < 0 || mavlinkUdpPort > 65535)) throw new NarizError('NARIZ_USAGE', `${mp.from} must be a port number 0..65535, got "${mp.value}"`);
  const sc = get('databaseSchema');
  if (sc.value !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(sc.value)) throw new NarizError('NARIZ_USAGE', `${sc.from} must be a lower-case SQL identifier, got "${sc.value}"`);
  const vm = get('videoMaxBytes');
  const videoMaxBytes = vm.value === undefined ? undefined : Number(vm.value);
  if (videoMaxBytes !== undefined && (!Number.isSafeInteger(videoMaxBytes) || videoMaxBytes < 1)) throw new NarizError('NARIZ_USAGE', `${vm.from} must be a whole number of bytes, got "${vm.value}"`);
  const oc = get('ownCountry');
  const ownCountry = (oc.value ?? 'USA').trim().toUpperCase();
  if (!isCountryCode(ownCountry)) throw new NarizError('NARIZ_USAGE', `${oc.from} must be an ISO 3166-1 alpha-3 country code, got "${oc.value}"`);
  const flag = (k: Key, dflt: boolean): boolean => {
    const f = get(k);
    if (f.value === undefined) return dflt;
    if (f.value === 'true' || f.value === '1') return true;
    if (f.value === 'false' || f.value === '0') return false;
    throw new NarizError('NARIZ_USAGE', `${f.from} must be true or false, got "${f.value}"`);
  };
  return {
    port, host: get('host').value ?? '127.0.0.1', dataDir: get('dataDir').value ?? DEFAULT_DATA_DIR, databaseUrl: d.value, databaseSchema: sc.value, logLevel,
    secureCookies: flag('secureCookies', true), webRoot: get('webRoot').value ?? DEFAULT_WEB_ROOT, basemapPmtiles: get('basemapPmtiles').value,
    demo: flag('demo', false), initialAdminPassword: get('initialAdminPassword').value,
    mavlinkUdpPort, mavlinkSensorMap: get('mavlinkSensorMap').value, liveAuthority: get('liveAuthority').value,
    videoDir: get('videoDir').value, ffmpeg: get('ffmpeg').value, videoMaxBytes,
    audit: auditConfig({ keyPath: get('auditKey'), origin: get('auditOrigin'), checkpointSeconds: get('auditCheckpointSeconds') }),
    ownCountry, chromium: get('chromium').value,
    ...translationServerConfig(get),
    ...takServerConfig(get),
  };
}

/** The configuration a server process runs with: NARIZ_CONFIG (or ./nariz.config.json if present) under the environment. */
export function loadProcessConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const path = env['NARIZ_CONFIG'] ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (path === undefined) return loadConfig(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new NarizError('NARIZ_IO', `cannot read config file: ${err instanceof Error ? err.message : String(err)}`, { file: path });
  }
  return loadConfig(env, parseConfigFile(text, path));
}
