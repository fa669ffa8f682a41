/** A small simulated sortie with a lab, as CSV: what the tests upload and stream. */
import { sliceSortie, type Sortie } from '@nariz/core';
import { writeSortieCsv } from '@nariz/formats';
import { randomScenario, simulate, type Truth } from '@nariz/sim';

export function labSortie(seed = 3, samples = 3000): { sortie: Sortie; csv: string; truth: Truth } {
  const { sortie, truth } = simulate({ ...randomScenario(seed, { labs: 1, decoys: 0, samples, speedMps: 4 }), reportStability: true });
  return { sortie, csv: writeSortieCsv(sortie), truth };
}

/** The sortie as consecutive CSV batches of `rows` rows (each with its header). */
export function csvBatches(sortie: Sortie, rows: number): string[] {
  const out: string[] = [];
  for (let from = 0; from < sortie.count; from += rows) out.push(writeSortieCsv(sliceSortie(sortie, from, Math.min(sortie.count, from + rows))));
  return out;
}
