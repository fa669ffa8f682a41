/**
 * User management (admins), and API tokens (each user their own).
 *
 *   GET   /api/users              list
 *   POST  /api/users              {username, password, role}
 *   PATCH /api/users/:username    {role?, disabled?, password?}
 *   POST   /api/tokens            {name} → the token, shown once
 *   GET    /api/tokens            the caller's tokens (without the secret)
 *   DELETE /api/tokens/:id        revoke
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
      return userJson(u);
    },
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
      return reply.status(201).send({ id: rec.id, name: rec.name, created_at: rec.createdAt, token });
    },
  );

  app.get('/tokens', { config: { right: 'token:own' }, schema: { response: { 200: { type: 'object', properties: { tokens: { type: 'array', items: tokenSchema } }, required: ['tokens'] } } } }, async (req) => ({
    tokens: (await store.accounts.listApiTokens(principalOf(req).username)).map((t) => ({ id: t.id, name: t.name, created_at: t.createdAt })),
  }));

  app.delete<{ Params: { id: string } }>('/tokens/:id', { config: { right: 'token:own' }, schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } }, required: ['id'] } } }, async (req, reply) => {
    if (!(await store.accounts.deleteApiToken(req.params.id, principalOf(req).username))) throw new NarizError('NARIZ_NOT_FOUND', `you have no token "${req.params.id}"`);
    return reply.status(204).send();
  });
};
