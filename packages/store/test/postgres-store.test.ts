/**
 * The store contract on a real PostgreSQL + PostGIS, at NARIZ_TEST_PG_URL
 * (`.ci/run` installs and starts one, creates the database and the PostGIS
 * extension, and sets it). Each test gets a schema of its own. Without the
 * variable the suite is skipped, saying so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sortieId } from '@nariz/core';
import { leadId, MIGRATIONS, PostgresStore, releaseId, SCHEMA_VERSION } from '../src/index.js';
import { marking } from './random-markings.js';
import { storeContract } from './store-contract.js';
import { makeBatch } from './batches.js';

const url = process.env['NARIZ_TEST_PG_URL'];

if (url === undefined) {
  test('postgres store', { skip: 'NARIZ_TEST_PG_URL is not set (bash .ci/run sets up PostgreSQL + PostGIS and sets it)' }, () => undefined);
} else {
  const fresh = (): string => `t_${randomBytes(6).toString('hex')}`;

  storeContract('postgres', async () => {
    const s = new PostgresStore({ connectionString: url, schema: fresh() });
    const report = await s.migrate();
    assert.equal(report.from, 0);
    assert.equal(report.applied.length, SCHEMA_VERSION);
    return s;
  });

  /**
   * A database left at schema `version` (the migrations up to it applied by
   * hand, as an older release of Nariz left it), `seed` run in it, then
   * opened and upgraded by the current store: `check` gets the store, the
   * raw client (search path on the schema) and the schema's name.
   */
  const upgradedFrom = async (version: number, seed: string, check: (s: PostgresStore, client: pg.Client, schema: string) => Promise<void>): Promise<void> => {
    const schema = fresh();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(`SET search_path TO ${schema}, public`);
      await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)');
      for (const m of MIGRATIONS.filter((x) => x.version <= version)) {
        await client.query(m.postgres);
        await client.query('INSERT INTO schema_migrations VALUES ($1, $2, now())', [m.version, m.name]);
      }
      await client.query(seed);
      const s = new PostgresStore({ connectionString: url, schema });
      try {
        const report = await s.migrate();
        assert.equal(report.from, version);
        assert.deepEqual(report.applied, MIGRATIONS.filter((m) => m.version > version).map((m) => `${m.version} ${m.name}`));
        await check(s, client, schema);
      } finally {
        await s.close();
      }
    } finally {
      await client.end();
    }
  };

  test('postgres store: a database of schema version 3 is upgraded in place to videos and keeps what it held; a footprint is a PostGIS polygon', async () => {
    await upgradedFrom(3, "INSERT INTO sorties (id, name, simulated, created_at) VALUES ('old', 'before v4', false, now())", async (s, client, schema) => {
      assert.equal((await s.getSortie(sortieId('old')))?.name, 'before v4');
      await s.videos.createVideo({ id: 'v', name: 'first.ts', byteSize: 10, sha256: '00', createdBy: 'ana', originalPath: 'v/original.ts' });
      await s.videos.updateVideo('v', { status: 'ready', bounds: { west: 5.1, south: 52.0, east: 5.2, north: 52.1 } });
      const r = await client.query<{ t: string; xmin: number; ymax: number }>(`SELECT GeometryType(footprint) AS t, ST_XMin(footprint) AS xmin, ST_YMax(footprint) AS ymax FROM ${schema}.videos WHERE id = 'v'`);
      assert.deepEqual(r.rows[0], { t: 'POLYGON', xmin: 5.1, ymax: 52.1 });
    });
  });

  test('postgres store: a database of schema version 4 is upgraded in place to markings (its users keep TS, the own country, the task force); a lead is a PostGIS point; releases and lead events refuse UPDATE, DELETE and TRUNCATE', async () => {
    await upgradedFrom(4, "INSERT INTO users (username, role, password_hash, must_change_password, disabled, created_at) VALUES ('ana', 'analyst', 'h', false, false, now())", async (s, client, schema) => {
      const ana = (await s.accounts.getUser('ana'))!;
      assert.deepEqual([ana.clearance, ana.nationality, ana.organisation, ana.accesses, ana.role], ['TS', undefined, 'task force', [], 'analyst']);
      const id = leadId('l1');
      const at = '2026-11-27T10:00:00.000Z';
      await s.leads.createLead({
        id, title: 'farm', summary: '', lang: 'en', lat: 19.4, lon: -99.1, ci95M: 30, labProbability: 0.8, source: undefined, detectedAt: undefined, marking: marking('S', ['MEX']), createdBy: 'ana', at,
      });
      await s.leads.transition(id, { from: 'candidate', to: 'confirmed', actor: 'ana', at, note: '', details: {} });
      await s.releases.createRelease({
        id: releaseId('r1'), leadId: id, partnerCountry: 'MEX', partnerUnit: 'SEMAR', language: 'es', createdBy: 'ana', createdAt: at, banner: 'SECRET//REL TO USA, MEX',
        marking: marking('S', ['MEX']), packageJson: '{}', sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', html: { en: 'a', es: 'b' }, fromStatus: 'confirmed', note: '',
      });
      const point = await client.query<{ t: string; x: number; y: number }>(`SELECT GeometryType(location) AS t, ST_X(location) AS x, ST_Y(location) AS y FROM ${schema}.leads`);
      assert.deepEqual(point.rows[0], { t: 'POINT', x: -99.1, y: 19.4 });
      for (const sql of [
        `UPDATE ${schema}.releases SET banner = 'UNCLASSIFIED'`, `DELETE FROM ${schema}.releases`, `TRUNCATE ${schema}.releases`,
        `UPDATE ${schema}.lead_events SET note = 'rewritten'`, `DELETE FROM ${schema}.lead_events`, `TRUNCATE ${schema}.lead_events`,
      ]) {
        await assert.rejects(client.query(sql), /is append-only/, sql);
      }
      assert.equal((await client.query(`SELECT banner FROM ${schema}.releases`)).rows[0]?.banner, 'SECRET//REL TO USA, MEX');
    });
  });

  test('postgres store: concurrent batches of one sortie get consecutive ranges, and the extent is a PostGIS polygon', async () => {
    const schema = fresh();
    const s = new PostgresStore({ connectionString: url, schema, maxConnections: 8 });
    try {
      await s.migrate();
      const id = sortieId('many');
      await s.createSortie({ id, name: 'many', simulated: false });
      const batches = Array.from({ length: 24 }, (_, k) => makeBatch({ count: 10 + k, seed: k }));
      const acks = await Promise.all(batches.map((b, k) => s.appendBatch(id, `b${k}`, b)));
      const ranges = acks.map((a) => [a.firstSample, a.firstSample + a.count] as const).sort((x, y) => x[0] - y[0]);
      let at = 0;
      for (const [a, z] of ranges) {
        assert.equal(a, at, 'no gap, no overlap');
        at = z;
      }
      const rec = (await s.getSortie(id))!;
      assert.equal(rec.sampleCount, at);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const r = await client.query<{ t: string; srid: number; xmin: number; ymax: number }>(`SELECT GeometryType(extent) AS t, ST_SRID(extent) AS srid, ST_XMin(extent) AS xmin, ST_YMax(extent) AS ymax FROM ${schema}.sorties WHERE id = $1`, [id]);
        assert.equal(r.rows[0]?.t, 'POLYGON');
        assert.equal(r.rows[0]?.srid, 4326);
        assert.equal(r.rows[0]?.xmin, rec.bbox?.[0]);
        assert.equal(r.rows[0]?.ymax, rec.bbox?.[3]);
      } finally {
        await client.end();
      }
    } finally {
      await s.close();
    }
  });
}
