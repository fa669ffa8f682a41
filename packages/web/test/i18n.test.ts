import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../src/i18n/catalogue/en.js';
import { es } from '../src/i18n/catalogue/es.js';
import { interpolate, placeholders } from '../src/i18n/catalogue/interpolate.js';

const keys = (o: object): string[] => Object.keys(o).sort();

test('en and es have exactly the same keys', () => {
  assert.deepEqual(keys(es), keys(en));
  assert.ok(keys(en).length > 100, `only ${keys(en).length} keys`);
});

test('every message keeps the placeholders of its English original', () => {
  for (const [key, message] of Object.entries(en)) {
    const translated: unknown = Reflect.get(es, key);
    assert.equal(typeof translated, 'string', key);
    assert.deepEqual(placeholders(String(translated)), placeholders(message), `placeholders of ${key}`);
  }
});

/** Words that are the same in both languages: the product's name, an algorithm's name, a unit. */
const SAME_IN_BOTH = new Set(['Nariz', 'PageRank', 'Louvain', 'bits']);

test('no message is empty, and Spanish is really translated', () => {
  const same: string[] = [];
  for (const [key, message] of Object.entries(en)) {
    const translated = String(Reflect.get(es, key));
    assert.notEqual(message.trim(), '', `en ${key}`);
    assert.notEqual(translated.trim(), '', `es ${key}`);
    // Only names and messages of placeholders and punctuation alone may coincide ("Nariz", "{user} ({role})").
    const words = message.replace(/\{[a-zA-Z]+\}/g, '').replace(/[\s()—–\-:,.·/]+/g, '');
    if (translated === message && words !== '' && !SAME_IN_BOTH.has(message)) same.push(key);
  }
  assert.deepEqual(same, [], 'Spanish messages equal to their English ones');
});

test('interpolate fills placeholders and leaves unknown ones visible', () => {
  assert.equal(interpolate('Source {n} of {total}', { n: 2, total: 5 }), 'Source 2 of 5');
  assert.equal(interpolate('Uploading {name}: {percent}', { name: 'a.csv' }), 'Uploading a.csv: {percent}');
  assert.equal(interpolate('{a}{a}', { a: 'x' }), 'xx');
  assert.deepEqual(placeholders('{b} and {a}, {b}'), ['a', 'b', 'b']);
});
