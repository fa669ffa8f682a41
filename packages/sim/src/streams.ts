/**
 * Independent random streams derived from one scenario seed. Each physical
 * process (meander, gusts, intermittency of source i, noise of species k...)
 * draws from its own stream, so switching one process off or adding a source
 * does not reshuffle the numbers every other process sees. Same seed and
 * label always give the same stream.
 */
import { createRng, type Rng } from '@nariz/core';

/** FNV-1a over the label, folded with both 32-bit halves of the seed, then a murmur3 finaliser. */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  h = (h ^ lo) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = (h ^ hi) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function streamRng(seed: number, label: string): Rng {
  return createRng(deriveSeed(seed, label));
}
