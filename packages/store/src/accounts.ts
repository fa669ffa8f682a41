/**
 * Users, sessions and API tokens as stored. The store keeps what the server
 * decides: password hashes (scrypt, made by the server), roles as names
 * (the server's roles.ts gives them rights), and only SHA-256 digests of
 * session ids and tokens, so a copy of the database holds no credential.
 *
 * Since schema version 5 a user also carries what access decisions need
 * (docs/security/markings.md, rule A1): a clearance, a nationality, an
 * organisation and the controls they are read into. The store keeps them
 * as given; the server checks them (parseSubject) before storing and again
 * when it builds the acting subject, so a stored value it cannot read
 * denies access rather than granting it.
 */

/** The organisation of every user who existed before markings (schema version 5), and of new users unless set. */
export const DEFAULT_ORGANISATION = 'task force';

export interface NewUser {
  readonly username: string;
  readonly role: string;
  /** The encoded scrypt hash (see server auth/passwords.ts). */
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  /** U, C, S or TS; default U (a new account starts with the least; users from before version 5 have TS). */
  readonly clearance?: string;
  /** ISO 3166-1 alpha-3; undefined: the deployment's own country. */
  readonly nationality?: string;
  /** Default DEFAULT_ORGANISATION. */
  readonly organisation?: string;
  /** Controls the user is read into (PROPIN, LES); default none. */
  readonly accesses?: readonly string[];
}

export interface UserRecord {
  readonly username: string;
  readonly role: string;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly disabled: boolean;
  readonly clearance: string;
  /** Undefined: the deployment's own country (what every user from before version 5 has until an admin sets it). */
  readonly nationality: string | undefined;
  readonly organisation: string;
  /** Sorted. */
  readonly accesses: readonly string[];
}

export interface UserPatch {
  readonly role?: string;
  readonly passwordHash?: string;
  readonly mustChangePassword?: boolean;
  readonly disabled?: boolean;
  readonly clearance?: string;
  /** null: back to the deployment's own country. */
  readonly nationality?: string | null;
  readonly organisation?: string;
  readonly accesses?: readonly string[];
}

export interface SessionRecord {
  /** Hex SHA-256 of the session id (the id itself lives only in the browser's cookie). */
  readonly idHash: string;
  readonly username: string;
  readonly csrfToken: string;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface ApiTokenRecord {
  readonly id: string;
  readonly name: string;
  readonly username: string;
  /** Hex SHA-256 of the token. */
  readonly tokenHash: string;
  readonly createdAt: string;
}

export interface AccountStore {
  /** NARIZ_CONFLICT when the name is taken. */
  createUser(u: NewUser): Promise<UserRecord>;
  getUser(username: string): Promise<UserRecord | undefined>;
  /** By name. */
  listUsers(): Promise<UserRecord[]>;
  countUsers(): Promise<number>;
  /** The updated user, or undefined when there is none. */
  updateUser(username: string, patch: UserPatch): Promise<UserRecord | undefined>;

  createSession(s: SessionRecord): Promise<void>;
  /** The session if it exists and has not expired at `now`. */
  getSession(idHash: string, now: Date): Promise<SessionRecord | undefined>;
  extendSession(idHash: string, expiresAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Signs a user out everywhere (password change, disabled account). */
  deleteSessionsOf(username: string): Promise<void>;
  /** Removes expired sessions; returns how many. */
  purgeSessions(now: Date): Promise<number>;

  createApiToken(t: ApiTokenRecord): Promise<void>;
  findApiToken(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  listApiTokens(username: string): Promise<ApiTokenRecord[]>;
  /** False when the user has no token with that id. */
  deleteApiToken(id: string, username: string): Promise<boolean>;
}
