/**
 * Live refresh of the Network tab: the server's `network` messages read
 * (and a bad one refused), which of them change the tab's data, and the
 * debounce that reads a burst once and a steady stream now and then.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLiveMessage } from '../src/api/schema/live-message.js';
import { changesNetworkData } from '../src/network/network-live.js';
import { RefreshDebounce, type Timers } from '../src/network/refresh-debounce.js';

const MARKING = { classification: 'U', controls: [], relTo: [], originator: 'task force' };

test('live: network messages are read, and only data changes refresh the tab', () => {
  const imp = readLiveMessage({ type: 'network', what: 'import', id: 'i1', change: 'committed', marking: MARKING });
  assert.deepEqual(imp, { type: 'network', what: 'import', id: 'i1', change: 'committed', progress: null });
  assert.equal(changesNetworkData(imp!), true);
  for (const what of ['entity', 'assertion', 'merge']) assert.equal(changesNetworkData(readLiveMessage({ type: 'network', what, id: 'x', change: 'created', marking: MARKING })!), true, what);
  const run = readLiveMessage({ type: 'network', what: 'analysis', id: 'r', change: 'running', progress: 0.5, marking: MARKING });
  assert.deepEqual(run, { type: 'network', what: 'analysis', id: 'r', change: 'running', progress: 0.5 });
  assert.equal(changesNetworkData(run!), false);
  assert.equal(changesNetworkData(readLiveMessage({ type: 'sortie_deleted', id: 's1' })!), false);
  assert.throws(() => readLiveMessage({ type: 'network', what: 'rumour', id: 'x', change: 'created', marking: MARKING }));
});

/** Timers run by hand. */
function fakeClock(): { timers: Timers<number>; advance: (ms: number) => void } {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    timers: {
      set: (run, ms) => {
        pending.set(next, { at: now + ms, run });
        return next++;
      },
      clear: (h) => void pending.delete(h),
      now: () => now,
    },
    advance: (ms) => {
      const until = now + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, p]) => p.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (due === undefined) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = until;
    },
  };
}

test('live: a burst is read once after it ends; a steady stream at least every max wait', () => {
  const c = fakeClock();
  let runs = 0;
  const d = new RefreshDebounce(() => runs++, 400, 2000, c.timers);
  d.request();
  c.advance(300);
  d.request();
  c.advance(300);
  assert.equal(runs, 0, 'the wait restarts');
  c.advance(100);
  assert.equal(runs, 1);
  c.advance(5000);
  assert.equal(runs, 1, 'nothing more without requests');
  // A request every 300 ms for 5 s: read at 2 s, 4 s, and once after the stream stops.
  for (let i = 0; i < 17; i++) {
    d.request();
    c.advance(300);
  }
  assert.equal(runs, 3);
  c.advance(400);
  assert.equal(runs, 4);
  d.request();
  d.cancel();
  c.advance(5000);
  assert.equal(runs, 4, 'cancelled');
});
