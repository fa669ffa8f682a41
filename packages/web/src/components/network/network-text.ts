/** The message keys of the network tab's enumerations: entity types and measures. */
import type { MessageKey } from '../../i18n/catalogue/keys.js';
import type { MeasureName } from '../../api/schema/network-analysis.js';
import type { EntityType } from '../../api/schema/network.js';

export const TYPE_KEY: Readonly<Record<EntityType, MessageKey>> = {
  person: 'network.type.person',
  organisation: 'network.type.organisation',
  phone: 'network.type.phone',
  vehicle: 'network.type.vehicle',
  place: 'network.type.place',
  lab: 'network.type.lab',
  event: 'network.type.event',
  other: 'network.type.other',
};

export const MEASURE_KEY: Readonly<Record<MeasureName, MessageKey>> = {
  degree: 'network.measure.degree',
  strength: 'network.measure.strength',
  betweenness: 'network.measure.betweenness',
  closeness: 'network.measure.closeness',
  harmonic_closeness: 'network.measure.harmonic_closeness',
  eigenvector: 'network.measure.eigenvector',
  pagerank: 'network.measure.pagerank',
};

/** "2026-03-14" from an ISO instant (UTC), or the text itself. */
export function dayOf(iso: string | null): string | null {
  return iso === null ? null : iso.slice(0, 10);
}
