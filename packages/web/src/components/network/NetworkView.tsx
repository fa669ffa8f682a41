/** The link chart above the map while the network tab is open (placeholder). */
import type { ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';

export function NetworkView(p: { readonly client: ApiClient; readonly canWrite: boolean }): ReactNode {
  void p;
  return <div className="network-view" data-testid="network-view" />;
}
