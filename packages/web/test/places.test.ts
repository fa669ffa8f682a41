import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeFeatures } from '../src/geo/place-features.js';
import { encodePlacesAsset, PLACES_FORMAT, readPlacesAsset } from '../src/geo/places-asset.js';
import { classMinZoom, comparePlaces, MIN_PLACE_POPULATION, PLACE_CLASSES, placeClass, roundCoordinate, selectPlace, type CityRecord, type Place } from '../src/geo/places.js';

const city = (over: Partial<CityRecord>): CityRecord => ({ name: 'Somewhere', country: 'NL', featureCode: 'PPL', population: 20_000, lon: 5, lat: 52, ...over });

test('zoom classes: each population bound falls in its own class, one below in the next', () => {
  assert.equal(placeClass(22_315_474), 0);
  assert.equal(placeClass(5_000_000), 0);
  assert.equal(placeClass(4_999_999), 1);
  assert.equal(placeClass(1_000_000), 1);
  assert.equal(placeClass(999_999), 2);
  assert.equal(placeClass(300_000), 2);
  assert.equal(placeClass(290_529), 3); // Utrecht
  assert.equal(placeClass(100_000), 3);
  assert.equal(placeClass(99_999), 4);
  assert.equal(placeClass(50_000), 4);
  assert.equal(placeClass(49_999), 5);
  assert.equal(placeClass(15_000), 5);
  assert.equal(placeClass(14_999), null);
  assert.equal(placeClass(0), null);
  assert.equal(placeClass(Number.NaN), null);
});

test('zoom classes: largest first, drawn from increasing whole zooms, the last at the minimum population', () => {
  for (let i = 1; i < PLACE_CLASSES.length; i++) {
    assert.ok(PLACE_CLASSES[i]!.minPopulation < PLACE_CLASSES[i - 1]!.minPopulation, `class ${i} population`);
    assert.ok(PLACE_CLASSES[i]!.minZoom > PLACE_CLASSES[i - 1]!.minZoom, `class ${i} zoom`);
  }
  for (const c of PLACE_CLASSES) assert.ok(Number.isInteger(c.minZoom), 'filters see whole zooms only');
  assert.equal(PLACE_CLASSES[PLACE_CLASSES.length - 1]!.minPopulation, MIN_PLACE_POPULATION);
  assert.deepEqual(PLACE_CLASSES.map((_, i) => classMinZoom(i)), [1, 3, 5, 6, 7, 8]);
  assert.throws(() => classMinZoom(PLACE_CLASSES.length), RangeError);
});

test('coordinates are rounded to 1e-4° and print as short decimals', () => {
  assert.equal(roundCoordinate(5.12222), 5.1222);
  assert.equal(roundCoordinate(-99.12766), -99.1277);
  assert.equal(roundCoordinate(4.60971), 4.6097);
  assert.equal(roundCoordinate(179.99996), 180);
  assert.equal(String(roundCoordinate(52.09083)), '52.0908');
  assert.ok(Object.is(roundCoordinate(-0.00004), 0), 'no −0 in the file');
});

test('selection: the GeoNames record of Utrecht becomes a class 3 place with rounded coordinates', () => {
  const utrecht = selectPlace({ name: 'Utrecht', country: 'NL', featureCode: 'PPLA', population: 290_529, lon: 5.12222, lat: 52.09083 });
  assert.deepEqual(utrecht, { name: 'Utrecht', country: 'NL', population: 290_529, lon: 5.1222, lat: 52.0908, cls: 3 });
  const mexico = selectPlace({ name: 'Mexico City', country: 'MX', featureCode: 'PPLC', population: 12_294_193, lon: -99.12766, lat: 19.42847 });
  assert.deepEqual(mexico, { name: 'Mexico City', country: 'MX', population: 12_294_193, lon: -99.1277, lat: 19.4285, cls: 0 });
});

test('selection: small places, city districts, lost places and broken records are left out', () => {
  assert.equal(selectPlace(city({ population: 14_999 })), null);
  assert.notEqual(selectPlace(city({ population: 15_000 })), null);
  // GeoNames' "section of populated place" (a city's district: Buenos Aires' barrios, Vienna's Bezirke).
  assert.equal(selectPlace(city({ featureCode: 'PPLX', population: 152_198 })), null);
  for (const code of ['PPLH', 'PPLQ', 'PPLW']) assert.equal(selectPlace(city({ featureCode: code })), null, code);
  for (const code of ['PPL', 'PPLA', 'PPLA2', 'PPLC']) assert.notEqual(selectPlace(city({ featureCode: code })), null, code);
  assert.equal(selectPlace(city({ name: '  ' })), null);
  assert.equal(selectPlace(city({ lat: 91 })), null);
  assert.equal(selectPlace(city({ lon: Number.NaN })), null);
  assert.equal(selectPlace(city({ name: ' Zeist ' }))?.name, 'Zeist');
});

test('order: largest first, ties broken by name, country and position', () => {
  const p = (name: string, country: string, population: number, lon = 0): Place => ({ name, country, population, lon, lat: 0, cls: placeClass(population) ?? -1 });
  const sorted = [p('B', 'NL', 20_000), p('A', 'NL', 20_000), p('Big', 'MX', 9_000_000), p('A', 'BE', 20_000), p('A', 'BE', 20_000, -1)].sort(comparePlaces);
  assert.deepEqual(
    sorted.map((x) => `${x.name}/${x.country}/${x.lon}`),
    ['Big/MX/0', 'A/BE/-1', 'A/BE/0', 'A/NL/0', 'B/NL/0'],
  );
});

test('the asset: encoded rows read back to the same places', () => {
  const places: Place[] = [
    { name: 'Bogotá', country: 'CO', population: 7_674_366, lon: -74.0817, lat: 4.6097, cls: 0 },
    { name: 'Utrecht', country: 'NL', population: 290_529, lon: 5.1222, lat: 52.0908, cls: 3 },
  ];
  const asset = encodePlacesAsset(places, 'test');
  assert.equal(asset.format, PLACES_FORMAT);
  assert.deepEqual(asset.places[0], ['Bogotá', 'CO', 7_674_366, -74.0817, 4.6097, 0]);
  assert.deepEqual(readPlacesAsset(JSON.parse(JSON.stringify(asset))), places);
});

test('the asset reader names the first bad field', () => {
  const good = encodePlacesAsset([{ name: 'Utrecht', country: 'NL', population: 290_529, lon: 5.1222, lat: 52.0908, cls: 3 }], 'test');
  const broken = (change: (o: Record<string, unknown>) => void): unknown => {
    const o: Record<string, unknown> = JSON.parse(JSON.stringify(good));
    change(o);
    return o;
  };
  assert.throws(() => readPlacesAsset(broken((o) => (o['format'] = 'nariz-places/0'))), /places-asset\.format/);
  assert.throws(() => readPlacesAsset(broken((o) => (o['fields'] = ['name']))), /places-asset\.fields/);
  assert.throws(() => readPlacesAsset(broken((o) => (o['places'] = [['Utrecht', 'NL', '290529', 5.1, 52.1, 3]]))), /places-asset\.places\[0\]\[2\]: expected an integer/);
  assert.throws(() => readPlacesAsset(broken((o) => (o['places'] = [['Utrecht', 'NL', 290529, 5.1, 52.1, 9]]))), /places-asset\.places\[0\]\[5\]/);
  assert.throws(() => readPlacesAsset(broken((o) => (o['places'] = [['Utrecht', 'NL', 290529, 185, 52.1, 3]]))), /places-asset\.places\[0\]/);
  assert.throws(() => readPlacesAsset(broken((o) => (o['places'] = [['Utrecht', 'NL', 290529]]))), /an array of 6/);
  assert.throws(() => readPlacesAsset([]), /places-asset: expected an object/);
});

test('map features: a point per place, with the zoom it is drawn from', () => {
  const fc = placeFeatures([
    { name: 'Mexico City', country: 'MX', population: 12_294_193, lon: -99.1277, lat: 19.4285, cls: 0 },
    { name: 'Utrecht', country: 'NL', population: 290_529, lon: 5.1222, lat: 52.0908, cls: 3 },
  ]);
  assert.equal(fc.features.length, 2);
  assert.deepEqual(fc.features[1]!.geometry.coordinates, [5.1222, 52.0908]);
  assert.deepEqual(fc.features[1]!.properties, { name: 'Utrecht', country: 'NL', population: 290_529, cls: 3, minzoom: 6 });
  assert.equal(fc.features[0]!.properties.minzoom, 1);
});
