/**
 * Accounts as administrators see them (GET/POST /api/users, PATCH
 * /api/users/:username): the role, and what access decisions read —
 * clearance, nationality (ISO 3166-1 alpha-3; the deployment's own country
 * unless set), organisation and the controls the user is read into.
 */
import { CLASSIFICATIONS, type AccessControl, type Classification } from './marking.js';
import { arrayOf, bool, fields, oneOf, str, type Reader } from './read.js';
import { ROLES, type Role } from './session.js';

export interface UserAccount {
  readonly username: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly disabled: boolean;
  readonly mustChangePassword: boolean;
  readonly clearance: Classification;
  readonly nationality: string;
  readonly organisation: string;
  /** Controls the user is read into; one this app does not know is kept as is. */
  readonly accesses: readonly string[];
}

export const readUserAccount: Reader<UserAccount> = (v, path) => {
  const f = fields(v, path);
  return {
    username: f.str('username'),
    role: f.get('role', oneOf(ROLES)),
    createdAt: f.str('created_at'),
    disabled: f.get('disabled', bool),
    mustChangePassword: f.get('must_change_password', bool),
    clearance: f.get('clearance', oneOf(CLASSIFICATIONS)),
    nationality: f.str('nationality'),
    organisation: f.str('organisation'),
    accesses: f.get('accesses', arrayOf(str)),
  };
};

export function readUserList(v: unknown): UserAccount[] {
  return fields(v, 'users').get('users', arrayOf(readUserAccount));
}

export function readUserBody(v: unknown): UserAccount {
  return readUserAccount(v, 'user');
}

/** What an administrator sets on an account; absent fields stay as they are (a change) or take the server's defaults (a new account). */
export interface AccountFields {
  readonly role?: Role;
  readonly clearance?: Classification;
  /** null: back to the deployment's own country (a change only). */
  readonly nationality?: string | null;
  readonly organisation?: string;
  readonly accesses?: readonly AccessControl[];
  readonly disabled?: boolean;
}

export function accountFieldsJson(a: AccountFields): Record<string, unknown> {
  return {
    ...(a.role === undefined ? {} : { role: a.role }),
    ...(a.clearance === undefined ? {} : { clearance: a.clearance }),
    ...(a.nationality === undefined ? {} : { nationality: a.nationality }),
    ...(a.organisation === undefined ? {} : { organisation: a.organisation }),
    ...(a.accesses === undefined ? {} : { accesses: [...a.accesses] }),
    ...(a.disabled === undefined ? {} : { disabled: a.disabled }),
  };
}
