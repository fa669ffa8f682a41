/**
 * Leads on the map: a point per lead, coloured by its state, ringed by the
 * outcome the partner reported (from the dashboard's outcome points), and
 * the 95 % circle of the open lead. The lead's id is each point's
 * `id` property (the source promotes it, for the selected state).
 */
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { OutcomeProps } from '../api/schema/lead-dashboard.js';
import type { Lead, LeadStatus, OutcomeKind } from '../api/schema/lead.js';
import { OUTCOME_COLOURS, STATUS_COLOURS } from '../leads/lead-lifecycle.js';
import { ellipseRing } from './ellipse.js';

export interface LeadPointProps {
  readonly id: string;
  readonly status: LeadStatus;
  readonly colour: string;
  /** '' when no outcome is reported. */
  readonly outcome: OutcomeKind | '';
  readonly ring: string;
  readonly label: string;
}

export interface LeadCircleProps {
  readonly id: string;
  readonly colour: string;
}

/** Labels are short: a title of any length fits the map at this many characters. */
const LABEL_CHARS = 28;

function label(title: string): string {
  return title.length <= LABEL_CHARS ? title : `${title.slice(0, LABEL_CHARS - 1)}…`;
}

export function leadPoints(leads: readonly Lead[], outcomes: readonly Feature<Point, OutcomeProps>[]): FeatureCollection<Point, LeadPointProps> {
  const outcomeOf = new Map<string, OutcomeKind>();
  // The dashboard lists each lead's newest outcome.
  for (const f of outcomes) outcomeOf.set(f.properties.leadId, f.properties.outcome);
  return {
    type: 'FeatureCollection',
    features: leads.map((l) => {
      const outcome = outcomeOf.get(l.id) ?? '';
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [l.lon, l.lat] },
        properties: { id: l.id, status: l.status, colour: STATUS_COLOURS[l.status], outcome, ring: outcome === '' ? '#ffffff' : OUTCOME_COLOURS[outcome], label: label(l.title) },
      };
    }),
  };
}

/** The 95 % circle of one lead (none when its radius is not known). */
export function leadCircle(l: Lead | null): FeatureCollection<Polygon, LeadCircleProps> {
  if (l === null || l.ci95M === null || !(l.ci95M > 0)) return { type: 'FeatureCollection', features: [] };
  const ring = ellipseRing({ lat: l.lat, lon: l.lon, semiMajorM: l.ci95M, semiMinorM: l.ci95M, azimuthDeg: 0 }, 64);
  return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { id: l.id, colour: STATUS_COLOURS[l.status] } }] };
}
