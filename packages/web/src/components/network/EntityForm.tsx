/**
 * Creating an entity, or editing one, by hand (analysts): its name, type,
 * aliases, place on the map and marking (chosen with the pickers, within
 * what the user may label with). An edit sends only what changed; the
 * server audits it and tells everyone who may see it.
 */
import { useId, useState, type ReactNode } from 'react';
import { ENTITY_TYPES, type NetworkEntity } from '../../api/schema/network.js';
import type { MessageKey } from '../../i18n/catalogue/keys.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { checkEntity, entityDraftOf, entityPatch, newEntityBody, type EntityDraft, type EntityProblem } from '../../network/entity-form.js';
import { useLabelScope } from '../../session/label-scope.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { errorText } from '../error-text.js';
import { MarkingPicker } from '../leads/MarkingPicker.js';
import { TYPE_KEY } from './network-text.js';

const PROBLEM_KEY: Readonly<Record<EntityProblem, MessageKey>> = {
  label: 'network.entityForm.problem.label',
  labelLength: 'network.entityForm.problem.labelLength',
  aliases: 'network.entityForm.problem.aliases',
  location: 'network.entityForm.problem.location',
  lat: 'network.entityForm.problem.lat',
  lon: 'network.entityForm.problem.lon',
};

export interface EntityFormProps {
  readonly network: NetworkWorkspace;
  /** null: a new entity. */
  readonly entity: NetworkEntity | null;
  /** After saving: the entity as the server stored it. */
  readonly onSaved: (e: NetworkEntity) => void;
  readonly onCancel: () => void;
}

export function EntityForm(p: EntityFormProps): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const scope = useLabelScope();
  const [d, setD] = useState<EntityDraft>(() => entityDraftOf(p.entity, scope.organisation));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<EntityDraft>): void => setD((x) => ({ ...x, ...patch }));
  const client = p.network.client;

  const save = (): void => {
    const c = checkEntity(d);
    if (!c.ok) {
      setError(t(PROBLEM_KEY[c.problem]));
      return;
    }
    let call: Promise<NetworkEntity>;
    if (p.entity === null) call = client.createNetworkEntity(newEntityBody(c.value));
    else {
      const patch = entityPatch(p.entity, c.value);
      if (Object.keys(patch).length === 0) {
        p.onCancel();
        return;
      }
      call = client.updateNetworkEntity(p.entity.id, patch);
    }
    setBusy(true);
    setError(null);
    call.then(
      (e) => {
        setBusy(false);
        p.onSaved(e);
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };

  return (
    <fieldset className="group" data-testid="network-entity-form" data-mode={p.entity === null ? 'new' : 'edit'}>
      <legend>{p.entity === null ? t('network.entityForm.new') : t('network.entityForm.edit')}</legend>
      <div className="field">
        <label htmlFor={`${id}-label`}>{t('network.entityForm.label')}</label>
        <input id={`${id}-label`} value={d.label} maxLength={300} onChange={(e) => set({ label: e.target.value })} data-testid="network-entity-form-label" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('network.entityForm.type')}</label>
        <select
          id={`${id}-type`}
          value={d.type}
          onChange={(e) => {
            const ty = ENTITY_TYPES.find((x) => x === e.target.value);
            if (ty !== undefined) set({ type: ty });
          }}
          data-testid="network-entity-form-type"
        >
          {ENTITY_TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {t(TYPE_KEY[ty])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-aliases`}>{t('network.entityForm.aliases')}</label>
        <input id={`${id}-aliases`} value={d.aliases} onChange={(e) => set({ aliases: e.target.value })} data-testid="network-entity-form-aliases" />
        <span className="small muted">{t('network.entityForm.aliasesHelp')}</span>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-lat`}>{t('network.map.lat')}</label>
          <input id={`${id}-lat`} inputMode="decimal" value={d.lat} onChange={(e) => set({ lat: e.target.value })} data-testid="network-entity-form-lat" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-lon`}>{t('network.map.lon')}</label>
          <input id={`${id}-lon`} inputMode="decimal" value={d.lon} onChange={(e) => set({ lon: e.target.value })} data-testid="network-entity-form-lon" />
        </div>
      </div>
      <MarkingPicker draft={d.marking} onChange={(marking) => set({ marking })} legend={t('network.entityForm.marking')} testId="network-entity-marking" />
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={save} data-testid="network-entity-form-submit">
          {p.entity === null ? t('network.entityForm.create') : t('network.entityForm.save')}
        </button>
        <button type="button" disabled={busy} onClick={p.onCancel} data-testid="network-entity-form-cancel">
          {t('network.entityForm.cancel')}
        </button>
      </div>
      {error !== null && (
        <p className="error" role="alert" data-testid="network-entity-form-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
