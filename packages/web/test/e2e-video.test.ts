/**
 * End to end, full-motion video: the real server (a child process on a
 * fresh SQLite directory, with Debian's ffmpeg) serving the built app,
 * driven in Debian's Chromium through playwright-core. The clip is made by
 * the built CLI (`nariz sim-video`: a SIMULATED 8 s orbit at 320×180 over a
 * point near Utrecht, H.264 with MISB ST 0601 KLV per frame, a vehicle
 * driving past the point from 2.8 s to 6 s).
 *
 * Sign in → Chromium says whether it decodes H.264 (canPlayType) → the
 * Video tab: upload through the file input, the server processes it, it is
 * listed ready → the player loads the served MP4 (metadata, duration) and
 * the map draws the platform's and frame centre's tracks → seeking the video
 * moves the footprint on the map → clicking the platform track on the map
 * seeks the video to that frame's time → clicking the picture puts the pixel
 * on the ground, near the point the camera stares at → saved as an
 * annotation (drawn on the map and over the picture) → found by text and by
 * tag across clips → "which video saw this place?" lists the clip for the
 * point and nothing for a place 11 km away, and a range seeks the clip →
 * a motion cue over a region dragged on the picture lists a segment during
 * the vehicle's passage, marked on the timeline and labelled a cue, not a
 * detection → Spanish → the author edits the annotation and deletes it → a
 * viewer watches and picks pixels but cannot upload, save or run. Screenshots: artifacts/e2e/video-*.png (and one on
 * failure). Nothing waits a fixed time: every step waits for a condition.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { checkPrerequisites, launchBrowser, screenshotter, signIn, startServer, type RunningServer } from './e2e-harness.js';
import { clickMapAt, mapIdle, sourceFeatures, type MapFeature } from './e2e-map.js';
import { CLI } from './repo-root.js';

const INITIAL_PASSWORD = 'video-initial-Passw0rd';
const NEW_PASSWORD = 'video-changed-Passw0rd-2026';
const VIEWER_INITIAL = 'video-viewer-initial-pw';
const VIEWER_NEW = 'video-viewer-changed-pw-1';
/** The point the simulated camera stares at (the simulator's origin, in Utrecht). */
const POI = { lat: 52.0907, lon: 5.1214 };
const CLIP_S = 8;
const M_PER_DEG = 111_320;

interface Frames {
  t_s: number[];
  sensor_lat: (number | null)[];
  sensor_lon: (number | null)[];
  centre_lat: (number | null)[];
  centre_lon: (number | null)[];
}

function metres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return Math.hypot((a.lat - b.lat) * M_PER_DEG, (a.lon - b.lon) * M_PER_DEG * Math.cos((a.lat * Math.PI) / 180));
}

async function jumpTo(page: Page, lon: number, lat: number, zoom: number): Promise<void> {
  await page.evaluate(`window.__nariz.map.jumpTo({ center: [${lon}, ${lat}], zoom: ${zoom} })`);
  await mapIdle(page);
}

const currentTime = (page: Page): Promise<number> => page.evaluate(`document.querySelector('[data-testid="video-element"]').currentTime`) as Promise<number>;

/** Waits until the player stands at t (within a millisecond: the MP4's timescale). */
async function playerAt(page: Page, t: number): Promise<void> {
  await page.waitForFunction(`Math.abs(document.querySelector('[data-testid="video-element"]').currentTime - ${t}) < 1e-3`);
}

/** A point of the picture (u, v from its top-left corner) in page pixels. */
async function picturePoint(page: Page, u: number, v: number): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('video-picture').boundingBox();
  assert.ok(box !== null && box.width > 50 && box.height > 20, 'the picture overlay is laid over the video');
  return { x: box.x + u * box.width, y: box.y + v * box.height };
}

test('e2e video: upload, playback synchronised with the map both ways, pixel to ground, annotation and search, coverage, motion cue, Spanish', { timeout: 480_000 }, async () => {
  checkPrerequisites();
  const dir = mkdtempSync(join(tmpdir(), 'nariz-e2e-video-'));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screenshot: (name: string) => Promise<void> = async () => undefined;

  try {
    const clip = join(dir, 'orbit.ts');
    const made: unknown = JSON.parse(execFileSync(process.execPath, [CLI, 'sim-video', '--out', clip, '--duration', String(CLIP_S), '--size', '320x180', '--lat', String(POI.lat), '--lon', String(POI.lon), '--json'], { encoding: 'utf8' }));
    assert.ok(typeof made === 'object' && made !== null && 'frames' in made && made.frames === 80 && 'vehicle' in made, JSON.stringify(made));
    const vehicle = made.vehicle as { start_s: number; end_s: number };

    server = await startServer({ NARIZ_INITIAL_ADMIN_PASSWORD: INITIAL_PASSWORD });
    const b = await launchBrowser();
    browser = b.browser;
    const { page, pageErrors } = b;
    screenshot = screenshotter(page, 'video');

    // 1. Sign in (the first admin, who changes the one-time password).
    await page.goto(server.base);
    await signIn(page, 'admin', INITIAL_PASSWORD, NEW_PASSWORD);
    await page.getByTestId('sign-out').waitFor();
    await page.getByTestId('live-status').and(page.locator('[data-state="open"]')).waitFor();
    await mapIdle(page);

    // 2. What this Chromium says about H.264 (the server's playable MP4 is H.264): reported, and required below.
    const canPlay = await page.evaluate(`document.createElement('video').canPlayType('video/mp4; codecs="avc1.42E01E"')`);
    console.log(`Chromium canPlayType('video/mp4; codecs="avc1.42E01E"') = ${JSON.stringify(canPlay)}`);
    assert.notEqual(canPlay, '', 'this Chromium cannot decode H.264: the player cannot show the server\'s MP4 (only the media route and seeking by currentTime could be checked)');

    // 3. The Video tab: upload through the file input; the server stores it (202), then processes it, live.
    await page.getByTestId('tab-video').click();
    assert.equal(await page.getByTestId('tab-video').getAttribute('aria-selected'), 'true');
    await page.getByTestId('video-upload-input').setInputFiles(clip);
    await page.getByTestId('video-upload-status').and(page.locator('[data-phase="done"]')).waitFor();
    const item = page.getByTestId('video-item').first();
    const videoId = await item.getAttribute('data-video-id');
    assert.ok(videoId !== null && videoId.length > 0);
    await page.locator(`[data-testid="video-item"][data-video-id="${videoId}"][data-status="ready"]`).waitFor({ timeout: 120_000 });
    assert.equal(await item.getAttribute('data-no-metadata'), 'false');
    await screenshot('listed');
    const served: unknown = await page.evaluate(`fetch('/api/videos/${videoId}').then((r) => r.json())`);
    assert.ok(typeof served === 'object' && served !== null && 'frame_count' in served && served.frame_count === 80, JSON.stringify(served));
    if ('simulated' in served) {
      // The server says whether footage is simulated: then the list marks it.
      assert.equal(await item.getAttribute('data-simulated'), String(served.simulated));
    } else {
      console.log('the server does not say whether a video is simulated (no `simulated` field): no SIMULATED mark to check');
    }

    // 4. The player (opened on upload) loads the served MP4: metadata, the clip's duration. The media route
    //    answers byte ranges with the session cookie, as the <video> element asks.
    const player = page.locator(`[data-testid="video-player"][data-video-id="${videoId}"]`);
    await player.waitFor();
    await page.waitForFunction(`document.querySelector('[data-testid="video-element"]').readyState >= 1`);
    const duration = (await page.evaluate(`document.querySelector('[data-testid="video-element"]').duration`)) as number;
    assert.ok(Math.abs(duration - CLIP_S) < 0.15, `duration ${duration} s`);
    const ranged: unknown = await page.evaluate(`fetch('/api/videos/${videoId}/media', { headers: { Range: 'bytes=0-99' } }).then((r) => [r.status, r.headers.get('content-type'), r.headers.get('content-range')])`);
    assert.ok(Array.isArray(ranged) && ranged[0] === 206 && ranged[1] === 'video/mp4' && /^bytes 0-99\/\d+$/.test(String(ranged[2])), JSON.stringify(ranged));
    await page.waitForFunction(`document.querySelector('[data-testid="video-element"]').readyState >= 2`);
    const frames = (await page.evaluate(`fetch('/api/videos/${videoId}/frames').then((r) => r.json())`)) as Frames;
    assert.equal(frames.t_s.length, 80);
    // The map draws the clip's tracks (the camera stares at the point: the frame centre's track is one place).
    const tracks = await sourceFeatures(page, 'video-tracks', `fs.some((f) => f.properties.role === 'platform-track' && f.geometry.type === 'LineString')`);
    assert.ok(tracks.some((f) => f.properties['role'] === 'centre-track'));
    await mapIdle(page);
    await page.waitForFunction(`window.__nariz.map.queryRenderedFeatures(undefined, { layers: ['video-platform-track'] }).length > 0`);
    await screenshot('player');

    // 5. Seeking the video moves the overlays: the footprint, the platform and the line of sight are the frame's.
    const footprintAt = async (frame: number): Promise<MapFeature> => {
      const fs = await sourceFeatures(page, 'video-frame', `fs.some((f) => f.properties.role === 'footprint' && f.properties.frame === ${frame})`);
      return fs.find((f) => f.properties['role'] === 'footprint')!;
    };
    const before = await footprintAt(0);
    await page.evaluate(`document.querySelector('[data-testid="video-element"]').currentTime = 4`);
    const after = await footprintAt(40);
    assert.equal(after.properties['t'], 4);
    assert.notDeepEqual(after.geometry.coordinates, before.geometry.coordinates, 'the footprint moved with the orbit');
    const platform = (await sourceFeatures(page, 'video-frame', `fs.some((f) => f.properties.role === 'platform' && f.properties.frame === 40)`)).find((f) => f.properties['role'] === 'platform')!;
    assert.deepEqual(platform.geometry.coordinates, [frames.sensor_lon[40], frames.sensor_lat[40]]);
    // The player's own control: one frame forward.
    await page.getByTestId('player-frame-forward').click();
    await playerAt(page, 4.1);
    await footprintAt(41);
    assert.match((await page.getByTestId('player-time').textContent()) ?? '', /^0:04\.1 \/ 0:08\.0$/);
    await screenshot('seeked');

    // 6. The other way: a click on the platform track seeks the video to the nearest frame's time.
    const target = 25;
    const at = { lon: frames.sensor_lon[target]!, lat: frames.sensor_lat[target]! };
    await jumpTo(page, at.lon, at.lat, 19);
    await clickMapAt(page, at.lon, at.lat);
    await playerAt(page, frames.t_s[target]!);
    await footprintAt(target);
    await screenshot('track-click');

    // 7. A click on the picture (the frame centre): the server's ground point, near the point the camera stares at,
    //    shown on the map.
    const centre = await picturePoint(page, 0.5, 0.5);
    await page.mouse.click(centre.x, centre.y);
    const pick = page.getByTestId('ground-pick').and(page.locator('[data-state="done"]'));
    await pick.waitFor();
    const ground = { lat: Number(await pick.getAttribute('data-lat')), lon: Number(await pick.getAttribute('data-lon')) };
    assert.ok(metres(ground, POI) < 15, `the picture's centre is ${metres(ground, POI).toFixed(1)} m from the point the camera stares at`);
    assert.match((await page.getByTestId('ground-pick-result').textContent()) ?? '', /52\.09\d{3}, 5\.12\d{3}.*KLV corner points/);
    const picked = await sourceFeatures(page, 'video-marks', `fs.some((f) => f.properties.role === 'pick')`);
    assert.deepEqual(picked.find((f) => f.properties['role'] === 'pick')!.geometry.coordinates, [ground.lon, ground.lat]);
    await page.getByTestId('video-picture-pick').waitFor();
    await screenshot('ground-pick');

    // 8. Saved as an annotation with tags and a link: listed, drawn on the map and over the picture at its frame.
    const form = page.getByTestId('pick-save-form');
    await form.getByTestId('annotation-text').fill('White van near the lab');
    await form.getByTestId('annotation-tags').fill('vehicle, E2E-tag');
    await form.getByTestId('annotation-link-kind').selectOption('sortie');
    await form.getByTestId('annotation-link-id').fill('e2e-sortie-1');
    await form.getByTestId('annotation-save').click();
    await page.getByTestId('pick-saved').waitFor();
    const saved = page.getByTestId('annotation-item');
    await saved.first().waitFor();
    assert.equal(await saved.count(), 1);
    assert.match((await saved.first().textContent()) ?? '', /0:02\.5.*White van near the lab.*vehicle.*E2E-tag.*by admin.*Sortie e2e-sortie-1/s);
    const marks = await sourceFeatures(page, 'video-marks', `fs.some((f) => f.properties.role === 'annotation')`);
    assert.equal(marks.find((f) => f.properties['role'] === 'annotation')!.properties['label'], 'White van near the lab');
    await page.getByTestId('video-picture-annotation').waitFor();
    assert.equal(await page.getByTestId('timeline-annotation').count(), 1);
    await screenshot('annotation');

    // 9. Found across clips by words (any case) and by a whole tag; a hit opens the clip at its time.
    await page.getByTestId('annotation-search-q').fill('white VAN');
    await page.getByTestId('annotation-search-submit').click();
    await page.getByTestId('annotation-search-result').and(page.locator('[data-count="1"]')).waitFor();
    assert.equal(await page.getByTestId('search-hit').first().getAttribute('data-video-id'), videoId);
    await page.getByTestId('annotation-search-q').fill('');
    await page.getByTestId('annotation-search-tag').fill('e2e-TAG');
    await page.getByTestId('annotation-search-submit').click();
    await page.getByTestId('annotation-search-result').and(page.locator('[data-count="1"]')).waitFor();
    await page.getByTestId('annotation-search-tag').fill('no-such-tag');
    await page.getByTestId('annotation-search-submit').click();
    await page.getByTestId('annotation-search-result').and(page.locator('[data-count="0"]')).waitFor();
    await page.getByTestId('annotation-search-tag').fill('vehicle');
    await page.getByTestId('annotation-search-submit').click();
    await page.getByTestId('annotation-search-result').and(page.locator('[data-count="1"]')).waitFor();
    await page.evaluate(`document.querySelector('[data-testid="video-element"]').currentTime = 7`);
    await playerAt(page, 7);
    await page.getByTestId('search-hit').first().getByRole('button').click();
    await playerAt(page, frames.t_s[target]!);
    await screenshot('search');

    // 10. Which video saw this place? The point the camera stares at: this clip, the whole of it; a range seeks it.
    //     A place 11 km away: none.
    await page.getByTestId('coverage-pick').click();
    await page.getByTestId('coverage-map-hint').waitFor();
    await jumpTo(page, POI.lon, POI.lat, 16);
    await clickMapAt(page, POI.lon, POI.lat);
    const coverage = page.getByTestId('coverage-result');
    await coverage.and(page.locator('[data-count="1"]')).waitFor();
    assert.equal(await page.getByTestId('coverage-item').first().getAttribute('data-video-id'), videoId);
    const range = page.getByTestId('coverage-range').first();
    const start = Number(await range.getAttribute('data-start'));
    assert.ok(start < 0.5, `seen from ${start} s`);
    assert.match((await range.textContent()) ?? '', /0:00\.\d – 0:0\d\.\d \(\d+ frames\)/);
    await sourceFeatures(page, 'video-marks', `fs.some((f) => f.properties.role === 'query')`);
    await range.click();
    await playerAt(page, start);
    await screenshot('coverage');
    await page.getByTestId('coverage-pick').click();
    await jumpTo(page, POI.lon, POI.lat + 0.1, 14);
    await clickMapAt(page, POI.lon, POI.lat + 0.1);
    await coverage.and(page.locator('[data-count="0"]')).waitFor();
    assert.match((await coverage.textContent()) ?? '', /No video saw this place/);

    // 11. Motion cue: a region dragged over the middle of the picture, run; a segment while the vehicle passes,
    //     listed and on the timeline, labelled a cue and not a detection; selecting it seeks there.
    await page.getByTestId('motion-draw').click();
    await page.getByTestId('video-picture').and(page.locator('[data-drawing="roi"]')).waitFor();
    const from = await picturePoint(page, 0.3, 0.2);
    const to = await picturePoint(page, 0.7, 0.8);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    await page.getByTestId('motion-roi').and(page.locator('[data-set="true"]')).waitFor();
    assert.match((await page.getByTestId('motion-roi').textContent()) ?? '', /Region: 30%–70% across, 20%–80% down/);
    await page.getByTestId('video-roi').waitFor();
    await page.getByTestId('motion-run').click();
    await page.getByTestId('motion-job').and(page.locator('[data-state="done"]')).waitFor({ timeout: 120_000 });
    const result = page.getByTestId('motion-result');
    await result.waitFor();
    const nSegments = Number(await result.getAttribute('data-segments'));
    assert.ok(nSegments >= 1, 'a segment with motion');
    const segments = await page.getByTestId('motion-segment').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-start')), Number(e.getAttribute('data-end'))]));
    assert.ok(segments.some(([s, e]) => s! < vehicle.end_s && e! > vehicle.start_s), `a segment while the vehicle passes (${vehicle.start_s}–${vehicle.end_s} s): ${JSON.stringify(segments)}`);
    assert.equal(await page.getByTestId('timeline-segment').count(), nSegments);
    assert.match((await page.getByTestId('motion-disclaimer').textContent()) ?? '', /motion CUE, not a detection: something moved in this region/);
    assert.match((await page.getByTestId('timeline-segment').first().getAttribute('aria-label')) ?? '', /^Motion cue 1: /);
    await page.getByTestId('motion-segment').first().getByRole('button').click();
    await playerAt(page, segments[0]![0]!);
    await screenshot('motion-cue');

    // 12. Spanish: the video tab, the panels and the cue's warning; English again.
    await page.getByTestId('language-switch').first().selectOption('es');
    await page.getByTestId('tab-video').and(page.locator('text=Video aéreo')).waitFor();
    assert.match((await page.getByTestId('motion-disclaimer').textContent()) ?? '', /ALERTA de movimiento, no una detección: algo se movió en esta región/);
    assert.match((await page.getByTestId('ground-pick').locator('h2').textContent()) ?? '', /Punto en el terreno/);
    assert.match((await page.getByTestId('coverage-panel').locator('h2').textContent()) ?? '', /¿Qué video vio este lugar\?/);
    assert.match((await page.getByTestId('coverage-result').textContent()) ?? '', /Ningún video vio este lugar/);
    assert.match((await page.getByTestId('annotation-item').first().textContent()) ?? '', /por admin.*Misión e2e-sortie-1/s);
    assert.equal(await page.getByTestId('motion-run').textContent(), 'Buscar movimiento');
    await screenshot('spanish');
    await page.getByTestId('language-switch').first().selectOption('en');
    await page.getByTestId('tab-video').and(page.locator('text=Video')).waitFor();

    // 13. The author edits the annotation (search finds the new words), then deletes it (after a confirmation):
    //     gone from the list, the map and the picture.
    const annotationItem = page.getByTestId('annotation-item').first();
    await annotationItem.getByTestId('annotation-edit').click();
    const editForm = annotationItem.getByTestId('annotation-edit-form');
    await editForm.getByTestId('annotation-text').fill('White van parked at the lab gate');
    await editForm.getByTestId('annotation-kind').selectOption('bookmark');
    await editForm.getByTestId('annotation-save').click();
    await editForm.waitFor({ state: 'detached' });
    await page.locator('[data-testid="annotation-item"][data-kind="bookmark"]').waitFor();
    assert.match((await annotationItem.textContent()) ?? '', /White van parked at the lab gate/);
    await sourceFeatures(page, 'video-marks', `fs.some((f) => f.properties.role === 'bookmark' && f.properties.label === 'White van parked at the…')`);
    await page.getByTestId('annotation-search-tag').fill('');
    await page.getByTestId('annotation-search-q').fill('lab gate');
    await page.getByTestId('annotation-search-submit').click();
    await page.getByTestId('annotation-search-result').and(page.locator('[data-count="1"]')).waitFor();
    await screenshot('edited');
    page.once('dialog', (d) => void d.accept());
    await annotationItem.getByTestId('annotation-delete').click();
    await page.getByTestId('annotation-item').waitFor({ state: 'detached' });
    await sourceFeatures(page, 'video-marks', `!fs.some((f) => f.properties.role === 'bookmark' || f.properties.role === 'annotation')`);
    assert.equal(await page.getByTestId('timeline-annotation').count(), 0);

    assert.ok((await currentTime(page)) >= 0);

    // 14. A viewer watches, puts pixels on the map and sees cues, but cannot upload, save, run or delete.
    const created: unknown = await page.evaluate(`(async () => {
      const s = await (await fetch('/api/session')).json();
      const r = await fetch('/api/users', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrf_token }, body: JSON.stringify({ username: 'watcher', password: ${JSON.stringify(VIEWER_INITIAL)}, role: 'viewer' }) });
      return r.status;
    })()`);
    assert.equal(created, 201);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-form').waitFor();
    await signIn(page, 'watcher', VIEWER_INITIAL, VIEWER_NEW);
    await page.getByTestId('sign-out').waitFor();
    await page.getByTestId('tab-video').click();
    await page.locator(`[data-testid="video-item"][data-video-id="${videoId}"]`).getByTestId('video-open').click();
    await page.waitForFunction(`document.querySelector('[data-testid="video-element"]')?.readyState >= 2`);
    const viewerCentre = await picturePoint(page, 0.5, 0.5);
    await page.mouse.click(viewerCentre.x, viewerCentre.y);
    await page.getByTestId('ground-pick').and(page.locator('[data-state="done"]')).waitFor();
    await page.getByTestId('motion-result').waitFor();
    for (const hidden of ['video-upload', 'pick-save-form', 'motion-run', 'motion-draw', 'video-delete', 'annotation-edit']) {
      assert.equal(await page.getByTestId(hidden).count(), 0, `${hidden} shown to a viewer`);
    }
    await screenshot('viewer');
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } catch (err) {
    await screenshot('failure').catch(() => undefined);
    if (server !== undefined && server.stderr.length > 0) console.error(`server stderr:\n${server.stderr.join('')}`);
    throw err;
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
