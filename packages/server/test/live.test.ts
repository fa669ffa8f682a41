/**
 * Live over WebSockets against a real server: batches streamed through the
 * ingest socket are acknowledged in order (a resent batch as a duplicate,
 * a bad frame with its reason, a bad row without storing anything), and a
 * browser on the live socket hears the batches, the detections, the queued
 * localisation's progress and its estimate. A session cookie offered from
 * another origin is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { call, makeUser, signIn, startServer } from './harness.js';
import { csvBatches, labSortie } from './scenario.js';

type Msg = Record<string, unknown> & { type: string };

function open(url: string, headers: Record<string, string>): Promise<{ ws: WebSocket; messages: Msg[]; next: (pred: (m: Msg) => boolean, what: string, ms?: number) => Promise<Msg> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const messages: Msg[] = [];
    const waiters: Array<{ pred: (m: Msg) => boolean; done: (m: Msg) => void }> = [];
    ws.on('message', (d: Buffer) => {
      const m = JSON.parse(d.toString()) as Msg;
      messages.push(m);
      for (const w of [...waiters]) {
        if (w.pred(m)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.done(m);
        }
      }
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        ws,
        messages,
        next: (pred, what, ms = 60_000) =>
          new Promise<Msg>((ok, fail) => {
            const seen = messages.find(pred);
            if (seen !== undefined) return ok(seen);
            const timer = setTimeout(() => fail(new Error(`no ${what} within ${ms} ms; got ${messages.map((m) => m.type).join(',')}`)), ms);
            waiters.push({ pred, done: (m) => (clearTimeout(timer), ok(m)) });
          }),
      }),
    );
  });
}

test('ingest over a WebSocket is acknowledged in order, and the live socket pushes batches, detections, job progress and the estimate', async () => {
  const s = await startServer({ jobThreads: 1 });
  try {
    const { token } = await makeUser(s.store, 'gcs', 'analyst');
    const viewer = await makeUser(s.store, 'watcher', 'viewer');
    const wsBase = s.base.replace('http', 'ws');
    const live = await open(`${wsBase}/api/live`, { authorization: `Bearer ${viewer.token}` });
    await live.next((m) => m.type === 'hello', 'hello');
    assert.equal((await call(s.base, 'POST', '/api/sorties', { name: 'in flight', id: 'live-1', simulated: true }, { auth: { token } })).status, 201);
    await live.next((m) => m.type === 'sortie', 'the new sortie');

    const ingest = await open(`${wsBase}/api/ingest`, { authorization: `Bearer ${token}` });
    const { sortie } = labSortie(3, 3000);
    const batches = csvBatches(sortie, 500);
    for (const [k, csv] of batches.entries()) ingest.ws.send(JSON.stringify({ type: 'batch', sortie_id: 'live-1', batch_id: `b${k}`, csv }));
    ingest.ws.send(JSON.stringify({ type: 'batch', sortie_id: 'live-1', batch_id: 'b0', csv: batches[0] }));
    ingest.ws.send('not json');
    ingest.ws.send(JSON.stringify({ type: 'batch', sortie_id: 'live-1', batch_id: 'bad', csv: batches[1]!.replace(/\n([^\n]*)\n/, '\nnot,a,row\n') }));
    const acks: Msg[] = [];
    for (let i = 0; i < batches.length + 3; i++) acks.push(await ingest.next((m) => !acks.includes(m), `reply ${i}`));
    assert.deepEqual(acks.slice(0, batches.length).map((a) => [a.type, a.batch_id, a.first_sample, a.duplicate]), batches.map((_, k) => ['ack', `b${k}`, k * 500, false]));
    assert.deepEqual([acks[batches.length]!.type, acks[batches.length]!.batch_id, acks[batches.length]!.duplicate, acks[batches.length]!.first_sample], ['ack', 'b0', true, 0]);
    assert.equal(acks[batches.length + 1]!.type, 'error');
    assert.match(JSON.stringify(acks[batches.length + 1]), /must be JSON/);
    const bad = acks[batches.length + 2]!;
    assert.equal(bad.type, 'error');
    assert.equal(bad.batch_id, 'bad');
    assert.match(JSON.stringify(bad.error), /NARIZ_CSV_/);
    assert.equal(((await call(s.base, 'GET', '/api/sorties/live-1', undefined, { auth: { token } })).json as { sample_count: number }).sample_count, 3000, 'the bad batch stored nothing');

    // What the browser heard.
    const det = await live.next((m) => m.type === 'detection' && m.sortie_id === 'live-1', 'a detection');
    assert.equal(typeof (det.event as { peak_s: unknown }).peak_s, 'number');
    await live.next((m) => m.type === 'job' && (m.job as { state: string }).state === 'running', 'a running job');
    const est = await live.next((m) => m.type === 'estimate' && m.sortie_id === 'live-1', 'an estimate');
    assert.equal((await call(s.base, 'GET', '/api/sorties/live-1/estimate', undefined, { auth: { token } })).status, 200);
    assert.ok(live.messages.filter((m) => m.type === 'batch').length >= batches.length);
    assert.ok(typeof est.job_id === 'string');
    // A viewer may watch but not ingest.
    await assert.rejects(open(`${wsBase}/api/ingest`, { authorization: `Bearer ${viewer.token}` }), /HTTP 403/);
    await assert.rejects(open(`${wsBase}/api/live`, {}), /HTTP 401/);
    ingest.ws.close();
    live.ws.close();
    await s.app.platform.jobs.idle();
  } finally {
    await s.close();
  }
});

test('a session cookie on a WebSocket from another origin is refused; from this origin it is accepted', async () => {
  const s = await startServer();
  try {
    const u = await makeUser(s.store, 'eve', 'analyst');
    const { cookie } = await signIn(s.base, 'eve', u.password);
    const wsBase = s.base.replace('http', 'ws');
    await assert.rejects(open(`${wsBase}/api/live`, { cookie, origin: 'http://evil.example' }), /HTTP 403/);
    const ok = await open(`${wsBase}/api/live`, { cookie, origin: s.base });
    await ok.next((m) => m.type === 'hello', 'hello');
    ok.ws.close();
  } finally {
    await s.close();
  }
});
