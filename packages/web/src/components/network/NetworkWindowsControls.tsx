/**
 * "Change over time": one measure computed by the server in each of a
 * series of time windows (POST /api/network/windows) under the filters'
 * relations and grading — the first and last day, the width and step in
 * days (defaults from the dated assertions: network/window-plan.ts) — and
 * the run's state. The result is drawn beside the chart (WindowsResults).
 */
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { MEASURES, type MeasureName } from '../../api/schema/network-analysis.js';
import type { MessageKey } from '../../i18n/catalogue/keys.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { checkWindowForm, defaultWindowForm, windowsBody, type WindowForm, type WindowProblem } from '../../network/window-plan.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { RunStatus } from './RunStatus.js';
import { MEASURE_KEY } from './network-text.js';

/** Changes per pair of windows the server keeps (largest first). */
const TOP = 50;

const PROBLEM_KEY: Readonly<Record<WindowProblem, MessageKey>> = {
  days: 'network.windows.problem.days',
  order: 'network.windows.problem.order',
  width: 'network.windows.problem.width',
  step: 'network.windows.problem.step',
  tooMany: 'network.windows.problem.tooMany',
};

export function NetworkWindowsControls(p: { readonly network: NetworkWorkspace; readonly canRun: boolean }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const n = p.network;
  const defaults = useMemo(() => defaultWindowForm(n.data?.assertions ?? []), [n.data]);
  const [form, setForm] = useState<WindowForm | null>(null);
  const [measure, setMeasure] = useState<MeasureName>('degree');
  // The data's range until the analyst changes it.
  useEffect(() => {
    if (form === null && defaults !== null) setForm(defaults);
  }, [form, defaults]);
  const run = n.windowsRun;
  const busy = run !== null && (run.state === 'queued' || run.state === 'running');
  const check = form === null ? null : checkWindowForm(form);
  const set = (patch: Partial<WindowForm>): void => setForm((f) => (f === null ? f : { ...f, ...patch }));
  const start = (): void => {
    if (check?.ok === true) n.startWindows(windowsBody(check.plan, measure, n.filters, TOP));
  };
  return (
    <fieldset className="group" data-testid="network-windows">
      <legend>{t('network.windows')}</legend>
      {!p.canRun ? (
        <p className="small muted">{t('network.analysis.noRights')}</p>
      ) : form === null ? (
        <p className="small muted">{t('network.windows.noDates')}</p>
      ) : (
        <>
          <p className="small muted">{t('network.windows.help')}</p>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-first`}>{t('network.filter.from')}</label>
              <input id={`${id}-first`} type="date" value={form.first} onChange={(e) => set({ first: e.target.value })} data-testid="network-windows-first" />
            </div>
            <div className="field">
              <label htmlFor={`${id}-last`}>{t('network.filter.to')}</label>
              <input id={`${id}-last`} type="date" value={form.last} onChange={(e) => set({ last: e.target.value })} data-testid="network-windows-last" />
            </div>
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-width`}>{t('network.windows.width')}</label>
              <input id={`${id}-width`} type="number" min={0.25} step="any" value={form.widthDays} onChange={(e) => set({ widthDays: e.target.value })} data-testid="network-windows-width" />
            </div>
            <div className="field">
              <label htmlFor={`${id}-step`}>{t('network.windows.step')}</label>
              <input id={`${id}-step`} type="number" min={0.25} step="any" value={form.stepDays} onChange={(e) => set({ stepDays: e.target.value })} data-testid="network-windows-step" />
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-m`}>{t('network.results.measure')}</label>
            <select id={`${id}-m`} value={measure} onChange={(e) => setMeasure(MEASURES.find((m) => m === e.target.value) ?? 'degree')} data-testid="network-windows-measure">
              {MEASURES.map((m) => (
                <option key={m} value={m}>
                  {t(MEASURE_KEY[m])}
                </option>
              ))}
            </select>
          </div>
          {check !== null && (
            <p className={check.ok ? 'small' : 'small error'} data-testid="network-windows-count" data-count={check.ok ? check.count : ''}>
              {check.ok ? t('network.windows.count', { count: check.count }) : t(PROBLEM_KEY[check.problem])}
            </p>
          )}
          <div className="button-row">
            <button type="button" className="primary" disabled={busy || check?.ok !== true} onClick={start} data-testid="network-windows-run">
              {t('network.windows.run')}
            </button>
            {defaults !== null && (
              <button type="button" className="small" onClick={() => setForm(defaults)} data-testid="network-windows-defaults">
                {t('network.windows.defaults')}
              </button>
            )}
          </div>
        </>
      )}
      <RunStatus run={run} error={n.windowsError} testId="network-windows-state" />
    </fieldset>
  );
}
