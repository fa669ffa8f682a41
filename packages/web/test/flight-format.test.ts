/**
 * Formatting and form reading for flight operations, with known answers:
 * time after take-off, distances and areas in both locales, altitude bands,
 * the survey form (every field's problem, and a good form's request).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAltitudeBands } from '../src/flight/altitude-bands.js';
import { MAX_AREA_KM2, readSurveyForm, utcFromLocalInput, vehicleFormValues, type SurveyFormValues } from '../src/flight/survey-form.js';
import { formatAreaKm2, formatDistance } from '../src/format/distance.js';
import { formatIsoUtc } from '../src/format/numbers.js';
import { formatTimeOffset } from '../src/format/time-offset.js';
import { rectangleRing } from '../src/geo/ring-geometry.js';

test('time after take-off as hh:mm:ss', () => {
  assert.equal(formatTimeOffset(0), '00:00:00');
  assert.equal(formatTimeOffset(59.4), '00:00:59');
  assert.equal(formatTimeOffset(59.5), '00:01:00', 'rounded to the second');
  assert.equal(formatTimeOffset(1093.4), '00:18:13');
  assert.equal(formatTimeOffset(3725), '01:02:05');
  assert.equal(formatTimeOffset(90_000), '25:00:00', 'hours beyond a day');
  assert.equal(formatTimeOffset(-5), '−00:00:05');
  assert.equal(formatTimeOffset(-0.2), '00:00:00', 'no sign on zero');
  assert.equal(formatTimeOffset(Number.NaN), '—');
});

test('distances and areas in English and Latin-American Spanish', () => {
  assert.equal(formatDistance('en', 457.3), '457 m');
  assert.equal(formatDistance('en', 18_100), '18.1 km');
  assert.equal(formatDistance('en', 1_234_567), '1,235 km');
  assert.equal(formatDistance('es-419', 18_100), '18.1 km');
  assert.equal(formatDistance('es-419', 1_234_567), '1,235 km');
  assert.equal(formatDistance('en', Number.POSITIVE_INFINITY), '—');
  assert.equal(formatAreaKm2('en', 641_234), '0.641 km²');
  assert.equal(formatAreaKm2('es-419', 12_345_678), '12.3 km²');
  assert.equal(formatIsoUtc('en', '2026-05-01T10:18:13.400Z'), 'May 1, 2026, 10:18:13 UTC');
  assert.equal(formatIsoUtc('en', 'soon'), 'soon');
});

test('altitude bands as typed', () => {
  assert.deepEqual(parseAltitudeBands('30'), { ok: true, bands: [30] });
  assert.deepEqual(parseAltitudeBands(' 30, 50;80  100.5 '), { ok: true, bands: [30, 50, 80, 100.5] });
  assert.deepEqual(parseAltitudeBands(''), { ok: false, problem: 'empty' });
  assert.deepEqual(parseAltitudeBands('30, abc'), { ok: false, problem: 'notNumber', token: 'abc' });
  assert.deepEqual(parseAltitudeBands('1e2'), { ok: false, problem: 'notNumber', token: '1e2' });
  assert.deepEqual(parseAltitudeBands('30, 600'), { ok: false, problem: 'outOfRange', token: '600' });
  assert.deepEqual(parseAltitudeBands('0.5'), { ok: false, problem: 'outOfRange', token: '0.5' });
  assert.deepEqual(parseAltitudeBands('1 2 3 4 5 6 7 8 9 10 11'), { ok: false, problem: 'tooMany' });
});

test('a take-off time typed in a datetime-local field is read as UTC', () => {
  assert.equal(utcFromLocalInput('2026-05-01T10:00'), '2026-05-01T10:00:00.000Z');
  assert.equal(utcFromLocalInput('2026-05-01T10:00:30'), '2026-05-01T10:00:30.000Z');
  assert.equal(utcFromLocalInput('2026-02-31T10:00'), null, '31 February is not a date');
  assert.equal(utcFromLocalInput('2026-05-01T25:00'), null);
  assert.equal(utcFromLocalInput('tomorrow'), null);
});

const good: SurveyFormValues = {
  name: '  North estate ',
  windSpeed: '4',
  windFrom: '360',
  stability: 'E',
  altitudes: '30, 50',
  vehicleType: 'fixed-wing',
  ...vehicleFormValues('fixed-wing'),
  startUtc: '2026-05-01T06:30',
};
const area = rectangleRing([5.11, 52.085], [5.13, 52.097]);

test('a good survey form becomes the request', () => {
  assert.deepEqual(vehicleFormValues('fixed-wing'), { speed: '18', turnRadius: '50', enduranceMin: '60', reservePct: '20' });
  assert.deepEqual(vehicleFormValues('multirotor'), { speed: '10', turnRadius: '0', enduranceMin: '25', reservePct: '25' });
  const r = readSurveyForm(good, area, 'national-nl');
  assert.ok(r.ok);
  assert.deepEqual(r.request, {
    name: 'North estate',
    area,
    windSpeedMps: 4,
    windFromDeg: 0,
    stability: 'E',
    altitudesM: [30, 50],
    vehicleType: 'fixed-wing',
    vehicle: { cruiseSpeedMps: 18, turnRadiusM: 50, enduranceS: 3600, reserveFraction: 0.2 },
    home: null,
    startTime: '2026-05-01T06:30:00.000Z',
    authorityId: 'national-nl',
  });
  const unnamed = readSurveyForm({ ...good, name: ' ', startUtc: '' }, area, null);
  assert.ok(unnamed.ok);
  assert.deepEqual([unnamed.request.name, unnamed.request.startTime, unnamed.request.authorityId], [null, null, null]);
  const launched = readSurveyForm(good, area, null, [5.12, 52.09]);
  assert.ok(launched.ok);
  assert.deepEqual(launched.request.home, [5.12, 52.09]);
});

test('a bad survey form names each field\'s problem by its message key', () => {
  const r = readSurveyForm({ ...good, windSpeed: '', windFrom: '400', altitudes: '30, 900', speed: '0', turnRadius: '-1', enduranceMin: 'x', reservePct: '95', startUtc: '2026-13-01T00:00', name: 'n'.repeat(201) }, null, null);
  assert.ok(!r.ok);
  assert.deepEqual(
    Object.fromEntries(Object.entries(r.problems).map(([k, v]) => [k, v.key])),
    {
      area: 'survey.error.noArea',
      windSpeed: 'survey.error.number',
      windFrom: 'survey.error.range',
      altitudes: 'survey.error.band',
      speed: 'survey.error.rangeAbove',
      turnRadius: 'survey.error.range',
      enduranceMin: 'survey.error.number',
      reservePct: 'survey.error.range',
      startUtc: 'survey.error.time',
      name: 'survey.error.nameLong',
    },
  );
  assert.deepEqual(r.problems.altitudes?.values, { band: '900', min: 1, max: 500 });
  const calm = readSurveyForm({ ...good, windSpeed: '0.5' }, area, null);
  assert.ok(!calm.ok && calm.problems.windSpeed?.key === 'survey.error.range', 'below 1 m/s a plume survey means nothing');
  // The whole world in view is not a survey area.
  const world = readSurveyForm(good, rectangleRing([-170, -60], [170, 70]), null);
  assert.ok(!world.ok);
  assert.equal(world.problems.area?.key, 'survey.error.areaTooLarge');
  assert.equal(world.problems.area?.values?.['max'], MAX_AREA_KM2);
});
