/**
 * The translation set in ../shared/data/translation (FLORES-200 devtest,
 * and the reference neural system's outputs with their recorded sacreBLEU
 * scores), read by path relative to the compiled test file.
 */
import { readFileSync } from 'node:fs';

export const TRANSLATION_DATA = new URL('../../../../../shared/data/translation/', import.meta.url);

/** The lines of a data file (without the final newline's empty line). */
export function readLines(name: string): string[] {
  const text = readFileSync(new URL(name, TRANSLATION_DATA), 'utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function readRecordedBleu(name: string): string {
  return readFileSync(new URL(name, TRANSLATION_DATA), 'utf8').trim();
}

export const DEVTEST = { es: 'flores200-devtest.spa_Latn', en: 'flores200-devtest.eng_Latn' } as const;
