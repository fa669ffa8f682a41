/**
 * Highlighting: a stretch of text cut at the edges of the spans laid on it,
 * every run carrying the tags of the spans covering it, spans clipped to
 * the stretch, overlaps and empty spans handled; the runs always put the
 * stretch back together exactly (checked on seeded random spans).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlightRuns } from '../src/translation/highlight.js';

test('runs split at span edges and carry their tags', () => {
  const text = 'called 55 1234 5678 from the tiendita.';
  const runs = highlightRuns(text, { start: 0, end: text.length }, [
    { start: 7, end: 19, tag: 'phone' },
    { start: 29, end: 37, tag: 'unknown' },
  ]);
  assert.deepEqual(
    runs.map((r) => [r.text, r.tags]),
    [['called ', []], ['55 1234 5678', ['phone']], [' from the ', []], ['tiendita', ['unknown']], ['.', []]],
  );
});

test('overlapping spans give runs with both tags; spans outside the stretch are clipped or dropped', () => {
  const text = 'abcdefghij';
  const runs = highlightRuns(text, { start: 2, end: 8 }, [
    { start: 0, end: 4, tag: 'a' },
    { start: 3, end: 6, tag: 'b' },
    { start: 9, end: 10, tag: 'outside' },
    { start: 5, end: 5, tag: 'empty' },
  ]);
  assert.deepEqual(
    runs.map((r) => [r.start, r.end, r.text, r.tags]),
    [
      [2, 3, 'c', ['a']],
      [3, 4, 'd', ['a', 'b']],
      [4, 6, 'ef', ['b']],
      [6, 8, 'gh', []],
    ],
  );
});

test('an empty stretch has no runs', () => {
  assert.deepEqual(highlightRuns('abc', { start: 2, end: 2 }, [{ start: 0, end: 3, tag: 1 }]), []);
  assert.deepEqual(highlightRuns('abc', { start: 5, end: 9 }, []), []);
});

test('seeded random spans: the runs rebuild the stretch and each tag covers exactly its clipped span', () => {
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let k = 0; k < 300; k++) {
    const text = 'x'.repeat(1 + rand(40));
    const a = rand(text.length + 1);
    const b = a + rand(text.length + 1 - a);
    const spans = Array.from({ length: rand(6) }, (_, i) => {
      const s = rand(text.length + 3) - 1;
      return { start: s, end: s + rand(8), tag: i };
    });
    const runs = highlightRuns(text, { start: a, end: b }, spans);
    assert.equal(runs.map((r) => r.text).join(''), text.slice(a, b));
    for (let i = 1; i < runs.length; i++) assert.equal(runs[i]!.start, runs[i - 1]!.end);
    for (const s of spans) {
      const lo = Math.max(a, s.start);
      const hi = Math.min(b, s.end);
      const covered = runs.filter((r) => r.tags.includes(s.tag)).reduce((n, r) => n + (r.end - r.start), 0);
      assert.equal(covered, Math.max(0, hi - lo), `span ${JSON.stringify(s)} in [${a}, ${b})`);
    }
  }
});
