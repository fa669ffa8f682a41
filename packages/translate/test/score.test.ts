/**
 * BLEU and chrF against sacreBLEU 2.x: the recorded scores of the
 * reference system (bergamot-base-memory) on FLORES-200 devtest, to the
 * precision the `.bleu` files print; hand-computed cases; the 13a
 * tokeniser's rules one by one; edge cases sacreBLEU defines (no match,
 * empty hypothesis, an order with no n-grams, empty references).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNarizError } from '@nariz/core';
import { bleuFromStatistics, corpusBleu, corpusChrf, formatFixed, sentenceBleu, tokenize13a } from '../src/index.js';
import { DEVTEST, readLines, readRecordedBleu } from './shared-data.js';

const close = (a: number, b: number, tol: number, msg?: string): void => assert.ok(Math.abs(a - b) <= tol, `${msg ?? ''} ${a} vs ${b}`);

test('reproduces the recorded BLEU of bergamot-base-memory on FLORES-200 devtest: es→en 26.9, en→es 27.4', () => {
  const cases = [
    { hyp: 'bergamot-base-memory.es-en.eng_Latn', ref: DEVTEST.en, recorded: 'bergamot-base-memory.es-en.bleu' },
    { hyp: 'bergamot-base-memory.en-es.spa_Latn', ref: DEVTEST.es, recorded: 'bergamot-base-memory.en-es.bleu' },
  ];
  for (const c of cases) {
    const hyps = readLines(c.hyp);
    const refs = readLines(c.ref);
    assert.equal(hyps.length, 1012);
    assert.equal(refs.length, 1012);
    const bleu = corpusBleu(hyps, [refs]);
    const recorded = readRecordedBleu(c.recorded);
    assert.equal(formatFixed(bleu.score, 1), recorded, `${c.hyp}: ${bleu.formatted}`);
    assert.equal(bleu.signature, 'nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp');
    assert.match(bleu.formatted, new RegExp(`^BLEU = ${recorded.replace('.', '\\.')} `));
  }
  assert.equal(readRecordedBleu('bergamot-base-memory.es-en.bleu'), '26.9');
  assert.equal(readRecordedBleu('bergamot-base-memory.en-es.bleu'), '27.4');
});

test('chrF of the same outputs (none is recorded): stable values, and identical output scores 100', () => {
  const es2en = corpusChrf(readLines('bergamot-base-memory.es-en.eng_Latn'), [readLines(DEVTEST.en)]);
  const en2es = corpusChrf(readLines('bergamot-base-memory.en-es.spa_Latn'), [readLines(DEVTEST.es)]);
  // Pinned from this implementation (sacreBLEU is not available offline here); they guard against regressions.
  assert.equal(formatFixed(es2en.score, 1), '58.0');
  assert.equal(formatFixed(en2es.score, 1), '56.0');
  assert.equal(es2en.signature, 'nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no');
  const refs = readLines(DEVTEST.en);
  close(corpusChrf(refs, [refs]).score, 100, 1e-12);
  close(corpusBleu(refs, [refs]).score, 100, 1e-12);
});

test('13a tokenisation: punctuation split off, except apostrophes; period/comma kept inside numbers; dash after a digit; entities unescaped', () => {
  assert.deepEqual(tokenize13a('Hello, world! "Quoted" (x)'), ['Hello', ',', 'world', '!', '"', 'Quoted', '"', '(', 'x', ')']);
  assert.deepEqual(tokenize13a("don't stop"), ["don't", 'stop']);
  assert.deepEqual(tokenize13a('It costs $3.88, or 1,000.5 pesos.'), ['It', 'costs', '$', '3.88', ',', 'or', '1,000.5', 'pesos', '.']);
  assert.deepEqual(tokenize13a('pages 10-20 and well-known'), ['pages', '10', '-', '20', 'and', 'well-known']);
  assert.deepEqual(tokenize13a('a &amp; b &lt;c&gt; &quot;d&quot;'), ['a', '&', 'b', '<', 'c', '>', '"', 'd', '"']);
  assert.deepEqual(tokenize13a('&amp;lt;'), ['<'], 'sequential unescaping, as sacreBLEU');
  assert.deepEqual(tokenize13a('x<skipped>y'), ['xy']);
  assert.deepEqual(tokenize13a('end-\nof line\nnext'), ['endof', 'line', 'next']);
  assert.deepEqual(tokenize13a('«Hola», dijo—¿qué?'), ['«Hola»', ',', 'dijo—¿qué', '?'], 'non-ASCII punctuation is not split (13a is ASCII)');
  assert.deepEqual(tokenize13a('a.b 3.b a.3'), ['a', '.', 'b', '3', '.', 'b', 'a', '.', '3']);
  // Python's whitespace: NEL and U+001F split, U+FEFF does not.
  assert.deepEqual(tokenize13a('a\u0085b\u001fc\ufeffd\u00a0e'), ['a', 'b', 'c\ufeffd', 'e']);
});

test('hand-computed BLEU: "the cat the cat" against "the cat sat" is (50 · 33.3 · 25 · 25)^¼ with exp smoothing', () => {
  const b = corpusBleu(['the cat the cat'], [['the cat sat']]);
  assert.deepEqual(b.counts, [2, 1, 0, 0]);
  assert.deepEqual(b.totals, [4, 3, 2, 1]);
  close(b.precisions[0] as number, 50, 1e-12);
  close(b.precisions[1] as number, 100 / 3, 1e-12);
  close(b.precisions[2] as number, 25, 1e-12, '1/(2·2)');
  close(b.precisions[3] as number, 25, 1e-12, '1/(4·1)');
  close(b.score, (50 * (100 / 3) * 25 * 25) ** 0.25, 1e-9);
  assert.equal(b.brevityPenalty, 1);
  // Brevity penalty: 4 hypothesis tokens against 6 reference tokens, every n-gram matched.
  const short = corpusBleu(['the cat sat on'], [['the cat sat on the mat']]);
  close(short.brevityPenalty, Math.exp(1 - 6 / 4), 1e-15);
  close(short.score, Math.exp(-0.5) * 100, 1e-9);
});

test('smoothing variants and multiple references follow sacreBLEU', () => {
  const none = corpusBleu(['the cat the cat'], [['the cat sat']], { smoothing: 'none' });
  assert.equal(none.score, 0, 'a zero precision without smoothing gives 0');
  const floor = corpusBleu(['the cat the cat'], [['the cat sat']], { smoothing: 'floor' });
  close(floor.precisions[2] as number, 5, 1e-12, '0.1/2');
  const addK = corpusBleu(['the cat the cat'], [['the cat sat']], { smoothing: 'add-k' });
  assert.deepEqual(addK.counts, [2, 2, 1, 1]);
  assert.deepEqual(addK.totals, [4, 4, 3, 2]);
  // Two references: n-gram counts clip at the max over references; the closest length, shorter on ties.
  const multi = corpusBleu(['a b c d'], [['a b'], ['a b c d e f']]);
  assert.equal(multi.refLen, 2, '|4−2| = |4−6|: the shorter wins');
  close(multi.score, 100, 1e-12);
  const ragged = corpusBleu(['a b c d', 'x y'], [['a b c d', 'x y'], ['', 'x y z']]);
  assert.match(ragged.signature, /^nrefs:var\|/);
});

test('edge cases: no matching n-gram, empty hypothesis, empty corpus order, bad input', () => {
  assert.equal(corpusBleu(['foo bar'], [['baz qux']]).score, 0);
  const empty = corpusBleu([''], [['a b c']]);
  assert.equal(empty.score, 0);
  assert.equal(empty.sysLen, 0);
  assert.equal(empty.brevityPenalty, 0);
  // Only unigrams in the hypotheses: the bigram total is 0, the precision list stops, the score is 0.
  assert.equal(corpusBleu(['a', 'b'], [['a', 'b']]).score, 0);
  close(sentenceBleu('a', ['a'], { effectiveOrder: true }).score, 100, 1e-12);
  assert.equal(corpusChrf([''], [['abc']]).score, 0);
  assert.equal(corpusChrf(['abc'], [['xyz']]).score, 0);
  assert.throws(() => corpusBleu(['a'], [['']]), (e) => isNarizError(e, 'NARIZ_USAGE') && /no reference/.test(e.message));
  assert.throws(() => corpusBleu(['a', 'b'], [['a']]), (e) => isNarizError(e, 'NARIZ_USAGE') && /1 segments but there are 2/.test(e.message));
  assert.throws(() => corpusChrf(['a'], []), (e) => isNarizError(e, 'NARIZ_USAGE'));
  assert.throws(() => bleuFromStatistics([1, 2, 3]), (e) => isNarizError(e, 'NARIZ_USAGE'));
});

test('hand-computed chrF: "abc" against "abd" is 38.9 (orders 1–3 effective, F2 of the averages); whitespace ignored; code points counted', () => {
  const c = corpusChrf(['abc'], [['abd']]);
  assert.deepEqual(c.statistics.slice(0, 9), [3, 3, 2, 2, 2, 1, 1, 1, 0]);
  assert.deepEqual(c.statistics.slice(9), [0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const p = (2 / 3 + 1 / 2 + 0) / 3;
  close(c.score, (100 * 5 * p * p) / (4 * p + p), 1e-12);
  assert.equal(corpusChrf(['a b c'], [['abc']]).score, 100);
  // An astral character is one character, as in Python.
  assert.deepEqual(corpusChrf(['😀a'], [['😀a']]).statistics.slice(0, 3), [2, 2, 2]);
  // A hypothesis order the reference lacks is not counted (sacreBLEU: hyp count 0 when ref has none).
  assert.deepEqual(corpusChrf(['abcd'], [['ab']]).statistics.slice(6, 9), [0, 0, 0]);
  const eps = corpusChrf(['abc'], [['abd']], { epsSmoothing: true });
  assert.ok(eps.score < c.score);
});

test('Python-compatible rounding: exact ties go to the even digit, as sacreBLEU prints them', () => {
  assert.equal(formatFixed(0.125, 2), '0.12');
  assert.equal(formatFixed(0.375, 2), '0.38');
  assert.equal(formatFixed(2.5, 0), '2');
  assert.equal(formatFixed(3.5, 0), '4');
  assert.equal(formatFixed(26.851993, 1), '26.9');
  assert.equal(formatFixed(0.15, 1), '0.1', '0.15 is really 0.1499999…');
  assert.equal(formatFixed(-0.125, 2), '-0.12');
});
