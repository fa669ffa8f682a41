/**
 * The acting user as access decisions see them. Roles grant rights (what a
 * user may do, checked by the server); markings grant access (what a user
 * may see) and do not consult roles.
 */
import { CLASSIFICATIONS, isClassification, type Classification } from './classification.js';
import { controlDefinition } from './controls.js';
import { isCountryCode } from './countries.js';
import { checkOrganisationName, joinPath, markingError, MULTIPLE_ORIGINATORS } from './marking.js';

export interface Subject {
  readonly username: string;
  readonly clearance: Classification;
  /** ISO 3166-1 alpha-3. */
  readonly nationality: string;
  readonly organisation: string;
  readonly roles: readonly string[];
  /** Controls of rule 'access' the user is read into (PROPIN, LES). */
  readonly accesses?: readonly string[];
}

const SUBJECT_FIELDS = new Set(['username', 'clearance', 'nationality', 'organisation', 'roles', 'accesses']);

function strings(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw markingError('must be an array of strings', path);
  return value.map((v: unknown, i) => {
    if (typeof v !== 'string' || v.trim() === '') throw markingError('must be a non-empty string', `${path}[${i}]`);
    return v.trim();
  });
}

/** A subject from untrusted JSON; errors are NARIZ_MARKING naming the field. */
export function parseSubject(value: unknown, path = ''): Subject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw markingError('a subject must be an object', path);
  for (const key of Object.keys(value)) {
    if (!SUBJECT_FIELDS.has(key)) throw markingError(`unknown field "${key}"`, joinPath(path, key));
  }
  const v = value as Record<string, unknown>;
  if (typeof v.username !== 'string' || v.username.trim() === '') throw markingError('the username must be a non-empty string', joinPath(path, 'username'));
  const clearance = typeof v.clearance === 'string' ? v.clearance.trim().toUpperCase() : '';
  if (!isClassification(clearance)) throw markingError(`the clearance must be one of ${CLASSIFICATIONS.join(', ')}`, joinPath(path, 'clearance'));
  const nationality = typeof v.nationality === 'string' ? v.nationality.trim().toUpperCase() : '';
  if (!isCountryCode(nationality)) throw markingError('the nationality must be an ISO 3166-1 alpha-3 code', joinPath(path, 'nationality'));
  const organisation = checkOrganisationName(v.organisation, joinPath(path, 'organisation'), 'the organisation');
  if (organisation === MULTIPLE_ORIGINATORS) throw markingError(`"${MULTIPLE_ORIGINATORS}" is reserved for aggregates`, joinPath(path, 'organisation'));
  const roles = strings(v.roles ?? [], joinPath(path, 'roles'));
  const subject = { username: v.username.trim(), clearance, nationality, organisation, roles };
  if (v.accesses === undefined) return subject;
  const accesses = strings(v.accesses, joinPath(path, 'accesses')).map((a, i) => {
    const name = a.toUpperCase();
    if (controlDefinition(name)?.rule !== 'access') throw markingError(`"${a}" is not a control one is read into`, joinPath(path, `accesses[${i}]`));
    return name;
  });
  return { ...subject, accesses: [...new Set(accesses)].sort() };
}
