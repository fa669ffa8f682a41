/**
 * Roles and their rights. A route names the right it needs; a role is a set
 * of rights. The partner-release work adds roles (partner officials) and
 * rights (release, markings) here, without touching the routes' checks.
 */
export const RIGHTS = ['read', 'sortie:write', 'job:run', 'token:own', 'plan:write', 'user:admin', 'authority:write', 'export:override', 'video:admin'] as const;
export type Right = (typeof RIGHTS)[number];

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const GRANTS: Record<Role, readonly Right[]> = {
  viewer: ['read'],
  analyst: ['read', 'sortie:write', 'job:run', 'token:own', 'plan:write'],
  admin: RIGHTS,
};

export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}

/** False for a role this code does not know (a stored role from a newer version grants nothing). */
export function can(role: string, right: Right): boolean {
  return isRole(role) && GRANTS[role].includes(right);
}
