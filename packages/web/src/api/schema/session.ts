/** POST/GET /api/session: who is signed in, their CSRF token and whether a password change is due. */
import { ACCESS_CONTROLS, CLASSIFICATIONS, type AccessControl, type Classification } from './marking.js';
import { arrayOf, fields, oneOf, str } from './read.js';

/** `partner`: a partner government's official, who sees only the partner portal (docs/leads.md). */
export const ROLES = ['viewer', 'analyst', 'admin', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export interface Session {
  readonly username: string;
  readonly role: Role;
  /** What the user may label with: nothing above the clearance, no access control they are not read into. */
  readonly clearance: Classification;
  /** ISO 3166-1 alpha-3 (the own country when the account has none set). */
  readonly nationality: string;
  /** The default originator of what the user marks. */
  readonly organisation: string;
  readonly accesses: readonly AccessControl[];
  readonly csrfToken: string;
  readonly mustChangePassword: boolean;
}

export function readSession(v: unknown): Session {
  const f = fields(v, 'session');
  const u = fields(f.get('user', (x) => x), 'session.user');
  return {
    username: u.str('username'),
    role: u.get('role', oneOf(ROLES)),
    clearance: u.get('clearance', oneOf(CLASSIFICATIONS)),
    nationality: u.str('nationality'),
    organisation: u.str('organisation'),
    // An access this app does not know cannot be offered in a picker, so it is left out here.
    accesses: u.get('accesses', arrayOf(str)).filter((a): a is AccessControl => ACCESS_CONTROLS.some((c) => c === a)),
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

/** A partner official: the app shows the partner portal and nothing else. */
export function isPartner(role: Role): boolean {
  return role === 'partner';
}

/** Leads: viewers, analysts and administrators read them (as their markings allow). */
export function canReadLeads(role: Role): boolean {
  return role === 'viewer' || role === 'analyst' || role === 'admin';
}

/** Analysts and administrators create, change and release leads (`lead:write`, `lead:release`). */
export function canWriteLeads(role: Role): boolean {
  return role === 'analyst' || role === 'admin';
}

/** The counter-network link chart: viewers, analysts and administrators read it. */
export function canReadNetwork(role: Role): boolean {
  return role === 'viewer' || role === 'analyst' || role === 'admin';
}

/** Analysts and administrators import, edit, merge and run analyses on the network. */
export function canWriteNetwork(role: Role): boolean {
  return role === 'analyst' || role === 'admin';
}

/** Machine translation (it runs engines on the server): analysts and administrators. */
export function canTranslate(role: Role): boolean {
  return role === 'analyst' || role === 'admin';
}
