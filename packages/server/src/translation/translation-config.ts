/**
 * Translation's settings (config.ts parses them with the others):
 *
 *   file key        variable                meaning (default)
 *   translation     NARIZ_TRANSLATION       `auto`: open Bergamot when its models are
 *                                           configured, and Apertium; `off`: no engine, the
 *                                           translation routes answer 503 saying so (auto)
 *   bergamotModels  NARIZ_BERGAMOT_MODELS   Bergamot's model directory (docs/translation.md,
 *                                           "Installing the models"; unset: Apertium only)
 *   glossaryFile    NARIZ_GLOSSARY_FILE     the reviewed slang glossary (the starter list,
 *                                           packages/translate/glossary/mx-slang.json)
 *   pdftotext       NARIZ_PDFTOTEXT         poppler's pdftotext for PDF uploads (pdftotext on
 *                                           PATH; scripts/setup-poppler.sh)
 */
import { NarizError } from '@nariz/core';
import type { RawSetting } from '../audit/audit-config.js';

export interface TranslationConfig {
  /** False: no engine is opened and the translation routes answer 503 with `offReason`. */
  readonly enabled: boolean;
  /** Why translation is off, for the 503 (the setting that turned it off). */
  readonly offReason?: string;
  readonly bergamotModelDir?: string;
  /** Apertium's data directory (default /usr/share/apertium). */
  readonly apertiumDataDir?: string;
  /** A glossary file; absent: the starter list. */
  readonly glossaryFile?: string;
  /** pdftotext's path (default `pdftotext` on PATH). */
  readonly pdftotext?: string;
}

/** The settings' keys in config.ts (file keys). */
export type TranslationSettingKey = 'translation' | 'bergamotModels' | 'glossaryFile' | 'pdftotext';

const path = (s: RawSetting): string | undefined => {
  if (s.value === undefined) return undefined;
  if (s.value.trim() === '') throw new NarizError('NARIZ_USAGE', `${s.from} must be a path`);
  return s.value;
};

export function translationServerConfig(get: (k: TranslationSettingKey) => RawSetting): { translation: TranslationConfig } {
  const t = get('translation');
  const mode = (t.value ?? 'auto').trim().toLowerCase();
  const on = ['auto', 'on', 'true', '1'].includes(mode);
  if (!on && !['off', 'false', '0'].includes(mode)) throw new NarizError('NARIZ_USAGE', `${t.from} must be auto or off, got "${t.value}"`);
  const bergamotModelDir = path(get('bergamotModels'));
  const glossaryFile = path(get('glossaryFile'));
  const pdftotext = path(get('pdftotext'));
  return {
    translation: {
      enabled: on,
      ...(on ? {} : { offReason: `translation is off (${t.from}=${t.value})` }),
      ...(bergamotModelDir !== undefined ? { bergamotModelDir } : {}),
      ...(glossaryFile !== undefined ? { glossaryFile } : {}),
      ...(pdftotext !== undefined ? { pdftotext } : {}),
    },
  };
}
