/**
 * Who is asking, on the TAXII routes (docs/exchange/taxii.md, "In the
 * platform"). TAXII clients send credentials with every request and keep
 * no cookies, so there are two ways in and no session:
 *
 *  - `Authorization: Basic base64(username:password)` — checked exactly as
 *    a browser sign-in is (routes/session.ts): the same scrypt verification,
 *    the same work spent on unknown names, and the same LoginThrottle
 *    instance, so failures here and at POST /api/session count together
 *    (429 with Retry-After); a failure is audited `taxii.signin.failed`.
 *    A user who must change a one-time password is refused (403) until
 *    they have, through the web app.
 *  - `Authorization: Bearer <API token>` — as on /api (auth/auth-plugin.ts).
 *
 * Cookies are ignored. No credentials, or wrong ones, are 401 with a
 * `WWW-Authenticate` challenge (taxii routes add it). The user's role must
 * grant `lead:read` (every partner country's collection the markings allow)
 * or `partner:portal` (their own country's only); anything else is 403.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NarizError } from '@nariz/core';
import type { Store, UserRecord } from '@nariz/store';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { can } from '../auth/roles.js';
import { digest, newSecret } from '../auth/secrets.js';
import type { LoginThrottle } from '../auth/throttle.js';

export interface TaxiiAuthOptions {
  readonly store: Store;
  readonly throttle: LoginThrottle;
}

/** What a TAXII caller may read: every partner country, or their own. */
export type TaxiiScope = 'every-country' | 'own-country';

/** Spent on unknown names so that they take as long as known ones. */
let decoyHash: Promise<string> | undefined;

function basicCredentials(b64: string): { username: string; password: string } {
  const text = Buffer.from(b64, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) throw new NarizError('NARIZ_AUTH', 'Basic credentials must be base64 of "username:password"');
  return { username: text.slice(0, colon).trim().toLowerCase(), password: text.slice(colon + 1) };
}

async function byPassword(req: FastifyRequest, reply: FastifyReply, o: TaxiiAuthOptions, b64: string): Promise<UserRecord> {
  const { username, password } = basicCredentials(b64);
  const wait = o.throttle.retryAfterMs(req.ip, username);
  if (wait > 0) {
    const s = Math.ceil(wait / 1000);
    reply.header('retry-after', String(s));
    throw new NarizError('NARIZ_RATE_LIMITED', `too many failed sign-ins; try again in ${s} s`);
  }
  const u = username === '' || username.length > 64 ? undefined : await o.store.accounts.getUser(username);
  decoyHash ??= hashPassword(newSecret());
  const ok = await verifyPassword(password, u?.passwordHash ?? (await decoyHash));
  if (u === undefined || !ok || u.disabled) {
    o.throttle.fail(req.ip, username);
    req.log.warn({ username, ip: req.ip }, 'TAXII sign-in failed');
    await o.store.audit.append({ actor: username, action: 'taxii.signin.failed', target: username, details: { ip: req.ip, known_user: u !== undefined } });
    throw new NarizError('NARIZ_AUTH', 'wrong user name or password');
  }
  o.throttle.succeed(req.ip, username);
  if (u.mustChangePassword) throw new NarizError('NARIZ_PASSWORD_CHANGE', 'change your one-time password first (sign in to the web app)');
  return u;
}

async function byToken(o: TaxiiAuthOptions, token: string): Promise<UserRecord> {
  const t = await o.store.accounts.findApiToken(digest(token));
  const u = t === undefined ? undefined : await o.store.accounts.getUser(t.username);
  if (u === undefined || u.disabled) throw new NarizError('NARIZ_AUTH', 'unknown or revoked API token');
  return u;
}

export interface TaxiiCaller {
  readonly scope: TaxiiScope;
  readonly via: 'basic' | 'token';
}

/** Identifies the caller, sets `req.principal` (so accessOf reads their subject), and says what they may read. */
export async function taxiiCaller(req: FastifyRequest, reply: FastifyReply, o: TaxiiAuthOptions): Promise<TaxiiCaller> {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') throw new NarizError('NARIZ_AUTH', 'TAXII needs HTTP Basic credentials or an API token (Authorization: Bearer)');
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  let u: UserRecord;
  let via: TaxiiCaller['via'];
  if (basic !== null) {
    u = await byPassword(req, reply, o, basic[1]!);
    via = 'basic';
  } else if (bearer !== null) {
    u = await byToken(o, bearer[1]!);
    via = 'token';
  } else {
    throw new NarizError('NARIZ_AUTH', 'Authorization must be "Basic <credentials>" or "Bearer <token>"');
  }
  // No session: a password or a token on every request. `via` only tells the two apart for the audit log.
  req.principal = { username: u.username, role: u.role, via: via === 'token' ? 'token' : 'session', session: undefined, mustChangePassword: false };
  if (can(u.role, 'lead:read')) return { scope: 'every-country', via };
  if (can(u.role, 'partner:portal')) return { scope: 'own-country', via };
  throw new NarizError('NARIZ_FORBIDDEN', `the role "${u.role}" reads no TAXII collection (it needs "lead:read" or "partner:portal")`);
}
