/** Users, sessions and API tokens in PostgreSQL (the AccountStore contract, accounts.ts). */
import type pg from 'pg';
import { NarizError } from '@nariz/core';
import { DEFAULT_ORGANISATION, type AccountStore, type ApiTokenRecord, type NewUser, type SessionRecord, type UserPatch, type UserRecord } from '../accounts.js';

interface UserRow {
  username: string;
  role: string;
  password_hash: string;
  must_change_password: boolean;
  disabled: boolean;
  created_at: Date;
  clearance: string;
  nationality: string | null;
  organisation: string;
  accesses: string[];
}

interface TokenRow {
  id: string;
  name: string;
  username: string;
  token_hash: string;
  created_at: Date;
}

const user = (r: UserRow): UserRecord => ({
  username: r.username, role: r.role, passwordHash: r.password_hash, mustChangePassword: r.must_change_password, disabled: r.disabled, createdAt: r.created_at.toISOString(),
  clearance: r.clearance, nationality: r.nationality ?? undefined, organisation: r.organisation, accesses: r.accesses,
});

const accessList = (a: readonly string[]): string[] => [...new Set(a)].sort();
const token = (r: TokenRow): ApiTokenRecord => ({ id: r.id, name: r.name, username: r.username, tokenHash: r.token_hash, createdAt: r.created_at.toISOString() });

export class PostgresAccounts implements AccountStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
  ) {}

  async createUser(u: NewUser): Promise<UserRecord> {
    try {
      const r = await this.pool.query<UserRow>(
        `INSERT INTO users (username, role, password_hash, must_change_password, disabled, created_at, clearance, nationality, organisation, accesses)
         VALUES ($1, $2, $3, $4, false, $5, $6, $7, $8, $9) RETURNING *`,
        [u.username, u.role, u.passwordHash, u.mustChangePassword, this.now(), u.clearance ?? 'U', u.nationality ?? null, u.organisation ?? DEFAULT_ORGANISATION, accessList(u.accesses ?? [])],
      );
      return user(r.rows[0]!);
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === '23505') throw new NarizError('NARIZ_CONFLICT', `a user "${u.username}" exists already`, undefined, { cause: err });
      throw err;
    }
  }

  async getUser(username: string): Promise<UserRecord | undefined> {
    const r = (await this.pool.query<UserRow>('SELECT * FROM users WHERE username = $1', [username])).rows[0];
    return r === undefined ? undefined : user(r);
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.pool.query<UserRow>('SELECT * FROM users ORDER BY username')).rows.map(user);
  }

  async countUsers(): Promise<number> {
    return Number((await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM users')).rows[0]!.n);
  }

  async updateUser(username: string, p: UserPatch): Promise<UserRecord | undefined> {
    const r = await this.pool.query<UserRow>(
      `UPDATE users SET role = coalesce($2, role), password_hash = coalesce($3, password_hash),
         must_change_password = coalesce($4, must_change_password), disabled = coalesce($5, disabled),
         clearance = coalesce($6, clearance), nationality = CASE WHEN $7 THEN $8 ELSE nationality END,
         organisation = coalesce($9, organisation), accesses = coalesce($10, accesses) WHERE username = $1 RETURNING *`,
      [
        username, p.role ?? null, p.passwordHash ?? null, p.mustChangePassword ?? null, p.disabled ?? null,
        p.clearance ?? null, p.nationality !== undefined, p.nationality ?? null, p.organisation ?? null, p.accesses === undefined ? null : accessList(p.accesses),
      ],
    );
    return r.rows[0] === undefined ? undefined : user(r.rows[0]);
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.pool.query('INSERT INTO sessions (id_hash, username, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [s.idHash, s.username, s.csrfToken, s.createdAt, s.expiresAt]);
  }

  async getSession(idHash: string, now: Date): Promise<SessionRecord | undefined> {
    const r = (
      await this.pool.query<{ id_hash: string; username: string; csrf_token: string; created_at: Date; expires_at: Date }>('SELECT * FROM sessions WHERE id_hash = $1 AND expires_at > $2', [idHash, now])
    ).rows[0];
    return r === undefined ? undefined : { idHash: r.id_hash, username: r.username, csrfToken: r.csrf_token, createdAt: r.created_at.toISOString(), expiresAt: r.expires_at.toISOString() };
  }

  async extendSession(idHash: string, expiresAt: string): Promise<void> {
    await this.pool.query('UPDATE sessions SET expires_at = $2 WHERE id_hash = $1', [idHash, expiresAt]);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  async deleteSessionsOf(username: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE username = $1', [username]);
  }

  async purgeSessions(now: Date): Promise<number> {
    return (await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now])).rowCount ?? 0;
  }

  async createApiToken(t: ApiTokenRecord): Promise<void> {
    await this.pool.query('INSERT INTO api_tokens (id, name, username, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [t.id, t.name, t.username, t.tokenHash, t.createdAt]);
  }

  async findApiToken(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const r = (await this.pool.query<TokenRow>('SELECT * FROM api_tokens WHERE token_hash = $1', [tokenHash])).rows[0];
    return r === undefined ? undefined : token(r);
  }

  async listApiTokens(username: string): Promise<ApiTokenRecord[]> {
    return (await this.pool.query<TokenRow>('SELECT * FROM api_tokens WHERE username = $1 ORDER BY created_at, id', [username])).rows.map(token);
  }

  async deleteApiToken(id: string, username: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM api_tokens WHERE id = $1 AND username = $2', [id, username])).rowCount ?? 0) > 0;
  }
}
