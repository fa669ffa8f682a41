/**
 * The live hub: every change the server makes is published here once, and
 * each connected browser (live-routes.ts) receives it. In-process only: a
 * deployment with several server processes would put a broker (PostgreSQL
 * LISTEN/NOTIFY) behind this same interface.
 *
 * A message that carries a `marking` reaches only the sockets whose user may
 * see it (live-routes.ts re-checks canAccess for each): the live feed is an
 * exit like any other.
 */
import type { Marking } from '@nariz/security';

export type LiveMessage =
  | { readonly type: 'sortie'; readonly sortie: Record<string, unknown> }
  | { readonly type: 'sortie_deleted'; readonly id: string }
  | { readonly type: 'batch'; readonly sortie_id: string; readonly first_sample: number; readonly count: number }
  | { readonly type: 'detection'; readonly sortie_id: string; readonly species: string; readonly event: Record<string, unknown> }
  | { readonly type: 'job'; readonly job: Record<string, unknown> }
  | { readonly type: 'estimate'; readonly sortie_id: string; readonly job_id: string }
  | { readonly type: 'vehicle'; readonly vehicle: Record<string, unknown> }
  | { readonly type: 'video'; readonly video: Record<string, unknown> }
  | { readonly type: 'video_deleted'; readonly id: string }
  | { readonly type: 'video_job'; readonly job: Record<string, unknown> }
  | { readonly type: 'annotation'; readonly annotation: Record<string, unknown> }
  | { readonly type: 'annotation_deleted'; readonly id: string; readonly video_id: string }
  | { readonly type: 'lead'; readonly id: string; readonly status: string; readonly updated_at: string; readonly marking: Marking }
  | { readonly type: 'network'; readonly what: 'entity' | 'assertion' | 'merge' | 'import' | 'analysis'; readonly id: string; readonly change: string; readonly marking: Marking; readonly progress?: number };

export type LiveListener = (m: LiveMessage) => void;

export class LiveHub {
  private readonly listeners = new Set<LiveListener>();

  subscribe(fn: LiveListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  publish(m: LiveMessage): void {
    for (const fn of this.listeners) {
      try {
        fn(m);
      } catch {
        // A listener's failure (a closed socket) is its own; the others still hear.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
