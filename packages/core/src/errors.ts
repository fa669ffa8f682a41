/**
 * The error catalogue. Every error Nariz raises on purpose carries a stable
 * code from this table; HTTP layers map `status`, the CLI maps `exitCode`.
 * The catalogue's completeness is tested (every code has a message and status).
 */
export const ERROR_CATALOGUE = {
  NARIZ_USAGE: { status: 400, summary: 'The call was made incorrectly.' },
  NARIZ_BAD_REQUEST: { status: 400, summary: 'An HTTP request does not match its schema.' },
  NARIZ_CSV_HEADER: { status: 400, summary: 'The CSV header is missing or lacks a required column.' },
  NARIZ_CSV_VALUE: { status: 400, summary: 'A CSV cell holds a value that cannot be used.' },
  NARIZ_CSV_SHAPE: { status: 400, summary: 'A CSV row has the wrong number of cells or broken quoting.' },
  NARIZ_CSV_EMPTY: { status: 400, summary: 'The CSV has no usable sample rows.' },
  NARIZ_UNKNOWN_SPECIES: { status: 400, summary: 'A species is not in the chemical table.' },
  NARIZ_UNKNOWN_UNIT: { status: 400, summary: 'A concentration unit is not one of ppb, ppm, ugm3, mgm3.' },
  NARIZ_CHEMICAL_TABLE: { status: 500, summary: 'The chemical table could not be read.' },
  NARIZ_NO_THRESHOLD: { status: 400, summary: 'The chemical has no threshold of the requested tier.' },
  NARIZ_BAD_SCENARIO: { status: 400, summary: 'A simulation scenario is inconsistent.' },
  NARIZ_BAD_LIBRARY: { status: 400, summary: 'A signature library is malformed.' },
  NARIZ_NUMERIC: { status: 500, summary: 'A numerical routine failed to converge or met a non-finite value.' },
  NARIZ_NOT_FOUND: { status: 404, summary: 'The requested object does not exist.' },
  NARIZ_IO: { status: 500, summary: 'A file could not be read or written.' },
  NARIZ_INTERNAL: { status: 500, summary: 'An unexpected failure (a bug); the server logged it.' },
  NARIZ_WORKER: { status: 500, summary: 'A worker thread failed or stopped answering.' },
  NARIZ_CONFLICT: { status: 409, summary: 'The request conflicts with what is stored (an id reused for different content).' },
  NARIZ_BATCH_COLUMNS: { status: 400, summary: 'A sample batch does not have the columns of its sortie.' },
  NARIZ_STORE_CORRUPT: { status: 500, summary: 'Stored data could not be decoded.' },
  NARIZ_STORE_VERSION: { status: 500, summary: 'The database was written by a newer Nariz (its schema version is unknown).' },
  NARIZ_AUTH: { status: 401, summary: 'Not signed in, or the name, password or token is wrong.' },
  NARIZ_FORBIDDEN: { status: 403, summary: 'The user\'s role does not allow this.' },
  NARIZ_CSRF: { status: 403, summary: 'A change requested with a session cookie lacks the session\'s CSRF token.' },
  NARIZ_PASSWORD_CHANGE: { status: 403, summary: 'The user must change a one-time password before doing anything else.' },
  NARIZ_RATE_LIMITED: { status: 429, summary: 'Too many attempts; retry after the time given.' },
  NARIZ_MAVLINK: { status: 400, summary: 'MAVLink telemetry (a tlog, a stream or its sensor map) is malformed or holds no usable data: a truncated record, an impossible timestamp, a bad sensor map.' },
  NARIZ_KLV: { status: 400, summary: 'A KLV packet (MISB ST 0601, ST 0102, ST 0903) is malformed as a whole: cut off, a bad key, BER length or tag, an item running past its set.' },
  NARIZ_PLAN_FORMAT: { status: 400, summary: 'A mission file (QGroundControl .plan, QGC WPL text, KML) or flight plan is malformed.' },
  NARIZ_BAD_AUTHORITY: { status: 400, summary: 'An airspace authority or boundary file is malformed.' },
  NARIZ_AIRSPACE_VIOLATION: { status: 409, summary: 'The flight plan leaves the airspace its authority permits; export needs an audited override.' },
  NARIZ_MPEGTS: { status: 400, summary: 'An MPEG-2 transport stream cannot be read (no run of 188-, 192- or 204-byte packets) or cannot carry what was given to the muxer (a KLV packet too long for one PES, synchronous KLV without a PTS).' },
  NARIZ_FMV: { status: 400, summary: 'Full-motion video metadata cannot be used: a stored frames blob is truncated, corrupt or of an unknown version.' },
  NARIZ_FFMPEG: { status: 500, summary: 'ffmpeg is not installed (scripts/setup-ffmpeg.sh) or failed while encoding or decoding video.' },
  NARIZ_TOO_LARGE: { status: 413, summary: 'The request body is larger than the configured limit (a video upload: videoMaxBytes).' },
  NARIZ_RANGE: { status: 416, summary: 'The requested byte range lies outside the file (Range header).' },
  NARIZ_VIDEO_STATE: { status: 409, summary: 'The video is not ready for this: still being processed, or processing failed (its reason is on the video).' },
  NARIZ_NO_FOOTPRINT: { status: 422, summary: 'The video has no ground footprint at that time (no KLV corners and no sensor model), so a pixel cannot be placed on the ground.' },
  NARIZ_UNAVAILABLE: { status: 503, summary: 'A facility the request needs is not configured on this server (e.g. no video directory).' },
  NARIZ_MARKING: { status: 400, summary: 'A security marking or subject is malformed: an unknown classification, control or country code, NOFORN with REL TO, a bad portion or banner text, a bad clearance or nationality.' },
  NARIZ_MERKLE_PROOF: { status: 422, summary: 'A Merkle inclusion or consistency proof (RFC 9162) does not verify, or its sizes or indices are impossible.' },
  NARIZ_CHECKPOINT: { status: 400, summary: 'A signed checkpoint is malformed (origin, tree size, root hash or signature line) or no signature verifies with the given key.' },
  NARIZ_SIGNING_KEY: { status: 400, summary: 'A signing key is not an Ed25519 key in PEM (PKCS#8 private, SPKI public).' },
  NARIZ_AUDIT_MISMATCH: { status: 422, summary: 'The audit log does not match a signed checkpoint: an entry was edited, dropped or reordered, or the log forked.' },
  NARIZ_AUDIT_BUNDLE: { status: 400, summary: 'An audit export bundle is malformed (its version, entries, checkpoints or public key).' },
  NARIZ_EXPORT_MARKING: { status: 422, summary: 'A release cannot be exported as asked: a marking is not releasable to the partner, is above the banner, or has a control the exchange format cannot carry (refused rather than dropped).' },
  NARIZ_NOT_ACCEPTABLE: { status: 406, summary: 'The Accept header names no media type this endpoint produces (TAXII: application/taxii+json;version=2.1).' },
  NARIZ_UNSUPPORTED_MEDIA_TYPE: { status: 415, summary: 'The request body\'s Content-Type is not one this endpoint accepts (TAXII: application/taxii+json;version=2.1).' },
  NARIZ_METHOD_NOT_ALLOWED: { status: 405, summary: 'The resource exists but does not answer this method (the read-only TAXII resources answer GET and HEAD; the reply\'s Allow header lists them).' },
  NARIZ_EXPORT_INCOMPLETE: { status: 422, summary: 'A release lacks a value the exchange format requires (a lead made by hand without its 95 % radius, lab probability or time of first detection): the export is refused rather than invent one.' },
  NARIZ_GRAPH: { status: 400, summary: 'A network cannot be built or analysed as given: a node index or entity id out of range or unknown, a non-finite or non-positive edge length, a self-link where none is allowed, an empty graph.' },
  NARIZ_GRADING: { status: 400, summary: 'An intelligence grading is not an Admiralty (NATO) code: source reliability A-F and information credibility 1-6, as in "B2".' },
  NARIZ_IMPORT_FILE: { status: 400, summary: 'A network import file cannot be read as a table: not UTF-8, malformed GraphML or GEXF XML (a DOCTYPE is refused), an XLSX that is not a workbook, encrypted or too large unpacked, no rows, or a format the server does not read.' },
  NARIZ_IMPORT_ROWS: { status: 422, summary: 'Rows of a network import do not validate under the mapping (each problem names its line and column); nothing was stored (commit again with skip_invalid to store the valid rows).' },
  NARIZ_LEAD_STATE: { status: 409, summary: 'A lead cannot move to that state from the one it is in (the message lists the states it can move to), or it changed meanwhile.' },
  NARIZ_NOT_RELEASABLE: { status: 422, summary: 'Nothing of the lead may go to that partner: its core portion (title, location, hazard zone) is not releasable to the partner country, or it carries ORCON.' },
  NARIZ_AUDIT_BROKEN: { status: 503, summary: 'The server\'s audit log failed its integrity check (at start or while running): proofs, checkpoints and exports are refused and nothing more is signed until an admin has investigated (GET /api/audit/status, nariz audit verify --db).' },
  NARIZ_TRANSLATE: { status: 503, summary: 'A translation engine is unavailable or failed: Apertium or its eng-spa modes are not installed (scripts/setup-apertium.sh), Bergamot model files are missing from the model directory (the message names the file), or the engine crashed or timed out.' },
  NARIZ_GLOSSARY: { status: 400, summary: 'A slang glossary file is malformed: not JSON or not a nariz-slang-glossary document, an entry with a missing or empty term, neutral form or gloss, a bad region, category, action or review date (the message gives the field path).' },
  NARIZ_ENGINE_UNAVAILABLE: { status: 422, summary: 'The translation engine asked for cannot translate that direction here (Bergamot without its models: set NARIZ_BERGAMOT_MODELS; Apertium without its modes): the message gives the reason; leave the engine out to use the default.' },
  NARIZ_DOCUMENT: { status: 400, summary: 'An uploaded document cannot be read for translation: not a txt (UTF-8, UTF-16 with a BOM, or Latin-1), docx or PDF; a docx without word/document.xml or with malformed XML; a damaged or encrypted PDF, or one with no text layer (OCR is not offered); no text at all (the message names the problem).' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** For codes that crossed a thread or process boundary as strings. */
export function isErrorCode(s: string): s is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, s);
}

/** Where in an input an error was found: 1-based line, column name, byte offset, or the path of a JSON field (`permitted[2].geometry`). */
export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;
  readonly byteOffset?: number;
  readonly path?: string;
}

export class NarizError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly location: ErrorLocation | undefined;

  constructor(code: ErrorCode, message: string, location?: ErrorLocation, options?: { cause?: unknown }) {
    super(formatMessage(message, location), options);
    this.name = 'NarizError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.location = location;
  }

  toJSON(): { code: ErrorCode; message: string; location?: ErrorLocation } {
    return this.location === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, location: this.location };
  }
}

function formatMessage(message: string, loc: ErrorLocation | undefined): string {
  if (loc === undefined) return message;
  const parts: string[] = [];
  if (loc.file !== undefined) parts.push(loc.file);
  if (loc.line !== undefined) parts.push(`line ${loc.line}`);
  if (loc.column !== undefined) parts.push(`column "${loc.column}"`);
  if (loc.byteOffset !== undefined) parts.push(`byte ${loc.byteOffset}`);
  if (loc.path !== undefined) parts.push(`at ${loc.path}`);
  return parts.length === 0 ? message : `${parts.join(', ')}: ${message}`;
}

export function isNarizError(e: unknown, code?: ErrorCode): e is NarizError {
  return e instanceof NarizError && (code === undefined || e.code === code);
}
