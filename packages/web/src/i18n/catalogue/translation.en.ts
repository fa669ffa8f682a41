/** English messages of the translation tab, spread into en.ts. */
export const translationEn = {
  'tabs.translate': 'Translation',
} as const;
