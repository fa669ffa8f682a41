/** Download links of the network files (GraphML, GEXF, entities and assertions CSV); the server audits each export. */
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import type { ApiClient } from '../../api/client.js';
import { EXPORT_FILES } from '../../network/export-files.js';

export function NetworkExports(p: { readonly client: ApiClient }): ReactNode {
  const { t } = useI18n();
  return (
    <fieldset className="group" data-testid="network-exports">
      <legend>{t('network.exports')}</legend>
      <p className="small muted">{t('network.exports.help')}</p>
      <ul className="network-list">
        {EXPORT_FILES.map((f) => (
          <li key={f}>
            <a href={p.client.networkExportUrl(f)} download={`nariz-${f}`} data-testid="network-export" data-file={f}>
              {f}
            </a>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
