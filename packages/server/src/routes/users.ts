/**
 * User management (admins), and API tokens (each user their own).
 *
 *   GET   /api/users              list
 *   POST  /api/users              {username, password, role, clearance?, nationality?, organisation?, accesses?}
 *   PATCH /api/users/:username    {role?, disabled?, password?, clearance?, nationality?, organisation?, accesses?}
 *   POST   /api/tokens            {name} → the token, shown once
 *   GET    /api/tokens            the caller's tokens (without the secret)
 *   DELETE /api/tokens/:id        revoke
 *   GET    /api/audit             the audit log (admins), newest first
 *
 * Every change here is written to the audit log.
 *
 * Clearance, nationality, organisation and accesses are what markings are
 * checked against (docs/security/markings.md, rule A1; docs/leads.md). A
 * new account has clearance U, the deployment's own country and the
 * organisation 'task force' unless given; a `partner` account must have a
 * foreign nationality. A nationality of null returns to the own country.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { NarizError } from '@nariz/core';
import { CLASSIFICATIONS, CONTROLS, parseSubject, type SecurityPolicy } from '@nariz/security';
import { DEFAULT_ORGANISATION, type Store, type UserRecord } from '@nariz/store';
import { principalOf } from '../auth/auth-plugin.js';
import { hashPassword, PASSWORD_MAX, passwordProblem } from '../auth/passwords.js';
import { ROLES } from '../auth/roles.js';
import { digest, newSecret } from '../auth/secrets.js';

export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{1,63}$';

const userSchema = {
  type: 'object',
  properties: {
    username: { type: 'string' }, role: { type: 'string' }, created_at: { type: 'string' }, disabled: { type: 'boolean' }, must_change_password: { type: 'boolean' },
    clearance: { type: 'string' }, nationality: { type: 'string', description: 'ISO 3166-1 alpha-3 (the deployment’s own country unless set)' }, organisation: { type: 'string' },
    accesses: { type: 'array', items: { type: 'string' } },
  },
  required: ['username', 'role', 'created_at', 'disabled', 'must_change_password', 'clearance', 'nationality', 'organisation', 'accesses'],
} as const;

/** The marking fields an admin sets (the body schema's part shared by create and change). */
const ACCESS_CONTROLS = CONTROLS.filter((c) => c.rule === 'access').map((c) => c.name);
const markingFieldSchemas = {
  clearance: { type: 'string', enum: [...CLASSIFICATIONS] },
  organisation: { type: 'string', minLength: 1, maxLength: 128 },
  accesses: { type: 'array', items: { type: 'string', enum: ACCESS_CONTROLS }, uniqueItems: true },
} as const;

interface MarkingFields {
  clearance?: string;
  nationality?: string | null;
  organisation?: string;
  accesses?: string[];
}

/**
 * The account as access decisions will read it, checked now (NARIZ_MARKING naming the field) so that an
 * account is never stored that would be refused later; a partner must be a foreign national.
 */
function checkSubject(u: { username: string; role: string; clearance: string; nationality: string | undefined; organisation: string; accesses: readonly string[] }, policy: SecurityPolicy): void {
  const s = parseSubject({ username: u.username, clearance: u.clearance, nationality: u.nationality ?? policy.ownCountry, organisation: u.organisation, roles: [u.role], accesses: [...u.accesses] });
  if (u.role === 'partner' && s.nationality === policy.ownCountry) {
    throw new NarizError('NARIZ_BAD_REQUEST', `a partner account needs the partner's nationality (not ${policy.ownCountry}, this deployment's own country)`, { path: 'nationality' });
  }
}

const markingDetails = (b: MarkingFields): Record<string, unknown> => ({
  ...(b.clearance !== undefined ? { clearance: b.clearance } : {}),
  ...(b.nationality !== undefined ? { nationality: b.nationality } : {}),
  ...(b.organisation !== undefined ? { organisation: b.organisation } : {}),
  ...(b.accesses !== undefined ? { accesses: [...b.accesses].sort() } : {}),
});

function checkPassword(p: string): void {
  const problem = passwordProblem(p);
  if (problem !== undefined) throw new NarizError('NARIZ_BAD_REQUEST', problem);
}

export const userRoutes: FastifyPluginAsync<{ store: Store; now: () => Date; policy: SecurityPolicy }> = async (app, { store, now, policy }) => {
  const userJson = (u: UserRecord): Record<string, unknown> => ({
    username: u.username, role: u.role, created_at: u.createdAt, disabled: u.disabled, must_change_password: u.mustChangePassword,
    clearance: u.clearance, nationality: u.nationality ?? policy.ownCountry, organisation: u.organisation, accesses: [...u.accesses],
  });

  app.get('/users', { config: { right: 'user:admin' }, schema: { response: { 200: { type: 'object', properties: { users: { type: 'array', items: userSchema } }, required: ['users'] } } } }, async () => ({
    users: (await store.accounts.listUsers()).map(userJson),
  }));

  app.post<{ Body: { username: string; password: string; role: string } & MarkingFields }>(
    '/users',
    {
      config: { right: 'user:admin' },
      schema: {
        body: {
          type: 'object',
          properties: {
            username: { type: 'string', pattern: USERNAME_PATTERN }, password: { type: 'string', maxLength: PASSWORD_MAX * 4 }, role: { type: 'string', enum: [...ROLES] },
            ...markingFieldSchemas, nationality: { type: 'string', pattern: '^[A-Za-z]{3}$' },
          },
          required: ['username', 'password', 'role'],
          additionalProperties: false,
        },
        response: { 201: userSchema },
      },
    },
    async (req, reply) => {
      checkPassword(req.body.password);
      const b = req.body;
      const fields = {
        clearance: b.clearance ?? 'U', organisation: b.organisation?.trim() ?? DEFAULT_ORGANISATION, accesses: b.accesses ?? [],
        ...(typeof b.nationality === 'string' ? { nationality: b.nationality.toUpperCase() } : {}),
      };
      checkSubject({ username: b.username, role: b.role, nationality: undefined, ...fields }, policy);
      const u = await store.accounts.createUser({ username: b.username, role: b.role, passwordHash: await hashPassword(b.password), mustChangePassword: true, ...fields });
      req.log.info({ by: principalOf(req).username, username: u.username, role: u.role }, 'user created');
      await store.audit.append({
        actor: principalOf(req).username, action: 'user.create', target: u.username,
        details: { role: u.role, clearance: u.clearance, nationality: u.nationality ?? policy.ownCountry, organisation: u.organisation, accesses: [...u.accesses] },
      });
      return reply.status(201).send(userJson(u));
    },
  );

  app.patch<{ Params: { username: string }; Body: { role?: string; disabled?: boolean; password?: string } & MarkingFields }>(
    '/users/:username',
    {
      config: { right: 'user:admin' },
      schema: {
        params: { type: 'object', properties: { username: { type: 'string', pattern: USERNAME_PATTERN } }, required: ['username'] },
        body: {
          type: 'object',
          properties: {
            role: { type: 'string', enum: [...ROLES] }, disabled: { type: 'boolean' }, password: { type: 'string', maxLength: PASSWORD_MAX * 4 },
            ...markingFieldSchemas, nationality: { type: ['string', 'null'], pattern: '^[A-Za-z]{3}$' },
          },
          additionalProperties: false,
          minProperties: 1,
        },
        response: { 200: userSchema },
      },
    },
    async (req) => {
      const me = principalOf(req).username;
      if (req.params.username === me && (req.body.disabled === true || (req.body.role !== undefined && req.body.role !== 'admin'))) {
        throw new NarizError('NARIZ_CONFLICT', 'an admin cannot disable or demote their own account (ask another admin)');
      }
      if (req.body.password !== undefined) checkPassword(req.body.password);
      const b = req.body;
      const marks = {
        ...(b.clearance !== undefined ? { clearance: b.clearance } : {}), ...(b.organisation !== undefined ? { organisation: b.organisation.trim() } : {}),
        ...(b.accesses !== undefined ? { accesses: b.accesses } : {}), ...(b.nationality !== undefined ? { nationality: b.nationality === null ? null : b.nationality.toUpperCase() } : {}),
      };
      const before = await store.accounts.getUser(req.params.username);
      if (before === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no user "${req.params.username}"`);
      checkSubject({
        username: before.username, role: b.role ?? before.role, clearance: marks.clearance ?? before.clearance, organisation: marks.organisation ?? before.organisation,
        accesses: marks.accesses ?? before.accesses, nationality: marks.nationality === undefined ? before.nationality : (marks.nationality ?? undefined),
      }, policy);
      const u = await store.accounts.updateUser(req.params.username, {
        ...marks,
        ...(req.body.role !== undefined ? { role: req.body.role } : {}),
        ...(req.body.disabled !== undefined ? { disabled: req.body.disabled } : {}),
        // A password set by an admin is one-time: the user chooses their own at next sign-in.
        ...(req.body.password !== undefined ? { passwordHash: await hashPassword(req.body.password), mustChangePassword: true } : {}),
      });
      if (u === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no user "${req.params.username}"`);
      if (req.body.disabled === true || req.body.password !== undefined || req.body.role !== undefined) await store.accounts.deleteSessionsOf(u.username);
      req.log.info({ by: me, username: u.username, change: Object.keys(req.body) }, 'user changed');
      await store.audit.append({
        actor: me, action: 'user.change', target: u.username,
        details: { ...(req.body.role !== undefined ? { role: req.body.role } : {}), ...(req.body.disabled !== undefined ? { disabled: req.body.disabled } : {}), password_reset: req.body.password !== undefined, ...markingDetails(marks) },
      });
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
