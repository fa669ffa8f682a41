/**
 * Importing entities or assertions in two steps, as the server does them:
 * the file goes up as it is and comes back as a preview (columns, sample
 * values, the server's suggested field each); the analyst maps each column
 * to a field, chooses the defaults (type, relation, grading) and the
 * marking with pickers, and commits. A refused commit stores nothing and
 * lists every problem by line and column.
 */
import { useId, useState, type ReactNode } from 'react';
import type { ImportPreview, ImportProblem } from '../../api/schema/network-import.js';
import { ENTITY_TYPES, type EntityType } from '../../api/schema/network.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { draftMarking, emptyDraft, type MarkingDraft } from '../../leads/marking-draft.js';
import { CREDIBILITIES, RELIABILITIES } from '../../network/admiralty.js';
import { commitBody, duplicateFields, fieldChoices, IGNORE, initialMapping } from '../../network/import-mapping.js';
import type { ApiClient } from '../../api/client.js';
import { errorText } from '../error-text.js';
import { MarkingPicker } from '../leads/MarkingPicker.js';
import { TYPE_KEY } from './network-text.js';

const GRADINGS = RELIABILITIES.flatMap((r) => CREDIBILITIES.map((c) => `${r}${c}`));

export function NetworkImport(p: { readonly client: ApiClient; readonly onImported: () => void }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<'entities' | 'assertions'>('entities');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [entityType, setEntityType] = useState<EntityType>('person');
  const [relation, setRelation] = useState('association');
  const [grading, setGrading] = useState('F6');
  const [marking, setMarking] = useState<MarkingDraft>(() => emptyDraft());
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly ImportProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);

  const onFile = (file: File | undefined): void => {
    if (file === undefined) return;
    setBusy(true);
    setError(null);
    setProblems([]);
    setDone(null);
    p.client.uploadNetworkImport(kind, file, file.name).then(
      (pv) => {
        setPreview(pv);
        setMapping(initialMapping(pv));
        setBusy(false);
      },
      (err: unknown) => {
        setError(errorText(t, err));
        setBusy(false);
      },
    );
  };

  const commit = (): void => {
    if (preview === null) return;
    setBusy(true);
    setError(null);
    setProblems([]);
    p.client.commitNetworkImport(preview.id, commitBody(mapping, { marking: draftMarking(marking), entityType, relation, grading }, skipInvalid)).then(
      (o) => {
        setBusy(false);
        if (o.kind === 'refused') {
          setError(t('network.import.refused', { message: o.message }));
          setProblems(o.problems);
          return;
        }
        const r = o.result;
        setDone(t('network.import.done', { rows: r.rows, entities: r.entitiesCreated, assertions: r.assertionsCreated, skipped: r.skipped }));
        setPreview(null);
        p.onImported();
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };

  const dups = duplicateFields(mapping);
  return (
    <fieldset className="group network-import" data-testid="network-import">
      <legend>{t('network.import')}</legend>
      {preview === null ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('network.import.kind')}</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value === 'assertions' ? 'assertions' : 'entities')} data-testid="network-import-kind">
              <option value="entities">{t('network.import.kind.entities')}</option>
              <option value="assertions">{t('network.import.kind.assertions')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('network.import.file')}</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".csv,.txt,.graphml,.gexf,text/csv,application/xml"
              disabled={busy}
              onChange={(e) => {
                onFile(e.target.files?.[0]);
                e.target.value = '';
              }}
              data-testid="network-import-file"
            />
          </div>
        </>
      ) : (
        <div data-testid="network-import-preview" data-kind={preview.kind} data-rows={preview.rows}>
          <p className="small">{t('network.import.preview', { rows: preview.rows, name: preview.fileName })}</p>
          <table className="network-table">
            <thead>
              <tr>
                <th>{t('network.import.column')}</th>
                <th>{t('network.import.samples')}</th>
                <th>{t('network.import.field')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((c) => (
                <tr key={c.name}>
                  <td>{c.name}</td>
                  <td className="small muted">{c.samples.join(' · ')}</td>
                  <td>
                    <select
                      aria-label={`${t('network.import.field')}: ${c.name}`}
                      value={mapping[c.name] ?? IGNORE}
                      onChange={(e) => setMapping({ ...mapping, [c.name]: e.target.value })}
                      data-testid="network-import-field"
                      data-column={c.name}
                    >
                      {fieldChoices(preview, c.name).map((f) => (
                        <option key={f} value={f}>
                          {f === IGNORE ? t('network.import.ignore') : f}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {dups.length > 0 && (
            <p className="error" role="alert">
              {t('network.import.duplicates', { fields: dups.join(', ') })}
            </p>
          )}
          <fieldset className="group">
            <legend>{t('network.import.defaults')}</legend>
            <div className="field">
              <label htmlFor={`${id}-etype`}>{t('network.import.entityType')}</label>
              <select id={`${id}-etype`} value={entityType} onChange={(e) => setEntityType(ENTITY_TYPES.find((x) => x === e.target.value) ?? 'other')} data-testid="network-import-entity-type">
                {ENTITY_TYPES.map((ty) => (
                  <option key={ty} value={ty}>
                    {t(TYPE_KEY[ty])}
                  </option>
                ))}
              </select>
            </div>
            {preview.kind === 'assertions' && (
              <>
                <div className="field">
                  <label htmlFor={`${id}-rel`}>{t('network.import.relation')}</label>
                  <input id={`${id}-rel`} value={relation} onChange={(e) => setRelation(e.target.value)} data-testid="network-import-relation" />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-grading`}>{t('network.import.grading')}</label>
                  <select id={`${id}-grading`} value={grading} onChange={(e) => setGrading(e.target.value)} data-testid="network-import-grading">
                    {GRADINGS.map((g) => (
                      <option key={g} value={g}>
                        {g}
                      </option>
                    ))}
                  </select>
                </div>
              </>
            )}
          </fieldset>
          <MarkingPicker draft={marking} onChange={setMarking} legend={t('network.import.marking')} testId="network-import-marking" />
          <label className="checkbox">
            <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} data-testid="network-import-skip" /> {t('network.import.skipInvalid')}
          </label>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy || dups.length > 0} onClick={commit} data-testid="network-import-commit">
              {t('network.import.commit')}
            </button>
            <button type="button" onClick={() => setPreview(null)} disabled={busy}>
              {t('network.import.cancel')}
            </button>
          </div>
        </div>
      )}
      {done !== null && (
        <p className="ok" role="status" data-testid="network-import-done">
          {done}
        </p>
      )}
      {error !== null && (
        <div className="error" role="alert" data-testid="network-import-error">
          <p>{error}</p>
          {problems.length > 0 && (
            <ul>
              {problems.slice(0, 20).map((x) => (
                <li key={`${x.line}:${x.column}:${x.message}`}>{t('network.import.problem', { line: x.line, column: x.column, message: x.message })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </fieldset>
  );
}
