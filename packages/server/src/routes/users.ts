/**
 * User management (admins), and API tokens (each user their own).
 *
 *   GET   /api/users              list
 *   POST  /api/users              {username, password, role}
 *   PATCH /api/users/:username    {role?, disabled?, password?}
 *   POST   /api/tokens            {name} → the token, shown once
 *   GET    /api/tokens            the caller's tokens (without the secret)
 *   DELETE /api/tokens/:id        revoke
 *   GET    /api/audit             the audit log (admins), newest first
 *
 * Every change here is written to the audit log.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { NarizError } from '@nariz/core';
import type { Store, UserRecord } from '@nariz/store';
import { principalOf } from '../auth/auth-plugin.js';
import { hashPassword, PASSWORD_MAX, passwordProblem } from '../auth/passwords.js';
import { ROLES } from '../auth/roles.js';
import { digest, newSecret } from '../auth/secrets.js';

export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{1,63}$';

const userSchema = {
  type: 'object',
  properties: { username: { type: 'string' }, role: { type: 'string' }, created_at: { type: 'string' }, disabled: { type: 'boolean' }, must_change_password: { type: 'boolean' } },
  required: ['username', 'role', 'created_at', 'disabled', 'must_change_password'],
} as const;

const userJson = (u: UserRecord): Record<string, unknown> => ({ username: u.username, role: u.role, created_at: u.createdAt, disabled: u.disabled, must_change_password: u.mustChangePassword });

function checkPassword(p: string): void {
  const problem = passwordProblem(p);
  if (problem !== undefined) throw new NarizError('NARIZ_BAD_REQUEST', problem);
}

export const userRoutes: FastifyPluginAsync<{ store: Store; now: () => Date }> = async (app, { store, now }) => {
  app.get('/users', { config: { right: 'user:admin' }, schema: { response: { 200: { type: 'object', properties: { users: { type: 'array', items: userSchema } }, required: ['users'] } } } }, async () => ({
    users: (await store.accounts.listUsers()).map(userJson),
  }));

  app.post<{ Body: { username: string; password: string; role: string } }>(
    '/users',
    {
      config: { right: 'user:admin' },
      schema: {
        body: {
          type: 'object',
          properties: { username: { type: 'string', pattern: USERNAME_PATTERN }, password: { type: 'string', maxLength: PASSWORD_MAX * 4 }, role: { type: 'string', enum: [...ROLES] } },
          required: ['username', 'password', 'role'],
          additionalProperties: false,
        },
        response: { 201: userSchema },
      },
    },
    async (req, reply) => {
      checkPassword(req.body.password);
      const u = await store.accounts.createUser({ username: req.body.username, role: req.body.role, passwordHash: await hashPassword(req.body.password), mustChangePassword: true });
      req.log.info({ by: principalOf(req).username, username: u.username, role: u.role }, 'user created');
      await store.audit.append({ actor: principalOf(req).username, action: 'user.create', target: u.username, details: { role: u.role } });
      return reply.status(201).send(userJson(u));
    },
  );

  app.patch<{ Params: { username: string }; Body: { role?: string; disabled?: boolean; password?: string } }>(
    '/users/:username',
    {
      config: { right: 'user:admin' },
      schema: {
        params: { type: 'object', properties: { username: { type: 'string', pattern: USERNAME_PATTERN } }, required: ['username'] },
        body: { type: 'object', properties: { role: { type: 'string', enum: [...ROLES] }, disabled: { type: 'boolean' }, password: { type: 'string', maxLength: PASSWORD_MAX * 4 } }, additionalProperties: false, minProperties: 1 },
        response: { 200: userSchema },
      },
    },
    async (req) => {
      const me = principalOf(req).username;
      if (req.params.username === me && (req.body.disabled === true || (req.body.role !== undefined && req.body.role !== 'admin'))) {
        throw new NarizError('NARIZ_CONFLICT', 'an admin cannot disable or demote their own account (ask another admin)');
      }
      if (req.body.password !== undefined) checkPassword(req.body.password);
      const u = await store.accounts.updateUser(req.params.username, {
        ...(req.body.role !== undefined ? { role: req.body.role } : {}),
        ...(req.body.disabled !== undefined ? { disabled: req.body.disabled } : {}),
        // A password set by an admin is one-time: the user chooses their own at next sign-in.
        ...(req.body.password !== undefined ? { passwordHash: await hashPassword(req.body.password), mustChangePassword: true } : {}),
      });
      if (u === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no user "${req.params.username}"`);
      if (req.body.disabled === true || req.body.password !== undefined || req.body.role !== undefined) await store.accounts.deleteSessionsOf(u.username);
      req.log.info({ by: me, username: u.username, change: Object.keys(req.body) }, 'user changed');
      await store.audit.append({ actor: me, action: 'user.change', target: u.username, details: { ...(req.body.role !== undefined ? { role: req.body.role } : {}), ...(req.body.disabled !== undefined ? { disabled: req.body.disabled } : {}), password_reset: req.body.password !== undefined } });
      return userJson(u);
    },
  );

  app.get<{ Querystring: { actor?: string; action?: string; target?: string; limit?: number; before?: number } }>(
    '/audit',
    {
      config: { right: 'user:admin' },
      schema: {
        querystring: {
          type: 'object',
          properties: { actor: { type: 'string', maxLength: 64 }, action: { type: 'string', maxLength: 64 }, target: { type: 'string', maxLength: 200 }, limit: { type: 'integer', minimum: 1, maximum: 1000 }, before: { type: 'integer', minimum: 0 } },
          additionalProperties: false,
        },
      },
    },
    async (req) => ({
      size: await store.audit.size(),
      entries: (
        await store.audit.list({
          ...(req.query.actor !== undefined ? { actor: req.query.actor } : {}),
          ...(req.query.action !== undefined ? { action: req.query.action } : {}),
          ...(req.query.target !== undefined ? { target: req.query.target } : {}),
          ...(req.query.before !== undefined ? { beforeSeq: req.query.before } : {}),
          limit: req.query.limit ?? 100,
        })
      ).map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, target: e.target, details: e.details, leaf_hash: e.leafHash })),
    }),
  );

  const tokenSchema = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, created_at: { type: 'string' } }, required: ['id', 'name', 'created_at'] } as const;

  app.post<{ Body: { name: string } }>(
    '/tokens',
    {
      config: { right: 'token:own' },
      schema: {
        body: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['name'], additionalProperties: false },
        response: { 201: { type: 'object', properties: { ...tokenSchema.properties, token: { type: 'string' } }, required: [...tokenSchema.required, 'token'] } },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const token = newSecret('nzt_');
      const rec = { id: randomUUID(), name: req.body.name, username: p.username, tokenHash: digest(token), createdAt: now().toISOString() };
      await store.accounts.createApiToken(rec);
      req.log.info({ username: p.username, token: rec.id }, 'API token created');
      await store.audit.append({ actor: p.username, action: 'token.create', target: rec.id, details: { name: rec.name } });
      return reply.status(201).send({ id: rec.id, name: rec.name, created_at: rec.createdAt, token });
    },
  );

  app.get('/tokens', { config: { right: 'token:own' }, schema: { response: { 200: { type: 'object', properties: { tokens: { type: 'array', items: tokenSchema } }, required: ['tokens'] } } } }, async (req) => ({
    tokens: (await store.accounts.listApiTokens(principalOf(req).username)).map((t) => ({ id: t.id, name: t.name, created_at: t.createdAt })),
  }));

  app.delete<{ Params: { id: string } }>('/tokens/:id', { config: { right: 'token:own' }, schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } }, required: ['id'] } } }, async (req, reply) => {
    if (!(await store.accounts.deleteApiToken(req.params.id, principalOf(req).username))) throw new NarizError('NARIZ_NOT_FOUND', `you have no token "${req.params.id}"`);
    await store.audit.append({ actor: principalOf(req).username, action: 'token.revoke', target: req.params.id, details: {} });
    return reply.status(204).send();
  });
};
