/** Contents of the map's popups, built as DOM nodes (text only, never HTML strings). */
import { formatSignificant, formatUtc } from '../format/numbers.js';
import { KG_M3_TO, UNIT_LABEL, type ConcentrationUnit } from '../format/units.js';
import type { Translate } from '../i18n/i18n-context.js';
import type { DetectionProps, HazardProps } from './overlay-data.js';

export interface PopupContext {
  readonly t: Translate;
  readonly intl: string;
  readonly unit: ConcentrationUnit;
  readonly simulated: boolean;
}

function el(tag: string, className: string | null, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className !== null) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function frame(c: PopupContext, title: string): { root: HTMLElement; dl: HTMLElement } {
  const root = el('div', 'popup');
  if (c.simulated) root.append(el('span', 'badge badge-simulated', c.t('simulated.badge')));
  root.append(el('div', 'popup-title', title));
  const dl = el('dl', 'popup-fields');
  root.append(dl);
  return { root, dl };
}

function row(dl: HTMLElement, term: string, value: string): void {
  dl.append(el('dt', null, term), el('dd', null, value));
}

export function detectionPopup(c: PopupContext, p: DetectionProps): HTMLElement {
  const { root, dl } = frame(c, c.t('popup.detection', { species: p.species }));
  const k = KG_M3_TO[c.unit];
  row(dl, c.t('popup.peak'), `${formatSignificant(c.intl, p.peakKgM3 * k)} ${UNIT_LABEL[c.unit]}`);
  row(dl, c.t('popup.excess'), `${formatSignificant(c.intl, p.excessKgM3 * k)} ${UNIT_LABEL[c.unit]}`);
  row(dl, c.t('popup.time'), formatUtc(c.intl, p.peakS));
  return root;
}

export function hazardPopup(c: PopupContext, p: HazardProps): HTMLElement {
  const { root } = frame(c, c.t('hazards.popup', { tier: p.tier, chemical: p.chemical, distance: formatSignificant(c.intl, p.maxDownwindM, 3) }));
  root.append(el('p', 'popup-note', c.t('hazards.disclaimer')));
  return root;
}

export function sourcePopup(c: PopupContext, n: number, lines: readonly (readonly [string, string])[]): HTMLElement {
  const { root, dl } = frame(c, c.t('popup.source', { n }));
  for (const [term, value] of lines) row(dl, term, value);
  return root;
}
