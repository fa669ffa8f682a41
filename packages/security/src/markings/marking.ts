/**
 * A security marking (a label) and its one parser. Rules M1-M8 of
 * docs/security/markings.md; the parser names the offending field in the
 * error's location path (`relTo[2]`), under the caller's prefix.
 */
import { NarizError } from '@nariz/core';
import { CLASSIFICATIONS, isClassification, type Classification } from './classification.js';
import { controlDefinition, controlOrder, NOFORN } from './controls.js';
import { isCountryCode } from './countries.js';
import type { SecurityPolicy } from './policy.js';

export interface Marking {
  readonly classification: Classification;
  /** Control markings from the registry, unique, in register order (M2). */
  readonly controls: readonly string[];
  /** ISO 3166-1 alpha-3, unique, sorted; includes the own country whenever non-empty (M3). Empty: own nationals only (M8). */
  readonly relTo: readonly string[];
  /** The organisation that produced the information (ORCON's owner). */
  readonly originator: string;
}

/** The originator of an aggregate of portions from different originators (rule B6); no subject belongs to it. */
export const MULTIPLE_ORIGINATORS = 'MULTIPLE SOURCES';

export const MAX_ORIGINATOR_LENGTH = 128;

export function markingError(message: string, path: string): NarizError {
  return new NarizError('NARIZ_MARKING', message, path === '' ? undefined : { path });
}

export function joinPath(prefix: string, field: string): string {
  if (prefix === '') return field;
  return field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`;
}

/** Trimmed, non-empty, printable, at most MAX_ORIGINATOR_LENGTH characters (M7); also used for organisations. */
export function checkOrganisationName(value: unknown, path: string, what: string): string {
  if (typeof value !== 'string') throw markingError(`${what} must be a string`, path);
  const s = value.trim();
  if (s === '') throw markingError(`${what} is empty`, path);
  if (s.length > MAX_ORIGINATOR_LENGTH) throw markingError(`${what} is longer than ${MAX_ORIGINATOR_LENGTH} characters`, path);
  if (/[\u0000-\u001f\u007f]/.test(s)) throw markingError(`${what} contains a control character`, path);
  return s;
}

export interface MarkingParts {
  readonly classification: string;
  readonly controls: readonly string[];
  readonly relTo: readonly string[];
  readonly originator: string;
}

/**
 * Validates and canonicalises (upper case, unique, ordered, own country
 * added to a non-empty REL TO): rules M1-M7. `path` prefixes error paths;
 * undefined leaves errors without a location (text that has no fields).
 */
export function makeMarking(parts: MarkingParts, policy: SecurityPolicy, path?: string): Marking {
  const at = (field: string): string => (path === undefined ? '' : joinPath(path, field));
  // M1
  const classification = parts.classification.trim().toUpperCase();
  if (!isClassification(classification)) {
    throw markingError(`classification "${parts.classification}" is not one of ${CLASSIFICATIONS.join(', ')}`, at('classification'));
  }
  // M2
  const controls: string[] = [];
  parts.controls.forEach((raw, i) => {
    const name = raw.trim().toUpperCase();
    const def = controlDefinition(name);
    if (def === undefined) throw markingError(`control "${raw}" is not in the registry`, at(`controls[${i}]`));
    if (controls.includes(name)) throw markingError(`control ${name} is given twice`, at(`controls[${i}]`));
    // M6
    if (def.unclassifiedOnly && classification !== 'U') {
      throw markingError(`${name} is used on unclassified information only, not on ${classification}`, at(`controls[${i}]`));
    }
    controls.push(name);
  });
  controls.sort((a, b) => controlOrder(a) - controlOrder(b));
  // M3
  const relTo: string[] = [];
  parts.relTo.forEach((raw, i) => {
    const code = raw.trim().toUpperCase();
    if (!isCountryCode(code)) throw markingError(`"${raw}" is not an ISO 3166-1 alpha-3 country code`, at(`relTo[${i}]`));
    if (relTo.includes(code)) throw markingError(`${code} is listed twice`, at(`relTo[${i}]`));
    relTo.push(code);
  });
  if (relTo.length > 0) {
    // M5
    if (relTo.every((c) => c === policy.ownCountry)) {
      throw markingError(`REL TO ${policy.ownCountry} alone releases to no foreign country; mark it ${NOFORN}`, at('relTo'));
    }
    // M4
    if (controls.includes(NOFORN)) throw markingError(`${NOFORN} and REL TO exclude each other`, at('relTo'));
    if (!relTo.includes(policy.ownCountry)) relTo.push(policy.ownCountry);
    relTo.sort();
  }
  // M7
  const originator = checkOrganisationName(parts.originator, at('originator'), 'the originator');
  return { classification, controls, relTo, originator };
}

const MARKING_FIELDS = new Set(['classification', 'controls', 'relTo', 'originator']);

function stringList(value: unknown, path: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw markingError('must be an array of strings', path);
  return value.map((v: unknown, i) => {
    if (typeof v !== 'string') throw markingError('must be a string', `${path}[${i}]`);
    return v;
  });
}

/**
 * A marking from untrusted JSON: `{ classification, controls?, relTo?, originator }`,
 * no other fields. Returns the canonical form; parse(JSON(m)) equals m.
 */
export function parseMarking(value: unknown, policy: SecurityPolicy, path = ''): Marking {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw markingError('a marking must be an object', path);
  for (const key of Object.keys(value)) {
    if (!MARKING_FIELDS.has(key)) throw markingError(`unknown field "${key}"`, joinPath(path, key));
  }
  const v = value as Record<string, unknown>;
  if (typeof v.classification !== 'string') throw markingError('classification must be a string', joinPath(path, 'classification'));
  if (typeof v.originator !== 'string') throw markingError('the originator must be a string', joinPath(path, 'originator'));
  return makeMarking(
    {
      classification: v.classification,
      controls: stringList(v.controls, joinPath(path, 'controls')),
      relTo: stringList(v.relTo, joinPath(path, 'relTo')),
      originator: v.originator,
    },
    policy,
    path,
  );
}
