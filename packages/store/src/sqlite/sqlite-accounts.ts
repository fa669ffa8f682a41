/** Users, sessions and API tokens in SQLite (the AccountStore contract, accounts.ts). */
import Database from 'better-sqlite3';
import { NarizError } from '@nariz/core';
import { DEFAULT_ORGANISATION, type AccountStore, type ApiTokenRecord, type NewUser, type SessionRecord, type UserPatch, type UserRecord } from '../accounts.js';

interface UserRow {
  username: string;
  role: string;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  created_at: string;
  clearance: string;
  nationality: string | null;
  organisation: string;
  /** JSON array of strings. */
  accesses: string;
}

interface TokenRow {
  id: string;
  name: string;
  username: string;
  token_hash: string;
  created_at: string;
}

const user = (r: UserRow): UserRecord => ({
  username: r.username, role: r.role, passwordHash: r.password_hash, mustChangePassword: r.must_change_password === 1, disabled: r.disabled === 1, createdAt: r.created_at,
  clearance: r.clearance, nationality: r.nationality ?? undefined, organisation: r.organisation, accesses: stringArray(r.accesses),
});

/** A JSON array of strings as stored; anything else reads as none (the server denies what it cannot read). */
function stringArray(text: string): string[] {
  const v: unknown = JSON.parse(text);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

const accessesText = (a: readonly string[]): string => JSON.stringify([...new Set(a)].sort());
const token = (r: TokenRow): ApiTokenRecord => ({ id: r.id, name: r.name, username: r.username, tokenHash: r.token_hash, createdAt: r.created_at });

export class SqliteAccounts implements AccountStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  async createUser(u: NewUser): Promise<UserRecord> {
    try {
      this.db
        .prepare('INSERT INTO users (username, role, password_hash, must_change_password, disabled, created_at, clearance, nationality, organisation, accesses) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)')
        .run(u.username, u.role, u.passwordHash, u.mustChangePassword ? 1 : 0, this.now().toISOString(), u.clearance ?? 'U', u.nationality ?? null, u.organisation ?? DEFAULT_ORGANISATION, accessesText(u.accesses ?? []));
    } catch (err) {
      if (err instanceof Database.SqliteError && err.code.startsWith('SQLITE_CONSTRAINT')) throw new NarizError('NARIZ_CONFLICT', `a user "${u.username}" exists already`, undefined, { cause: err });
      throw err;
    }
    return (await this.getUser(u.username))!;
  }

  async getUser(username: string): Promise<UserRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    return r === undefined ? undefined : user(r);
  }

  async listUsers(): Promise<UserRecord[]> {
    return (this.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(user);
  }

  async countUsers(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  async updateUser(username: string, p: UserPatch): Promise<UserRecord | undefined> {
    this.db
      .prepare(
        `UPDATE users SET role = coalesce(?, role), password_hash = coalesce(?, password_hash),
           must_change_password = coalesce(?, must_change_password), disabled = coalesce(?, disabled),
           clearance = coalesce(?, clearance), nationality = CASE WHEN ? THEN ? ELSE nationality END,
           organisation = coalesce(?, organisation), accesses = coalesce(?, accesses) WHERE username = ?`,
      )
      .run(
        p.role ?? null, p.passwordHash ?? null, p.mustChangePassword === undefined ? null : p.mustChangePassword ? 1 : 0, p.disabled === undefined ? null : p.disabled ? 1 : 0,
        p.clearance ?? null, p.nationality === undefined ? 0 : 1, p.nationality ?? null, p.organisation ?? null, p.accesses === undefined ? null : accessesText(p.accesses), username,
      );
    return this.getUser(username);
  }

  async createSession(s: SessionRecord): Promise<void> {
    this.db.prepare('INSERT INTO sessions (id_hash, username, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(s.idHash, s.username, s.csrfToken, s.createdAt, s.expiresAt);
  }

  async getSession(idHash: string, now: Date): Promise<SessionRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM sessions WHERE id_hash = ? AND expires_at > ?').get(idHash, now.toISOString()) as
      | { id_hash: string; username: string; csrf_token: string; created_at: string; expires_at: string }
      | undefined;
    return r === undefined ? undefined : { idHash: r.id_hash, username: r.username, csrfToken: r.csrf_token, createdAt: r.created_at, expiresAt: r.expires_at };
  }

  async extendSession(idHash: string, expiresAt: string): Promise<void> {
    this.db.prepare('UPDATE sessions SET expires_at = ? WHERE id_hash = ?').run(expiresAt, idHash);
  }

  async deleteSession(idHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  async deleteSessionsOf(username: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE username = ?').run(username);
  }

  async purgeSessions(now: Date): Promise<number> {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString()).changes;
  }

  async createApiToken(t: ApiTokenRecord): Promise<void> {
    this.db.prepare('INSERT INTO api_tokens (id, name, username, token_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(t.id, t.name, t.username, t.tokenHash, t.createdAt);
  }

  async findApiToken(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM api_tokens WHERE token_hash = ?').get(tokenHash) as TokenRow | undefined;
    return r === undefined ? undefined : token(r);
  }

  async listApiTokens(username: string): Promise<ApiTokenRecord[]> {
    return (this.db.prepare('SELECT * FROM api_tokens WHERE username = ? ORDER BY created_at, id').all(username) as TokenRow[]).map(token);
  }

  async deleteApiToken(id: string, username: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM api_tokens WHERE id = ? AND username = ?').run(id, username).changes > 0;
  }
}
