/**
 * What a partner official reports back on a package: that it was
 * received (acknowledge), the action taken (what was done, when), and the
 * outcome (dismantled, nothing found, other; arrests; what was seized).
 * Each becomes a step in the lead's history attributed to the official;
 * the server refuses a report out of order with the reason.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { ReleaseId } from '../../api/schema/ids.js';
import { OUTCOME_KINDS, type LeadStatus, type OutcomeKind } from '../../api/schema/lead.js';
import type { PartnerUpdateAnswer } from '../../api/schema/partner-package.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { partnerUpdatesFrom } from '../../leads/lead-lifecycle.js';
import { readActionForm, readOutcomeForm, type SeizureRow } from '../../leads/lead-request.js';
import { errorText } from '../error-text.js';
import { OUTCOME_KEY } from '../leads/lead-text.js';
import { ServerMessage } from '../FormMessages.js';

export interface PartnerReportsProps {
  readonly client: ApiClient;
  readonly packageId: ReleaseId;
  readonly status: LeadStatus | null;
  /** The package's `next_states`: which report forms show. */
  readonly nextStates: readonly LeadStatus[];
  readonly onUpdated: (a: PartnerUpdateAnswer) => void;
}

function useSubmit(onUpdated: (a: PartnerUpdateAnswer) => void): { busy: boolean; error: string | null; run: (call: () => Promise<PartnerUpdateAnswer>, after?: () => void) => void; setError: (e: string | null) => void } {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (call: () => Promise<PartnerUpdateAnswer>, after?: () => void): void => {
    setBusy(true);
    setError(null);
    call().then(
      (a) => {
        setBusy(false);
        after?.();
        onUpdated(a);
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };
  return { busy, error, run, setError };
}

function Acknowledge(p: PartnerReportsProps): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [note, setNote] = useState('');
  const s = useSubmit(p.onUpdated);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    s.run(() => p.client.acknowledgePackage(p.packageId, note), () => setNote(''));
  };
  return (
    <form className="panel stack" onSubmit={submit} data-testid="portal-acknowledge-form">
      <h3>{t('portal.ackTitle')}</h3>
      <p className="small muted">{t('portal.ackExplain')}</p>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('portal.noteOptional')}</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} data-testid="portal-ack-note" />
      </div>
      <ServerMessage text={s.error} testId="portal-error" />
      <button type="submit" className="primary" disabled={s.busy} data-testid="portal-acknowledge">
        {t('portal.acknowledge')}
      </button>
    </form>
  );
}

function Action(p: PartnerReportsProps): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [note, setNote] = useState('');
  const [at, setAt] = useState('');
  const s = useSubmit(p.onUpdated);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const c = readActionForm(note, at);
    if (!c.ok) {
      s.setError(t(c.problem.key, c.problem.values));
      return;
    }
    s.run(() => p.client.reportAction(p.packageId, c.value), () => setNote(''));
  };
  return (
    <form className="panel stack" onSubmit={submit} noValidate data-testid="portal-action-form">
      <h3>{t('portal.actionTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('portal.actionNote')}</label>
        <textarea id={`${id}-note`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} data-testid="portal-action-note" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-at`}>{t('portal.when')}</label>
        <input id={`${id}-at`} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} data-testid="portal-action-at" />
        <span className="muted small">{t('portal.whenHelp')}</span>
      </div>
      <ServerMessage text={s.error} testId="portal-error" />
      <button type="submit" className="primary" disabled={s.busy} data-testid="portal-action-submit">
        {t('portal.actionSubmit')}
      </button>
    </form>
  );
}

const EMPTY_ROW: SeizureRow = { what: '', quantity: '', unit: '' };

function Outcome(p: PartnerReportsProps & { readonly correction: boolean }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<OutcomeKind>('dismantled');
  const [arrests, setArrests] = useState('0');
  const [rows, setRows] = useState<readonly SeizureRow[]>([EMPTY_ROW]);
  const [note, setNote] = useState('');
  const [at, setAt] = useState('');
  const s = useSubmit(p.onUpdated);
  const setRow = (i: number, r: SeizureRow): void => setRows(rows.map((x, j) => (j === i ? r : x)));
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const c = readOutcomeForm(kind, arrests, rows, note, at);
    if (!c.ok) {
      s.setError(t(c.problem.key, c.problem.values));
      return;
    }
    s.run(() => p.client.reportOutcome(p.packageId, c.value));
  };
  return (
    <form className="panel stack" onSubmit={submit} noValidate data-testid="portal-outcome-form">
      <h3>{p.correction ? t('portal.outcomeCorrect') : t('portal.outcomeTitle')}</h3>
      <fieldset className="group">
        <legend>{t('portal.outcomeKind')}</legend>
        {OUTCOME_KINDS.map((k) => (
          <label key={k} className="checkbox">
            <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`portal-outcome-${k}`} />
            {t(OUTCOME_KEY[k])}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-arrests`}>{t('portal.arrests')}</label>
        <input id={`${id}-arrests`} type="number" min={0} step={1} value={arrests} onChange={(e) => setArrests(e.target.value)} data-testid="portal-arrests" />
      </div>
      <fieldset className="group">
        <legend>{t('portal.seizures')}</legend>
        <table className="seizures">
          <thead>
            <tr>
              <th scope="col">{t('portal.seizureWhat')}</th>
              <th scope="col">{t('portal.seizureQuantity')}</th>
              <th scope="col">{t('portal.seizureUnit')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-testid="portal-seizure-row">
                <td>
                  <input type="text" aria-label={`${t('portal.seizureWhat')} ${i + 1}`} value={r.what} onChange={(e) => setRow(i, { ...r, what: e.target.value })} data-testid="portal-seizure-what" />
                </td>
                <td>
                  <input type="text" inputMode="decimal" aria-label={`${t('portal.seizureQuantity')} ${i + 1}`} value={r.quantity} onChange={(e) => setRow(i, { ...r, quantity: e.target.value })} data-testid="portal-seizure-quantity" />
                </td>
                <td>
                  <input type="text" aria-label={`${t('portal.seizureUnit')} ${i + 1}`} value={r.unit} onChange={(e) => setRow(i, { ...r, unit: e.target.value })} data-testid="portal-seizure-unit" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="small" onClick={() => setRows([...rows, EMPTY_ROW])} data-testid="portal-seizure-add">
          {t('portal.seizureAdd')}
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('portal.noteOptional')}</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} data-testid="portal-outcome-note" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-at`}>{t('portal.when')}</label>
        <input id={`${id}-at`} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} data-testid="portal-outcome-at" />
        <span className="muted small">{t('portal.whenHelp')}</span>
      </div>
      <ServerMessage text={s.error} testId="portal-error" />
      <button type="submit" className="primary" disabled={s.busy} data-testid="portal-outcome-submit">
        {t('portal.outcomeSubmit')}
      </button>
    </form>
  );
}

export function PartnerReports(p: PartnerReportsProps): ReactNode {
  const { t } = useI18n();
  const allowed = partnerUpdatesFrom(p.nextStates);
  if (allowed.length === 0) return <p className="muted small">{p.status === null ? t('portal.noStatus') : t('portal.nothingToReport')}</p>;
  return (
    <div className="portal-reports" data-testid="portal-reports">
      {allowed.includes('acknowledge') && <Acknowledge {...p} />}
      {allowed.includes('action') && <Action {...p} />}
      {allowed.includes('outcome') && <Outcome {...p} correction={p.status === 'outcome-reported'} />}
    </div>
  );
}
