/** English messages of the counter-network tab (link chart, imports, analyses), spread into en.ts. */
export const networkEn = {
  'tabs.network': 'Network',
} as const;
