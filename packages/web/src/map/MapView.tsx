/**
 * The map: MapLibre GL with the embedded basemap (Natural Earth and GeoNames
 * places; or the deployment's PMTiles) and the sortie's overlays. MapLibre
 * is imperative; this component creates the map once and pushes each prop
 * into it in its own effect.
 * `window.__nariz.map` exposes the map for diagnostics (and the e2e test).
 */
import maplibregl, { type GeoJSONSource, type MapGeoJSONFeature, type Map as MapLibreMap, type PointLike } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection, GeoJSON, Point } from 'geojson';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { baseStyle, trackColour, COLOURS } from './base-style.js';
import { attachDrawInteraction, type DrawBinding } from './draw-interaction.js';
import type { FlightOverlays } from './flight-overlays.js';
import { addHatchImage } from './hatch-image.js';
import { GROUP_LAYERS, HATCH_IMAGE, LAYER, OVERLAY_GROUPS, SRC, VIDEO_TRACK_LAYERS, type OverlayGroup } from './layer-ids.js';
import { loadNaturalEarth } from './natural-earth.js';
import type { DetectionProps, HazardProps, MapOverlays } from './overlay-data.js';
import { addPmtilesBasemap } from './pmtiles-basemap.js';
import { loadPlaces } from './populated-places.js';
import type { LeadOverlays } from './lead-layers.js';
import type { VideoOverlays } from './video-layers.js';
import type { VideoTrackRole } from '../geo/video-features.js';
import { networkLayers, networkSource } from '../network/network-map-layers.js';
import type { NetworkPointProps } from '../network/network-map-features.js';

export type BasemapStatus = { readonly kind: 'embedded' } | { readonly kind: 'pmtiles' } | { readonly kind: 'pmtiles-failed'; readonly message: string };

export interface PopupBuilders {
  readonly detection: (p: DetectionProps) => HTMLElement;
  readonly hazard: (p: HazardProps) => HTMLElement;
  readonly source: (n: number) => HTMLElement;
}

/** [west, south, east, north], degrees. */
export type Bbox = readonly [number, number, number, number];

/** The map's input for full-motion video. */
export interface VideoMapInput {
  /** "Which video saw this place?": the next click on the map is the place (it opens nothing). */
  readonly pickingPlace: boolean;
  readonly onPlace: (lon: number, lat: number) => void;
  /** A click on the platform's or the frame centre's track: the player seeks to the nearest frame. */
  readonly onTrack: (role: VideoTrackRole, lon: number, lat: number) => void;
}

/** The map's input for leads. */
export interface LeadMapInput {
  /** "New lead by hand": the next click on the map is the lead's place (it opens nothing). */
  readonly picking: boolean;
  readonly onPlace: (lon: number, lat: number) => void;
  /** A click on a lead's point opens it. */
  readonly onLead: (id: string) => void;
}

/** A click this close (pixels) to a video track is on it: the lines are thin. */
const TRACK_HIT_PX = 6;

export interface MapViewProps {
  readonly pmtilesUrl: string | null;
  readonly overlays: MapOverlays;
  /** Airspace areas, the plan and its violations, excursions, the drawing and live vehicles. */
  readonly flight: FlightOverlays;
  /** The video open in the player: its tracks, the frame shown, the points placed from it. */
  readonly video: VideoOverlays;
  readonly videoInput: VideoMapInput;
  /** The leads the list shows, and the open lead's 95 % circle. */
  readonly leads: LeadOverlays;
  readonly leadInput: LeadMapInput;
  readonly selectedLead: string | null;
  /** Drawing a search area: the map's pointer input goes to it (and popups are off). Null when not drawing. */
  readonly draw: DrawBinding | null;
  /** The view's bounds after each move (for "use the current map view"). */
  readonly onViewBounds: (b: Bbox) => void;
  /** Replay time, s since the epoch; the track is drawn up to it. Null: the whole track. */
  readonly timeS: number | null;
  readonly drone: Feature<Point> | null;
  readonly visible: Readonly<Record<OverlayGroup, boolean>>;
  /** The legend stands on the map's right (under the video player): fits leave room for it there. */
  readonly legendRight: boolean;
  /** Fit the view to this box whenever `key` changes (a newly selected sortie, an opened plan). */
  readonly fit: { readonly key: string; readonly bbox: Bbox } | null;
  /** Fly to this point whenever `key` changes, zooming in to at least `zoom` (default 16). */
  readonly focus: { readonly key: number; readonly lon: number; readonly lat: number; readonly zoom?: number } | null;
  readonly selectedSource: number | null;
  readonly onSelectSource: (n: number) => void;
  readonly onBasemap: (b: BasemapStatus) => void;
  readonly popups: PopupBuilders;
  readonly label: string;
  readonly webglMissing: string;
  /** Network entities with a location (while the network tab is open); absent: none drawn. */
  readonly network?: FeatureCollection<Point, NetworkPointProps> | null;
  /** A click on a network entity's point. */
  readonly onNetworkEntity?: (id: string) => void;
}

declare global {
  interface Window {
    /** Diagnostics handle: the live map (used by the end-to-end test). */
    __nariz?: { map: MapLibreMap };
  }
}

function setData(map: MapLibreMap, id: string, data: GeoJSON): void {
  map.getSource<GeoJSONSource>(id)?.setData(data);
}

function num(f: MapGeoJSONFeature, key: string): number | null {
  const v: unknown = f.properties[key];
  return typeof v === 'number' ? v : null;
}
function text(f: MapGeoJSONFeature, key: string): string | null {
  const v: unknown = f.properties[key];
  return typeof v === 'string' ? v : null;
}

function detectionProps(f: MapGeoJSONFeature): DetectionProps | null {
  const species = text(f, 'species');
  const colour = text(f, 'colour');
  const peakS = num(f, 'peakS');
  const peakKgM3 = num(f, 'peakKgM3');
  const excessKgM3 = num(f, 'excessKgM3');
  if (species === null || colour === null || peakS === null || peakKgM3 === null || excessKgM3 === null) return null;
  return { species, colour, peakS, peakKgM3, excessKgM3 };
}

function hazardProps(f: MapGeoJSONFeature): HazardProps | null {
  const kind = text(f, 'kind');
  const level = num(f, 'level');
  const tier = text(f, 'tier');
  const chemical = text(f, 'chemical');
  const maxDownwindM = num(f, 'maxDownwindM');
  if (kind === null || level === null || tier === null || chemical === null || maxDownwindM === null) return null;
  return { kind, level, tier, chemical, maxDownwindM };
}

export default function MapView(p: MapViewProps): ReactNode {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  // Handlers registered once read the newest props through this ref.
  const latest = useRef(p);
  latest.current = p;

  useEffect(() => {
    const el = container.current;
    if (el === null) return undefined;
    let map: MapLibreMap;
    try {
      map = new maplibregl.Map({
        container: el,
        style: baseStyle(),
        center: [0, 20],
        zoom: 1.5,
        attributionControl: { compact: true, customAttribution: 'Natural Earth' },
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch (err) {
      console.error('map: cannot start', err);
      setFailed(true);
      return undefined;
    }
    mapRef.current = map;
    window.__nariz = { map };
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    map.touchZoomRotate.disableRotation();
    // The forbidden areas' hatching is generated, not loaded: supply it whenever the style asks.
    map.on('styleimagemissing', (e: { id: string }) => {
      if (e.id === HATCH_IMAGE) addHatchImage(map);
    });
    const emitBounds = (): void => {
      const b = map.getBounds();
      latest.current.onViewBounds([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
    };
    map.on('moveend', emitBounds);
    let alive = true;
    map.on('load', () => {
      if (!alive) return;
      addHatchImage(map);
      emitBounds();
      setReady(true);
      const naturalEarth = loadNaturalEarth(map).catch((err: unknown) => console.error('map: Natural Earth basemap failed', err));
      // The places (1 MB) are fetched after the 1:50m land, and only when the embedded basemap is the one shown.
      const places = (): void => {
        naturalEarth
          .then(() => (alive ? loadPlaces(map) : 0))
          .catch((err: unknown) => {
            if (alive) console.error('map: populated places failed', err);
          });
      };
      const url = latest.current.pmtilesUrl;
      if (url === null) {
        latest.current.onBasemap({ kind: 'embedded' });
        places();
      } else {
        addPmtilesBasemap(map, url).then(
          () => alive && latest.current.onBasemap({ kind: 'pmtiles' }),
          (err: unknown) => {
            if (!alive) return;
            latest.current.onBasemap({ kind: 'pmtiles-failed', message: err instanceof Error ? err.message : String(err) });
            places();
          },
        );
      }
    });

    const popup = new maplibregl.Popup({ closeButton: true, maxWidth: '320px' });
    const onClick = (e: maplibregl.MapMouseEvent): void => {
      // A click while drawing places a vertex; it opens nothing.
      if (latest.current.draw !== null) return;
      const li = latest.current.leadInput;
      if (li.picking) {
        li.onPlace(e.lngLat.lng, e.lngLat.lat);
        return;
      }
      const v = latest.current.videoInput;
      if (v.pickingPlace) {
        v.onPlace(e.lngLat.lng, e.lngLat.lat);
        return;
      }
      const trackLayers = VIDEO_TRACK_LAYERS.filter((id) => map.getLayer(id) !== undefined);
      const near: [PointLike, PointLike] = [
        [e.point.x - TRACK_HIT_PX, e.point.y - TRACK_HIT_PX],
        [e.point.x + TRACK_HIT_PX, e.point.y + TRACK_HIT_PX],
      ];
      const onTrack = trackLayers.length === 0 ? undefined : map.queryRenderedFeatures(near, { layers: trackLayers })[0];
      const role = onTrack === undefined ? null : text(onTrack, 'role');
      if (role === 'platform-track' || role === 'centre-track') {
        v.onTrack(role, e.lngLat.lng, e.lngLat.lat);
        return;
      }
      const networkHit = map.getLayer(LAYER.networkPoints) === undefined ? undefined : map.queryRenderedFeatures(e.point, { layers: [LAYER.networkPoints] })[0];
      const networkId = networkHit === undefined ? null : text(networkHit, 'id');
      if (networkId !== null) {
        latest.current.onNetworkEntity?.(networkId);
        return;
      }
      const layers = [LAYER.leadPoints, LAYER.sourcePoints, LAYER.detections, LAYER.ellipseFill, LAYER.hazardFill].filter((id) => map.getLayer(id) !== undefined);
      const hits = map.queryRenderedFeatures(e.point, { layers });
      const hit = hits[0];
      if (hit === undefined) return;
      const b = latest.current.popups;
      if (hit.layer.id === LAYER.leadPoints) {
        const id = text(hit, 'id');
        if (id !== null) li.onLead(id);
      } else if (hit.layer.id === LAYER.sourcePoints || hit.layer.id === LAYER.ellipseFill) {
        const n = num(hit, 'n');
        if (n === null) return;
        latest.current.onSelectSource(n);
        popup.setLngLat(e.lngLat).setDOMContent(b.source(n)).addTo(map);
      } else if (hit.layer.id === LAYER.detections) {
        const d = detectionProps(hit);
        if (d !== null) popup.setLngLat(e.lngLat).setDOMContent(b.detection(d)).addTo(map);
      } else {
        const h = hazardProps(hit);
        if (h !== null) popup.setLngLat(e.lngLat).setDOMContent(b.hazard(h)).addTo(map);
      }
    };
    map.on('click', onClick);
    const hoverLayers = [LAYER.leadPoints, LAYER.sourcePoints, LAYER.detections, LAYER.ellipseFill, ...VIDEO_TRACK_LAYERS];
    for (const id of hoverLayers) {
      map.on('mouseenter', id, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', id, () => (map.getCanvas().style.cursor = ''));
    }
    return () => {
      alive = false;
      popup.remove();
      map.remove();
      mapRef.current = null;
      if (window.__nariz?.map === map) delete window.__nariz;
      setReady(false);
    };
  }, []);

  const { overlays, flight, timeS, drone, visible, fit, focus, selectedSource } = p;

  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !ready) return;
    setData(map, SRC.track, overlays.track);
    setData(map, SRC.detections, overlays.detections);
    setData(map, SRC.sources, overlays.sources);
    setData(map, SRC.ellipses, overlays.ellipses);
    setData(map, SRC.posterior, overlays.posterior);
    setData(map, SRC.hazards, overlays.hazards);
    map.setPaintProperty(LAYER.track, 'line-color', overlays.trackStops === null ? COLOURS.trackNoValue : trackColour(overlays.trackStops));
  }, [ready, overlays]);

  // One effect per flight source: the authority's areas are large, vehicles move every second.
  useEffect(() => {
    const map = mapRef.current;
    if (map !== null && ready) setData(map, SRC.airspace, flight.airspace);
  }, [ready, flight.airspace]);
  useEffect(() => {
    const map = mapRef.current;
    if (map !== null && ready) setData(map, SRC.excursions, flight.excursions);
  }, [ready, flight.excursions]);
  useEffect(() => {
    const map = mapRef.current;
    if (map !== null && ready) setData(map, SRC.draw, flight.draw);
  }, [ready, flight.draw]);
  useEffect(() => {
    const map = mapRef.current;
    if (map !== null && ready) setData(map, SRC.plan, flight.plan);
  }, [ready, flight.plan]);
  useEffect(() => {
    const map = mapRef.current;
    if (map !== null && ready) setData(map, SRC.suggestion, flight.suggestion);
  }, [ready, flight.suggestion]);
  useEffect(() => {
    const map = mapRef.current;
    if (map !== null && ready) setData(map, SRC.violations, flight.violations);
  }, [ready, flight.violations]);
  useEffect(() => {
    const map = mapRef.current;
    if (map !== null && ready) setData(map, SRC.vehicles, flight.vehicles);
  }, [ready, flight.vehicles]);

  const { video } = p;
  useEffect(() => {
    const map = mapRef.current;
    if (map !== null && ready) setData(map, SRC.videoTracks, video.tracks);
  }, [ready, video.tracks]);
  // The frame shown changes with every video frame while playing: its own small source.
  useEffect(() => {
    const map = mapRef.current;
    if (map !== null && ready) setData(map, SRC.videoFrame, video.frame);
  }, [ready, video.frame]);
  useEffect(() => {
    const map = mapRef.current;
    if (map !== null && ready) setData(map, SRC.videoMarks, video.marks);
  }, [ready, video.marks]);

  const { leads, selectedLead } = p;
  useEffect(() => {
    const map = mapRef.current;
    if (map !== null && ready) setData(map, SRC.leads, leads.points);
  }, [ready, leads.points]);
  useEffect(() => {
    const map = mapRef.current;
    if (map !== null && ready) setData(map, SRC.leadCircle, leads.circle);
  }, [ready, leads.circle]);
  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !ready) return;
    map.removeFeatureState({ source: SRC.leads });
    if (selectedLead !== null) map.setFeatureState({ source: SRC.leads, id: selectedLead }, { selected: true });
  }, [ready, selectedLead, leads.points]);

  // Network entities: their source and layers are added the first time there are some to show.
  const networkPoints = p.network ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !ready) return;
    if (map.getSource(SRC.network) === undefined) {
      if (networkPoints === null || networkPoints.features.length === 0) return;
      map.addSource(SRC.network, networkSource());
      for (const layer of networkLayers(latest.current.visible.network)) map.addLayer(layer);
    }
    setData(map, SRC.network, networkPoints ?? { type: 'FeatureCollection', features: [] });
  }, [ready, networkPoints]);

  const pickingPlace = p.videoInput.pickingPlace || p.leadInput.picking;
  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !ready || !pickingPlace) return undefined;
    const canvas = map.getCanvas();
    const cursor = canvas.style.cursor;
    canvas.style.cursor = 'crosshair';
    return () => {
      canvas.style.cursor = cursor;
    };
  }, [ready, pickingPlace]);

  const drawMode = p.draw?.mode ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !ready || drawMode === null) return undefined;
    return attachDrawInteraction(map, {
      mode: drawMode,
      vertices: () => latest.current.draw?.vertices() ?? [],
      onInput: (e) => latest.current.draw?.onInput(e),
    });
  }, [ready, drawMode]);

  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !ready) return;
    if (timeS === null) {
      map.setFilter(LAYER.track, null);
      map.setFilter(LAYER.trackAhead, ['boolean', false]);
    } else {
      map.setFilter(LAYER.track, ['<=', ['get', 't'], timeS]);
      map.setFilter(LAYER.trackAhead, ['>', ['get', 't'], timeS]);
    }
    setData(map, SRC.drone, { type: 'FeatureCollection', features: drone === null ? [] : [drone] });
  }, [ready, timeS, drone]);

  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !ready) return;
    // Layers added later (the network's) are skipped here and take the switch's state when added.
    for (const g of OVERLAY_GROUPS) for (const id of GROUP_LAYERS[g]) if (map.getLayer(id) !== undefined) map.setLayoutProperty(id, 'visibility', visible[g] ? 'visible' : 'none');
  }, [ready, visible]);

  const fitKey = fit?.key ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !ready || fit === null) return;
    const [w, s, e, n] = fit.bbox;
    // The species/layer panel and the legend cover the map's left side on a wide screen.
    const wide = map.getContainer().clientWidth > 700;
    const right = wide && latest.current.legendRight ? 280 : 60;
    map.fitBounds([[w, s], [e, n]], { padding: { top: 50, bottom: 40, right, left: wide ? 270 : 40 }, maxZoom: 17, duration: 0 });
    // Only a new key refits: data updates of the same sortie leave the view alone.
  }, [ready, fitKey]);

  const focusKey = focus?.key ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !ready || focus === null) return;
    map.easeTo({ center: [focus.lon, focus.lat], zoom: Math.max(map.getZoom(), focus.zoom ?? 16), duration: 500 });
  }, [ready, focusKey]);

  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !ready) return;
    for (const src of [SRC.sources, SRC.ellipses]) {
      map.removeFeatureState({ source: src });
      if (selectedSource !== null) map.setFeatureState({ source: src, id: selectedSource }, { selected: true });
    }
  }, [ready, selectedSource, overlays]);

  if (failed) return <div className="map-failed" role="alert">{p.webglMissing}</div>;
  return <div ref={container} className="map" data-testid="map" data-ready={ready ? 'true' : 'false'} role="region" aria-label={p.label} />;
}
