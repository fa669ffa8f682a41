/** Flight plans and authorities in SQLite (the FlightStore contract, flight.ts). */
import type Database from 'better-sqlite3';
import type { AuthorityRecord, FlightStore, NewAuthority, NewPlan, PlanRecord } from '../flight.js';

interface PlanRow { id: string; name: string; authority_id: string | null; plan: string; created_by: string; created_at: string; updated_at: string }
interface AuthorityRow { id: string; name: string; definition: string; created_by: string; created_at: string }

const plan = (r: PlanRow): PlanRecord => ({ id: r.id, name: r.name, authorityId: r.authority_id ?? undefined, plan: JSON.parse(r.plan) as unknown, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at });
const authority = (r: AuthorityRow): AuthorityRecord => ({ id: r.id, name: r.name, definition: JSON.parse(r.definition) as unknown, createdBy: r.created_by, createdAt: r.created_at });

export class SqliteFlight implements FlightStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  async putPlan(p: NewPlan): Promise<PlanRecord> {
    const t = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO flight_plans (id, name, authority_id, plan, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, authority_id = excluded.authority_id, plan = excluded.plan, updated_at = excluded.updated_at`,
      )
      .run(p.id, p.name, p.authorityId ?? null, JSON.stringify(p.plan), p.createdBy, t, t);
    return (await this.getPlan(p.id))!;
  }

  async getPlan(id: string): Promise<PlanRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM flight_plans WHERE id = ?').get(id) as PlanRow | undefined;
    return r === undefined ? undefined : plan(r);
  }

  async listPlans(): Promise<PlanRecord[]> {
    return (this.db.prepare('SELECT * FROM flight_plans ORDER BY updated_at DESC, id').all() as PlanRow[]).map(plan);
  }

  async deletePlan(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM flight_plans WHERE id = ?').run(id).changes > 0;
  }

  async putAuthority(a: NewAuthority): Promise<AuthorityRecord> {
    this.db
      .prepare(
        `INSERT INTO authorities (id, name, definition, created_by, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, definition = excluded.definition, created_by = excluded.created_by, created_at = excluded.created_at`,
      )
      .run(a.id, a.name, JSON.stringify(a.definition), a.createdBy, this.now().toISOString());
    return (await this.getAuthority(a.id))!;
  }

  async getAuthority(id: string): Promise<AuthorityRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM authorities WHERE id = ?').get(id) as AuthorityRow | undefined;
    return r === undefined ? undefined : authority(r);
  }

  async listAuthorities(): Promise<AuthorityRecord[]> {
    return (this.db.prepare('SELECT * FROM authorities ORDER BY name, id').all() as AuthorityRow[]).map(authority);
  }

  async deleteAuthority(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM authorities WHERE id = ?').run(id).changes > 0;
  }
}
