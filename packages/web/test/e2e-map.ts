/** What the end-to-end tests ask of the map in the page (window.__nariz.map), without fixed sleeps. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export type MapFeature = { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } };

/** Waits until the map has drawn everything it is asked to. */
export async function mapIdle(page: Page): Promise<void> {
  await page.waitForFunction(`(() => { const m = window.__nariz?.map; return !!m && m.loaded() && m.areTilesLoaded() && !m.isMoving(); })()`);
}

/**
 * The features of a GeoJSON source as the map holds them, once `ready` (a
 * JavaScript condition on `fs`, the features) holds: the map is given new
 * data in an effect after the panel showing it has rendered. Read
 * synchronously with `serialize()`: waitForFunction does not wait for a
 * promise (getData's), it takes the promise itself as the truthy answer.
 */
export async function sourceFeatures(page: Page, source: string, ready: string): Promise<MapFeature[]> {
  const data = `window.__nariz.map.getSource(${JSON.stringify(source)}).serialize().data`;
  await page.waitForFunction(`(() => { const fs = ${data}.features; return ${ready}; })()`);
  const fc: unknown = await page.evaluate(data);
  assert.ok(typeof fc === 'object' && fc !== null && 'features' in fc && Array.isArray(fc.features), `${source}: not a FeatureCollection`);
  return fc.features;
}

/** Clicks the map canvas at a position, after checking that nothing covers the canvas there. */
export async function clickMapAt(page: Page, lon: number, lat: number): Promise<void> {
  const at: unknown = await page.evaluate(`(() => {
    const m = window.__nariz.map;
    const p = m.project([${lon}, ${lat}]);
    const r = m.getCanvas().getBoundingClientRect();
    const x = r.left + p.x, y = r.top + p.y;
    return { x, y, onCanvas: document.elementFromPoint(x, y) === m.getCanvas() };
  })()`);
  assert.ok(typeof at === 'object' && at !== null && 'x' in at && 'y' in at && 'onCanvas' in at && typeof at.x === 'number' && typeof at.y === 'number');
  assert.equal(at.onCanvas, true, `the map canvas is covered at ${lon}, ${lat}`);
  await page.mouse.click(at.x, at.y);
}
