/** POST/GET /api/session: who is signed in, their CSRF token and whether a password change is due. */
import { fields, oneOf } from './read.js';

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Session {
  readonly username: string;
  readonly role: Role;
  readonly csrfToken: string;
  readonly mustChangePassword: boolean;
}

export function readSession(v: unknown): Session {
  const f = fields(v, 'session');
  const u = fields(f.get('user', (x) => x), 'session.user');
  return {
    username: u.str('username'),
    role: u.get('role', oneOf(ROLES)),
    csrfToken: f.str('csrf_token'),
    mustChangePassword: f.bool('must_change_password'),
  };
}

/** Analysts and admins upload, delete and run localisation; viewers only look. */
export function canAnalyse(role: Role): boolean {
  return role === 'analyst' || role === 'admin';
}

/** Flight plans: analysts and admins plan, import, export and delete; viewers see plans and checks. */
export function canPlan(role: Role): boolean {
  return role === 'analyst' || role === 'admin';
}

/** Only administrators override an airspace refusal (audited) and load official boundaries. */
export function isAdmin(role: Role): boolean {
  return role === 'admin';
}
