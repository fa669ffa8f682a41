/**
 * Roles and their rights. A route names the right it needs; a role is a set
 * of rights. Rights say what a user may do; what they may see is decided by
 * markings (docs/security/markings.md), which do not consult roles.
 *
 * `session` is every signed-in user's: reading and ending one's session and
 * changing one's password. `partner` is a partner government's official:
 * the partner portal and their session, nothing else (no sorties, tracks,
 * videos, plans or live feed). Releasing a lead to a partner is an
 * analyst's decision (`lead:release`), audited with the analyst's name;
 * admins hold every right except the portal, which is for partners only
 * (`glossary:write`, editing and reviewing the slang glossary, is theirs
 * alone).
 */
export const RIGHTS = [
  'read', 'sortie:write', 'job:run', 'token:own', 'plan:write', 'user:admin', 'authority:write', 'export:override', 'video:admin',
  'session', 'lead:read', 'lead:write', 'lead:release', 'partner:portal', 'network:read', 'network:write', 'translate',
  'glossary:write',
] as const;
export type Right = (typeof RIGHTS)[number];

export const ROLES = ['viewer', 'analyst', 'admin', 'partner'] as const;
export type Role = (typeof ROLES)[number];

const GRANTS: Record<Role, readonly Right[]> = {
  viewer: ['read', 'session', 'lead:read', 'network:read'],
  analyst: ['read', 'sortie:write', 'job:run', 'token:own', 'plan:write', 'session', 'lead:read', 'lead:write', 'lead:release', 'network:read', 'network:write', 'translate'],
  admin: RIGHTS.filter((r) => r !== 'partner:portal'),
  partner: ['session', 'partner:portal'],
};

export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}

/** False for a role this code does not know (a stored role from a newer version grants nothing). */
export function can(role: string, right: Right): boolean {
  return isRole(role) && GRANTS[role].includes(right);
}
