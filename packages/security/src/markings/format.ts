/**
 * Portion and banner text (rules T1-T3 of docs/security/markings.md), in the
 * CAPCO style: "(S//ORCON/REL TO USA, MEX//LES)" and
 * "SECRET//ORCON/REL TO USA, MEX//LES". Never typed by hand: always computed
 * from markings.
 */
import { CLASSIFICATION_NAMES } from './classification.js';
import { combine } from './combine.js';
import { controlDefinition, type ControlCategory } from './controls.js';
import { markingError, type Marking } from './marking.js';
import type { SecurityPolicy } from './policy.js';

/** The own country first, then the others alphabetically (CAPCO's order for REL TO). */
export function relToText(relTo: readonly string[], policy: SecurityPolicy): string {
  const others = relTo.filter((c) => c !== policy.ownCountry).sort();
  return [policy.ownCountry, ...others].join(', ');
}

function categoryText(m: Marking, category: ControlCategory): string[] {
  return m.controls.filter((c) => {
    const def = controlDefinition(c);
    if (def === undefined) throw markingError(`control "${c}" is not in the registry`, 'controls');
    return def.category === category;
  });
}

/** The "//"-separated categories after the classification (T3). */
function categories(m: Marking, policy: SecurityPolicy): string[] {
  const dissemination = categoryText(m, 'dissemination');
  if (m.relTo.length > 0) dissemination.push(`REL TO ${relToText(m.relTo, policy)}`);
  const nonIc = categoryText(m, 'non-ic-dissemination');
  return [dissemination.join('/'), nonIc.join('/')].filter((s) => s !== '');
}

/** T1: "(U)", "(C//NOFORN)", "(S//REL TO USA, MEX)". */
export function portionMarking(m: Marking, policy: SecurityPolicy): string {
  return `(${[m.classification, ...categories(m, policy)].join('//')})`;
}

/** T2: the banner line of one (already combined) marking, e.g. "SECRET//REL TO USA, MEX". */
export function formatBanner(m: Marking, policy: SecurityPolicy): string {
  return [CLASSIFICATION_NAMES[m.classification], ...categories(m, policy)].join('//');
}

/** The banner of a set of portions: formatBanner(combine(portions)). */
export function bannerMarking(portions: readonly Marking[], policy: SecurityPolicy): string {
  return formatBanner(combine(portions, policy), policy);
}
