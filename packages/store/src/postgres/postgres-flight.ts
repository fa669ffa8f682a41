/** Flight plans and authorities in PostgreSQL (the FlightStore contract, flight.ts). */
import type pg from 'pg';
import type { AuthorityRecord, FlightStore, NewAuthority, NewPlan, PlanRecord } from '../flight.js';

interface PlanRow { id: string; name: string; authority_id: string | null; plan: unknown; created_by: string; created_at: Date; updated_at: Date }
interface AuthorityRow { id: string; name: string; definition: unknown; created_by: string; created_at: Date }

const plan = (r: PlanRow): PlanRecord => ({ id: r.id, name: r.name, authorityId: r.authority_id ?? undefined, plan: r.plan, createdBy: r.created_by, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString() });
const authority = (r: AuthorityRow): AuthorityRecord => ({ id: r.id, name: r.name, definition: r.definition, createdBy: r.created_by, createdAt: r.created_at.toISOString() });

export class PostgresFlight implements FlightStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
  ) {}

  async putPlan(p: NewPlan): Promise<PlanRecord> {
    const t = this.now();
    const r = await this.pool.query<PlanRow>(
      `INSERT INTO flight_plans (id, name, authority_id, plan, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, authority_id = excluded.authority_id, plan = excluded.plan, updated_at = excluded.updated_at RETURNING *`,
      [p.id, p.name, p.authorityId ?? null, JSON.stringify(p.plan), p.createdBy, t],
    );
    return plan(r.rows[0]!);
  }

  async getPlan(id: string): Promise<PlanRecord | undefined> {
    const r = (await this.pool.query<PlanRow>('SELECT * FROM flight_plans WHERE id = $1', [id])).rows[0];
    return r === undefined ? undefined : plan(r);
  }

  async listPlans(): Promise<PlanRecord[]> {
    return (await this.pool.query<PlanRow>('SELECT * FROM flight_plans ORDER BY updated_at DESC, id')).rows.map(plan);
  }

  async deletePlan(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM flight_plans WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async putAuthority(a: NewAuthority): Promise<AuthorityRecord> {
    const r = await this.pool.query<AuthorityRow>(
      `INSERT INTO authorities (id, name, definition, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, definition = excluded.definition, created_by = excluded.created_by, created_at = excluded.created_at RETURNING *`,
      [a.id, a.name, JSON.stringify(a.definition), a.createdBy, this.now()],
    );
    return authority(r.rows[0]!);
  }

  async getAuthority(id: string): Promise<AuthorityRecord | undefined> {
    const r = (await this.pool.query<AuthorityRow>('SELECT * FROM authorities WHERE id = $1', [id])).rows[0];
    return r === undefined ? undefined : authority(r);
  }

  async listAuthorities(): Promise<AuthorityRecord[]> {
    return (await this.pool.query<AuthorityRow>('SELECT * FROM authorities ORDER BY name, id')).rows.map(authority);
  }

  async deleteAuthority(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM authorities WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }
}
