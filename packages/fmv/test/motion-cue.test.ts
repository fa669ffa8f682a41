import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, isNarizError } from '@nariz/core';
import { MotionCue, type MotionSegment } from '../src/index.js';

const W = 160;
const H = 90;
const FPS = 5;
const FRAMES = 150;
/** The block is in the picture for frames [ON, OFF]: 10 s to 16 s. */
const ON = 50;
const OFF = 80;
const ROI = { x0: 0.25, y0: 0.25, x1: 0.75, y1: 0.75 };

interface Clip {
  readonly frames: Uint8Array[];
  readonly times: number[];
}

/**
 * A drifting camera over a textured world: each frame the view moves by a
 * seeded whole-pixel shift of up to 3 px each way, sensor noise σ = 3 grey
 * levels, the whole picture brightening by 0.3 levels a frame (45 over the
 * clip), and a bright 8×8 block moving across the picture during [ON, OFF]
 * — inside the ROI, or in a strip left of it — or, 'parked', appearing at
 * ON on the ground inside the ROI and staying there.
 */
function clip(seed: number, block: 'roi' | 'outside' | 'parked'): Clip {
  const rng = createRng(seed);
  const WW = 480, WH = 360;
  const waves = Array.from({ length: 7 }, () => ({
    kx: (2 * Math.PI) / rng.uniform(9, 45) * (rng.next() < 0.5 ? -1 : 1), ky: (2 * Math.PI) / rng.uniform(9, 45), phase: rng.uniform(0, 2 * Math.PI), amp: rng.uniform(6, 12),
  }));
  const world = new Float32Array(WW * WH);
  for (let y = 0; y < WH; y++) for (let x = 0; x < WW; x++) world[y * WW + x] = 100 + waves.reduce((s, w) => s + w.amp * Math.sin(w.kx * x + w.ky * y + w.phase), 0);
  let cx = 160, cy = 130;
  let parkedAt: [number, number] = [0, 0];
  const frames: Uint8Array[] = [];
  const times: number[] = [];
  for (let k = 0; k < FRAMES; k++) {
    if (k > 0) {
      cx = Math.max(0, Math.min(WW - W, cx + rng.int(-3, 3)));
      cy = Math.max(0, Math.min(WH - H, cy + rng.int(-3, 3)));
    }
    const g = new Uint8Array(W * H);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) g[y * W + x] = Math.max(0, Math.min(255, Math.round(world[(cy + y) * WW + cx + x]! + 0.3 * k + 3 * rng.normal())));
    }
    if (block === 'parked' && k === ON) parkedAt = [cx + 76, cy + 41];
    const at: [number, number] | undefined =
      block === 'parked' ? (k >= ON ? [parkedAt[0] - cx, parkedAt[1] - cy] : undefined)
        : k >= ON && k <= OFF ? [block === 'roi' ? 44 + 2 * (k - ON) : 4 + Math.floor((k - ON) / 2), 38 + Math.round(5 * Math.sin(k / 3))] : undefined;
    if (at !== undefined) {
      const [bx, by] = at;
      for (let y = Math.max(0, by); y < Math.min(H, by + 8); y++) for (let x = Math.max(0, bx); x < Math.min(W, bx + 8); x++) g[y * W + x] = Math.min(255, g[y * W + x]! + 70);
    }
    frames.push(g);
    times.push(k / FPS);
  }
  return { frames, times };
}

function run(c: Clip, opts: Partial<ConstructorParameters<typeof MotionCue>[0]> = {}): { segments: MotionSegment[]; scores: number[] } {
  const cue = new MotionCue({ width: W, height: H, roi: ROI, ...opts });
  const scores = c.frames.map((g, k) => cue.push(c.times[k]!, g));
  return { segments: cue.finish(), scores };
}

const frameS = 1 / FPS;

for (const seed of [701, 702, 703]) {
  test(`a block moving in the ROI under a drifting, brightening camera: exactly one segment, its interval within ±1 frame (seed ${seed})`, () => {
    const { segments, scores } = run(clip(seed, 'roi'));
    assert.equal(segments.length, 1, JSON.stringify(segments));
    const s = segments[0]!;
    assert.ok(Math.abs(s.startS - ON / FPS) <= frameS + 1e-9, `starts at ${s.startS} s, the block at ${ON / FPS} s`);
    assert.ok(Math.abs(s.endS - OFF / FPS) <= frameS + 1e-9, `ends at ${s.endS} s, the block until ${OFF / FPS} s`);
    // The block is 64 of the ROI's 3,600 pixels (1.8 %).
    assert.ok(s.peakScore > 0.012 && s.peakScore < 0.03 && s.meanScore > 0.01, `peak ${s.peakScore}, mean ${s.meanScore}`);
    const quiet = scores.filter((_, k) => k < ON - 1 || k > OFF + 1);
    assert.ok(Math.max(...quiet) < 0.005, `quiet frames score at most ${Math.max(...quiet)}`);
  });
}

test('the same block outside the ROI: no segment', () => {
  for (const seed of [701, 704]) assert.deepEqual(run(clip(seed, 'outside')).segments, []);
});

test('without motion compensation (maxShiftPx 0) the drifting camera fires the cue outside the block\'s interval: compensation is what keeps it quiet', () => {
  const { segments } = run(clip(701, 'roi'), { maxShiftPx: 0 });
  assert.ok(segments.some((s) => s.endS < ON / FPS - 1 || s.startS > OFF / FPS + 1), JSON.stringify(segments));
});

test('a block that appears and stays put on the ground is taken into the background after absorbAfterS (within 2 frames)', () => {
  const { segments } = run(clip(705, 'parked'), { absorbAfterS: 3 });
  assert.equal(segments.length, 1, JSON.stringify(segments));
  assert.ok(Math.abs(segments[0]!.startS - ON / FPS) <= frameS + 1e-9, JSON.stringify(segments));
  assert.ok(Math.abs(segments[0]!.endS - (ON / FPS + 3)) <= 2 * frameS + 1e-9, JSON.stringify(segments));
});

test('usage errors: wrong frame size, times not increasing, a bad ROI, push after finish', () => {
  const usage = (e: unknown): boolean => isNarizError(e, 'NARIZ_USAGE');
  const cue = new MotionCue({ width: 32, height: 16 });
  assert.throws(() => cue.push(0, new Uint8Array(100)), usage);
  cue.push(0, new Uint8Array(32 * 16));
  assert.throws(() => cue.push(0, new Uint8Array(32 * 16)), usage);
  assert.throws(() => new MotionCue({ width: 32, height: 16, roi: { x0: 0.5, y0: 0, x1: 0.4, y1: 1 } }), usage);
  assert.throws(() => new MotionCue({ width: 8, height: 8 }), usage);
  cue.finish();
  assert.throws(() => cue.push(1, new Uint8Array(32 * 16)), usage);
});
