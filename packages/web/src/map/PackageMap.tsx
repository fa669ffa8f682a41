/**
 * The map of one release package in the partner portal: the hazard zones,
 * the suspected laboratory and its 95 % circle over the embedded basemap,
 * fitted to them. `window.__nariz.map` exposes it for diagnostics (and the
 * end-to-end test), as the workspace's map does.
 */
import maplibregl, { type GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { GeoJSON } from 'geojson';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { PackageFeatures } from '../geo/package-features.js';
import { SRC } from './layer-ids.js';
import { loadNaturalEarth } from './natural-earth.js';
import { packageStyle } from './package-style.js';

function setData(map: MapLibreMap, id: string, data: GeoJSON): void {
  map.getSource<GeoJSONSource>(id)?.setData(data);
}

export default function PackageMap(p: { readonly features: PackageFeatures; readonly label: string; readonly webglMissing: string }): ReactNode {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const el = container.current;
    if (el === null) return undefined;
    let map: MapLibreMap;
    try {
      map = new maplibregl.Map({ container: el, style: packageStyle(), center: [0, 20], zoom: 1.5, attributionControl: { compact: true, customAttribution: 'Natural Earth' }, dragRotate: false, pitchWithRotate: false });
    } catch (err) {
      console.error('package map: cannot start', err);
      setFailed(true);
      return undefined;
    }
    mapRef.current = map;
    window.__nariz = { map };
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    map.touchZoomRotate.disableRotation();
    let alive = true;
    map.on('load', () => {
      if (!alive) return;
      setReady(true);
      loadNaturalEarth(map).catch((err: unknown) => console.error('package map: Natural Earth basemap failed', err));
    });
    return () => {
      alive = false;
      map.remove();
      mapRef.current = null;
      if (window.__nariz?.map === map) delete window.__nariz;
      setReady(false);
    };
  }, []);

  const f = p.features;
  useEffect(() => {
    const map = mapRef.current;
    if (map === null || !ready) return;
    setData(map, SRC.hazards, f.hazards);
    setData(map, SRC.packageLab, f.lab);
    setData(map, SRC.packageCircle, f.circle);
    const [w, s, e, n] = f.bbox;
    map.fitBounds([[w, s], [e, n]], { padding: 30, maxZoom: 17, duration: 0 });
  }, [ready, f]);

  if (failed) return <div className="map-failed" role="alert">{p.webglMissing}</div>;
  return <div ref={container} className="map package-map" data-testid="package-map" data-ready={ready ? 'true' : 'false'} role="region" aria-label={p.label} />;
}
