/**
 * Which live messages change what the Network tab shows: an entity, an
 * assertion, a merge or an import made by anyone (the server sends them
 * only to users who may see what changed). Analysis runs move on too, but
 * they change no data: the tab follows its own runs by polling.
 */
import type { LiveMessage } from '../api/schema/live-message.js';

export function changesNetworkData(m: LiveMessage): boolean {
  return m.type === 'network' && m.what !== 'analysis';
}
