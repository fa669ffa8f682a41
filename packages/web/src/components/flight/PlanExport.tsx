/**
 * Export a plan for the ground station: QGroundControl .plan, Mission
 * Planner .waypoints (QGC WPL 110) or KML. The server checks the plan first
 * and refuses a plan that leaves permitted airspace, with the violations;
 * an administrator may override with a reason of at least 10 characters,
 * which the server writes to the audit log. Others are told that only an
 * administrator can.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { Violation } from '../../api/schema/plan-check.js';
import { MISSION_FORMATS, type MissionFormat, type PlanDetail } from '../../api/schema/plan-record.js';
import type { MessageKey } from '../../i18n/catalogue/keys.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { errorText } from '../error-text.js';
import { saveFile } from './save-file.js';
import { ViolationList } from './ViolationList.js';

/** The server's rule for an override's reason. */
export const MIN_REASON_LENGTH = 10;

const FORMAT_KEY: Readonly<Record<MissionFormat, MessageKey>> = { 'qgc-plan': 'export.qgcPlan', 'qgc-wpl': 'export.qgcWpl', kml: 'export.kml' };

type ExportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly format: MissionFormat }
  | { readonly kind: 'saved'; readonly filename: string; readonly overridden: boolean }
  | { readonly kind: 'refused'; readonly format: MissionFormat; readonly message: string; readonly violations: readonly Violation[] }
  | { readonly kind: 'failed'; readonly message: string };

export interface PlanExportProps {
  readonly client: ApiClient;
  readonly plan: PlanDetail;
  /** The authority to check against when the plan has none. */
  readonly fallbackAuthorityId: string | null;
  readonly admin: boolean;
  readonly onShow: (lon: number, lat: number) => void;
}

export function PlanExport(p: PlanExportProps): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const [reason, setReason] = useState('');
  const authorityId = p.plan.authorityId === null ? (p.fallbackAuthorityId ?? undefined) : undefined;
  const refusalBox = useRef<HTMLDivElement>(null);
  // The refusal appears below the buttons, often below the fold of the side panel: bring it into view.
  useEffect(() => {
    if (state.kind === 'refused') refusalBox.current?.scrollIntoView({ block: 'nearest' });
  }, [state.kind]);

  const run = (format: MissionFormat, override?: string): void => {
    setState({ kind: 'busy', format });
    p.client
      .exportPlan(p.plan.id, p.plan.name, { format, ...(authorityId === undefined ? {} : { authorityId }), ...(override === undefined ? {} : { override: { reason: override } }) })
      .then(
        (r) => {
          if (r.kind === 'refused') {
            setState({ kind: 'refused', format, message: r.message, violations: r.violations });
            return;
          }
          saveFile(r.blob, r.filename);
          setState({ kind: 'saved', filename: r.filename, overridden: override !== undefined });
          setReason('');
        },
        (err: unknown) => setState({ kind: 'failed', message: errorText(t, err) }),
      );
  };

  const reasonLength = [...reason.trim()].length;
  const override = (e: FormEvent): void => {
    e.preventDefault();
    if (state.kind !== 'refused' || reasonLength < MIN_REASON_LENGTH) return;
    run(state.format, reason.trim());
  };

  return (
    <div className="plan-export" data-testid="plan-export">
      <h3>{t('export.title')}</h3>
      <div className="row wrap">
        {MISSION_FORMATS.map((f) => (
          <button key={f} type="button" className="small" disabled={state.kind === 'busy'} onClick={() => run(f)} data-testid={`export-${f}`}>
            {t(FORMAT_KEY[f])}
          </button>
        ))}
      </div>
      {state.kind === 'busy' && <p className="small" role="status">{t('export.busy')}</p>}
      {state.kind === 'saved' && (
        <p className="notice small" role="status" data-testid="export-status">
          {state.overridden ? t('export.savedOverride', { name: state.filename }) : t('export.saved', { name: state.filename })}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="error small" role="alert" data-testid="export-error">
          {state.message}
        </p>
      )}
      {state.kind === 'refused' && (
        <div ref={refusalBox} className="export-refusal" role="alert" data-testid="export-refusal">
          <p>
            <strong>{t('export.refused')}</strong>
          </p>
          <p className="small" lang="en">
            {state.message}
          </p>
          <ViolationList violations={state.violations} onShow={p.onShow} testId="refusal-violations" />
          {p.admin ? (
            <form className="override stack" onSubmit={override} aria-labelledby={`${id}-override`}>
              <h4 id={`${id}-override`}>{t('export.overrideTitle')}</h4>
              <p className="warning small" id={`${id}-warn`}>
                {t('export.overrideWarning')}
              </p>
              <label htmlFor={`${id}-reason`}>{t('export.reason')}</label>
              <textarea
                id={`${id}-reason`}
                rows={3}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                aria-describedby={`${id}-warn ${id}-count`}
                data-testid="override-reason"
              />
              <span className="small muted" id={`${id}-count`}>
                {t('export.reasonCount', { count: reasonLength, min: MIN_REASON_LENGTH })}
              </span>
              <button type="submit" className="danger" disabled={reasonLength < MIN_REASON_LENGTH} data-testid="override-submit">
                {t('export.overrideSubmit', { format: t(FORMAT_KEY[state.format]) })}
              </button>
            </form>
          ) : (
            <p className="small muted" data-testid="override-admin-only">
              {t('export.adminOnly')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
