/**
 * Entity detectors one by one (known ids with their check digits, phone
 * and plate formats, amounts, the case file's names, the capitalised
 * heuristic), with the near misses each must leave alone; overlap
 * resolution; placeholders restored exactly once or refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNarizError } from '@nariz/core';
import {
  CaseEntityMatcher, checkCurp, checkRfc, choosePlaceholderScheme, curpCheckDigit, detectAmounts, detectCapitalisedSequences, detectCurps,
  detectEntities, detectPhones, detectPlates, detectRfcs, normalisePhone, placeholder, resolveOverlaps, restorePlaceholders, rfcCheckDigit,
  type DetectedEntity,
} from '../src/index.js';

const texts = (found: readonly DetectedEntity[]): string[] => found.map((e) => e.text);

test('CURP: published examples pass the RENAPO check digit; a changed character fails it; shape, state and date are checked', () => {
  // Public sample CURPs (a 1956 birth, a 1979 one, and a 2001 birth abroad: differentiator letter A, state NE).
  for (const c of ['HEGG560427MVZRRL04', 'MAAR790213HMNRLF03', 'BOXW010820HNERXNA1']) {
    assert.deepEqual(checkCurp(c), { wellFormed: true, checkDigitValid: true }, c);
    assert.equal(String(curpCheckDigit(c.slice(0, 17))), c.slice(17));
  }
  assert.deepEqual(checkCurp('HEGG560427MVZRRL05'), { wellFormed: true, checkDigitValid: false });
  assert.equal(checkCurp('HEGG561327MVZRRL04').wellFormed, false, 'month 13');
  assert.equal(checkCurp('HEGG560230MVZRRL04').wellFormed, false, 'Feb 30');
  assert.equal(checkCurp('HEGG560427MXXRRL04').wellFormed, false, 'no state XX');
  assert.equal(checkCurp('HEGG560427MVZRAL04').wellFormed, false, 'a vowel where consonants go');
  const found = detectCurps('CURP: HEGG560427MVZRRL04, otra HEGG560427MVZRRL05 y XHEGG560427MVZRRL04 no.');
  assert.deepEqual(found.map((e) => [e.text, e.detail]), [['HEGG560427MVZRRL04', 'check digit holds'], ['HEGG560427MVZRRL05', 'check digit fails']]);
});

test('RFC: the SAT check digit of published RFCs (a person, two companies, the generic one); structure and date', () => {
  for (const r of ['GODE561231GR8', 'SAT970701NN3', 'CFE370814QI0', 'XAXX010101000']) assert.equal(checkRfc(r).checkDigitValid, true, r);
  assert.equal(rfcCheckDigit('GODE561231GR'), '8');
  assert.equal(rfcCheckDigit('SAT970701NN'), '3');
  assert.equal(checkRfc('GODE561231GR8').holder, 'person');
  assert.equal(checkRfc('SAT970701NN3').holder, 'company');
  assert.equal(checkRfc('GODE561231GR9').checkDigitValid, false);
  assert.equal(checkRfc('GODE561331GR8').wellFormed, false, 'month 13');
  const found = detectRfcs('RFC GODE561231GR8 y de la empresa SAT970701NN3; no: GODE561231GR8X, 12GODE561231GR8');
  assert.deepEqual(texts(found), ['GODE561231GR8', 'SAT970701NN3']);
  // Inside a CURP the RFC-like head loses to the CURP.
  assert.deepEqual(texts(detectEntities('CURP HEGG560427MVZRRL04')), ['HEGG560427MVZRRL04']);
});

test('phones: Mexican and US formats with country codes, parentheses, dots and the old 044/01 prefixes; not amounts, dates or short numbers', () => {
  const positives: [string, string][] = [
    ['+52 667 123 4567', '+526671234567'],
    ['+52 1 55 1234 5678', '+525512345678'],
    ['(667) 123-4567', '+526671234567'],
    ['(213) 555-0199', '+12135550199|+522135550199'],
    ['667.123.45.67', '+526671234567'],
    ['55 1234 5678', '+15512345678|+525512345678'], // 551 is also a US area code: both readings are kept
    ['044 55 1234 5678', '+525512345678'],
    ['01 800 123 4567', '+528001234567'],
    ['+1 (213) 555-0199', '+12135550199'],
    ['0052 33 1234 5678', '+523312345678'],
  ];
  for (const [s, e164] of positives) {
    const found = detectPhones(`llama al ${s}, ahora`);
    assert.deepEqual(texts(found), [s], s);
    assert.equal(found[0]?.detail, e164, s);
  }
  for (const s of ['$1,234,567,890', '12/05/2023', '1234-5678', '2019 y 2020', 'HEGG560427', '3.141592653', '123456789012345']) {
    assert.deepEqual(detectPhones(`valor ${s} aquí`), [], s);
  }
  assert.equal(normalisePhone('(667 123-4567'), undefined, 'unpaired parenthesis');
});

test('plates: hyphenated Mexican series anywhere, spaced or solid only after "placas"/"plate"; not codes like COVID-19 or AK-47', () => {
  assert.deepEqual(texts(detectPlates('Camioneta con placas ABC-123-D y otra JHK-12-34, además 123-ABC.')), ['ABC-123-D', 'JHK-12-34', '123-ABC']);
  assert.deepEqual(texts(detectPlates('placas ABC1234 y matrícula: XYZ 987 A')), ['ABC1234', 'XYZ 987 A']);
  assert.deepEqual(texts(detectPlates('the plate number VFA-1234 was seen')), ['VFA-1234']);
  for (const s of ['COVID-19', 'AK-47', 'ABC1234', 'DEA 2019', 'abc-123-d', 'FBI', 'MP5', 'ABC-123-DEF']) assert.deepEqual(detectPlates(`dijo ${s} ayer`), [], s);
});

test('amounts: signs, codes, currency words, magnitudes and words ("mil pesos"); bare numbers are not amounts', () => {
  const cases: [string, string[]][] = [
    ['pagó $50,000 MXN por la merca', ['$50,000 MXN']],
    ['entre $ 3.5 millones y US$500', ['$ 3.5 millones', 'US$500']],
    ['le dieron mil pesos y dos mil quinientos pesos', ['mil pesos', 'dos mil quinientos pesos']],
    ['cobran 20 mil pesos de piso', ['20 mil pesos']],
    ['3.5 millones de dólares', ['3.5 millones de dólares']],
    ['USD 3,000 and ten thousand dollars', ['USD 3,000', 'ten thousand dollars']],
    ['500 varos', ['500 varos']],
    ['€1.200,50', ['€1.200,50']],
  ];
  for (const [s, want] of cases) {
    assert.deepEqual(texts(resolveOverlaps(detectAmounts(s))), want, s);
  }
  for (const s of ['tiene 500 vacas', 'en 2019', 'a dollar', 'pesos pesados', 'el peso del paquete', 'milpesos']) assert.deepEqual(detectAmounts(s), [], s);
});

test('case-file names: accent- and case-insensitive whole words (not all-lowercase), variants, longest first, original spelling reported', () => {
  const m = new CaseEntityMatcher([
    { name: 'Joaquín Guzmán Loera', kind: 'person', variants: ['El Chapo', 'Chapo Guzmán'] },
    { name: 'Los Mochis', kind: 'place' },
    { name: 'Mochis', kind: 'place' },
    { name: 'Culiacán', kind: 'place' },
  ]);
  const found = m.detect('JOAQUIN GUZMAN LOERA, alias el Chapo, fue visto en Los mochis y en CULIACAN; no en Culiacancito ni El Chaporro; culiacán en minúsculas tampoco.');
  assert.deepEqual(texts(found), ['JOAQUIN GUZMAN LOERA', 'el Chapo', 'Los mochis', 'CULIACAN']);
  assert.deepEqual(found.map((e) => e.detail), ['person: Joaquín Guzmán Loera', 'person: Joaquín Guzmán Loera', 'place: Los Mochis', 'place: Culiacán']);
  assert.throws(() => new CaseEntityMatcher([{ name: ' ', kind: 'person' }]), (e) => isNarizError(e, 'NARIZ_USAGE'));
});

test('capitalised sequences: two or more name words, leading function words dropped; not institutions or countries; one capitalised word alone is never taken', () => {
  assert.deepEqual(texts(detectCapitalisedSequences('Ayer Juan Pérez López llegó a Nueva York con J. R. Smith.')), ['Juan Pérez López', 'J. R. Smith']);
  assert.deepEqual(texts(detectCapitalisedSequences('La Universidad de Dalhousie en Halifax, con María de la Cruz')), ['María de la Cruz']);
  assert.deepEqual(detectCapitalisedSequences('Estados Unidos, Nueva Escocia, el Mejor Actor, the Nobel Prize, United States'), [], 'institutions, countries, titles');
  assert.deepEqual(detectCapitalisedSequences('El Chapo llegó. Pedro vino. The Dog barked. USA y DEA.'), []);
  assert.deepEqual(texts(detectCapitalisedSequences('Juan y Pedro')), [], 'not joined by "y"');
});

test('overlaps: the longer span wins, then the detector priority; output sorted and disjoint', () => {
  const a: DetectedEntity = { kind: 'capitalised', start: 0, end: 10, text: '' };
  const b: DetectedEntity = { kind: 'case-entity', start: 0, end: 10, text: '' };
  const c: DetectedEntity = { kind: 'amount', start: 5, end: 20, text: '' };
  const d: DetectedEntity = { kind: 'phone', start: 25, end: 30, text: '' };
  assert.deepEqual(resolveOverlaps([a, b, c, d]), [c, d]);
  assert.deepEqual(resolveOverlaps([a, b, d]), [b, d]);
});

test('placeholders: a prefix absent from the texts; restored exactly once, case-insensitively; dropped, doubled or invented ones refused', () => {
  const s = choosePlaceholderScheme(['plain text']);
  assert.equal(placeholder(s, 3), 'ZQX3ZQ');
  const other = choosePlaceholderScheme(['contains zqx1 already']);
  assert.notEqual(other.prefix, 'ZQX');
  const ok = restorePlaceholders('ZQX1ZQ paid zqx0zq.', s, ['$5', 'John Smith']);
  assert.equal(ok.ok && ok.text, 'John Smith paid $5.');
  assert.deepEqual(ok.ok && ok.edits, [{ start: 0, end: 6, length: 10 }, { start: 12, end: 18, length: 2 }]);
  assert.deepEqual(restorePlaceholders('ZQX0ZQ and ZQX0ZQ', s, ['a', 'b']), { ok: false, missing: [1], duplicated: [0], foreign: [] });
  assert.deepEqual(restorePlaceholders('ZQX7ZQ', s, ['a']), { ok: false, missing: [0], duplicated: [], foreign: [7] });
  const spaced = restorePlaceholders('ZQX 0 ZQ', s, ['x']);
  assert.equal(spaced.ok && spaced.text, 'x', 'a neural engine may space the index out');
});
