/** Two sorties hold the same samples, column by column, bit for bit. */
import assert from 'node:assert/strict';
import { sortieColumns, type Sortie } from '@nariz/core';

export function assertSameColumns(a: Sortie, b: Sortie): void {
  assert.equal(a.count, b.count, 'count');
  const ca = sortieColumns(a);
  const cb = sortieColumns(b);
  assert.deepEqual(ca.map(([n]) => n), cb.map(([n]) => n), 'columns');
  ca.forEach(([name, x], c) => {
    const y = cb[c]![1];
    for (let i = 0; i < a.count; i++) if (!Object.is(x[i], y[i])) assert.fail(`${name}[${i}]: ${x[i]} vs ${y[i]}`);
  });
}
