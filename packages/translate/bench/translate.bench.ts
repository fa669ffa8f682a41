/**
 * Translation engines on FLORES-200 devtest (../shared/data/translation,
 * 1,012 sentences each way), both directions.
 *
 * Throughput, words per second (source words split on whitespace):
 * - peer: the `apertium` command on the whole devtest file (its own
 *   deformatter, every stage in one pipeline), timed around the process;
 * - ours: ApertiumEngine.translate on the 1,012 segments (one long-lived
 *   null-flush pipeline, a NUL per segment), after a warm-up call;
 * - ours with protection: translateProtected (all detectors, no case list);
 * - Bergamot, when NARIZ_BERGAMOT_MODELS points at the models.
 * `--reps` timed rounds (default 5; contestants take turns within a round,
 * after one warm-up each), median and min–max; the target is
 * ours ≥ 80 % of the peer's words/s (within 20 %).
 *
 * Latency of one short segment (the other way to use Apertium: one
 * `apertium` process per call, whole documents batched): 20 calls of the
 * command on a one-sentence file against 20 calls of our engine.
 *
 * Quality: corpus BLEU (13a, exp smoothing) and chrF (n = 6, β = 2) of
 * each engine's output against the references, as sacreBLEU 2.x computes
 * them (src/score), with the reference system's recorded outputs
 * (bergamot-base-memory) scored the same way for comparison.
 *
 *   npm run bench -- translate   (or: node packages/translate/dist/bench/translate.bench.js [--reps N])
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import {
  corpusBleu, corpusChrf, formatFixed, openApertium, openBergamot, translateProtected, type Direction, type TranslationEngine,
} from '../src/index.js';

const DATA = new URL('../../../../../shared/data/translation/', import.meta.url);
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const reps = Number(arg('--reps') ?? 5);
if (!(reps >= 1)) throw new Error('usage: translate.bench.js [--reps N]');

const lines = (name: string): string[] => {
  const l = readFileSync(new URL(name, DATA), 'utf8').split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
};
const words = (ls: readonly string[]): number => ls.reduce((n, l) => n + l.split(/\s+/).filter((w) => w !== '').length, 0);
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');

const DIRS: { dir: Direction; mode: string; src: string; ref: string; recorded: string }[] = [
  { dir: 'es-en', mode: 'spa-eng', src: 'flores200-devtest.spa_Latn', ref: 'flores200-devtest.eng_Latn', recorded: 'bergamot-base-memory.es-en.eng_Latn' },
  { dir: 'en-es', mode: 'eng-spa', src: 'flores200-devtest.eng_Latn', ref: 'flores200-devtest.spa_Latn', recorded: 'bergamot-base-memory.en-es.spa_Latn' },
];

const cpu = cpus();
console.log(`node ${process.version}, ${platform()} ${release()} ${arch()}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log(`load average at start: ${load()}`);

const speedRows: string[][] = [];
const qualityRows: string[][] = [];
let sink = 0;

/**
 * Times contestants in turns (a warm-up each, then `reps` rounds of one run
 * each), so that load from other users of the machine falls on all of them.
 */
async function timeInTurns(runs: readonly (() => Promise<string[]>)[]): Promise<{ times: number[]; out: string[] }[]> {
  const results = runs.map(() => ({ times: [] as number[], out: [] as string[] }));
  for (const [k, run] of runs.entries()) (results[k] as { out: string[] }).out = await run();
  for (let r = 0; r < reps; r++) {
    for (const [k, run] of runs.entries()) {
      const t = performance.now();
      const out = await run();
      const res = results[k] as { times: number[]; out: string[] };
      res.times.push((performance.now() - t) / 1000);
      res.out = out;
      sink += out.length;
    }
  }
  return results;
}

function speedRow(who: string, dir: Direction, nWords: number, times: readonly number[], note = ''): number {
  const s = [...times].sort((a, b) => a - b);
  const wps = nWords / median(times);
  speedRows.push([who, dir, `${median(times).toFixed(3)}`, `${(s[0] as number).toFixed(3)}–${(s[s.length - 1] as number).toFixed(3)}`, wps.toFixed(0), String(times.length), note]);
  return wps;
}

function quality(who: string, dir: Direction, hyps: readonly string[], refs: readonly string[]): void {
  const b = corpusBleu(hyps, [refs]);
  const c = corpusChrf(hyps, [refs]);
  qualityRows.push([who, dir, formatFixed(b.score, 1), formatFixed(c.score, 1), b.formatted.replace(/^BLEU = \S+ /, '')]);
}

const verdicts: string[] = [];
const apertium = await openApertium();
let bergamot: TranslationEngine | undefined;
const modelDir = process.env['NARIZ_BERGAMOT_MODELS'];
if (modelDir !== undefined) {
  try {
    bergamot = await openBergamot({ modelDir });
  } catch (e) {
    console.log(`Bergamot skipped: ${(e as Error).message}`);
  }
} else {
  console.log('Bergamot skipped: NARIZ_BERGAMOT_MODELS is not set (no models on this machine)');
}
console.log(`engines: ${apertium.provenance.version}${bergamot === undefined ? '' : `; ${bergamot.provenance.version}`}`);

try {
  for (const d of DIRS) {
    const src = lines(d.src);
    const ref = lines(d.ref);
    const n = words(src);
    const file = new URL(d.src, DATA).pathname;
    const [peer, ours, prot] = (await timeInTurns([
      async () => {
        const r = spawnSync('apertium', ['-f', 'txt', d.mode, file], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
        if (r.status !== 0) throw new Error(`apertium ${d.mode} failed: ${r.stderr}`);
        const out = r.stdout.split('\n');
        if (out[out.length - 1] === '') out.pop();
        return out;
      },
      async () => (await apertium.translate(src, d.dir)).map((r) => r.text),
      async () => (await translateProtected(apertium, src, d.dir)).map((r) => r.text),
    ])) as [{ times: number[]; out: string[] }, { times: number[]; out: string[] }, { times: number[]; out: string[] }];
    const peerWps = speedRow('apertium command (peer)', d.dir, n, peer.times, 'whole file');
    const oursWps = speedRow('nariz ApertiumEngine', d.dir, n, ours.times, '1,012 segments, 1 call');
    speedRow('nariz translateProtected (Apertium)', d.dir, n, prot.times, 'all detectors');
    const ratio = oursWps / peerWps;
    verdicts.push(`${ratio >= 0.8 ? 'PASS' : 'FAIL'}: ${d.dir} ours ${oursWps.toFixed(0)} words/s = ${(100 * ratio).toFixed(0)} % of the apertium command's ${peerWps.toFixed(0)} (target ≥ 80 %)`);
    // The peer's marks are part of its text; score it without them, as ours is.
    quality('apertium command (marks removed)', d.dir, peer.out.map((l) => l.replace(/[*#@](?=[\p{L}\p{N}])/gu, '')), ref);
    quality('nariz ApertiumEngine', d.dir, ours.out, ref);
    quality('nariz translateProtected (Apertium)', d.dir, prot.out, ref);
    if (bergamot !== undefined && bergamot.directions.includes(d.dir)) {
      const b = bergamot;
      const [bt] = (await timeInTurns([async () => (await b.translate(src, d.dir)).map((r) => r.text)])) as [{ times: number[]; out: string[] }];
      speedRow('nariz BergamotEngine', d.dir, n, bt.times, '1 worker');
      quality('nariz BergamotEngine', d.dir, bt.out, ref);
    }
    quality('bergamot-base-memory (recorded outputs)', d.dir, lines(d.recorded), ref);
  }
} finally {
  await apertium.close();
  await bergamot?.close();
}

// One sentence per call: a process per call pays the pipeline's start-up every time.
const latencyRows: string[][] = [];
{
  const e = await openApertium({ directions: ['es-en'] });
  try {
    const sentence = lines('flores200-devtest.spa_Latn')[0] as string;
    const dir = mkdtempSync(join(tmpdir(), 'nariz-bench-'));
    const file = join(dir, 'one.txt');
    writeFileSync(file, `${sentence}\n`);
    const cli: number[] = [];
    const ours: number[] = [];
    await e.translate([sentence], 'es-en');
    for (let i = 0; i < 20; i++) {
      let t = performance.now();
      spawnSync('apertium', ['-f', 'txt', 'spa-eng', file], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
      cli.push(performance.now() - t);
      t = performance.now();
      sink += (await e.translate([sentence], 'es-en')).length;
      ours.push(performance.now() - t);
    }
    rmSync(dir, { recursive: true });
    for (const [who, xs] of [['apertium command, one process per call', cli], ['nariz ApertiumEngine (long-lived pipeline)', ours]] as const) {
      const s2 = [...xs].sort((a, b) => a - b);
      latencyRows.push([who, median(xs).toFixed(1), `${(s2[0] as number).toFixed(1)}–${(s2[s2.length - 1] as number).toFixed(1)}`, String(xs.length)]);
    }
  } finally {
    await e.close();
  }
}

const table = (head: string[], rows: string[][]): void => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(`\n${line(head)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
};
table(['contestant', 'dir', 'median s', 'min–max s', 'words/s', 'runs', 'note'], speedRows);
table(['system', 'dir', 'BLEU', 'chrF', 'details'], qualityRows);
table(['one es→en sentence per call', 'median ms', 'min–max ms', 'calls'], latencyRows);
console.log(`\nload average at end: ${load()} (sink ${sink})`);
for (const v of verdicts) console.log(v);
