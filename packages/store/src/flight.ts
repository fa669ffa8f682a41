/**
 * Flight plans and airspace authorities as stored. Their content is the
 * flight package's JSON (a FlightPlan, an Authority definition), validated
 * by the server before it is stored; the store keeps it as given.
 */
export interface PlanRecord {
  readonly id: string;
  readonly name: string;
  /** The authority the plan is checked against, if chosen. */
  readonly authorityId: string | undefined;
  readonly plan: unknown;
  readonly createdBy: string;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type NewPlan = Omit<PlanRecord, 'createdAt' | 'updatedAt'>;

export interface AuthorityRecord {
  readonly id: string;
  readonly name: string;
  readonly definition: unknown;
  readonly createdBy: string;
  readonly createdAt: string;
}

export type NewAuthority = Omit<AuthorityRecord, 'createdAt'>;

export interface FlightStore {
  /** Creates the plan, or replaces the one with its id (keeping createdAt). */
  putPlan(p: NewPlan): Promise<PlanRecord>;
  getPlan(id: string): Promise<PlanRecord | undefined>;
  /** Newest first. */
  listPlans(): Promise<PlanRecord[]>;
  deletePlan(id: string): Promise<boolean>;
  /** Creates the authority, or replaces the one with its id. */
  putAuthority(a: NewAuthority): Promise<AuthorityRecord>;
  getAuthority(id: string): Promise<AuthorityRecord | undefined>;
  listAuthorities(): Promise<AuthorityRecord[]>;
  deleteAuthority(id: string): Promise<boolean>;
}
