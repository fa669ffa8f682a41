/**
 * Free text in a release (titles, summaries, notes): written by people in
 * one language and shown in each version of the package either as the
 * original, or labelled. Nothing is machine-translated yet: the translation
 * issue replaces `NO_MACHINE_TRANSLATION` with a real `MachineTranslator`
 * (platform.ts passes it to the release builder) and its output is then
 * labelled `machine-translated` — never passed off as reviewed text.
 */
import type { TextLanguage } from '@nariz/store';

/** How the text of one version relates to what was written. */
export type TranslationState = 'original' | 'not-translated' | 'machine-translated';

export interface FreeText {
  /** What this version shows. */
  readonly text: string;
  /** The language of `text`. */
  readonly lang: TextLanguage;
  /** The language it was written in. */
  readonly original_lang: TextLanguage;
  readonly translation: TranslationState;
}

/** The hook machine translation plugs into: the translation, or undefined when there is none. */
export type MachineTranslator = (text: string, from: TextLanguage, to: TextLanguage) => Promise<string | undefined>;

/** Until the translation issue lands: nothing is translated, and every version says so. */
export const NO_MACHINE_TRANSLATION: MachineTranslator = async () => undefined;

export async function freeTextIn(text: string, from: TextLanguage, to: TextLanguage, translate: MachineTranslator): Promise<FreeText> {
  if (from === to || text.trim() === '') return { text, lang: from, original_lang: from, translation: 'original' };
  const machine = await translate(text, from, to);
  if (machine === undefined) return { text, lang: from, original_lang: from, translation: 'not-translated' };
  return { text: machine, lang: to, original_lang: from, translation: 'machine-translated' };
}
