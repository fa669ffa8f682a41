import type { ReactNode } from 'react';
import type { BoundarySource } from '../../api/schema/authority.js';
import { useI18n } from '../../i18n/i18n-context.js';

/**
 * Which boundaries an authority, a check or an export used: the embedded
 * Natural Earth approximation or an official file. Shown wherever an
 * authority is used; the full form (the authority panel) adds the server's
 * note and, for the approximation, a warning.
 */
export function BoundarySourceNote(p: { readonly source: BoundarySource; readonly full?: boolean; readonly testId?: string }): ReactNode {
  const { t } = useI18n();
  const s = p.source;
  const what = s.kind === 'embedded' ? t('boundary.embedded') : t('boundary.official', { name: s.name });
  return (
    <div className={`boundary-source boundary-${s.kind}${p.full === true ? ' full' : ''}`} data-testid={p.testId ?? 'boundary-source'} data-kind={s.kind}>
      <span className="boundary-label">{t('boundary.inUse')}</span> <strong>{what}</strong>
      {p.full === true && s.kind === 'embedded' && <p className="warning small">{t('boundary.embeddedWarning')}</p>}
      {p.full === true && s.note !== '' && (
        <details className="small">
          <summary>{t('boundary.about')}</summary>
          <p className="muted" lang="en">
            {s.note}
          </p>
        </details>
      )}
    </div>
  );
}
