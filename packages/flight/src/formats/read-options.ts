/**
 * What every mission-file reader takes and gives: the file name for error
 * locations, the plan's name and vehicle when the file does not hold them,
 * and notes saying which parts of the plan were assumed rather than read.
 */
import type { FlightPlan, Vehicle, VehicleType } from '../plan/plan.js';
import { DEFAULT_VEHICLES } from './mavlink.js';

export interface MissionReadOptions {
  /** Name used in error locations (and as the plan name when the file has none). */
  readonly file?: string;
  /** Plan name when the file has none. */
  readonly name?: string;
  /** Vehicle fields the file does not carry (default: DEFAULT_VEHICLES of its type). */
  readonly vehicle?: Partial<Vehicle>;
}

export interface MissionRead {
  readonly plan: FlightPlan;
  /** Which plan fields were assumed, not read (e.g. "vehicle.enduranceS: default 1500 s"). */
  readonly notes: readonly string[];
}

/** Complete a vehicle from what the file gave, the caller's defaults and the type's defaults, noting what was assumed. */
export function completeVehicle(fromFile: Partial<Vehicle>, options: MissionReadOptions, notes: string[]): Vehicle {
  const type: VehicleType = fromFile.type ?? options.vehicle?.type ?? 'multirotor';
  const base = DEFAULT_VEHICLES[type];
  const pick = <K extends keyof Vehicle>(k: K): Vehicle[K] | undefined => {
    if (fromFile[k] !== undefined) return fromFile[k];
    if (options.vehicle?.[k] !== undefined) {
      notes.push(`vehicle.${k}: ${String(options.vehicle[k])} from the reader's options`);
      return options.vehicle[k];
    }
    if (base[k] !== undefined) notes.push(`vehicle.${k}: ${String(base[k])} (default for ${type})`);
    return base[k];
  };
  if (fromFile.type === undefined) notes.push(`vehicle.type: ${type} (${options.vehicle?.type === undefined ? 'default' : "from the reader's options"})`);
  const climb = pick('climbRateMps');
  return {
    type,
    cruiseSpeedMps: pick('cruiseSpeedMps')!,
    turnRadiusM: pick('turnRadiusM')!,
    enduranceS: pick('enduranceS')!,
    reserveFraction: pick('reserveFraction')!,
    ...(climb === undefined ? {} : { climbRateMps: climb }),
  };
}

export function planName(fromFile: string | undefined, options: MissionReadOptions, notes: string[]): string {
  if (fromFile !== undefined && fromFile !== '') return fromFile;
  const name = options.name ?? (options.file === undefined ? 'Imported plan' : options.file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''));
  notes.push(`name: "${name}" (the file has no plan name)`);
  return name;
}
