/**
 * Free text in a release (titles, summaries, notes): written by people in
 * one language and shown in each version of the package either as the
 * original, as a machine translation carrying the original beside it, or
 * labelled "not translated". The translator is the platform's translation
 * service (translation/translation-service.ts) when an engine is open, else
 * `NO_MACHINE_TRANSLATION`; its output is labelled `machine-translated`
 * with the engine and version — never passed off as reviewed text.
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
  /** Machine-translated only: what was written, in `original_lang`. */
  readonly original?: string;
  /** Machine-translated only: the engine and its version. */
  readonly engine?: { readonly id: string; readonly version: string };
}

/** A machine translation and the engine that made it. */
export interface MachineTranslation {
  readonly text: string;
  readonly engine: { readonly id: string; readonly version: string };
}

/** The hook machine translation plugs into: the translation, or undefined when there is none. */
export type MachineTranslator = (text: string, from: TextLanguage, to: TextLanguage) => Promise<MachineTranslation | undefined>;

/** No engine: nothing is translated, and every version says so. */
export const NO_MACHINE_TRANSLATION: MachineTranslator = async () => undefined;

export async function freeTextIn(text: string, from: TextLanguage, to: TextLanguage, translate: MachineTranslator): Promise<FreeText> {
  if (from === to || text.trim() === '') return { text, lang: from, original_lang: from, translation: 'original' };
  const machine = await translate(text, from, to);
  if (machine === undefined) return { text, lang: from, original_lang: from, translation: 'not-translated' };
  return { text: machine.text, lang: to, original_lang: from, translation: 'machine-translated', original: text, engine: { id: machine.engine.id, version: machine.engine.version } };
}
