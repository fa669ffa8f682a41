/**
 * Locate benchmark: accuracy of `locateSortie` against the plume-science
 * targets on seeded simulated sorties, and its speed end to end (CSV read +
 * locate) on a 10,000-sample sortie.
 *
 *   npm run bench -- locate
 *   node packages/plume/dist/bench/locate.bench.js [--quick] [--repeat R] [--no-speed] [--json OUT] [--strict]
 *
 * --quick   4 scenarios and 3 timed repetitions instead of 16 and 5.
 * --repeat  run the matrix R times, seeds shifted by 100 each time (R = 3
 *           gives 48 scenarios: a less noisy verdict on a change than 16).
 * --no-speed  accuracy only.
 * --json    also write every per-scenario row, the summary and the timings to OUT.
 * --strict  exit 1 when a target fails (by default the bench reports and exits 0).
 *
 * Accuracy: each scenario is `randomScenario(seed, { speedMps, stability,
 * labs, decoys, samples: 10000 })` from the simulator (1.4 km square area,
 * wind direction and source placement drawn from the seed), optionally with
 * the stability column removed (`reportStability = false`, so the estimator
 * infers the class), simulated and located with default options. Truth is
 * projected into the result's frame (LocalFrame at result.origin) and scored
 * by ./scoring.ts, whose header defines matching and every metric.
 *
 * The simulator is loaded from its compiled output by relative path: plume
 * cannot depend on @nariz/sim (sim depends on plume), nor does it depend on
 * @nariz/formats; `npm run bench` builds everything first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalFrame, type Sortie, type StabilityClass } from '@nariz/core';
import { locateSortie, type LocateResult } from '../src/index.js';
import {
  DEFAULT_TARGETS,
  LAB_PROBABILITY,
  MATCH_GATE_M,
  RATE_SPECIES,
  REPORT_PROBABILITY,
  scoreScenario,
  summarise,
  timingStats,
  verdicts,
  type ScenarioScore,
  type TruthPoint,
} from './scoring.js';

// ------------------------------------------------------------ module loading

/** The parts of @nariz/sim this bench uses (checked at run time). */
interface SimScenario {
  seed: number;
  stability: StabilityClass;
  reportStability: boolean;
  areaM: { width: number; height: number };
  wind: { speedMps: number; fromDeg: number; meanderSdDeg: number };
  survey: { sampleHz: number };
}
interface SimTruthSource {
  id: string;
  profile: string;
  kind: 'target' | 'decoy';
  lat: number;
  lon: number;
  rateGps: Record<string, number>;
}
interface SimModule {
  randomScenario(seed: number, opts: { labs?: number; decoys?: number; speedMps?: number; stability?: StabilityClass; samples?: number }): SimScenario;
  simulate(s: SimScenario): { sortie: Sortie; truth: { sources: SimTruthSource[] } };
}
/** The parts of @nariz/formats this bench uses. */
interface FormatsModule {
  writeSortieCsv(sortie: Sortie): string;
  readSortieCsvFile(path: string): Promise<{ sortie: Sortie }>;
}

async function load<T>(rel: string, functions: readonly string[]): Promise<T> {
  const url = new URL(rel, import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new Error(`${fileURLToPath(url)} is missing; run \`npm run build\` first`);
  const mod = (await import(url.href)) as Record<string, unknown>;
  for (const f of functions) if (typeof mod[f] !== 'function') throw new Error(`${rel} does not export function ${f}`);
  return mod as unknown as T;
}

// ------------------------------------------------------------------ options

const USAGE = 'usage: node packages/plume/dist/bench/locate.bench.js [--quick] [--repeat R] [--no-speed] [--json OUT] [--strict]';
let quick = false;
let repeat = 1;
let speed = true;
let strict = false;
let jsonOut: string | undefined;
{
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--quick') quick = true;
    else if (a === '--strict') strict = true;
    else if (a === '--no-speed') speed = false;
    else if (a === '--repeat' && args[i + 1] !== undefined) {
      repeat = Number(args[++i]);
      if (!Number.isInteger(repeat) || repeat < 1 || repeat > 50) {
        console.error(`--repeat wants a whole number 1..50\n${USAGE}`);
        process.exit(2);
      }
    }
    else if (a === '--json' && args[i + 1] !== undefined) jsonOut = args[++i];
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`unknown or incomplete argument ${a}\n${USAGE}`);
      process.exit(2);
    }
  }
}

const SAMPLES = 10_000;
const SPEED_REPS = quick ? 3 : 5;

interface Case {
  readonly name: string;
  readonly seed: number;
  readonly speedMps: number;
  readonly stability: StabilityClass;
  readonly labs: number;
  readonly decoys: number;
  /** Whether the sortie carries the stability column. */
  readonly stabilityColumn: boolean;
  readonly quick: boolean;
}

/** Winds 2.5–8 m/s with the Pasquill classes plausible for each (randomScenario's table); 29 labs and 24 decoys in all. */
const MATRIX: readonly Case[] = (
  [
    // seed, wind, class, labs, decoys, stability column, in --quick
    [1001, 2.5, 'B', 1, 1, true, false],
    [1002, 2.5, 'C', 2, 2, true, false],
    [1003, 2.5, 'E', 1, 2, true, false],
    [1004, 2.5, 'F', 2, 1, true, true],
    [1005, 4, 'B', 3, 1, true, false],
    [1006, 4, 'C', 1, 2, true, false],
    [1007, 4, 'D', 2, 1, true, false],
    [1008, 4, 'E', 3, 2, true, false],
    [1009, 6, 'D', 1, 1, true, false],
    [1010, 6, 'D', 2, 2, true, true],
    [1011, 8, 'D', 1, 2, true, false],
    [1012, 8, 'D', 3, 1, true, true],
    [1013, 2.5, 'F', 1, 2, false, false],
    [1014, 4, 'C', 2, 2, false, true],
    [1015, 6, 'D', 3, 1, false, false],
    [1016, 8, 'D', 1, 1, false, false],
  ] as const
).map(([seed, speedMps, stability, labs, decoys, stabilityColumn, q]) => ({
  name: `s${seed}`,
  seed,
  speedMps,
  stability,
  labs,
  decoys,
  stabilityColumn,
  quick: q,
}));

/** Issue #2's speed target for locating a 10,000-sample sortie, s. */
const SPEED_TARGET_S = 1;

/** The speed run: a typical sortie with its stability column, as `nariz locate` sees it. */
const SPEED_CASE = { seed: 2001, speedMps: 4, stability: 'C' as StabilityClass, labs: 2, decoys: 1 };

// ------------------------------------------------------------------ helpers

const nowS = (): number => Number(process.hrtime.bigint()) / 1e9;
const log = (msg: string): void => void process.stderr.write(`${msg}\n`);
const f1 = (x: number | null): string => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(1));
const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : 'n/a');

function machine(): string {
  const c = cpus();
  return `${c[0]?.model.trim() ?? 'unknown cpu'} × ${c.length}, node ${process.version}, ${platform()} ${arch()}`;
}

/** Truth projected into the result's frame (LocalFrame at result.origin), then scored. */
function scoreResult(result: LocateResult, truth: readonly SimTruthSource[]): { truth: TruthPoint[]; score: ScenarioScore } {
  const frame = new LocalFrame(result.origin);
  const pts: TruthPoint[] = truth.map((t) => {
    const [east, north] = frame.project(t.lat, t.lon);
    return { id: t.id, kind: t.kind, profile: t.profile, east, north, rateGps: t.rateGps };
  });
  return { truth: pts, score: scoreScenario(pts, result.sources) };
}

// ------------------------------------------------------------------ accuracy

interface Row {
  readonly case: Case;
  readonly fromDeg: number;
  readonly meanderSdDeg: number;
  readonly sampleHz: number;
  readonly samples: number;
  readonly locateS: number;
  readonly stabilitySource: string;
  readonly stabilityPosterior: Record<string, number>;
  readonly diagnostics: LocateResult['diagnostics'];
  /** Frame of `truth` and `estimates` east/north. */
  readonly origin: LocateResult['origin'];
  readonly truth: readonly TruthPoint[];
  readonly estimates: ReadonlyArray<{ east: number; north: number; probability: number; labProbability: number; classified: boolean; positionCi95M: number }>;
  readonly score: ScenarioScore;
}

async function accuracy(sim: SimModule, cases: readonly Case[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [i, c] of cases.entries()) {
    const sc = sim.randomScenario(c.seed, { speedMps: c.speedMps, stability: c.stability, labs: c.labs, decoys: c.decoys, samples: SAMPLES });
    sc.reportStability = c.stabilityColumn;
    const { sortie, truth } = sim.simulate(sc);
    const t0 = nowS();
    const result = locateSortie(sortie);
    const locateS = nowS() - t0;
    const { truth: truthPts, score } = scoreResult(result, truth.sources);
    log(
      `[${i + 1}/${cases.length}] ${c.name} wind ${c.speedMps} m/s ${c.stability}${c.stabilityColumn ? '' : ' (no column)'}: ` +
        `${result.sources.length} estimates, labs ${score.labsFound}/${score.labs}, locate ${locateS.toFixed(1)} s`,
    );
    rows.push({
      case: c,
      fromDeg: sc.wind.fromDeg,
      meanderSdDeg: sc.wind.meanderSdDeg,
      sampleHz: sc.survey.sampleHz,
      samples: sortie.count,
      locateS,
      stabilitySource: result.stability.source,
      stabilityPosterior: result.stability.posterior,
      diagnostics: result.diagnostics,
      origin: result.origin,
      truth: truthPts,
      estimates: result.sources.map((s) => ({ east: s.east, north: s.north, probability: s.probability, labProbability: s.labProbability, classified: s.classified, positionCi95M: s.positionCi95M })),
      score,
    });
  }
  return rows;
}

// ------------------------------------------------------------------ speed

interface Speed {
  readonly samples: number;
  readonly extentM: { east: number; north: number };
  readonly csvBytes: number;
  readonly reps: number;
  readonly readS: ReturnType<typeof timingStats>;
  readonly locateS: ReturnType<typeof timingStats>;
  readonly totalS: ReturnType<typeof timingStats>;
  /** `nariz locate FILE --json` as a fresh process (cold JIT, new workers): wall time, s; undefined when the CLI is not built. */
  readonly cliWallS: ReturnType<typeof timingStats> | undefined;
  readonly sink: number;
}

async function runSpeed(sim: SimModule, formats: FormatsModule): Promise<Speed> {
  const c = SPEED_CASE;
  const sc = sim.randomScenario(c.seed, { speedMps: c.speedMps, stability: c.stability, labs: c.labs, decoys: c.decoys, samples: SAMPLES });
  const { sortie } = sim.simulate(sc);
  const frame = new LocalFrame({ lat: sortie.lat[0]!, lon: sortie.lon[0]! });
  let minE = Infinity;
  let maxE = -Infinity;
  let minN = Infinity;
  let maxN = -Infinity;
  for (let i = 0; i < sortie.count; i++) {
    const [e, n] = frame.project(sortie.lat[i]!, sortie.lon[i]!);
    minE = Math.min(minE, e);
    maxE = Math.max(maxE, e);
    minN = Math.min(minN, n);
    maxN = Math.max(maxN, n);
  }
  const dir = mkdtempSync(join(tmpdir(), 'nariz-locate-bench-'));
  try {
    const path = join(dir, 'sortie.csv');
    const csv = formats.writeSortieCsv(sortie);
    writeFileSync(path, csv);
    let sink = 0;
    const once = async (): Promise<{ read: number; locate: number }> => {
      const t0 = nowS();
      const { sortie: s } = await formats.readSortieCsvFile(path);
      const t1 = nowS();
      const r = locateSortie(s);
      const t2 = nowS();
      sink += s.count + r.sources.length + r.sources.reduce((a, x) => a + x.east + x.north, 0);
      return { read: t1 - t0, locate: t2 - t1 };
    };
    log(`speed: warm-up (${sortie.count} samples)`);
    await once();
    const read: number[] = [];
    const loc: number[] = [];
    for (let r = 0; r < SPEED_REPS; r++) {
      const t = await once();
      read.push(t.read);
      loc.push(t.locate);
      log(`speed: rep ${r + 1}/${SPEED_REPS} read ${t.read.toFixed(3)} s, locate ${t.locate.toFixed(2)} s`);
    }
    // The same file through the CLI, one fresh process per run.
    const cli = fileURLToPath(new URL('../../../cli/dist/src/main.js', import.meta.url));
    let cliWallS: ReturnType<typeof timingStats> | undefined;
    if (existsSync(cli)) {
      const wall: number[] = [];
      for (let r = 0; r < SPEED_REPS; r++) {
        const t0 = nowS();
        const run = spawnSync(process.execPath, [cli, 'locate', path, '--json'], { encoding: 'utf8' });
        wall.push(nowS() - t0);
        if (run.status !== 0) throw new Error(`nariz locate failed: ${run.stderr}`);
        sink += run.stdout.length;
        log(`speed: cli rep ${r + 1}/${SPEED_REPS} ${wall[r]!.toFixed(2)} s wall`);
      }
      cliWallS = timingStats(wall);
    }
    return {
      samples: sortie.count,
      extentM: { east: maxE - minE, north: maxN - minN },
      csvBytes: Buffer.byteLength(csv),
      reps: SPEED_REPS,
      readS: timingStats(read),
      locateS: timingStats(loc),
      totalS: timingStats(read.map((x, i) => x + loc[i]!)),
      cliWallS,
      sink,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ main

const tStart = nowS();
const sim = await load<SimModule>('../../../sim/dist/src/index.js', ['randomScenario', 'simulate']);
const formats = await load<FormatsModule>('../../../formats/dist/src/index.js', ['writeSortieCsv', 'readSortieCsvFile']);
const cases = (quick ? MATRIX.filter((c) => c.quick) : MATRIX).flatMap((c) =>
  Array.from({ length: repeat }, (_, r) => ({ ...c, seed: c.seed + 100 * r, name: `s${c.seed + 100 * r}` })),
);

console.log(`locate bench${quick ? ' (--quick)' : ''}${repeat > 1 ? ` (--repeat ${repeat})` : ''}: ${machine()}`);
console.log(
  `accuracy: ${cases.length} simulated sorties of ${SAMPLES} samples (1.4 km square, drone at 15 m, 1–3 labs + 1–2 decoys); ` +
    `match: optimal assignment within ${MATCH_GATE_M} m; found/false: probability >= ${REPORT_PROBABILITY}; lab class: labProbability >= ${LAB_PROBABILITY}; ` +
    `rate error: |Σ est − Σ truth| / Σ truth over ${RATE_SPECIES.join(' + ')}`,
);

const rows = await accuracy(sim, cases);

const header = ['case', 'seed', 'wind', 'from°', 'cls', 'col', 'L+D', 'est', 'labs', 'decoy→lab', 'false', 'loc err m (per truth)', 'rate err', 'locate s'];
const table: string[][] = rows.map((r) => {
  const s = r.score;
  const err = (t: (typeof s.truths)[number]): string => (t.distanceM === null ? `(${f1(t.nearestM)})` : f1(t.distanceM));
  const errs = `${s.truths.filter((t) => t.kind === 'target').map(err).join(' ')} | ${s.truths.filter((t) => t.kind === 'decoy').map(err).join(' ')}`;
  const rateErrs = s.truths.filter((t) => t.rateRelErr !== null).map((t) => `${Math.round(100 * t.rateRelErr!)}%`).join(' ');
  return [
    r.case.name, String(r.case.seed), `${r.case.speedMps}`, r.fromDeg.toFixed(0), r.case.stability, r.case.stabilityColumn ? 'yes' : 'no',
    `${r.case.labs}+${r.case.decoys}`, `${s.reported}/${s.estimates}`, `${s.labsFound}/${s.labs}`, String(s.decoysAsLab), String(s.falseSources),
    errs, rateErrs === '' ? '–' : rateErrs, r.locateS.toFixed(1),
  ];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const fmt = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
console.log('');
console.log(fmt(header));
for (const row of table) console.log(fmt(row));
console.log('  col: stability column in the sortie; L+D: labs + decoys; est: reported/all estimates; labs: found/total; false: reported estimates matching no truth');
console.log('  loc err: per truth source, labs | decoys; "(d)" = unmatched, d = distance to the nearest estimate; rate err: per matched source');

const summary = summarise(rows.map((r) => r.score));
const verdictList = verdicts(summary);
const allPass = verdictList.every((v) => v.pass);
console.log('');
console.log(`summary over ${summary.scenarios} scenarios, ${summary.truthSources} truth sources (${summary.matched} matched within ${MATCH_GATE_M} m):`);
console.log(`  localisation error  median ${f1(summary.medianLocErrM)} m, p90 ${f1(summary.p90LocErrM)} m (labs only: median ${f1(summary.medianLabLocErrM)} m)`);
console.log(
  `  rate error          median ${pct(summary.medianRateRelErr)} (${RATE_SPECIES.join('+')}); per species: ` +
    Object.entries(summary.medianRateRelErrBySpecies).map(([k, v]) => `${k} ${pct(v)}`).join(', '),
);
console.log(`  labs found ${summary.labsFound}/${summary.labs}, decoys classed as lab ${summary.decoysAsLab}/${summary.decoys}, false sources ${summary.falseSources}`);
console.log(`  coverage            radius95 ${pct(summary.radiusCoverage.fraction)}, ellipse95 ${pct(summary.ellipseCoverage.fraction)}, rateCi95 ${pct(summary.rateCoverage.fraction)}`);
console.log('');
const vw = Math.max(...verdictList.map((v) => v.name.length));
const valw = Math.max(...verdictList.map((v) => v.value.length));
for (const v of verdictList) console.log(`  ${v.pass ? 'PASS' : 'FAIL'}  ${v.name.padEnd(vw)}  ${v.value.padEnd(valw)}  target ${v.target}`);
console.log(`  overall: ${allPass ? 'PASS' : 'FAIL'} (${verdictList.filter((v) => v.pass).length}/${verdictList.length} targets)`);

const sp = speed ? await runSpeed(sim, formats) : undefined;
const line = (label: string, t: ReturnType<typeof timingStats>, digits: number): string =>
  `  ${label.padEnd(26)} min ${t.min.toFixed(digits)}  median ${t.median.toFixed(digits)}  mean ${t.mean.toFixed(digits)} ± ${t.sd.toFixed(digits)} s`;
if (sp !== undefined) {
  console.log('');
  console.log(
    `speed: ${sp.samples}-sample sortie (seed ${SPEED_CASE.seed}, ${SPEED_CASE.speedMps} m/s ${SPEED_CASE.stability}, ${SPEED_CASE.labs}+${SPEED_CASE.decoys} sources), ` +
      `1.4 × 1.4 km search area (flown extent ${(sp.extentM.east / 1000).toFixed(2)} × ${(sp.extentM.north / 1000).toFixed(2)} km), CSV ${(sp.csvBytes / 1e6).toFixed(1)} MB; 1 warm-up + ${sp.reps} runs`,
  );
  console.log(line('readSortieCsvFile', sp.readS, 3));
  console.log(line('locateSortie', sp.locateS, 2));
  console.log(line('end to end (read+locate)', sp.totalS, 2));
  if (sp.cliWallS !== undefined) console.log(line('nariz locate (new process)', sp.cliWallS, 2));
  console.log(`  (sink ${sp.sink.toFixed(3)})`);
  const pass = sp.locateS.median <= SPEED_TARGET_S;
  console.log(`  ${pass ? 'PASS' : 'FAIL'}  locateSortie median ${sp.locateS.median.toFixed(2)} s (warm process, ${sp.reps} runs)  target <= ${SPEED_TARGET_S} s`);
}
const elapsedS = nowS() - tStart;
console.log(`\nbench wall time ${elapsedS.toFixed(0)} s`);

if (jsonOut !== undefined) {
  const doc = {
    bench: 'plume/locate',
    date: new Date().toISOString(),
    machine: machine(),
    quick,
    repeat,
    samplesPerSortie: SAMPLES,
    definitions: { matchGateM: MATCH_GATE_M, reportProbability: REPORT_PROBABILITY, labProbability: LAB_PROBABILITY, rateSpecies: RATE_SPECIES, targets: DEFAULT_TARGETS },
    scenarios: rows,
    summary,
    verdicts: verdictList,
    pass: allPass,
    speed: sp === undefined ? null : { case: SPEED_CASE, ...sp },
    elapsedS,
  };
  // NaN/Infinity are not JSON: write them as null.
  writeFileSync(jsonOut, `${JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`);
  console.log(`wrote ${jsonOut}`);
}

if (strict && !allPass) process.exit(1);
