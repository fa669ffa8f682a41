/** Words for the flight package's codes (violation kinds, legs, vehicle types, stability classes), shared by the flight panels. */
import type { VehicleType } from '../../api/schema/flight-plan.js';
import type { LegKind, ViolationKind } from '../../api/schema/plan-check.js';
import type { StabilityClass } from '../../flight/survey-request.js';
import type { MessageKey } from '../../i18n/catalogue/keys.js';

export const VIOLATION_KIND_KEY: Readonly<Record<ViolationKind, MessageKey>> = {
  'outside-permitted': 'violation.outsidePermitted',
  'inside-forbidden': 'violation.insideForbidden',
  altitude: 'violation.altitude',
  'time-window': 'violation.timeWindow',
};

export const LEG_KIND_KEY: Readonly<Record<LegKind, MessageKey>> = {
  takeoff: 'leg.takeoff',
  outbound: 'leg.outbound',
  mission: 'leg.mission',
  return: 'leg.return',
  landing: 'leg.landing',
};

export const VEHICLE_TYPE_KEY: Readonly<Record<VehicleType, MessageKey>> = {
  multirotor: 'vehicleType.multirotor',
  'fixed-wing': 'vehicleType.fixedWing',
  vtol: 'vehicleType.vtol',
};

export const STABILITY_KEY: Readonly<Record<StabilityClass, MessageKey>> = {
  A: 'stability.A',
  B: 'stability.B',
  C: 'stability.C',
  D: 'stability.D',
  E: 'stability.E',
  F: 'stability.F',
};
