/**
 * The chart's filters (entity types, relations, a time window, a minimum
 * Admiralty grading) and its display choices (size by a measure, colour
 * by community). The same filters are the choices analyses, paths, ego
 * networks and provenance are computed under.
 */
import { useId, type ReactNode } from 'react';
import { MEASURES, type MeasureName } from '../../api/schema/network-analysis.js';
import { ENTITY_TYPES, type EntityType } from '../../api/schema/network.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { CREDIBILITIES, RELIABILITIES } from '../../network/admiralty.js';
import { NO_FILTERS, type ChartFilters } from '../../network/chart-filters.js';
import { TYPE_STYLE } from '../../network/chart-style.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { MEASURE_KEY, TYPE_KEY } from './network-text.js';

const GRADINGS = RELIABILITIES.flatMap((r) => CREDIBILITIES.map((c) => `${r}${c}`));
const DAY_MS = 86_400_000;

function toggle<T>(list: readonly T[], x: T): T[] {
  return list.includes(x) ? list.filter((y) => y !== x) : [...list, x];
}

function dayInput(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString().slice(0, 10);
}

export function NetworkFilters(p: { readonly network: NetworkWorkspace; readonly relations: readonly string[] }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const n = p.network;
  const f = n.filters;
  const set = (patch: Partial<ChartFilters>): void => n.setFilters({ ...f, ...patch });
  const setDay = (which: 'start' | 'end', v: string): void => {
    const ms = v === '' ? null : Date.parse(`${v}T00:00:00Z`);
    const start = which === 'start' ? ms : (f.window?.startMs ?? null);
    // The "to" day is included: the window ends at the start of the next day.
    const end = which === 'end' ? (ms === null ? null : ms + DAY_MS) : (f.window?.endMs ?? null);
    if (start === null && end === null) set({ window: null });
    else set({ window: { startMs: start ?? Date.UTC(1900, 0, 1), endMs: end ?? Date.UTC(2200, 0, 1) } });
  };
  return (
    <>
      <fieldset className="group" data-testid="network-filters">
        <legend>{t('network.filters')}</legend>
        <span className="label">{t('network.filter.types')}</span>
        <div className="network-checks">
          {ENTITY_TYPES.map((ty: EntityType) => (
            <label key={ty} className="checkbox">
              <input type="checkbox" checked={f.types.includes(ty)} onChange={() => set({ types: toggle(f.types, ty) })} data-testid={`network-filter-type-${ty}`} />
              <span className="network-glyph" style={{ color: TYPE_STYLE[ty].colour }} aria-hidden="true">
                {TYPE_STYLE[ty].glyph}
              </span>{' '}
              {t(TYPE_KEY[ty])}
            </label>
          ))}
        </div>
        {p.relations.length > 0 && (
          <>
            <span className="label">{t('network.filter.relations')}</span>
            <div className="network-checks">
              {p.relations.map((r) => (
                <label key={r} className="checkbox">
                  <input type="checkbox" checked={f.relations.includes(r)} onChange={() => set({ relations: toggle(f.relations, r) })} data-testid="network-filter-relation" data-relation={r} />{' '}
                  {r}
                </label>
              ))}
            </div>
          </>
        )}
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('network.filter.from')}</label>
            <input id={`${id}-from`} type="date" value={dayInput(f.window?.startMs ?? null)} onChange={(e) => setDay('start', e.target.value)} data-testid="network-filter-from" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('network.filter.to')}</label>
            <input id={`${id}-to`} type="date" value={dayInput(f.window === null ? null : f.window.endMs - DAY_MS)} onChange={(e) => setDay('end', e.target.value)} data-testid="network-filter-to" />
          </div>
        </div>
        {f.window !== null && <p className="small muted">{t('network.filter.windowHelp')}</p>}
        <div className="field">
          <label htmlFor={`${id}-grading`}>{t('network.filter.minGrading')}</label>
          <select id={`${id}-grading`} value={f.minGrading ?? ''} onChange={(e) => set({ minGrading: e.target.value === '' ? null : e.target.value })} data-testid="network-filter-grading">
            <option value="">{t('network.filter.anyGrading')}</option>
            {GRADINGS.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="small" onClick={() => n.setFilters(NO_FILTERS)} data-testid="network-filter-reset">
          {t('network.filter.reset')}
        </button>
      </fieldset>
      <fieldset className="group">
        <legend>{t('network.style')}</legend>
        <div className="field">
          <label htmlFor={`${id}-size`}>{t('network.sizeBy')}</label>
          <select
            id={`${id}-size`}
            value={n.sizeBy ?? ''}
            onChange={(e) => n.setSizeBy(MEASURES.find((m) => m === e.target.value) ?? null)}
            data-testid="network-size-by"
          >
            <option value="">{t('network.sizeBy.none')}</option>
            {MEASURES.map((m: MeasureName) => (
              <option key={m} value={m}>
                {t(MEASURE_KEY[m])}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={n.colourByCommunity} onChange={(e) => n.setColourByCommunity(e.target.checked)} data-testid="network-colour-community" /> {t('network.colourByCommunity')}
        </label>
      </fieldset>
    </>
  );
}
