/** Display units for concentrations; the API gives kg/m³. */
export const CONCENTRATION_UNITS = ['ug/m3', 'mg/m3'] as const;
export type ConcentrationUnit = (typeof CONCENTRATION_UNITS)[number];

/** Multiply kg/m³ by this to get the unit. */
export const KG_M3_TO: Readonly<Record<ConcentrationUnit, number>> = { 'ug/m3': 1e9, 'mg/m3': 1e6 };

export const UNIT_LABEL: Readonly<Record<ConcentrationUnit, string>> = { 'ug/m3': 'µg/m³', 'mg/m3': 'mg/m³' };

export function isConcentrationUnit(s: string): s is ConcentrationUnit {
  return CONCENTRATION_UNITS.some((u) => u === s);
}
