/**
 * Fly-by turns. At a waypoint where the track turns by Δ, a vehicle with
 * turn radius R leaves the incoming leg a tangent length t = R·tan(Δ/2)
 * before the waypoint and joins the outgoing leg t after it, flying an arc
 * of length R·Δ instead of the 2t of straight legs it cuts off.
 *
 * The tangent cannot use more than half of either leg (the other half
 * belongs to the neighbouring turn); when it would, the turn is flown on
 * the largest radius that fits and `tight` reports that the vehicle's radius
 * does not fit (a fixed-wing would overshoot; the survey planner spaces its
 * lines so this does not happen).
 */

export interface FlyByTurn {
  /** Heading change, radians in [0, π]. */
  readonly headingChangeRad: number;
  /** Straight length cut from each adjacent leg, m. */
  readonly tangentM: number;
  readonly arcM: number;
  /** Radius actually flown, m. */
  readonly radiusM: number;
  /** The vehicle's radius did not fit between the neighbouring turns. */
  readonly tight: boolean;
}

const NO_TURN: FlyByTurn = { headingChangeRad: 0, tangentM: 0, arcM: 0, radiusM: 0, tight: false };

/**
 * The turn between an incoming horizontal direction (dx0, dy0) of length
 * lenIn and an outgoing one (dx1, dy1) of length lenOut.
 */
export function flyByTurn(dx0: number, dy0: number, lenIn: number, dx1: number, dy1: number, lenOut: number, radiusM: number): FlyByTurn {
  if (radiusM <= 0 || lenIn < 1e-6 || lenOut < 1e-6) return NO_TURN;
  const cos = (dx0 * dx1 + dy0 * dy1) / (lenIn * lenOut);
  const delta = Math.acos(Math.max(-1, Math.min(1, cos)));
  if (delta < 1e-9) return NO_TURN;
  const available = Math.min(lenIn, lenOut) / 2;
  // A reversal (Δ = π) has an infinite tangent: it can only be flown as a loop, i.e. always tight.
  const half = Math.tan(delta / 2);
  const want = Number.isFinite(half) ? radiusM * half : Infinity;
  if (want <= available) return { headingChangeRad: delta, tangentM: want, arcM: radiusM * delta, radiusM, tight: false };
  const r = Number.isFinite(half) && half > 0 ? available / half : 0;
  return { headingChangeRad: delta, tangentM: available, arcM: r * delta, radiusM: r, tight: true };
}
