/**
 * Which way to translate a text when the caller does not say: Spanish or
 * English, by counting function words. The heuristic, on the first
 * 20,000 characters:
 *
 *   - each word (letters only, lowercased) that is one of ~60 frequent
 *     Spanish function words scores 1 for Spanish, one of ~60 English ones
 *     1 for English; words both languages write (a, no, me, he, son, has,
 *     once, era) are not counted;
 *   - each ñ, ¿ or ¡ scores 1 for Spanish, and each accented vowel
 *     (á é í ó ú ü) 0.5;
 *   - the higher score wins (Spanish → es-en, English → en-es); a tie,
 *     including a text with no such word at all (a list of names or
 *     numbers), decides nothing and the caller must give the direction.
 *
 * Function words are the most frequent words of either language and rare
 * in the other, so a few sentences suffice; a text mixing both languages
 * is translated from the one it holds more of.
 */
import type { Direction } from '@nariz/translate';

const SPANISH = new Set(
  ('de la que el en y los del se las por un para con una su al lo como más pero sus le ya o fue este ha sí porque esta entre cuando muy sin sobre ' +
    'también hasta hay donde quien desde todo nos durante uno ni contra ese eso qué otro él está están es estaba había ellos esto estos esas así les ' +
    'unos unas después aquí allí cuál dónde cómo pues mientras según tiene tienen hacia').split(' '),
);
const ENGLISH = new Set(
  ('the of and to in is that it was for on are as with his they at be this have from or by one had not but what all were we when your can said there ' +
    'an which she do their if will up about out them then so been would who into its our could than these those where after while ' +
    'should because being does did my her him how').split(' '),
);

export const DETECTION_WINDOW_CHARS = 20_000;

export interface DirectionGuess {
  /** Undefined when the scores tie (nothing to go on). */
  readonly direction: Direction | undefined;
  readonly scores: { readonly es: number; readonly en: number };
}

export function detectDirection(text: string): DirectionGuess {
  const t = text.slice(0, DETECTION_WINDOW_CHARS);
  let es = 0;
  let en = 0;
  for (const m of t.toLowerCase().matchAll(/\p{L}+/gu)) {
    const w = m[0];
    if (SPANISH.has(w)) es += 1;
    else if (ENGLISH.has(w)) en += 1;
  }
  for (const ch of t) {
    if (ch === 'ñ' || ch === 'Ñ' || ch === '¿' || ch === '¡') es += 1;
    else if ('áéíóúüÁÉÍÓÚÜ'.includes(ch)) es += 0.5;
  }
  return { direction: es > en ? 'es-en' : en > es ? 'en-es' : undefined, scores: { es, en } };
}
