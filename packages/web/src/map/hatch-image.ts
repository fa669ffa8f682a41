/** The forbidden areas' hatching, generated in code and added to the map (no sprite file). */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { hatchPattern } from '../geo/hatch-pattern.js';
import { HATCH_IMAGE } from './layer-ids.js';

const SIZE = 16;

export function addHatchImage(map: MapLibreMap): void {
  if (map.hasImage(HATCH_IMAGE)) return;
  const data = hatchPattern({ size: SIZE, period: 8, width: 2, rgba: [255, 82, 82, 255] });
  map.addImage(HATCH_IMAGE, { width: SIZE, height: SIZE, data });
}
