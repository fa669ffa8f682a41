/**
 * The Apertium backend against the real Apertium: our long-lived
 * null-flush pipeline gives what the `apertium` command gives; segments
 * stay aligned across a batch of 1,000 seeded random segments (each
 * compared with the same segment translated alone) including empty ones,
 * sentinel-like text and a very long one; marks are structured and the
 * text clean; failures (missing mode, missing program, crash, stall,
 * abort, close) are NARIZ_TRANSLATE errors or recoveries.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, isNarizError } from '@nariz/core';
import { ApertiumEngine, decodeSegment, encodeSegment, openApertium } from '../src/index.js';
import { apertiumCli, apertiumSkip as skip } from './apertium-peer.js';
import { DEVTEST, readLines } from './shared-data.js';

test('stream format: literal marks, brackets, escapes and whitespace survive encode → decode without an engine', () => {
  const samples = ['El *perro# come~algo', 'a [b] ^c$ d/e @f <g> {h} \\i', 'línea\n\ncon\ttab  y  espacios', '', ' lead and trail ', 'x.[] y', 'nul\u0000byte'];
  for (const s of samples) {
    const d = decodeSegment(encodeSegment(s));
    assert.equal(d.text, s.replace('\u0000', ''), JSON.stringify(s));
    assert.deepEqual(d.marks, [], JSON.stringify(s));
  }
  assert.equal(encodeSegment('a*b\n'), 'a[*]b[\n].[]');
  const marked = decodeSegment('The *Zxqwv #tener to @casa \\* [#].[]');
  assert.equal(marked.text, 'The Zxqwv tener to casa * #');
  assert.deepEqual(marked.marks.map((m) => [m.kind, m.form, marked.text.slice(m.start, m.end)]), [
    ['unknown', 'Zxqwv', 'Zxqwv'], ['generation', 'tener', 'tener'], ['transfer', 'casa', 'casa'],
  ]);
});

test('translates both directions like the apertium command, unknown words as marks on clean text', { skip }, async () => {
  const e = await openApertium();
  try {
    assert.deepEqual(e.directions, ['es-en', 'en-es']);
    assert.match(e.provenance.version, /^apertium \S+; apertium-eng-spa \S+$/);
    const [r] = await e.translate(['El perro de Zxqwv come en Culiacán.'], 'es-en');
    assert.equal(r?.text, 'The dog of Zxqwv eats in Culiacán.');
    assert.deepEqual(r?.marks.map((m) => [m.kind, m.form]), [['unknown', 'Zxqwv'], ['unknown', 'Culiacán']]);
    for (const m of r?.marks ?? []) assert.equal(r?.text.slice(m.start, m.end), m.form);
    assert.equal(r?.engine.id, 'apertium');
    // The same sentences through `apertium -f txt` (its own deformatter), one at a time, marks included.
    for (const [dir, mode, file] of [['es-en', 'spa-eng', DEVTEST.es], ['en-es', 'eng-spa', DEVTEST.en]] as const) {
      const lines = readLines(file).slice(0, 12);
      const ours = await e.translate(lines, dir);
      lines.forEach((line, i) => {
        // Our engine drops the outer blanks Apertium leaves where a pronoun was (" Construyó…"); the rest is identical.
        const cli = apertiumCli(mode, line).trim();
        const r = ours[i];
        assert.ok(r !== undefined);
        const withMarks = r.marks.reduceRight((t, m) => `${t.slice(0, m.start)}${{ unknown: '*', transfer: '@', generation: '#' }[m.kind]}${t.slice(m.start)}`, r.text);
        assert.equal(withMarks.trim(), cli, `${dir} line ${i + 1}`);
      });
    }
  } finally {
    await e.close();
  }
});

test('1,000 seeded random segments in one batch: each equals the same segment translated alone (no shift, no leak)', { skip }, async () => {
  const e = await openApertium({ directions: ['es-en'] });
  try {
    const pool = readLines(DEVTEST.es);
    const tricky = [
      '', '   ', '\n', '.[]', '[]', '\\', '^$', '*', '#', '~', '@', 'ZQX0ZQ', '\u0000', 'a\u0000b', '<p>Hola</p>', '[<STREAMCMD:SETVAR:x>]',
      'Hola.\n\nAdiós.', 'fin.', 'a. C.', '¿Qué?', '...', '—', '😀 emoji', 'ñandú',
    ];
    const rng = createRng(8);
    const segments: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const r = rng.uniform(0, 1);
      if (r < 0.15) segments.push(tricky[rng.int(0, tricky.length - 1)] as string);
      else if (r < 0.2) segments.push(`${pool[rng.int(0, pool.length - 1)]} ${tricky[rng.int(0, tricky.length - 1)]} ${pool[rng.int(0, pool.length - 1)]}`);
      else segments.push(pool[rng.int(0, pool.length - 1)] as string);
    }
    // A very long segment: 150 sentences with newlines between them.
    segments[500] = pool.slice(0, 150).join('\n');
    const batch = await e.translate(segments, 'es-en');
    assert.equal(batch.length, segments.length);
    const alone = await Promise.all(segments.map((s) => e.translate([s], 'es-en').then((r) => r[0])));
    segments.forEach((s, i) => {
      assert.deepEqual(batch[i], alone[i], `segment ${i}: ${JSON.stringify(s).slice(0, 80)}`);
      if (s.trim() === '') assert.equal(batch[i]?.text, s, 'blank segments come back unchanged');
    });
    assert.equal(batch[500]?.text.split('\n').length, 150, 'newlines inside a segment are kept');
  } finally {
    await e.close();
  }
});

test('missing mode or program: NARIZ_TRANSLATE saying to run scripts/setup-apertium.sh', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'nariz-apertium-'));
  try {
    mkdirSync(join(empty, 'modes'));
    await assert.rejects(openApertium({ dataDir: empty }), (e) => isNarizError(e, 'NARIZ_TRANSLATE') && /spa-eng is not installed/.test(e.message) && /setup-apertium\.sh/.test(e.message));
  } finally {
    rmSync(empty, { recursive: true });
  }
  const path = process.env['PATH'];
  process.env['PATH'] = '/nonexistent';
  try {
    await assert.rejects(openApertium(), (e) => isNarizError(e, 'NARIZ_TRANSLATE') && /setup-apertium\.sh/.test(e.message));
  } finally {
    process.env['PATH'] = path;
  }
});

test('a crashed pipeline is restarted and the batch retried once; a second crash and a stall reject with NARIZ_TRANSLATE', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nariz-apertium-'));
  try {
    // cat is a null-flush pipeline that translates nothing: chunks come back as sent.
    const flaky = `if [ -e ${dir}/ran ]; then cat; else touch ${dir}/ran; exit 3; fi`;
    const e = new ApertiumEngine(new Map([['es-en', flaky]]), 'test', 5000);
    assert.deepEqual((await e.translate(['uno', 'dos'], 'es-en')).map((r) => r.text), ['uno', 'dos']);
    assert.deepEqual((await e.translate(['tres'], 'es-en')).map((r) => r.text), ['tres']);
    await e.close();
    await assert.rejects(e.translate(['x'], 'es-en'), (err) => isNarizError(err, 'NARIZ_TRANSLATE') && /closed/.test(err.message));
    const broken = new ApertiumEngine(new Map([['es-en', 'echo "lt-proc: broken" >&2; exit 1']]), 'test', 5000);
    await assert.rejects(broken.translate(['x'], 'es-en'), (err) => isNarizError(err, 'NARIZ_TRANSLATE') && /exited \(code 1\)/.test(err.message) && /lt-proc: broken/.test(err.message));
    await assert.rejects(broken.translate(['x'], 'en-es'), (err) => isNarizError(err, 'NARIZ_TRANSLATE') && /not opened for en-es/.test(err.message));
    await broken.close();
    const stuck = new ApertiumEngine(new Map([['es-en', 'sleep 30']]), 'test', 300);
    const t0 = Date.now();
    await assert.rejects(stuck.translate(['x'], 'es-en'), (err) => isNarizError(err, 'NARIZ_TRANSLATE') && /timed out/.test(err.message));
    assert.ok(Date.now() - t0 < 5000);
    await stuck.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an aborted call rejects with the signal\'s reason and later calls stay aligned', { skip }, async () => {
  const e = await openApertium({ directions: ['en-es'] });
  try {
    const lines = readLines(DEVTEST.en).slice(0, 300);
    const ac = new AbortController();
    const pending = e.translate(lines, 'en-es', { signal: ac.signal });
    ac.abort(new Error('analyst cancelled'));
    await assert.rejects(pending, /analyst cancelled/);
    const [after] = await e.translate(['The dog eats.'], 'en-es');
    assert.equal(after?.text, 'El perro come.');
    const pre = new AbortController();
    pre.abort(new Error('already'));
    await assert.rejects(e.translate(['x'], 'en-es', { signal: pre.signal }), /already/);
  } finally {
    await e.close();
  }
});
