/**
 * Signing in and out, and changing one's password.
 *
 *   POST   /api/session            {username, password} → user, CSRF token, cookie
 *   GET    /api/session            the current session
 *   DELETE /api/session            sign out
 *   PUT    /api/session/password   {current_password, new_password}
 *
 * A wrong name and a wrong password get the same answer (and the same
 * scrypt work, so timing does not tell them apart either). Failures are
 * throttled per name and address (auth/throttle.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import { NarizError } from '@nariz/core';
import type { Store, UserRecord } from '@nariz/store';
import type { SecurityPolicy } from '@nariz/security';
import { clearSessionCookie, principalOf, SESSION_LIFETIME_MS, setSessionCookie } from '../auth/auth-plugin.js';
import { hashPassword, PASSWORD_MAX, passwordProblem, verifyPassword } from '../auth/passwords.js';
import { digest, newSecret } from '../auth/secrets.js';
import type { LoginThrottle } from '../auth/throttle.js';

export interface SessionRouteOptions {
  readonly store: Store;
  readonly throttle: LoginThrottle;
  readonly secureCookies: boolean;
  readonly now: () => Date;
  /** Gives the own country to users with no nationality set. */
  readonly policy: SecurityPolicy;
}

export const sessionSchema = {
  type: 'object',
  properties: {
    user: {
      type: 'object',
      properties: {
        username: { type: 'string' }, role: { type: 'string' },
        clearance: { type: 'string', enum: ['U', 'C', 'S', 'TS'] },
        nationality: { type: 'string', description: 'ISO 3166-1 alpha-3; the own country when none is set' },
        organisation: { type: 'string' },
        accesses: { type: 'array', items: { type: 'string' } },
      },
      required: ['username', 'role', 'clearance', 'nationality', 'organisation', 'accesses'],
      description: 'the markings pickers offer only what the user may see: no higher than the clearance, accesses the user is read into',
    },
    csrf_token: { type: 'string' },
    must_change_password: { type: 'boolean' },
  },
  required: ['user', 'csrf_token', 'must_change_password'],
} as const;

const sessionJson = (u: UserRecord, csrf: string, policy: SecurityPolicy): Record<string, unknown> => ({
  user: { username: u.username, role: u.role, clearance: u.clearance, nationality: u.nationality ?? policy.ownCountry, organisation: u.organisation, accesses: [...u.accesses] },
  csrf_token: csrf,
  must_change_password: u.mustChangePassword,
});

/** Spent on unknown names so that they take as long as known ones. */
let decoyHash: Promise<string> | undefined;

export const sessionRoutes: FastifyPluginAsync<SessionRouteOptions> = async (app, o) => {
  app.post<{ Body: { username: string; password: string } }>(
    '/session',
    {
      config: { right: 'public' },
      schema: {
        body: { type: 'object', properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: PASSWORD_MAX * 4 } }, required: ['username', 'password'], additionalProperties: false },
        response: { 200: sessionSchema },
      },
    },
    async (req, reply) => {
      const name = req.body.username.trim().toLowerCase();
      const wait = o.throttle.retryAfterMs(req.ip, name);
      if (wait > 0) {
        const s = Math.ceil(wait / 1000);
        reply.header('retry-after', String(s));
        throw new NarizError('NARIZ_RATE_LIMITED', `too many failed sign-ins; try again in ${s} s`);
      }
      const u = await o.store.accounts.getUser(name);
      decoyHash ??= hashPassword(newSecret());
      const ok = await verifyPassword(req.body.password, u?.passwordHash ?? (await decoyHash));
      if (u === undefined || !ok || u.disabled) {
        o.throttle.fail(req.ip, name);
        req.log.warn({ username: name, ip: req.ip }, 'sign-in failed');
        await o.store.audit.append({ actor: name, action: 'session.signin.failed', target: name, details: { ip: req.ip, known_user: u !== undefined } });
        throw new NarizError('NARIZ_AUTH', 'wrong user name or password');
      }
      o.throttle.succeed(req.ip, name);
      const id = newSecret();
      const csrf = newSecret();
      const t = o.now();
      await o.store.accounts.createSession({ idHash: digest(id), username: u.username, csrfToken: csrf, createdAt: t.toISOString(), expiresAt: new Date(t.getTime() + SESSION_LIFETIME_MS).toISOString() });
      setSessionCookie(reply, id, o.secureCookies);
      req.log.info({ username: u.username }, 'signed in');
      await o.store.audit.append({ actor: u.username, action: 'session.signin', target: u.username, details: { ip: req.ip } });
      return sessionJson(u, csrf, o.policy);
    },
  );

  app.get('/session', { config: { right: 'session', allowPasswordChange: true }, schema: { response: { 200: sessionSchema } } }, async (req) => {
    const p = principalOf(req);
    const u = await o.store.accounts.getUser(p.username);
    if (u === undefined) throw new NarizError('NARIZ_AUTH', 'sign in first');
    return sessionJson(u, p.session?.csrfToken ?? '', o.policy);
  });

  app.delete('/session', { config: { right: 'session', allowPasswordChange: true } }, async (req, reply) => {
    const p = principalOf(req);
    if (p.session !== undefined) await o.store.accounts.deleteSession(p.session.idHash);
    clearSessionCookie(reply, o.secureCookies);
    return reply.status(204).send();
  });

  app.put<{ Body: { current_password: string; new_password: string } }>(
    '/session/password',
    {
      config: { right: 'session', allowPasswordChange: true },
      schema: {
        body: { type: 'object', properties: { current_password: { type: 'string', maxLength: PASSWORD_MAX * 4 }, new_password: { type: 'string', maxLength: PASSWORD_MAX * 4 } }, required: ['current_password', 'new_password'], additionalProperties: false },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const u = await o.store.accounts.getUser(p.username);
      if (u === undefined || !(await verifyPassword(req.body.current_password, u.passwordHash))) throw new NarizError('NARIZ_AUTH', 'the current password is wrong');
      const problem = passwordProblem(req.body.new_password);
      if (problem !== undefined) throw new NarizError('NARIZ_BAD_REQUEST', problem);
      if (req.body.new_password === req.body.current_password) throw new NarizError('NARIZ_BAD_REQUEST', 'the new password must differ from the current one');
      await o.store.accounts.updateUser(u.username, { passwordHash: await hashPassword(req.body.new_password), mustChangePassword: false });
      // Other sessions of the user end; this one goes on.
      const keep = p.session;
      await o.store.accounts.deleteSessionsOf(u.username);
      if (keep !== undefined) await o.store.accounts.createSession(keep);
      req.log.info({ username: u.username }, 'password changed');
      await o.store.audit.append({ actor: u.username, action: 'user.password.change', target: u.username, details: {} });
      return reply.status(204).send();
    },
  );
};
