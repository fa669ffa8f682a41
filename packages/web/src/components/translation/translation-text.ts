/** The message keys of the translation tab's enumerations: directions, entity kinds, engine marks, glossary categories. */
import type { Direction, EntityKind, MarkKind } from '../../api/schema/translation.js';
import type { MessageKey } from '../../i18n/catalogue/keys.js';

export const DIRECTION_KEY: Readonly<Record<Direction | 'auto', MessageKey>> = {
  'es-en': 'translate.direction.es-en',
  'en-es': 'translate.direction.en-es',
  auto: 'translate.direction.auto',
};

export const ENTITY_KEY: Readonly<Record<EntityKind, MessageKey>> = {
  'case-entity': 'translate.entity.case-entity',
  curp: 'translate.entity.curp',
  rfc: 'translate.entity.rfc',
  phone: 'translate.entity.phone',
  plate: 'translate.entity.plate',
  amount: 'translate.entity.amount',
  capitalised: 'translate.entity.capitalised',
};

export const MARK_KEY: Readonly<Record<MarkKind, MessageKey>> = {
  unknown: 'translate.unknownTitle',
  transfer: 'translate.transferTitle',
  generation: 'translate.generationTitle',
};

const CATEGORY_KEY: Readonly<Record<string, MessageKey>> = {
  drug: 'translate.category.drug',
  lab: 'translate.category.lab',
  weapon: 'translate.category.weapon',
  role: 'translate.category.role',
  violence: 'translate.category.violence',
  territory: 'translate.category.territory',
  money: 'translate.category.money',
  smuggling: 'translate.category.smuggling',
  vehicle: 'translate.category.vehicle',
  other: 'translate.category.other',
};

/** The category's message key, or undefined for a category this app does not know (shown as the server wrote it). */
export function categoryKey(c: string): MessageKey | undefined {
  return Object.hasOwn(CATEGORY_KEY, c) ? CATEGORY_KEY[c] : undefined;
}

export const LANGUAGE_KEY: Readonly<Record<'es' | 'en', MessageKey>> = { es: 'translate.lang.es', en: 'translate.lang.en' };
