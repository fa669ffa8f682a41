/**
 * The planner's estimate from the `locate --json` object (locate-json.ts):
 * what the server stores after a localisation job, read back as the
 * `PlanningEstimate` beliefFromLocate wants. The object is parsed here,
 * once; a field of the wrong type is named by its path.
 */
import { NarizError } from '@nariz/core';
import type { PlanningEstimate } from './belief-from-locate.js';

type Json = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(path: string, want: string): never {
  throw new NarizError('NARIZ_USAGE', `locate JSON: ${path} should be ${want}`);
}

function num(o: Json, key: string, path: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${path}.${key}`, 'a finite number');
  return v;
}

function obj(v: unknown, path: string): Json {
  if (!isObject(v)) fail(path, 'an object');
  return v;
}

function numberRecord(v: unknown, path: string): Record<string, number> {
  const o = obj(v, path);
  const out: Record<string, number> = {};
  for (const k of Object.keys(o)) out[k] = num(o, k, path);
  return out;
}

function draws(v: unknown, path: string): Array<readonly [number, number]> {
  if (!Array.isArray(v)) fail(path, 'an array of [lon, lat]');
  return v.map((d: unknown, i) => {
    if (!Array.isArray(d) || d.length !== 2 || typeof d[0] !== 'number' || typeof d[1] !== 'number' || !Number.isFinite(d[0]) || !Number.isFinite(d[1])) fail(`${path}[${i}]`, '[lon, lat] in degrees');
    return [d[0], d[1]] as const;
  });
}

export function planningEstimateFromJson(json: unknown): PlanningEstimate {
  const root = obj(json, 'the estimate');
  if (!Array.isArray(root['sources'])) fail('sources', 'an array');
  const sources = root['sources'].map((s: unknown, i) => {
    const p = `sources[${i}]`;
    const o = obj(s, p);
    return {
      lat: num(o, 'lat', p),
      lon: num(o, 'lon', p),
      positionCi95M: num(o, 'position_ci95_m', p),
      rateGps: numberRecord(o['rate_gps'], `${p}.rate_gps`),
      probability: num(o, 'probability', p),
      posteriorSample: draws(o['posterior_sample'], `${p}.posterior_sample`),
    };
  });
  const stability = obj(root['stability'], 'stability');
  const diagnostics = obj(root['diagnostics'], 'diagnostics');
  return {
    sources,
    stability: { posterior: numberRecord(stability['posterior'], 'stability.posterior') },
    diagnostics: { sensorLagS: num(diagnostics, 'sensor_lag_s', 'diagnostics') },
  };
}
