/**
 * Plan a survey: the search area (drawn on the map, or the current view),
 * the wind (by default the selected sortie's mean wind), the stability
 * class, the altitude bands, the vehicle and the take-off time; the plan is
 * checked against the chosen authority. The server plans the pattern and
 * the app opens it on the map with its estimate.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { AuthoritySummary } from '../../api/schema/authority.js';
import { VEHICLE_TYPES, type VehicleType } from '../../api/schema/flight-plan.js';
import type { PlanDetail } from '../../api/schema/plan-record.js';
import { readSurveyForm, vehicleFormValues, type FieldProblem, type SurveyField, type SurveyFormValues } from '../../flight/survey-form.js';
import { STABILITY_CLASSES } from '../../flight/survey-request.js';
import type { MeanWind } from '../../geo/mean-wind.js';
import type { DrawInput, DrawState } from '../../geo/polygon-draw.js';
import { formatSignificant } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { Bbox } from '../../map/MapView.js';
import { errorText } from '../error-text.js';
import { AreaControls } from './AreaControls.js';
import { BoundarySourceNote } from './BoundarySourceNote.js';
import { STABILITY_KEY, VEHICLE_TYPE_KEY } from './flight-text.js';
import { TakeOffControls } from './TakeOffControls.js';

export interface SurveyPlannerProps {
  readonly client: ApiClient;
  readonly authority: AuthoritySummary | null;
  readonly draw: DrawState;
  readonly dispatch: (e: DrawInput) => void;
  readonly viewBounds: () => Bbox | null;
  /** The selected sortie's mean wind, the default of the wind fields. */
  readonly sortieWind: { readonly name: string; readonly wind: MeanWind } | null;
  readonly onCreated: (p: PlanDetail) => void;
}

const INITIAL: SurveyFormValues = {
  name: '',
  windSpeed: '',
  windFrom: '',
  stability: 'D',
  altitudes: '30',
  vehicleType: 'multirotor',
  ...vehicleFormValues('multirotor'),
  startUtc: '',
};

const windText = (w: MeanWind): { speed: string; from: string } => ({ speed: String(Math.round(w.speedMps * 10) / 10), from: String(Math.round(w.fromDeg) % 360) });

function isVehicleType(s: string): s is VehicleType {
  return VEHICLE_TYPES.some((v) => v === s);
}

export function SurveyPlanner(p: SurveyPlannerProps): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const [v, setV] = useState<SurveyFormValues>(INITIAL);
  const [windEdited, setWindEdited] = useState(false);
  const [problems, setProblems] = useState<Readonly<Partial<Record<SurveyField, FieldProblem>>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const wind = p.sortieWind?.wind ?? null;
  useEffect(() => {
    if (windEdited) return;
    const w = wind === null ? { speed: '', from: '' } : windText(wind);
    setV((x) => ({ ...x, windSpeed: w.speed, windFrom: w.from }));
  }, [wind, windEdited]);

  const set = <K extends keyof SurveyFormValues>(key: K, value: SurveyFormValues[K]): void => setV((x) => ({ ...x, [key]: value }));
  const problem = (f: SurveyField): ReactNode => {
    const pr = problems[f];
    return pr === undefined ? null : (
      <span className="field-error" id={`${id}-${f}-error`} role="alert">
        {t(pr.key, pr.values)}
      </span>
    );
  };
  const invalid = (f: SurveyField): { 'aria-invalid'?: true; 'aria-describedby'?: string } => (problems[f] === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': `${id}-${f}-error` });

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const r = readSurveyForm(v, p.draw.area, p.authority?.id ?? null, p.draw.home);
    if (!r.ok) {
      setProblems(r.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    setError(null);
    p.client.surveyPlan(r.request).then(
      (plan) => {
        setBusy(false);
        p.onCreated(plan);
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };

  const numberInput = (f: 'windSpeed' | 'windFrom' | 'speed' | 'turnRadius' | 'enduranceMin' | 'reservePct', label: string, attrs: { min: number; max: number; step: number }, onEdit?: () => void): ReactNode => (
    <div className="field">
      <label htmlFor={`${id}-${f}`}>{label}</label>
      <input
        id={`${id}-${f}`}
        type="number"
        inputMode="decimal"
        {...attrs}
        value={v[f]}
        onChange={(e) => {
          onEdit?.();
          set(f, e.target.value);
        }}
        data-testid={`survey-${f}`}
        {...invalid(f)}
      />
      {problem(f)}
    </div>
  );

  return (
    <section className="panel survey" aria-labelledby={`${id}-title`} data-testid="survey-planner">
      <h2 id={`${id}-title`}>{t('survey.title')}</h2>
      <form onSubmit={submit} noValidate className="stack">
        <fieldset className="group">
          <legend>{t('survey.area')}</legend>
          <AreaControls draw={p.draw} dispatch={p.dispatch} viewBounds={p.viewBounds} />
          {problem('area')}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('survey.name')}</label>
          <input id={`${id}-name`} type="text" maxLength={200} value={v.name} placeholder={t('survey.namePlaceholder')} onChange={(e) => set('name', e.target.value)} data-testid="survey-name" {...invalid('name')} />
          {problem('name')}
        </div>
        <fieldset className="group">
          <legend>{t('survey.wind')}</legend>
          <div className="grid-2">
            {numberInput('windSpeed', t('survey.windSpeed'), { min: 1, max: 40, step: 0.1 }, () => setWindEdited(true))}
            {numberInput('windFrom', t('survey.windFrom'), { min: 0, max: 360, step: 1 }, () => setWindEdited(true))}
          </div>
          {p.sortieWind !== null ? (
            <p className="small muted" data-testid="survey-wind-source">
              {t('survey.windFromSortie', { name: p.sortieWind.name, speed: formatSignificant(intl, p.sortieWind.wind.speedMps, 2), from: Math.round(p.sortieWind.wind.fromDeg) % 360 })}{' '}
              {windEdited && (
                <button type="button" className="small" onClick={() => setWindEdited(false)}>
                  {t('survey.useSortieWind')}
                </button>
              )}
            </p>
          ) : (
            <p className="small muted">{t('survey.windNoSortie')}</p>
          )}
          <div className="field">
            <label htmlFor={`${id}-stability`}>{t('survey.stability')}</label>
            <select id={`${id}-stability`} value={v.stability} onChange={(e) => set('stability', STABILITY_CLASSES.find((c) => c === e.target.value) ?? 'D')} data-testid="survey-stability">
              {STABILITY_CLASSES.map((c) => (
                <option key={c} value={c}>
                  {t(STABILITY_KEY[c])}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-altitudes`}>{t('survey.altitudes')}</label>
          <input id={`${id}-altitudes`} type="text" inputMode="decimal" value={v.altitudes} onChange={(e) => set('altitudes', e.target.value)} aria-describedby={`${id}-altitudes-hint`} data-testid="survey-altitudes" {...invalid('altitudes')} />
          <span className="small muted" id={`${id}-altitudes-hint`}>
            {t('survey.altitudesHint', { max: p.authority?.altitude.maxM ?? '—' })}
          </span>
          {problem('altitudes')}
        </div>
        <fieldset className="group">
          <legend>{t('survey.vehicle')}</legend>
          <div className="field">
            <label htmlFor={`${id}-type`}>{t('survey.vehicleType')}</label>
            <select
              id={`${id}-type`}
              value={v.vehicleType}
              onChange={(e) => {
                const type = e.target.value;
                if (isVehicleType(type)) setV((x) => ({ ...x, vehicleType: type, ...vehicleFormValues(type) }));
              }}
              data-testid="survey-vehicle-type"
            >
              {VEHICLE_TYPES.map((vt) => (
                <option key={vt} value={vt}>
                  {t(VEHICLE_TYPE_KEY[vt])}
                </option>
              ))}
            </select>
          </div>
          <div className="grid-2">
            {numberInput('speed', t('survey.speed'), { min: 0.5, max: 100, step: 0.5 })}
            {numberInput('turnRadius', t('survey.turnRadius'), { min: 0, max: 2000, step: 5 })}
            {numberInput('enduranceMin', t('survey.endurance'), { min: 1, max: 1440, step: 1 })}
            {numberInput('reservePct', t('survey.reserve'), { min: 0, max: 90, step: 1 })}
          </div>
        </fieldset>
        <fieldset className="group">
          <legend>{t('takeoff.title')}</legend>
          <TakeOffControls draw={p.draw} dispatch={p.dispatch} viewBounds={p.viewBounds} />
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-start`}>{t('survey.start')}</label>
          <input id={`${id}-start`} type="datetime-local" value={v.startUtc} onChange={(e) => set('startUtc', e.target.value)} data-testid="survey-start" {...invalid('startUtc')} />
          {problem('startUtc')}
        </div>
        {p.authority !== null ? (
          <div className="small">
            {t('survey.checkedAgainst', { name: p.authority.name })}
            <BoundarySourceNote source={p.authority.boundarySource} testId="survey-boundary-source" />
          </div>
        ) : (
          <p className="small warning">{t('survey.noAuthority')}</p>
        )}
        <button type="submit" className="primary" disabled={busy || p.draw.mode !== null} data-testid="survey-submit">
          {busy ? t('survey.busy') : t('survey.submit')}
        </button>
        {error !== null && (
          <p className="error" role="alert" data-testid="survey-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
