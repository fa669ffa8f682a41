/** The reader's chosen language, kept in localStorage (none when storage is off or nothing was chosen yet). */
import { isLocale, type Locale } from './catalogue/keys.js';

const STORAGE_KEY = 'nariz.locale';

export function storedLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    // Storage can be off (privacy settings).
    return null;
  }
}

export function storeLocale(l: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, l);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
}
