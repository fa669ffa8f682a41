/**
 * Administrators: load an official boundary file (GeoJSON whose features
 * carry `properties.role` "permitted" or "forbidden") in place of the
 * authority's current areas. The server checks the file and names the bad
 * feature; every later check and export states the file's name.
 */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { AuthoritySummary } from '../../api/schema/authority.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { errorText } from '../error-text.js';

/** The server's limit on a boundary file's body, bytes. */
const MAX_BYTES = 64 * 1024 * 1024;

type Status = { readonly kind: 'idle' } | { readonly kind: 'busy' } | { readonly kind: 'done'; readonly name: string } | { readonly kind: 'failed'; readonly message: string };

export function BoundaryUpload(p: { readonly client: ApiClient; readonly authority: AuthoritySummary; readonly onLoaded: () => void }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (file === null) return;
    if (file.size > MAX_BYTES) {
      setStatus({ kind: 'failed', message: t('boundaryUpload.tooLarge') });
      return;
    }
    setStatus({ kind: 'busy' });
    const label = name.trim() === '' ? file.name : name.trim();
    file
      .text()
      .then((text) => {
        let geojson: unknown;
        try {
          geojson = JSON.parse(text);
        } catch (err) {
          throw new Error(t('boundaryUpload.notJson', { detail: err instanceof Error ? err.message : String(err) }));
        }
        return p.client.loadOfficialBoundary(p.authority.id, label, note.trim() === '' ? null : note.trim(), geojson);
      })
      .then(
        () => {
          setStatus({ kind: 'done', name: label });
          setFile(null);
          if (input.current !== null) input.current.value = '';
          setName('');
          setNote('');
          p.onLoaded();
        },
        (err: unknown) => setStatus({ kind: 'failed', message: errorText(t, err) }),
      );
  };

  return (
    <details className="boundary-upload">
      <summary>{t('boundaryUpload.title')}</summary>
      <form onSubmit={submit} className="stack">
        <p className="small muted">{t('boundaryUpload.explain')}</p>
        <label htmlFor={`${id}-file`}>{t('boundaryUpload.file')}</label>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            if (f !== null && name === '') setName(f.name);
          }}
          data-testid="boundary-file"
        />
        <label htmlFor={`${id}-name`}>{t('boundaryUpload.name')}</label>
        <input id={`${id}-name`} type="text" maxLength={300} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={`${id}-note`}>{t('boundaryUpload.note')}</label>
        <textarea id={`${id}-note`} maxLength={2000} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="primary" disabled={file === null || status.kind === 'busy'} data-testid="boundary-submit">
          {status.kind === 'busy' ? t('boundaryUpload.busy') : t('boundaryUpload.submit')}
        </button>
        {status.kind === 'done' && <p className="notice" role="status">{t('boundaryUpload.done', { name: status.name })}</p>}
        {status.kind === 'failed' && (
          <p className="error" role="alert">
            {status.message}
          </p>
        )}
      </form>
    </details>
  );
}
