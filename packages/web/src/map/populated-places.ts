/**
 * Fills the places source of a map made with baseStyle() from the places
 * asset (generated/places.json, written at build time by
 * scripts/build-places.mjs from GeoNames data; Vite ships it as a hashed
 * asset, so it is cached like the rest of the app and needs no network
 * beyond this server). The asset is read through its schema reader: a
 * broken or stale file is an error naming the bad field, not a blank layer.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import placesUrl from '../../generated/places.json?url';
import { placeFeatures } from '../geo/place-features.js';
import { readPlacesAsset } from '../geo/places-asset.js';
import { SRC } from './layer-ids.js';

/** Loads the places into the map; resolves with their number. */
export async function loadPlaces(map: MapLibreMap): Promise<number> {
  const res = await fetch(placesUrl);
  if (!res.ok) throw new Error(`${placesUrl}: HTTP ${res.status}`);
  const places = readPlacesAsset(await res.json());
  map.getSource<GeoJSONSource>(SRC.places)?.setData(placeFeatures(places));
  return places.length;
}
