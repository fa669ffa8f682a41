/**
 * Rectangles in the planning frame (local east/north metres): the search
 * area (where sources may be) and the flight area (where the drone may go).
 */

export interface AreaBounds {
  readonly minE: number;
  readonly maxE: number;
  readonly minN: number;
  readonly maxN: number;
}

/** A width × height rectangle centred on the frame's origin. */
export function centredBounds(widthM: number, heightM: number): AreaBounds {
  if (!(widthM > 0 && heightM > 0)) throw new RangeError(`centredBounds: width and height must be > 0, got ${widthM} x ${heightM}`);
  return { minE: -widthM / 2, maxE: widthM / 2, minN: -heightM / 2, maxN: heightM / 2 };
}

/** The rectangle grown by marginM on every side. */
export function expandBounds(b: AreaBounds, marginM: number): AreaBounds {
  return { minE: b.minE - marginM, maxE: b.maxE + marginM, minN: b.minN - marginM, maxN: b.maxN + marginM };
}

/** Whether (east, north) lies in the rectangle, within toleranceM. */
export function insideBounds(b: AreaBounds, east: number, north: number, toleranceM = 1e-6): boolean {
  return east >= b.minE - toleranceM && east <= b.maxE + toleranceM && north >= b.minN - toleranceM && north <= b.maxN + toleranceM;
}
