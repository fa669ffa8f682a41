/**
 * Users, sessions and API tokens as stored. The store keeps what the server
 * decides: password hashes (scrypt, made by the server), roles as names
 * (the server's roles.ts gives them rights), and only SHA-256 digests of
 * session ids and tokens, so a copy of the database holds no credential.
 */

export interface NewUser {
  readonly username: string;
  readonly role: string;
  /** The encoded scrypt hash (see server auth/passwords.ts). */
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
}

export interface UserRecord extends NewUser {
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly disabled: boolean;
}

export interface UserPatch {
  readonly role?: string;
  readonly passwordHash?: string;
  readonly mustChangePassword?: boolean;
  readonly disabled?: boolean;
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
