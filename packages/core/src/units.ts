/**
 * Concentration units. Internally Nariz works in SI: mass concentration in
 * kg/m^3 and emission rates in kg/s (reported in g/s at the edges).
 * Mixing-ratio <-> mass conversion uses the ideal gas law:
 *   c [kg/m^3] = x [mol/mol] * p [Pa] * M [kg/mol] / (R T [K]).
 */
export const CONCENTRATION_UNITS = ['ppb', 'ppm', 'ugm3', 'mgm3'] as const;
export type ConcentrationUnit = (typeof CONCENTRATION_UNITS)[number];

/** CODATA 2018 molar gas constant, J/(mol K). */
export const GAS_CONSTANT = 8.314462618;
export const STANDARD_TEMP_C = 25;
export const STANDARD_PRESSURE_HPA = 1013.25;

export function isConcentrationUnit(s: string): s is ConcentrationUnit {
  return (CONCENTRATION_UNITS as readonly string[]).includes(s);
}

/** kg/m^3 of a gas at one mole fraction (x = 1). */
export function molarDensityKgM3(molarMassGmol: number, tempC: number, pressureHpa: number): number {
  return ((pressureHpa * 100) * (molarMassGmol * 1e-3)) / (GAS_CONSTANT * (tempC + 273.15));
}

/** Factor f such that value[unit] * f = kg/m^3. */
export function toKgM3Factor(
  unit: ConcentrationUnit,
  molarMassGmol: number,
  tempC = STANDARD_TEMP_C,
  pressureHpa = STANDARD_PRESSURE_HPA,
): number {
  switch (unit) {
    case 'ppb':
      return 1e-9 * molarDensityKgM3(molarMassGmol, tempC, pressureHpa);
    case 'ppm':
      return 1e-6 * molarDensityKgM3(molarMassGmol, tempC, pressureHpa);
    case 'ugm3':
      return 1e-9;
    case 'mgm3':
      return 1e-6;
  }
}

export function toKgM3(value: number, unit: ConcentrationUnit, molarMassGmol: number, tempC?: number, pressureHpa?: number): number {
  return value * toKgM3Factor(unit, molarMassGmol, tempC, pressureHpa);
}

export function fromKgM3(kgM3: number, unit: ConcentrationUnit, molarMassGmol: number, tempC?: number, pressureHpa?: number): number {
  return kgM3 / toKgM3Factor(unit, molarMassGmol, tempC, pressureHpa);
}
