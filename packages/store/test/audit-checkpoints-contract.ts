/**
 * The AuditCheckpointStore part of the store contract (audit-checkpoints.ts),
 * and reading the audit log back for verification (audit-scan.ts): what the
 * server and `nariz audit verify --db` build their Merkle tree from.
 */
import assert from 'node:assert/strict';
import { allAuditCheckpoints, scanAuditLog, type Store } from '../src/index.js';

type WithStore = (title: string, body: (s: Store) => Promise<void>) => void;

const root = (k: number): string => k.toString(16).padStart(64, '0');
const note = (size: number): string => `nariz.test/audit\n${size}\nroot\n\n— nariz.test/audit sig${size}\n`;

export function auditCheckpointsContract(withStore: WithStore): void {
  withStore('audit checkpoints are appended in strictly ascending tree size and listed by size', async (s) => {
    const c = s.auditCheckpoints;
    assert.equal(await c.latest(), undefined);
    assert.equal(await c.count(), 0);
    for (const size of [3, 7, 12, 20]) {
      const r = await c.add({ treeSize: size, rootHash: root(size), signed: note(size) });
      assert.deepEqual({ ...r, at: undefined }, { treeSize: size, rootHash: root(size), signed: note(size), at: undefined });
      assert.match(r.at, /^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    }
    for (const size of [20, 19, 0]) {
      await assert.rejects(c.add({ treeSize: size, rootHash: root(size), signed: note(size) }), (err: unknown) => err instanceof Error && 'code' in err && err.code === 'NARIZ_CONFLICT' && /tree size 20 is stored/.test(err.message));
    }
    assert.equal(await c.count(), 4);
    assert.equal((await c.latest())?.treeSize, 20);
    assert.equal((await c.latest())?.signed, note(20), 'the note comes back exactly as signed');
    assert.deepEqual((await c.list()).map((r) => r.treeSize), [3, 7, 12, 20]);
    assert.deepEqual((await c.list({ fromSize: 7, toSize: 12 })).map((r) => r.treeSize), [7, 12]);
    assert.deepEqual((await c.list({ toSize: 11, limit: 1, newestFirst: true })).map((r) => r.treeSize), [7]);
    assert.deepEqual((await c.list({ fromSize: 8, limit: 1 })).map((r) => r.treeSize), [12]);
    assert.deepEqual((await allAuditCheckpoints(c, { fromSize: 4 })).map((r) => r.treeSize), [7, 12, 20]);
  });

  withStore('the audit log reads back in order with each leaf hash recomputed from the entry, as stored', async (s) => {
    for (let i = 0; i < 25; i++) await s.audit.append({ actor: i % 2 === 0 ? 'ana' : 'luis', action: 'session.signin', target: `t${i}`, details: { i, note: 'año' } });
    const stored = await s.audit.range(0, 25);
    const seen: string[] = [];
    const scan = await scanAuditLog(s.audit, (h, e, i) => {
      assert.equal(e.seq, i);
      seen.push(Buffer.from(h).toString('hex'));
    }, { chunk: 7 });
    assert.deepEqual(scan, { rows: 25, problems: [], problemCount: 0 });
    assert.deepEqual(seen, stored.map((e) => e.leafHash));
    const tail: number[] = [];
    const rest = await scanAuditLog(s.audit, (_h, e) => tail.push(e.seq), { from: 20, chunk: 3 });
    assert.deepEqual([rest.rows, tail], [5, [20, 21, 22, 23, 24]]);
  });
}
