/** Words for a source's class, shared by the list, the detail and the map popup. */
import type { MessageKey } from '../i18n/catalogue/keys.js';
import type { Translate } from '../i18n/i18n-context.js';

const CLASS_KEYS: Readonly<Record<string, MessageKey>> = {
  lab: 'class.lab',
  paint_shop: 'class.paint_shop',
  solvent_use: 'class.solvent_use',
  traffic: 'class.traffic',
};

/** A signature class in words; a class this app does not know keeps the library's name. */
export function className(t: Translate, name: string): string {
  const key = CLASS_KEYS[name];
  return key === undefined ? name.replaceAll('_', ' ') : t(key);
}
