/**
 * Mission files for the tests. CROSSING_WPL: Mission Planner's QGC WPL 110
 * text of a flight from Twente east across the Dutch–German border and back
 * (52.25° N, 6.85° E → 7.15° E → 6.85° E at 40 m above home), the plan the
 * server's own tests refuse at export.
 */
const row = (i: number, current: number, frame: number, cmd: number, lat: number, lon: number, alt: number): string =>
  [i, current, frame, cmd, 0, 0, 0, 0, lat.toFixed(8), lon.toFixed(8), alt.toFixed(6), 1].join('\t');

export const CROSSING_WPL = [
  'QGC WPL 110',
  row(0, 1, 0, 16, 52.25, 6.85, 0),
  row(1, 0, 3, 16, 52.25, 6.85, 40),
  row(2, 0, 3, 16, 52.25, 7.15, 40),
  row(3, 0, 3, 16, 52.25, 6.85, 40),
  '',
].join('\r\n');
