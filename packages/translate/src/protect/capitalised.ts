/**
 * A conservative heuristic for names no list supplies: two or more
 * consecutive capitalised words ("Joaquín Guzmán", "Buenos Aires",
 * "Ehud Ur"), which may be joined by the particles of Spanish and
 * Portuguese names (de, del, de la, de los) and may carry initials
 * ("J. R. Smith"). Leading words that are capitalised only because they
 * start a sentence or are function words (El, La, The, In…) are dropped
 * from the span, so "El Chapo llegó" yields "Chapo" only if another
 * capitalised word follows, i.e. not at all: one capitalised word alone is
 * never taken (the engine usually passes unknown proper nouns through, and
 * sentence-initial words would be caught otherwise). Words in all capitals
 * are not names here (acronyms and ids have their own detectors).
 *
 * Institutions, countries, prizes and titles are capitalised too, and
 * those have translations ("Estados Unidos", "Universidad de Dalhousie",
 * "Mejor Actor"): a sequence containing one of the common words such names
 * are built from (INSTITUTION_WORDS) is not taken. On FLORES-200 devtest
 * this keeps mostly people's names (bench/translate.bench.ts measures the
 * BLEU cost of protection).
 */
import type { DetectedEntity } from './entity.js';

const CAPITALISED = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*`;
const INITIAL = String.raw`\p{Lu}\.`;
const PARTICLE = String.raw`(?:de|del|de la|de las|de los|la|las|los|van|von|da|dos|di)`;
const NAME_WORD = `(?:${CAPITALISED}|${INITIAL})`;
const SEQUENCE = new RegExp(String.raw`(?<![\p{L}\p{N}])${NAME_WORD}(?:\s(?:${PARTICLE}\s)?${NAME_WORD})+(?![\p{L}\p{N}])`, 'gu');

/** Capitalised function words and sentence openers that do not start a name. */
const NOT_NAME_START = new Set([
  'el', 'la', 'los', 'las', 'lo', 'un', 'una', 'unos', 'unas', 'en', 'de', 'del', 'y', 'o', 'a', 'al', 'con', 'por', 'para', 'según', 'segun',
  'sin', 'sobre', 'entre', 'desde', 'hasta', 'que', 'si', 'no', 'pero', 'este', 'esta', 'estos', 'estas', 'ese', 'esa', 'aquel', 'su', 'sus',
  'mi', 'tu', 'nuestro', 'cuando', 'donde', 'como', 'ayer', 'hoy', 'mañana', 'señor', 'señora', 'sr', 'sra', 'don', 'doña',
  'the', 'a', 'an', 'in', 'on', 'at', 'of', 'and', 'or', 'but', 'for', 'from', 'with', 'by', 'to', 'this', 'that', 'these', 'those', 'his',
  'her', 'their', 'our', 'my', 'your', 'its', 'when', 'where', 'if', 'yesterday', 'today', 'tomorrow', 'mr', 'mrs', 'ms', 'dr', 'i', 'we',
  'he', 'she', 'they', 'it', 'you',
]);

/** Common words of institution, place and title names, in both languages (folded: lowercase, no accents). */
const INSTITUTION_WORDS = new Set([
  // Spanish
  'estados', 'unidos', 'unidas', 'unido', 'naciones', 'nueva', 'nuevo', 'universidad', 'asociacion', 'comite', 'comision', 'mejor', 'grupo',
  'acuerdos', 'acuerdo', 'academia', 'premio', 'premios', 'nacional', 'internacional', 'consejo', 'ministerio', 'secretaria', 'presidente',
  'gobierno', 'partido', 'ejercito', 'fuerza', 'fuerzas', 'guardia', 'policia', 'revolucion', 'copa', 'mundial', 'juegos', 'olimpicos',
  'olimpico', 'rio', 'mar', 'oceano', 'sur', 'norte', 'este', 'oeste', 'central', 'reino', 'republica', 'dia', 'iglesia', 'imperio',
  'guerra', 'tratado', 'corte', 'suprema', 'tribunal', 'camara', 'senado', 'congreso', 'banco', 'hospital', 'instituto', 'escuela', 'museo',
  'parque', 'isla', 'islas', 'monte', 'sierra', 'golfo', 'ciudad', 'estado', 'provincia', 'departamento', 'federal', 'agencia', 'oficina',
  'organizacion', 'sociedad', 'fundacion', 'compania', 'empresa', 'canal', 'radio', 'television', 'liga', 'campeonato', 'torneo', 'festival',
  'catedral', 'palacio', 'plaza', 'avenida', 'calle', 'aeropuerto', 'puerto', 'estacion', 'canadiense', 'americana', 'americano',
  'europea', 'europeo', 'mexicana', 'mexicano', 'sueca', 'britanico', 'britanica', 'literatura', 'paz', 'fisica', 'quimica', 'medicina',
  'actor', 'actriz', 'pelicula', 'director', 'ministro', 'primer', 'primera', 'segunda', 'santo', 'santa', 'sagrada', 'oriente', 'medio',
  'teatro', 'huracan', 'ley', 'argentino', 'argentina', 'japones', 'chino', 'china', 'frances', 'francesa', 'aleman', 'alemana',
  // English
  'united', 'states', 'nations', 'kingdom', 'new', 'university', 'association', 'committee', 'commission', 'best', 'group', 'accords',
  'academy', 'prize', 'award', 'awards', 'national', 'international', 'council', 'ministry', 'department', 'president', 'government',
  'party', 'army', 'force', 'forces', 'guard', 'police', 'revolution', 'cup', 'world', 'games', 'olympic', 'olympics', 'river', 'sea',
  'ocean', 'south', 'north', 'east', 'west', 'republic', 'day', 'church', 'empire', 'war', 'treaty', 'court', 'supreme', 'senate',
  'congress', 'bank', 'institute', 'school', 'museum', 'park', 'island', 'islands', 'mount', 'mountains', 'gulf', 'city', 'state',
  'province', 'federal', 'agency', 'office', 'organization', 'organisation', 'society', 'foundation', 'company', 'corporation', 'league',
  'championship', 'tournament', 'cathedral', 'palace', 'square', 'avenue', 'street', 'airport', 'port', 'station', 'canadian', 'american',
  'european', 'mexican', 'swedish', 'british', 'security', 'advisor', 'adviser', 'picture', 'design', 'peace', 'physics', 'chemistry',
  'medicine', 'literature', 'minister', 'prime', 'secretary', 'general', 'first', 'second', 'saint', 'holy', 'diabetes', 'middle',
  'theatre', 'theater', 'hurricane', 'act', 'argentine', 'japanese', 'chinese', 'french', 'german', 'original', 'sound', 'score',
]);

function foldWord(w: string): string {
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’]s$/, '');
}

export function detectCapitalisedSequences(text: string): DetectedEntity[] {
  const out: DetectedEntity[] = [];
  SEQUENCE.lastIndex = 0;
  for (let m = SEQUENCE.exec(text); m !== null; m = SEQUENCE.exec(text)) {
    let start = m.index;
    let s = m[0];
    // Drop leading words that are not name starts.
    for (;;) {
      const first = /^(\S+)\s+/u.exec(s);
      if (first === null || !NOT_NAME_START.has((first[1] as string).toLowerCase().replace(/\.$/, ''))) break;
      start += (first[0] as string).length;
      s = s.slice((first[0] as string).length);
    }
    // After dropping, at least two capitalised words (initials count) must remain.
    const words = s.split(/\s+/u).filter((w) => /^\p{Lu}/u.test(w));
    if (words.length < 2) continue;
    if (words.some((w) => INSTITUTION_WORDS.has(foldWord(w)))) continue;
    out.push({ kind: 'capitalised', start, end: start + s.length, text: s });
  }
  return out;
}
