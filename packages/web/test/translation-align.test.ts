/**
 * The side-by-side view's alignment: paragraphs as ranges into the text
 * (blank lines between them, whitespace-only lines counting as blank,
 * line breaks inside kept), and rows pairing them — one per paragraph
 * when both sides have as many, else one per segment.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignRows } from '../src/translation/align.js';
import { splitParagraphs } from '../src/translation/paragraphs.js';

const cut = (text: string): string[] => splitParagraphs(text).map((r) => text.slice(r.start, r.end));

test('paragraphs are separated by blank lines and keep their inner line breaks and offsets', () => {
  const text = '\n  Uno, línea 1\nlínea 2\n\n \t \nDos.\r\n\r\nTres.  \n\n\n';
  assert.deepEqual(cut(text), ['Uno, línea 1\nlínea 2', 'Dos.', 'Tres.']);
  const r = splitParagraphs(text);
  assert.equal(text.slice(r[1]!.start, r[1]!.end), 'Dos.');
  assert.equal(r[0]!.start, 3, 'offsets are those of the whole text');
});

test('empty and blank texts have no paragraphs; a text without blank lines is one', () => {
  assert.deepEqual(splitParagraphs(''), []);
  assert.deepEqual(splitParagraphs(' \n\n \n'), []);
  assert.deepEqual(cut('una sola\nlínea partida'), ['una sola\nlínea partida']);
});

test('rows pair paragraphs one to one when both sides have as many', () => {
  const source = 'El halcón llamó.\n\nLa casa está cerca.';
  const translation = 'The falcon called.\n\nThe house is near.';
  const rows = alignRows([{ source, translation }]);
  assert.equal(rows.length, 2);
  assert.equal(source.slice(rows[1]!.source.start, rows[1]!.source.end), 'La casa está cerca.');
  assert.equal(translation.slice(rows[1]!.target.start, rows[1]!.target.end), 'The house is near.');
  assert.ok(rows.every((r) => r.segment === 0));
});

test('a segment whose sides differ in paragraph count stays one row covering both texts', () => {
  const rows = alignRows([{ source: 'A.\n\nB.', translation: 'A. B.' }, { source: 'C.', translation: 'C.' }]);
  assert.deepEqual(rows, [
    { segment: 0, source: { start: 0, end: 6 }, target: { start: 0, end: 5 } },
    { segment: 1, source: { start: 0, end: 2 }, target: { start: 0, end: 2 } },
  ]);
});

test('document segments are rows in order, each its own', () => {
  const segs = ['uno', 'dos', 'tres'].map((s) => ({ source: s, translation: s.toUpperCase() }));
  assert.deepEqual(alignRows(segs).map((r) => r.segment), [0, 1, 2]);
});
