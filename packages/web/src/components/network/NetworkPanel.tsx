/** The network tab's left panel (placeholder: the link chart's controls are being built). */
import type { ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';

export function NetworkPanel(p: { readonly client: ApiClient; readonly canWrite: boolean }): ReactNode {
  void p;
  return <div className="network-panel" data-testid="network-panel" />;
}
