import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ChemicalTable, NarizError, STABILITY_UNKNOWN, builtinChemicals, isNarizError, type ErrorCode } from '@nariz/core';
import { SORTIE_WARNING_CODES, parseSortieCsv } from '../src/index.js';

const GOLDEN = new URL('../../test/in/golden-sortie.csv', import.meta.url);

/** kg/m^3 per ppm at (T, p): p M / (R T) * 1e-6, computed independently of core. */
const perPpm = (molarMassGmol: number, tempC: number, pressureHpa: number): number =>
  (1e-6 * (pressureHpa * 100) * (molarMassGmol / 1000)) / (8.314462618 * (tempC + 273.15));

const near = (actual: number, expected: number, rel = 1e-12, what = ''): void => {
  assert.ok(Math.abs(actual - expected) <= rel * Math.max(Math.abs(expected), 1e-300), `${what}: ${actual} != ${expected}`);
};

const UV_HEADER = 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,acetone_ppb';
const uvCsv = (...rows: string[]): string => [UV_HEADER, ...rows].join('\n') + '\n';
const GOOD_ROW = '1772366400,19.43,-99.13,30,1.5,-2,12.5';

test('golden file: speed/direction wind, ISO and Unix time, four units, temp/pressure, path rows', () => {
  const r = parseSortieCsv(readFileSync(GOLDEN, 'utf8'), { fileName: 'golden-sortie.csv' });
  const s = r.sortie;
  assert.equal(s.count, 4);
  assert.equal(r.rowsRead, 4);
  assert.equal(r.rowsSkipped, 0);
  assert.deepEqual([...s.timeS], [1772366400, 1772366401.5, 1772366402.25, 1772366403]);
  assert.deepEqual([...s.lat], [19.4326, 19.4327, 19.4328, 19.4329]);
  assert.deepEqual([...s.altAglM], [30, 35.5, 40, 0]);
  // From 270 (west) blows toward east; from 360 = 0 (north) blows toward south; -90 normalises to 270.
  near(s.windU[0]!, 4, 1e-15, 'u0');
  assert.ok(Math.abs(s.windV[0]!) < 1e-12);
  assert.ok(Math.abs(s.windU[1]!) < 1e-12);
  near(s.windV[1]!, -2, 1e-15, 'v1');
  near(s.windU[2]!, 3, 1e-15, 'u2');
  assert.ok(Math.abs(s.windU[3]!) === 0 && Math.abs(s.windV[3]!) === 0, 'calm');
  assert.deepEqual([...s.stability], [3, 1, STABILITY_UNKNOWN, 5]);
  assert.deepEqual([...s.tempC], [25, 25, 0, 30]);
  assert.deepEqual([...s.pressureHpa], [1013.25, 1013.25, 800, 900]);

  assert.deepEqual(s.species.map((x) => [x.key, x.chemical, x.unit]), [
    ['acetone', 'ACETONE', 'ppm'],
    ['hcl', 'HYDROGEN CHLORIDE', 'ppb'],
    ['methyl_ethyl_ketone', 'METHYL ETHYL KETONE', 'ugm3'],
    ['toluene', 'TOLUENE', 'mgm3'],
  ]);
  const [acetone, hcl, mek, toluene] = s.species;
  // Known answer: 1 ppm acetone (58.08 g/mol) at 25 °C and 1013.25 hPa is 2.3740e-6 kg/m^3.
  near(acetone!.kgM3[0]!, 2.3740e-6, 1e-4, 'acetone 1 ppm');
  near(acetone!.kgM3[0]!, perPpm(58.08, 25, 1013.25), 1e-12, 'acetone row 0');
  near(acetone!.kgM3[1]!, 2 * perPpm(58.08, 25, 1013.25), 1e-12, 'acetone row 1 (defaults)');
  // Row temperature and pressure change the mixing-ratio conversion: 0 °C, 800 hPa.
  near(acetone!.kgM3[2]!, 2.0459e-6, 1e-4, 'acetone 1 ppm at 0 °C, 800 hPa');
  near(acetone!.kgM3[2]!, perPpm(58.08, 0, 800), 1e-12, 'acetone row 2');
  near(hcl!.kgM3[0]!, 1000e-3 * perPpm(36.46, 25, 1013.25), 1e-12, 'hcl 1000 ppb');
  near(hcl!.kgM3[1]!, -0.5e-3 * perPpm(36.46, 25, 1013.25), 1e-12, 'negative hcl is kept');
  // Mass units do not depend on temperature or pressure.
  near(mek!.kgM3[0]!, 500e-9, 1e-15, 'mek ugm3');
  near(toluene!.kgM3[0]!, 0.25e-6, 1e-15, 'toluene mgm3');

  assert.ok(s.endLat !== undefined && s.endLon !== undefined && s.endAltAglM !== undefined);
  assert.deepEqual([...s.endLat].map((x) => (Number.isNaN(x) ? null : x)), [null, null, 19.4338, null]);
  assert.deepEqual([...s.endLon].map((x) => (Number.isNaN(x) ? null : x)), [null, null, -99.132, null]);
  assert.deepEqual([...s.endAltAglM].map((x) => (Number.isNaN(x) ? null : x)), [null, null, 42, null]);

  assert.deepEqual(r.warnings.map((w) => [w.code, w.count, w.exampleLines]), [[SORTIE_WARNING_CODES.extraColumn, 1, [1]]]);
  assert.match(r.warnings[0]!.message, /"pilot_note"/);
});

test('u/v wind variant; BOM, CRLF, blanks, quoted header, case-insensitive names; no end_* arrays without the columns', () => {
  const text = '\uFEFF"TIME", Lat ,lon,alt_agl_m,wind_u_mps,wind_v_mps,CH4_PPM,stability\r\n\r\n  \r\n2026-03-01T12:00:00.125Z, 1.5 ,2,3,-1.25,2.5,1.9,a\r\n';
  const r = parseSortieCsv(text);
  assert.equal(r.sortie.count, 1);
  assert.equal(r.sortie.timeS[0], 1772366400.125);
  assert.equal(r.sortie.lat[0], 1.5);
  assert.equal(r.sortie.windU[0], -1.25);
  assert.equal(r.sortie.windV[0], 2.5);
  assert.equal(r.sortie.stability[0], 0);
  assert.equal(r.sortie.species[0]!.chemical, 'METHANE');
  near(r.sortie.species[0]!.kgM3[0]!, 1.9 * perPpm(16.04, 25, 1013.25), 1e-12, 'ch4');
  assert.equal(r.sortie.endLat, undefined);
  assert.equal('endLat' in r.sortie, false);
  assert.deepEqual(r.warnings, []);
});

test('both wind forms: u/v wins, one warning; unknown columns warn once each, not per row', () => {
  const text = 'time,lat,lon,alt_agl_m,wind_speed_mps,wind_from_deg,wind_u_mps,wind_v_mps,acetone_ppb,acetone_ppt,foo\n' +
    '0,0,0,0,99,0,1,2,3,4,x\n1,0,0,0,99,0,1,2,3,4,y\n2,0,0,0,99,0,1,2,3,4,z\n';
  const r = parseSortieCsv(text);
  assert.deepEqual([...r.sortie.windU], [1, 1, 1]);
  assert.deepEqual([...r.sortie.windV], [2, 2, 2]);
  const codes = r.warnings.map((w) => w.code);
  assert.deepEqual(codes, [SORTIE_WARNING_CODES.windBothForms, SORTIE_WARNING_CODES.extraColumn, SORTIE_WARNING_CODES.extraColumn]);
  assert.ok(r.warnings.every((w) => w.count === 1));
  assert.match(r.warnings[1]!.message, /"acetone_ppt".*ACETONE in unit "ppt"/);
});

test('time: offsets, fractions, leap day, out-of-order rows sorted stably with a warning', () => {
  const r = parseSortieCsv(uvCsv(
    '2024-02-29T23:59:59.5-05:30,0,0,0,0,0,1',
    '2024-03-01T05:29:59.5Z,0,0,0,0,0,2',
    '1709270999.5,0,0,0,0,0,3',
    '1000,0,0,0,0,0,4',
    '1709271000,0,0,0,0,0,5',
  ));
  const t = [...r.sortie.timeS];
  assert.deepEqual(t, [1000, 1709270999.5, 1709270999.5, 1709270999.5, 1709271000]);
  // Equal times keep file order: values 1, 2, 3.
  const ppb = r.sortie.species[0]!.kgM3;
  const order = [...ppb].map((x) => Math.round(x / ppb[0]! * 4));
  assert.deepEqual(order, [4, 1, 2, 3, 5]);
  const w = r.warnings.find((x) => x.code === SORTIE_WARNING_CODES.unsortedTime);
  assert.ok(w !== undefined);
  assert.equal(w.count, 1);
  assert.deepEqual(w.exampleLines, [5]);
});

test('a custom chemical table resolves species', () => {
  const table = new ChemicalTable([{ name: 'SAFROLE', cas: '94-59-7', molarMassGmol: 162.19, thresholds: {} }]);
  const r = parseSortieCsv('time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,safrole_ppb\n0,0,0,0,0,0,1\n', { chemicals: table });
  assert.equal(r.sortie.species[0]!.chemical, 'SAFROLE');
  assert.throws(() => parseSortieCsv(uvCsv(GOOD_ROW), { chemicals: table }), (e) => isNarizError(e, 'NARIZ_UNKNOWN_SPECIES'));
  assert.ok(builtinChemicals().lookup('acetone') !== undefined);
});

interface ErrorCase {
  readonly name: string;
  readonly text: string;
  readonly code: ErrorCode;
  readonly message: RegExp;
  readonly line?: number;
  readonly column?: string;
}

const ERROR_CASES: readonly ErrorCase[] = [
  { name: 'empty file', text: '', code: 'NARIZ_CSV_EMPTY', message: /empty/ },
  { name: 'only blank lines', text: '\n\r\n  \n', code: 'NARIZ_CSV_EMPTY', message: /empty/ },
  { name: 'header only', text: `${UV_HEADER}\n\n`, code: 'NARIZ_CSV_EMPTY', message: /header \(line 1\) but no sample rows/ },
  {
    name: 'missing required columns are listed with what was found',
    text: 'time,latitude,lon,wind_u_mps,acetone_ppb\n0,0,0,0,0\n',
    code: 'NARIZ_CSV_HEADER',
    message: /missing required column\(s\) "lat", "alt_agl_m", wind as .*found "time", "latitude", "lon", "wind_u_mps", "acetone_ppb"/,
    line: 1,
  },
  { name: 'no header row', text: `${GOOD_ROW}\n`, code: 'NARIZ_CSV_HEADER', message: /first line looks like data/, line: 1 },
  { name: 'no concentration column', text: 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps\n0,0,0,0,0,0\n', code: 'NARIZ_CSV_HEADER', message: /no concentration column/ },
  { name: 'unknown species names the column', text: 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,unobtainium_ppb\n', code: 'NARIZ_UNKNOWN_SPECIES', message: /species "unobtainium"/, line: 1, column: 'unobtainium_ppb' },
  { name: 'same species twice (alias and name)', text: `${UV_HEADER},hcl_ppb,hydrogen_chloride_ppm\n`, code: 'NARIZ_CSV_HEADER', message: /"hcl_ppb" and "hydrogen_chloride_ppm" are both HYDROGEN CHLORIDE/, column: 'hydrogen_chloride_ppm' },
  { name: 'same species twice (units differ)', text: `${UV_HEADER},acetone_ppm\n`, code: 'NARIZ_CSV_HEADER', message: /both ACETONE/ },
  { name: 'duplicate column', text: `${UV_HEADER},lat\n`, code: 'NARIZ_CSV_HEADER', message: /"lat" appears twice/ },
  { name: 'end_* columns incomplete in header', text: `${UV_HEADER},end_lat,end_lon\n`, code: 'NARIZ_CSV_HEADER', message: /missing "end_alt_agl_m"/ },
  { name: 'bad number names line and column', text: uvCsv(GOOD_ROW, '', '1772366401,abc,-99.13,30,1.5,-2,12.5'), code: 'NARIZ_CSV_VALUE', message: /^s\.csv, line 4, column "lat": "abc" is not a number$/, line: 4, column: 'lat' },
  { name: 'NaN text', text: uvCsv('1772366401,NaN,-99.13,30,1.5,-2,12.5'), code: 'NARIZ_CSV_VALUE', message: /"NaN" is not a finite number/, column: 'lat' },
  { name: 'Infinity text', text: uvCsv('1772366401,1,-99.13,30,1.5,-2,-Infinity'), code: 'NARIZ_CSV_VALUE', message: /not a finite number/, column: 'acetone_ppb' },
  { name: 'overflow', text: uvCsv('1772366401,1,-99.13,1e999,1.5,-2,1'), code: 'NARIZ_CSV_VALUE', message: /outside the range of a double/, column: 'alt_agl_m' },
  { name: 'hex is not decimal', text: uvCsv('1772366401,1,-99.13,0x10,1.5,-2,1'), code: 'NARIZ_CSV_VALUE', message: /"0x10" is not a number/, column: 'alt_agl_m' },
  { name: 'empty required cell', text: uvCsv('1772366401,1,,30,1.5,-2,1'), code: 'NARIZ_CSV_VALUE', message: /empty cell; "lon"/, line: 2, column: 'lon' },
  { name: 'empty concentration', text: uvCsv('1772366401,1,2,30,1.5,-2, '), code: 'NARIZ_CSV_VALUE', message: /empty cell/, column: 'acetone_ppb' },
  { name: 'empty time', text: uvCsv(',1,2,30,1.5,-2,1'), code: 'NARIZ_CSV_VALUE', message: /empty cell; "time" is required/, column: 'time' },
  { name: 'latitude out of range', text: uvCsv('1772366401,90.5,-99.13,30,1.5,-2,12.5'), code: 'NARIZ_CSV_VALUE', message: /latitude 90\.5 is outside \[-90, 90\]/, column: 'lat' },
  { name: 'longitude out of range', text: uvCsv('1772366401,9,-180.01,30,1.5,-2,12.5'), code: 'NARIZ_CSV_VALUE', message: /longitude -180\.01/, column: 'lon' },
  { name: 'negative height', text: uvCsv('1772366401,9,-99,-0.1,1.5,-2,12.5'), code: 'NARIZ_CSV_VALUE', message: /height above ground -0\.1 m is negative/, column: 'alt_agl_m' },
  { name: 'negative wind speed', text: 'time,lat,lon,alt_agl_m,wind_speed_mps,wind_from_deg,acetone_ppb\n0,0,0,0,-1,0,0\n', code: 'NARIZ_CSV_VALUE', message: /wind speed -1/, column: 'wind_speed_mps' },
  { name: 'temperature in kelvin', text: 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,temp_c,acetone_ppb\n0,0,0,0,0,0,293.15,0\n', code: 'NARIZ_CSV_VALUE', message: /293\.15 °C is outside the plausible -80\.\.70/, column: 'temp_c' },
  { name: 'pressure in kPa', text: 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,pressure_hpa,acetone_ppb\n0,0,0,0,0,0,101.3,0\n', code: 'NARIZ_CSV_VALUE', message: /101\.3 hPa is outside/, column: 'pressure_hpa' },
  { name: 'bad stability', text: 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,stability,acetone_ppb\n0,0,0,0,0,0,G,0\n', code: 'NARIZ_CSV_VALUE', message: /"G" is not a Pasquill–Gifford class/, column: 'stability' },
  { name: 'time without zone', text: uvCsv('2026-03-01T12:00:00,1,2,3,4,5,6'), code: 'NARIZ_CSV_VALUE', message: /no time-zone designator; append "Z"/, column: 'time' },
  { name: 'date without time', text: uvCsv('2026-03-01,1,2,3,4,5,6'), code: 'NARIZ_CSV_VALUE', message: /without a time of day/, column: 'time' },
  { name: 'impossible date', text: uvCsv('2025-02-29T00:00:00Z,1,2,3,4,5,6'), code: 'NARIZ_CSV_VALUE', message: /day 29 does not exist in 2025-02/, column: 'time' },
  { name: 'garbage time', text: uvCsv('noon,1,2,3,4,5,6'), code: 'NARIZ_CSV_VALUE', message: /"noon" is neither Unix seconds nor an ISO 8601 time/, column: 'time' },
  { name: 'too few cells', text: uvCsv(GOOD_ROW, '1772366401,19.43,-99.13,30,1.5,-2'), code: 'NARIZ_CSV_SHAPE', message: /line 3: expected 7 cells as in the header, found 6/, line: 3 },
  { name: 'too many cells', text: uvCsv(`${GOOD_ROW},`), code: 'NARIZ_CSV_SHAPE', message: /found 8/, line: 2 },
  { name: 'quote inside an unquoted cell', text: uvCsv('1772366401,19"43,-99.13,30,1.5,-2,1'), code: 'NARIZ_CSV_SHAPE', message: /broken quoting/, line: 2 },
  { name: 'text after closing quote', text: uvCsv('1772366401,"19"x,-99.13,30,1.5,-2,1'), code: 'NARIZ_CSV_SHAPE', message: /after a closing quote/, line: 2 },
  { name: 'unterminated quote', text: uvCsv(GOOD_ROW, '1772366401,"19.43,-99.13,30,1.5,-2,1', GOOD_ROW), code: 'NARIZ_CSV_SHAPE', message: /unterminated quoted cell \(the opening quote is on line 3\)/, line: 3 },
  {
    name: 'half-filled end_* triple',
    text: 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,end_lat,end_lon,end_alt_agl_m,acetone_ppb\n0,0,0,0,0,0,1,2,,0\n',
    code: 'NARIZ_CSV_VALUE',
    message: /all filled \(or all empty.*filled: end_lat, end_lon/,
    line: 2,
    column: 'end_alt_agl_m',
  },
];

for (const c of ERROR_CASES) {
  test(`error: ${c.name}`, () => {
    assert.throws(
      () => parseSortieCsv(c.text, { fileName: 's.csv' }),
      (e: unknown) => {
        assert.ok(e instanceof NarizError, `not a NarizError: ${String(e)}`);
        assert.equal(e.code, c.code, e.message);
        assert.match(e.message, c.message);
        if (c.line !== undefined) assert.equal(e.location?.line, c.line, e.message);
        if (c.column !== undefined) assert.equal(e.location?.column, c.column, e.message);
        assert.equal(e.location?.file, 's.csv');
        return true;
      },
    );
  });
}

test('quoted cells may hold commas, doubled quotes and line breaks; line numbers stay physical', () => {
  const text = 'time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,acetone_ppb,note\n' +
    '0,0,0,0,0,0,1,"a,b ""c""\nsecond line\r\nthird"\n' +
    '"1","2",3,4,5,6,7,\n' +
    '2,x,0,0,0,0,1,\n';
  assert.throws(() => parseSortieCsv(text), (e) => isNarizError(e, 'NARIZ_CSV_VALUE') && e.location?.line === 6 && e.location.column === 'lat');
  const ok = parseSortieCsv(text.split('\n').slice(0, 5).join('\n'));
  assert.deepEqual([...ok.sortie.lat], [0, 2]);
});

test('lenient: bad rows are skipped and counted per problem with example lines; good rows kept', () => {
  const text = uvCsv(
    GOOD_ROW, // line 2
    '1772366401,abc,-99.13,30,1.5,-2,12.5', // 3: lat not a number
    '1772366402,19.43,-99.13,30,1.5,-2', // 4: too few cells
    '1772366403,xyz,-99.13,30,1.5,-2,12.5', // 5: lat not a number
    '1772366404,19.44,-99.13,30,1.5,-2,-0.7', // 6: good (negative allowed)
    '1772366405,91,-99.13,30,1.5,-2,12.5', // 7: lat out of range
  );
  const r = parseSortieCsv(text, { lenient: true, fileName: 's.csv' });
  assert.equal(r.rowsRead, 6);
  assert.equal(r.rowsSkipped, 4);
  assert.equal(r.sortie.count, 2);
  assert.deepEqual([...r.sortie.lat], [19.43, 19.44]);
  const byCode = r.warnings.map((w) => ({ code: w.code, count: w.count, lines: w.exampleLines }));
  assert.deepEqual(byCode, [
    { code: 'NARIZ_CSV_VALUE', count: 2, lines: [3, 5] },
    { code: 'NARIZ_CSV_SHAPE', count: 1, lines: [4] },
    { code: 'NARIZ_CSV_VALUE', count: 1, lines: [7] },
  ]);
  assert.match(r.warnings[0]!.message, /skipped 2 row\(s\) like this; first: s\.csv, line 3, column "lat": "abc" is not a number/);
});

test('lenient: example lines are capped, counts are not; all rows bad is NARIZ_CSV_EMPTY', () => {
  const bad = Array.from({ length: 50 }, (_, i) => `${i},nope,0,0,0,0,0`);
  const r = parseSortieCsv(uvCsv(...bad, GOOD_ROW), { lenient: true });
  assert.equal(r.warnings[0]!.count, 50);
  assert.deepEqual(r.warnings[0]!.exampleLines, [2, 3, 4, 5, 6]);
  assert.throws(() => parseSortieCsv(uvCsv(...bad), { lenient: true }), (e) => isNarizError(e, 'NARIZ_CSV_EMPTY') && /all 50 sample rows were skipped/.test(e.message));
  // Header faults are never skippable.
  assert.throws(() => parseSortieCsv('time,lat\n0,0\n', { lenient: true }), (e) => isNarizError(e, 'NARIZ_CSV_HEADER'));
});
