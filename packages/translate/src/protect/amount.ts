/**
 * Money amounts: a currency sign or code with a number ("$5,000",
 * "US$ 1.5 millones", "MXN 20,000", "20 mil USD"), a number with a currency
 * word ("500 pesos", "3.5 millones de dólares", "10k dollars"), and amounts
 * in words ("mil pesos", "dos mil quinientos pesos", "ten thousand
 * dollars"). "mdp"/"mdd" (millones de pesos/dólares) count as currency
 * words. A bare number is not an amount.
 */
import type { DetectedEntity } from './entity.js';

const NUMBER = String.raw`\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?`;
const MAGNITUDE = String.raw`(?:\s*(?:k|K|M|mil(?:es)?|mill(?:ón|on|ones)|thousand|million|billion|mdp|mdd|MDP|MDD)(?![\p{L}]))?`;
const SIGN = String.raw`(?:US\$|USD\$|MX\$|MN\$|\$|€|£)`;
const CODE = String.raw`(?:MXN|MXP|USD|EUR|M\.N\.|m\.n\.)(?![\p{L}])`;
const CURRENCY_WORD = String.raw`(?:pesos?(?:\s+mexicanos)?|d[oó]lares(?:\s+(?:americanos|estadounidenses))?|d[oó]lar|dollars?|bucks|euros?|mdp|mdd|MDP|MDD|varos)(?![\p{L}])`;
const ES_NUMBER_WORD = String.raw`(?:un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieciséis|dieciseis|diecisiete|dieciocho|diecinueve|veinte|veinti\p{L}+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|doscientos|trescientos|cuatrocientos|quinientos|seiscientos|setecientos|ochocientos|novecientos|mil|millón|millon|millones|medio)(?![\p{L}])`;
const EN_NUMBER_WORD = String.raw`(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|half)(?![\p{L}])`;

const PATTERNS: readonly RegExp[] = [
  // sign or code first: $5,000 · US$ 1.5 millones · MXN 20,000
  new RegExp(String.raw`(?<![\p{L}\p{N}$])(?:${SIGN}|${CODE}\s?)\s?(?:${NUMBER})${MAGNITUDE}(?:\s+(?:de\s+)?${CURRENCY_WORD})?(?:\s+${CODE})?`, 'gu'),
  // number then currency: 500 pesos · 3.5 millones de dólares · 20 mil USD
  new RegExp(String.raw`(?<![\p{L}\p{N}.,])(?:${NUMBER})${MAGNITUDE}\s*(?:de\s+)?(?:${CURRENCY_WORD}|${CODE})`, 'gu'),
  // words: mil pesos · dos mil quinientos pesos · ten thousand dollars
  new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${ES_NUMBER_WORD}(?:\s+(?:y\s+)?${ES_NUMBER_WORD})*\s+(?:de\s+)?${CURRENCY_WORD})|(?<![\p{L}\p{N}])(?:${EN_NUMBER_WORD}(?:[\s-]+(?:and\s+)?${EN_NUMBER_WORD})*\s+${CURRENCY_WORD})`, 'giu'),
];

function wordBoundaries(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  const glued = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  // A sign may touch a letter before it ("de$500" is rare); digits and letters may not run on.
  return !(glued(before) && /[\p{L}\p{N}]/u.test(text[start] as string)) && !glued(after);
}

export function detectAmounts(text: string): DetectedEntity[] {
  const out: DetectedEntity[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      let s = m[0];
      // Trailing separators a greedy number took ("$5,000." at a sentence end, "$5,000, y").
      s = s.replace(/[\s.,]+$/u, '');
      const start = m.index;
      const end = start + s.length;
      if (s === '' || !wordBoundaries(text, start, end)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      // English "a dollar" alone is not worth protecting; a word amount needs a number word besides "a".
      if (/^(?:a|un|una|medio|half)\s+\p{L}+$/iu.test(s)) continue;
      out.push({ kind: 'amount', start, end, text: s });
    }
  }
  return out;
}
