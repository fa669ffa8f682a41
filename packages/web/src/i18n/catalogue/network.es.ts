/** Mensajes en español de la pestaña de red (gráfico de vínculos, importaciones, análisis); se incorporan a es.ts. */
import type { networkEn } from './network.en.js';

export const networkEs: { readonly [K in keyof typeof networkEn]: string } = {
  'tabs.network': 'Red',
};
