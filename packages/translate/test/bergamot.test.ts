/**
 * The Bergamot backend without models (CI has none): the WASM runs in
 * Node 20 through our worker shim, and the loading path fails with
 * NARIZ_TRANSLATE naming the missing file, or carrying the WASM's own
 * reason for a corrupt one. With real models in NARIZ_BERGAMOT_MODELS
 * (docs/translation.md), the last test translates with them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isNarizError } from '@nariz/core';
import { bergamotPackageVersion, locateModelFiles, openBergamot, openEngineRegistry, defaultEngineCandidates, readModelFile } from '../src/index.js';
import { apertiumSkip } from './apertium-peer.js';

function modelDir(files: Record<string, Uint8Array | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nariz-bergamot-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const garbage = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) % 256);

test('model files: the repository layout (gzipped or not, in esen/ or flat), and an error naming each missing part', async () => {
  const full = modelDir({
    'esen/model.esen.intgemm.alphas.bin.gz': gzipSync(garbage(100)),
    'esen/lex.50.50.esen.s2t.bin': garbage(10),
    'esen/vocab.esen.spm.gz': gzipSync(garbage(10)),
    'esen/metadata.json': '{}',
    'model.enes.intgemm8.bin': garbage(10),
    'lex.50.50.enes.s2t.bin': garbage(10),
    'srcvocab.enes.spm': 'a',
    'trgvocab.enes.spm': 'b',
    'qualityModel.enes.bin': garbage(10),
  });
  try {
    const esen = await locateModelFiles(full, 'es-en');
    assert.equal(esen.directory, join(full, 'esen'));
    assert.equal(esen.model, join(full, 'esen', 'model.esen.intgemm.alphas.bin.gz'));
    assert.deepEqual(esen.vocabs, [join(full, 'esen', 'vocab.esen.spm.gz')]);
    assert.equal(esen.qualityModel, undefined);
    const enes = await locateModelFiles(full, 'en-es');
    assert.equal(enes.directory, full);
    assert.deepEqual(enes.vocabs, [join(full, 'srcvocab.enes.spm'), join(full, 'trgvocab.enes.spm')]);
    assert.equal(enes.qualityModel, join(full, 'qualityModel.enes.bin'));
    assert.deepEqual(new Uint8Array(await readModelFile(esen.model)), garbage(100), 'gunzipped');
  } finally {
    rmSync(full, { recursive: true });
  }
  const cases: [Record<string, Uint8Array | string>, RegExp][] = [
    [{ 'esen/lex.50.50.esen.s2t.bin': 'x', 'esen/vocab.esen.spm': 'x' }, /no model \(model\.esen\.intgemm\.alphas\.bin\[\.gz\]\)/],
    [{ 'esen/model.esen.intgemm.alphas.bin': 'x', 'esen/vocab.esen.spm': 'x' }, /no lexical shortlist \(lex\.50\.50\.esen\.s2t\.bin\[\.gz\]\)/],
    [{ 'esen/model.esen.intgemm.alphas.bin': 'x', 'esen/lex.50.50.esen.s2t.bin': 'x' }, /no vocabulary \(vocab\.esen\.spm\[\.gz\]\)/],
    [{ 'esen/model.esen.intgemm.alphas.bin': 'x', 'esen/lex.50.50.esen.s2t.bin': 'x', 'esen/srcvocab.esen.spm': 'x' }, /no vocabulary \(trgvocab\.esen\.spm\[\.gz\]\)/],
  ];
  for (const [files, message] of cases) {
    const dir = modelDir(files);
    try {
      await assert.rejects(locateModelFiles(dir, 'es-en'), (e) => isNarizError(e, 'NARIZ_TRANSLATE') && message.test(e.message) && e.message.includes(join(dir, 'esen')));
    } finally {
      rmSync(dir, { recursive: true });
    }
  }
  await assert.rejects(locateModelFiles('/nonexistent/models', 'es-en'), (e) => isNarizError(e, 'NARIZ_TRANSLATE') && /\/nonexistent\/models does not exist/.test(e.message));
  const badGz = modelDir({ 'x.gz': 'not gzip' });
  try {
    await assert.rejects(readModelFile(join(badGz, 'x.gz')), (e) => isNarizError(e, 'NARIZ_TRANSLATE') && /not valid gzip/.test(e.message));
  } finally {
    rmSync(badGz, { recursive: true });
  }
});

test('opening: no complete direction is the first missing file; the WASM starts in Node and a corrupt model fails with its reason', async () => {
  const none = modelDir({ 'readme.txt': 'no models' });
  try {
    await assert.rejects(openBergamot({ modelDir: none }), (e) => isNarizError(e, 'NARIZ_TRANSLATE') && /es-en model incomplete: no model/.test(e.message));
  } finally {
    rmSync(none, { recursive: true });
  }
  // Complete but corrupt es-en files: the worker starts, the WASM initialises, Marian rejects the vocabulary.
  const corrupt = modelDir({
    'esen/model.esen.intgemm.alphas.bin': garbage(4096),
    'esen/lex.50.50.esen.s2t.bin': garbage(512),
    'esen/vocab.esen.spm.gz': gzipSync(Buffer.from('not a sentencepiece model')),
  });
  try {
    await assert.rejects(
      openBergamot({ modelDir: corrupt, timeoutMs: 60_000 }),
      (e) => isNarizError(e, 'NARIZ_TRANSLATE') && /could not load the es-en model/.test(e.message) && /SentencePiece/.test(e.message),
    );
  } finally {
    rmSync(corrupt, { recursive: true });
  }
  assert.match(bergamotPackageVersion(), /^\d+\.\d+\.\d+$/);
});

test('the registry reports Bergamot unavailable with its reason and falls back to Apertium as the default', { skip: apertiumSkip }, async () => {
  const reg = await openEngineRegistry(defaultEngineCandidates({ bergamotModelDir: '/nonexistent/models' }));
  try {
    const bergamot = reg.availability.filter((a) => a.id === 'bergamot');
    assert.equal(bergamot.length, 2);
    for (const a of bergamot) {
      assert.equal(a.available, false);
      assert.match(a.detail, /\/nonexistent\/models does not exist/);
    }
    assert.equal(reg.engineFor('es-en').id, 'apertium');
    assert.equal(reg.engineFor('en-es').id, 'apertium');
  } finally {
    await reg.close();
  }
  const unconfigured = await openEngineRegistry(defaultEngineCandidates());
  try {
    assert.match(unconfigured.availability.find((a) => a.id === 'bergamot')?.detail ?? '', /no Bergamot model directory configured/);
  } finally {
    await unconfigured.close();
  }
});

const realModels = process.env['NARIZ_BERGAMOT_MODELS'];
test('with real models (NARIZ_BERGAMOT_MODELS): Bergamot is the default and translates both ways', { skip: realModels === undefined ? 'no Bergamot models here (set NARIZ_BERGAMOT_MODELS)' : false }, async () => {
  const reg = await openEngineRegistry(defaultEngineCandidates({ bergamotModelDir: realModels as string }));
  try {
    const e = reg.engineFor('es-en');
    assert.equal(e.id, 'bergamot');
    const [es] = await e.translate(['El perro come.'], 'es-en');
    assert.match(es?.text ?? '', /dog/i);
    const [en] = await reg.engineFor('en-es').translate(['The dog eats.'], 'en-es');
    assert.match(en?.text ?? '', /perro/i);
  } finally {
    await reg.close();
  }
});
