/** The newest job of each sortie, from lists and live updates that may arrive in any order. */
import type { SortieId } from '../api/schema/ids.js';
import type { Job } from '../api/schema/job.js';

/**
 * `into` updated with `jobs` (oldest first): a job replaces the one shown
 * for its sortie when it is an update of that job or at least as new; a late
 * message about an older job does not hide a newer one.
 */
export function latestBySortie(jobs: readonly Job[], into: ReadonlyMap<SortieId, Job> = new Map()): Map<SortieId, Job> {
  const out = new Map(into);
  for (const j of jobs) {
    const have = out.get(j.sortieId);
    if (have === undefined || have.id === j.id || j.createdAt >= have.createdAt) out.set(j.sortieId, j);
  }
  return out;
}
