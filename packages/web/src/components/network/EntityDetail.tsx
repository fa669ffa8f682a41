/**
 * The entity selected on the chart: what it is, its links under the
 * filters (each opens its provenance), its ego network, the paths to
 * another entity, the lead it is tied to, and for analysts, editing it (name, type, aliases,
 * place on the map, marking), adding an assertion from it to another
 * entity, merging a duplicate into it, and deleting it after a
 * confirmation that says what happens to its links: nothing — the server
 * refuses (409, shown here) while any assertion or merge refers to it.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../../api/api-error.js';
import type { LeadId } from '../../api/schema/ids.js';
import type { NetworkEntity } from '../../api/schema/network.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { assertionPasses } from '../../network/chart-filters.js';
import { TYPE_STYLE } from '../../network/chart-style.js';
import { survivorOf } from '../../network/resolve-ends.js';
import { selectionAfterEntityDeleted } from '../../network/selection-after-delete.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { errorText } from '../error-text.js';
import { AssertionForm } from './AssertionForm.js';
import { EntityForm } from './EntityForm.js';
import { EntityLeadLink } from './EntityLeadLink.js';
import { TYPE_KEY } from './network-text.js';

export function EntityDetail(p: { readonly network: NetworkWorkspace; readonly entity: NetworkEntity; readonly canWrite: boolean; readonly onOpenLead?: (id: LeadId) => void }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const n = p.network;
  const e = p.entity;
  const [radius, setRadius] = useState(1);
  const [target, setTarget] = useState('');
  const [hops, setHops] = useState(3);
  const [duplicate, setDuplicate] = useState('');
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState<'entity' | 'assertion' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const entities = n.data?.entities ?? [];
  const others = useMemo(() => entities.filter((x) => x.mergedInto === null && x.id !== e.id).sort((a, b) => a.label.localeCompare(b.label)), [entities, e.id]);

  // Its links: assertions whose resolved ends include it, kept by the filters.
  const links = useMemo(() => {
    const resolve = survivorOf(entities);
    const out: { assertionId: string; other: string; relation: string; grading: string; from: string; to: string }[] = [];
    for (const a of n.data?.assertions ?? []) {
      const from = resolve(a.from);
      const to = resolve(a.to);
      if (from === undefined || to === undefined || from === to || (from !== e.id && to !== e.id) || !assertionPasses(a, n.filters)) continue;
      out.push({ assertionId: a.id, other: from === e.id ? to : from, relation: a.type, grading: a.grading, from, to });
    }
    return out.sort((a, b) => n.labelOf(a.other).localeCompare(n.labelOf(b.other)));
  }, [n, entities, e.id]);

  const act = (call: () => Promise<unknown>, after: () => void): void => {
    setBusy(true);
    setError(null);
    call().then(
      () => {
        setBusy(false);
        after();
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };
  const showEgo = (): void => act(() => n.client.networkEgo(e.id, radius, n.filters).then((answer) => n.setFocus({ kind: 'ego', answer })), () => undefined);
  const showPath = (): void => {
    if (target !== '') act(() => n.client.networkPaths(e.id, target, hops, n.filters).then((answer) => n.setFocus({ kind: 'path', answer })), () => undefined);
  };
  const merge = (): void => {
    if (duplicate !== '' && reason.trim() !== '') act(() => n.client.mergeEntities(e.id, [duplicate], reason.trim()), () => {
      setDuplicate('');
      setReason('');
      n.reload();
    });
  };

  // What refers to it as stored (every assertion and merge the user may see, filters aside): the server refuses the deletion while any does.
  const storedLinks = (n.data?.assertions ?? []).filter((a) => a.from === e.id || a.to === e.id).length;
  const merges = (n.data?.merges ?? []).filter((m) => m.survivor === e.id || m.merged.includes(e.id)).length;
  const remove = (): void => {
    setBusy(true);
    setError(null);
    n.client.deleteNetworkEntity(e.id).then(
      () => {
        setBusy(false);
        n.select(selectionAfterEntityDeleted(n.selection, e.id));
        n.reload();
      },
      (err: unknown) => {
        setBusy(false);
        setEditing(null);
        const said = errorText(t, err);
        setError(err instanceof ApiError && err.status === 409 ? t('network.entity.deleteRefused', { reason: said }) : said);
      },
    );
  };

  const style = TYPE_STYLE[e.type];
  return (
    <section className="network-card" data-testid="network-entity" data-entity-id={e.id} data-links={links.length}>
      <h3>
        <span className="network-glyph" style={{ color: style.colour }} aria-hidden="true">
          {style.glyph}
        </span>{' '}
        {e.label} <span className="small muted">{e.portion}</span>
        <button type="button" className="small close" onClick={() => n.select(null)} aria-label={t('network.entity.close')}>
          ×
        </button>
      </h3>
      <p className="small">{t(TYPE_KEY[e.type])}</p>
      {e.aliases.length > 0 && <p className="small">{t('network.entity.aliases', { aliases: e.aliases.join(', ') })}</p>}
      {e.lat !== null && e.lon !== null && <p className="small">{t('network.entity.location', { lat: e.lat.toFixed(5), lon: e.lon.toFixed(5) })}</p>}
      <EntityLeadLink network={n} entity={e} canWrite={p.canWrite} {...(p.onOpenLead === undefined ? {} : { onOpenLead: p.onOpenLead })} />
      <h4>{t('network.entity.links', { count: links.length })}</h4>
      {links.length === 0 ? (
        <p className="small muted">{t('network.entity.noLinks')}</p>
      ) : (
        <ul className="network-list">
          {links.map((l) => (
            <li key={l.assertionId}>
              <button
                type="button"
                className="link"
                onClick={() => n.select({ kind: 'edge', assertionId: l.assertionId, from: l.from, to: l.to })}
                data-testid="network-entity-link"
                data-assertion-id={l.assertionId}
                data-other={l.other}
              >
                {n.labelOf(l.other)}
              </button>{' '}
              <span className="small muted">
                {l.relation} · {l.grading}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-r`}>{t('network.entity.radius')}</label>
          <input id={`${id}-r`} type="number" min={1} max={5} value={radius} onChange={(ev) => setRadius(Math.max(1, Math.min(5, Math.round(Number(ev.target.value)) || 1)))} />
        </div>
        <button type="button" disabled={busy} onClick={showEgo} data-testid="network-ego">
          {t('network.entity.showEgo')}
        </button>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('network.entity.pathTo')}</label>
          <select id={`${id}-to`} value={target} onChange={(ev) => setTarget(ev.target.value)} data-testid="network-path-to">
            <option value="">{t('network.select.placeholder')}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-h`}>{t('network.entity.maxHops')}</label>
          <input id={`${id}-h`} type="number" min={1} max={6} value={hops} onChange={(ev) => setHops(Math.max(1, Math.min(6, Math.round(Number(ev.target.value)) || 1)))} />
        </div>
        <button type="button" disabled={busy || target === ''} onClick={showPath} data-testid="network-path">
          {t('network.entity.showPath')}
        </button>
      </div>
      {p.canWrite && (
        <>
          {editing === null && (
            <div className="button-row">
              <button type="button" onClick={() => setEditing('entity')} data-testid="network-entity-edit">
                {t('network.entity.edit')}
              </button>
              <button type="button" onClick={() => setEditing('assertion')} data-testid="network-assertion-add">
                {t('network.entity.addAssertion')}
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setError(null);
                  setEditing('delete');
                }}
                data-testid="network-entity-delete"
              >
                {t('network.entity.delete')}
              </button>
            </div>
          )}
          {editing === 'delete' && (
            <div className="group" role="alertdialog" aria-labelledby={`${id}-del`} data-testid="network-entity-delete-confirm" data-links={storedLinks} data-merges={merges}>
              <p id={`${id}-del`}>
                {storedLinks + merges === 0
                  ? t('network.entity.deleteConfirm', { name: e.label })
                  : t('network.entity.deleteConfirmLinked', { name: e.label, links: storedLinks, merges })}
              </p>
              <div className="button-row">
                <button type="button" className="danger" disabled={busy} onClick={remove} data-testid="network-entity-delete-submit">
                  {t('network.entity.delete')}
                </button>
                <button type="button" disabled={busy} onClick={() => setEditing(null)} data-testid="network-entity-delete-cancel">
                  {t('network.entityForm.cancel')}
                </button>
              </div>
            </div>
          )}
          {editing === 'entity' && (
            <EntityForm
              network={n}
              entity={e}
              onSaved={() => {
                setEditing(null);
                n.reload();
              }}
              onCancel={() => setEditing(null)}
            />
          )}
          {editing === 'assertion' && (
            <AssertionForm
              network={n}
              from={e}
              onSaved={(a) => {
                setEditing(null);
                n.reload();
                n.select({ kind: 'edge', assertionId: a.id, from: a.from, to: a.to });
              }}
              onCancel={() => setEditing(null)}
            />
          )}
          <fieldset className="group" data-testid="network-merge-form">
            <legend>{t('network.merge')}</legend>
            <div className="field">
              <label htmlFor={`${id}-dup`}>{t('network.merge.duplicate')}</label>
              <select id={`${id}-dup`} value={duplicate} onChange={(ev) => setDuplicate(ev.target.value)} data-testid="network-merge-duplicate">
                <option value="">{t('network.select.placeholder')}</option>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-reason`}>{t('network.merge.reason')}</label>
              <input id={`${id}-reason`} value={reason} maxLength={2000} onChange={(ev) => setReason(ev.target.value)} data-testid="network-merge-reason" />
            </div>
            <button type="button" disabled={busy || duplicate === '' || reason.trim() === ''} onClick={merge} data-testid="network-merge-submit">
              {t('network.merge.submit')}
            </button>
          </fieldset>
        </>
      )}
      {error !== null && (
        <p className="error" role="alert" data-testid="network-entity-error">
          {error}
        </p>
      )}
    </section>
  );
}
