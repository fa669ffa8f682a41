/**
 * Who is asking, and may they: one onRequest hook for every /api route.
 *
 * A route states the right it needs in its config (`config: { right }`,
 * default 'read'; 'public' for none). The caller is identified by an API
 * token (`Authorization: Bearer nzt_...`) or the session cookie. A
 * cookie-authenticated change (POST, PUT, PATCH, DELETE) must carry the
 * session's CSRF token in `X-CSRF-Token`, and a cookie-authenticated
 * WebSocket must come from this server's own origin (no cross-site
 * WebSocket hijacking). A user who must change a one-time password may
 * only do that (routes marked `allowPasswordChange`).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/cookie';
import { NarizError } from '@nariz/core';
import type { SessionRecord, Store } from '@nariz/store';
import { can, type Right } from './roles.js';
import { digest } from './secrets.js';

export const SESSION_COOKIE = 'nariz_session';
export const CSRF_HEADER = 'x-csrf-token';
/** Sliding lifetime of a session. */
export const SESSION_LIFETIME_MS = 12 * 3600_000;

export interface Principal {
  readonly username: string;
  readonly role: string;
  readonly via: 'session' | 'token';
  /** The session, when signed in through the cookie. */
  readonly session: SessionRecord | undefined;
  readonly mustChangePassword: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on every non-public /api route. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** The right the route needs ('public': none). Default 'read'. */
    right?: Right | 'public';
    /** Open to a user who still has to change a one-time password. */
    allowPasswordChange?: boolean;
  }
}

export interface AuthOptions {
  readonly store: Store;
  readonly secureCookies: boolean;
  readonly now?: () => Date;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The signed-in caller; throws NARIZ_AUTH when the route needs one and there is none. */
export function principalOf(req: FastifyRequest): Principal {
  if (req.principal === null) throw new NarizError('NARIZ_AUTH', 'sign in first');
  return req.principal;
}

export function installAuth(app: FastifyInstance, o: AuthOptions): void {
  const now = o.now ?? (() => new Date());
  app.decorateRequest('principal', null);

  const identify = async (req: FastifyRequest): Promise<Principal | undefined> => {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (m === null) throw new NarizError('NARIZ_AUTH', 'Authorization must be "Bearer <token>"');
      const t = await o.store.accounts.findApiToken(digest(m[1]!));
      const u = t === undefined ? undefined : await o.store.accounts.getUser(t.username);
      if (u === undefined || u.disabled) throw new NarizError('NARIZ_AUTH', 'unknown or revoked API token');
      return { username: u.username, role: u.role, via: 'token', session: undefined, mustChangePassword: false };
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie === undefined || cookie === '') return undefined;
    const t = now();
    const s = await o.store.accounts.getSession(digest(cookie), t);
    if (s === undefined) return undefined;
    const u = await o.store.accounts.getUser(s.username);
    if (u === undefined || u.disabled) return undefined;
    // Sliding expiry, written at most every ten minutes.
    if (Date.parse(s.expiresAt) - t.getTime() < SESSION_LIFETIME_MS - 600_000) await o.store.accounts.extendSession(s.idHash, new Date(t.getTime() + SESSION_LIFETIME_MS).toISOString());
    return { username: u.username, role: u.role, via: 'session', session: s, mustChangePassword: u.mustChangePassword };
  };

  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.url === undefined || !req.routeOptions.url.startsWith('/api/')) return;
    const cfg = req.routeOptions.config;
    const right = cfg.right ?? 'read';
    const p = await identify(req);
    if (p !== undefined) req.principal = p;
    if (right === 'public') return;
    if (p === undefined) throw new NarizError('NARIZ_AUTH', 'sign in first');
    if (p.mustChangePassword && cfg.allowPasswordChange !== true) throw new NarizError('NARIZ_PASSWORD_CHANGE', 'change your one-time password first (PUT /api/session/password)');
    if (!can(p.role, right)) throw new NarizError('NARIZ_FORBIDDEN', `the role "${p.role}" does not have the right "${right}"`);
    if (p.via === 'session') {
      if (UNSAFE.has(req.method)) {
        const sent = req.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameSecret(sent, p.session!.csrfToken)) throw new NarizError('NARIZ_CSRF', `a change made with a session cookie needs the session's CSRF token in ${CSRF_HEADER}`);
      }
      if (req.headers.upgrade?.toLowerCase() === 'websocket') {
        const origin = req.headers.origin;
        if (origin !== undefined && new URL(origin).host !== req.headers.host) throw new NarizError('NARIZ_CSRF', `a WebSocket from ${origin} may not use this server's session`);
      }
    }
  });
}

export function setSessionCookie(reply: FastifyReply, value: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: SESSION_LIFETIME_MS / 1000 });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}
