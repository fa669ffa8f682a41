/**
 * Constant-speed sampling along a path that grows while it is flown: the
 * incremental form of `flySurvey`. Sample k lies at arc length k·spacingM
 * along the straight legs appended so far (the same rule and arithmetic as
 * `flySurvey`, so appending a survey plan's legs one by one gives its track
 * position for position; tested), and a leg yields the samples that fall on
 * it once it is appended. Turns are points (a multirotor's, as in the
 * survey).
 */
import type { Leg } from './survey.js';
import type { FlownPoints } from './world.js';

export interface PathPoint {
  readonly east: number;
  readonly north: number;
  readonly up: number;
}

export class PathFlyer {
  readonly spacingM: number;
  private readonly legs: Leg[] = [];
  /** Next sample's index. */
  private k = 0;
  private li = 0;
  private legStart = 0;
  private totalM = 0;
  private he: number;
  private hn: number;
  private last: PathPoint;

  /**
   * Starts at `start` heading (headingE, headingN) (a unit vector; the
   * heading of samples before the first horizontal leg). The first sample
   * is at the start point and comes with the first leg.
   */
  constructor(start: PathPoint, spacingM: number, headingE: number, headingN: number) {
    if (!(spacingM > 0)) throw new RangeError(`PathFlyer: spacingM must be > 0, got ${spacingM}`);
    this.spacingM = spacingM;
    this.last = start;
    this.he = headingE;
    this.hn = headingN;
  }

  /** Length of the path appended so far, m. */
  get lengthM(): number {
    return this.totalM;
  }

  /** End of the path so far. */
  get position(): PathPoint {
    return this.last;
  }

  /** Horizontal direction of the last horizontal leg (or the initial heading). */
  get heading(): readonly [number, number] {
    return [this.he, this.hn];
  }

  /** Samples yielded so far. */
  get samples(): number {
    return this.k;
  }

  /** Appends a straight leg to `to` and returns the samples that now lie on the path. */
  to(to: PathPoint): FlownPoints {
    const l = this.last;
    return this.append({ kind: 'transect', e0: l.east, n0: l.north, u0: l.up, e1: to.east, n1: to.north, u1: to.up, lengthM: Math.hypot(to.east - l.east, to.north - l.north, to.up - l.up) });
  }

  /** Appends a leg as planned (it should start where the path ends) and returns the samples that now lie on the path. */
  append(leg: Leg): FlownPoints {
    this.legs.push(leg);
    this.totalM += leg.lengthM;
    this.last = { east: leg.e1, north: leg.n1, up: leg.u1 };
    const ds = this.spacingM;
    // Samples with arc length <= the path's length; flySurvey's count allows
    // 1e-9 of a spacing of rounding at the very end.
    const upto = Math.floor(this.totalM / ds + 1e-9);
    const count = Math.max(0, upto - this.k + 1);
    const east = new Float64Array(count);
    const north = new Float64Array(count);
    const up = new Float64Array(count);
    const headingE = new Float64Array(count);
    const headingN = new Float64Array(count);
    const legs = this.legs;
    if (this.k === 0 && legs.length === 1) this.setHeading(legs[0]!);
    for (let q = 0; q < count; q++) {
      const s = this.k * ds;
      while (this.li + 1 < legs.length && s > this.legStart + legs[this.li]!.lengthM) {
        this.legStart += legs[this.li]!.lengthM;
        this.li++;
        this.setHeading(legs[this.li]!);
      }
      const g = legs[this.li]!;
      const f = g.lengthM > 0 ? Math.min(1, (s - this.legStart) / g.lengthM) : 0;
      east[q] = g.e0 + f * (g.e1 - g.e0);
      north[q] = g.n0 + f * (g.n1 - g.n0);
      up[q] = g.u0 + f * (g.u1 - g.u0);
      headingE[q] = this.he;
      headingN[q] = this.hn;
      this.k++;
    }
    return { count, east, north, up, headingE, headingN };
  }

  private setHeading(l: Leg): void {
    const h = Math.hypot(l.e1 - l.e0, l.n1 - l.n0);
    if (h > 0) {
      this.he = (l.e1 - l.e0) / h;
      this.hn = (l.n1 - l.n0) / h;
    }
  }
}
