/**
 * Adding an assertion from the selected entity to another, or editing one
 * (analysts): the relation (one already in use, or a new one), the source
 * report, when it held (no date, one day, or an interval of days, UTC), the
 * Admiralty grading, direction, count, a note and the marking. An edit
 * keeps the ends and sends only the fields that changed.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { NetworkAssertion, NetworkEntity } from '../../api/schema/network.js';
import type { MessageKey } from '../../i18n/catalogue/keys.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { CREDIBILITIES, RELIABILITIES } from '../../network/admiralty.js';
import { assertionDraftOf, assertionPatch } from '../../network/assertion-edit.js';
import { assertionDraftFrom, checkAssertion, type AssertionDraft, type AssertionProblem, type WhenKind } from '../../network/assertion-form.js';
import { relationsOf } from '../../network/chart-filters.js';
import { useLabelScope } from '../../session/label-scope.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { errorText } from '../error-text.js';
import { MarkingPicker } from '../leads/MarkingPicker.js';

const GRADINGS = RELIABILITIES.flatMap((r) => CREDIBILITIES.map((c) => `${r}${c}`));
const WHEN: readonly WhenKind[] = ['date', 'interval', 'none'];

const PROBLEM_KEY: Readonly<Record<AssertionProblem, MessageKey>> = {
  to: 'network.assertionForm.problem.to',
  same: 'network.assertionForm.problem.same',
  relation: 'network.assertionForm.problem.relation',
  source: 'network.assertionForm.problem.source',
  date: 'network.assertionForm.problem.date',
  interval: 'network.assertionForm.problem.interval',
  order: 'network.assertionForm.problem.order',
  grading: 'network.assertionForm.problem.grading',
  count: 'network.assertionForm.problem.count',
};

const WHEN_KEY: Readonly<Record<WhenKind, MessageKey>> = {
  date: 'network.assertionForm.when.date',
  interval: 'network.assertionForm.when.interval',
  none: 'network.assertionForm.when.none',
};

export type AssertionFormProps = {
  readonly network: NetworkWorkspace;
  /** After saving: the assertion as the server stored it. */
  readonly onSaved: (a: NetworkAssertion) => void;
  readonly onCancel: () => void;
} & (
  /** A new assertion from this entity. */
  | { readonly from: NetworkEntity; readonly assertion?: undefined }
  /** An edit of this assertion. */
  | { readonly assertion: NetworkAssertion; readonly from?: undefined }
);

export function AssertionForm(p: AssertionFormProps): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const scope = useLabelScope();
  const n = p.network;
  const editing = p.assertion;
  const [d, setD] = useState<AssertionDraft>(() => (p.assertion !== undefined ? assertionDraftOf(p.assertion) : assertionDraftFrom(p.from.id, scope.organisation)));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<AssertionDraft>): void => setD((x) => ({ ...x, ...patch }));
  const others = useMemo(
    () => (n.data?.entities ?? []).filter((x) => x.mergedInto === null && x.id !== d.from).sort((a, b) => a.label.localeCompare(b.label)),
    [n.data, d.from],
  );
  const relations = useMemo(() => relationsOf(n.data?.assertions ?? []), [n.data]);

  const save = (): void => {
    let call: Promise<NetworkAssertion>;
    if (editing === undefined) {
      const c = checkAssertion(d);
      if (!c.ok) {
        setError(t(PROBLEM_KEY[c.problem]));
        return;
      }
      call = n.client.createNetworkAssertion(c.body);
    } else {
      const c = assertionPatch(editing, d);
      if (!c.ok) {
        setError(t(PROBLEM_KEY[c.problem]));
        return;
      }
      if (Object.keys(c.patch).length === 0) {
        p.onCancel();
        return;
      }
      call = n.client.updateNetworkAssertion(editing.id, c.patch);
    }
    setBusy(true);
    setError(null);
    call.then(
      (a) => {
        setBusy(false);
        p.onSaved(a);
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };

  return (
    <fieldset className="group" data-testid="network-assertion-form" data-mode={editing === undefined ? 'new' : 'edit'} data-assertion-id={editing?.id}>
      <legend>
        {editing === undefined
          ? t('network.assertionForm.legend', { from: p.from.label })
          : t('network.assertionForm.editLegend', { from: n.labelOf(editing.from), to: n.labelOf(editing.to) })}
      </legend>
      {editing === undefined && (
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('network.assertionForm.to')}</label>
          <select id={`${id}-to`} value={d.to} onChange={(e) => set({ to: e.target.value })} data-testid="network-assertion-form-to">
            <option value="">{t('network.select.placeholder')}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-rel`}>{t('network.assertionForm.relation')}</label>
        <input id={`${id}-rel`} list={`${id}-rels`} value={d.relation} maxLength={64} onChange={(e) => set({ relation: e.target.value })} data-testid="network-assertion-form-relation" />
        <datalist id={`${id}-rels`}>
          {relations.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={d.directed} onChange={(e) => set({ directed: e.target.checked })} data-testid="network-assertion-form-directed" /> {t('network.assertionForm.directed')}
      </label>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-src`}>{t('network.assertionForm.source')}</label>
          <input id={`${id}-src`} value={d.sourceRef} maxLength={300} onChange={(e) => set({ sourceRef: e.target.value })} data-testid="network-assertion-form-source" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('network.assertionForm.sourceTitle')}</label>
          <input id={`${id}-title`} value={d.sourceTitle} maxLength={300} onChange={(e) => set({ sourceTitle: e.target.value })} data-testid="network-assertion-form-title" />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-when`}>{t('network.assertionForm.when')}</label>
        <select
          id={`${id}-when`}
          value={d.when}
          onChange={(e) => {
            const w = WHEN.find((x) => x === e.target.value);
            if (w !== undefined) set({ when: w });
          }}
          data-testid="network-assertion-form-when"
        >
          {WHEN.map((w) => (
            <option key={w} value={w}>
              {t(WHEN_KEY[w])}
            </option>
          ))}
        </select>
      </div>
      {d.when === 'date' && (
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('network.assertionForm.date')}</label>
          <input id={`${id}-date`} type="date" value={d.date} onChange={(e) => set({ date: e.target.value })} data-testid="network-assertion-form-date" />
        </div>
      )}
      {d.when === 'interval' && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-vf`}>{t('network.filter.from')}</label>
            <input id={`${id}-vf`} type="date" value={d.validFrom} onChange={(e) => set({ validFrom: e.target.value })} data-testid="network-assertion-form-valid-from" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-vt`}>{t('network.filter.to')}</label>
            <input id={`${id}-vt`} type="date" value={d.validTo} onChange={(e) => set({ validTo: e.target.value })} data-testid="network-assertion-form-valid-to" />
          </div>
        </div>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-g`}>{t('network.import.grading')}</label>
          <select id={`${id}-g`} value={d.grading} onChange={(e) => set({ grading: e.target.value })} data-testid="network-assertion-form-grading">
            {GRADINGS.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-count`}>{t('network.assertionForm.count')}</label>
          <input id={`${id}-count`} inputMode="decimal" value={d.count} onChange={(e) => set({ count: e.target.value })} data-testid="network-assertion-form-count" />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('network.assertionForm.note')}</label>
        <textarea id={`${id}-note`} rows={2} maxLength={4000} value={d.note} onChange={(e) => set({ note: e.target.value })} data-testid="network-assertion-form-note" />
      </div>
      <MarkingPicker draft={d.marking} onChange={(marking) => set({ marking })} legend={t('network.assertionForm.marking')} testId="network-assertion-marking" />
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={save} data-testid="network-assertion-form-submit">
          {editing === undefined ? t('network.assertionForm.create') : t('network.entityForm.save')}
        </button>
        <button type="button" disabled={busy} onClick={p.onCancel} data-testid="network-assertion-form-cancel">
          {t('network.entityForm.cancel')}
        </button>
      </div>
      {error !== null && (
        <p className="error" role="alert" data-testid="network-assertion-form-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
