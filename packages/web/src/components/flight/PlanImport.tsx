/**
 * Import a mission file made elsewhere (QGroundControl .plan, Mission
 * Planner .waypoints / QGC WPL 110, KML). The server reads it, stores it as
 * a plan checked against the chosen authority, and says what it had to
 * assume; the plan opens on the map.
 */
import { useId, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { PlanDetail } from '../../api/schema/plan-record.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { errorText } from '../error-text.js';

/** A mission file is text of modest size; fastify's default body limit is 1 MiB. */
const MAX_BYTES = 1024 * 1024;

type Status = { readonly kind: 'idle' } | { readonly kind: 'busy'; readonly name: string } | { readonly kind: 'done'; readonly name: string } | { readonly kind: 'failed'; readonly name: string; readonly message: string };

export function PlanImport(p: { readonly client: ApiClient; readonly authorityId: string | null; readonly onImported: (plan: PlanDetail) => void }): ReactNode {
  const { t } = useI18n();
  const id = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const start = (file: File): void => {
    if (file.size > MAX_BYTES) {
      setStatus({ kind: 'failed', name: file.name, message: t('planImport.tooLarge') });
      return;
    }
    setStatus({ kind: 'busy', name: file.name });
    const name = file.name.replace(/\.[^.]+$/, '') || file.name;
    file
      .text()
      .then((text) => p.client.importPlan(text, { name, file: file.name, authorityId: p.authorityId }))
      .then(
        (plan) => {
          setStatus({ kind: 'done', name: file.name });
          p.onImported(plan);
        },
        (err: unknown) => setStatus({ kind: 'failed', name: file.name, message: errorText(t, err) }),
      );
  };

  return (
    <div className="plan-import">
      <label htmlFor={id} className="link-button">
        {t('planImport.choose')}
      </label>
      <input
        id={id}
        type="file"
        className="visually-hidden"
        accept=".plan,.waypoints,.txt,.kml,application/json,text/plain,application/vnd.google-earth.kml+xml"
        aria-label={t('planImport.label')}
        disabled={status.kind === 'busy'}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f !== undefined) start(f);
          e.target.value = '';
        }}
        data-testid="plan-import-input"
      />
      <span className="small muted"> {t('planImport.formats')}</span>
      {status.kind !== 'idle' && (
        <p className={status.kind === 'failed' ? 'error small' : 'small'} role={status.kind === 'failed' ? 'alert' : 'status'} data-testid="plan-import-status" data-state={status.kind}>
          {status.kind === 'busy' && t('planImport.busy', { name: status.name })}
          {status.kind === 'done' && t('planImport.done', { name: status.name })}
          {status.kind === 'failed' && t('planImport.failed', { name: status.name, message: status.message })}
        </p>
      )}
    </div>
  );
}
