/** Messages pushed on the /api/live WebSocket, one JSON object per frame. */
import { readAnnotation, type Annotation } from './annotation.js';
import { annotationIdReader, leadIdReader, sortieIdReader, videoIdReader, type AnnotationId, type LeadId, type SortieId, type VideoId } from './ids.js';
import { readJob, type Job } from './job.js';
import { readLeadStatus, type LeadStatus } from './lead.js';
import { readMarking, type Marking } from './marking.js';
import { readPlumeEvent, type PlumeEvent } from './detections.js';
import { fields, isRecord, num, oneOf, optional } from './read.js';
import { readSortie, type Sortie } from './sortie.js';
import { readVehicleStatus, type VehicleStatus } from './vehicle.js';
import { readVideoJob, type VideoJob } from './motion.js';
import { readVideo, type Video } from './video.js';

export type LiveMessage =
  | { readonly type: 'sortie'; readonly sortie: Sortie }
  | { readonly type: 'sortie_deleted'; readonly id: SortieId }
  | { readonly type: 'batch'; readonly sortieId: SortieId; readonly firstSample: number; readonly count: number }
  | { readonly type: 'detection'; readonly sortieId: SortieId; readonly species: string; readonly event: PlumeEvent }
  | { readonly type: 'job'; readonly job: Job }
  | { readonly type: 'estimate'; readonly sortieId: SortieId; readonly jobId: string }
  | { readonly type: 'vehicle'; readonly vehicle: VehicleStatus }
  | { readonly type: 'video'; readonly video: Video }
  | { readonly type: 'video_deleted'; readonly id: VideoId }
  | { readonly type: 'video_job'; readonly job: VideoJob }
  | { readonly type: 'annotation'; readonly annotation: Annotation }
  | { readonly type: 'annotation_deleted'; readonly id: AnnotationId; readonly videoId: VideoId }
  /** A lead changed (made, edited, moved, released, updated by the partner); sent only to users who may see its marking. */
  | { readonly type: 'lead'; readonly id: LeadId; readonly status: LeadStatus; readonly updatedAt: string; readonly marking: Marking }
  /** The counter-network changed (an entity, assertion, merge or import) or an analysis run moved on; sent only to users who may see its marking. */
  | { readonly type: 'network'; readonly what: NetworkChangeKind; readonly id: string; readonly change: string; readonly progress: number | null };

export const NETWORK_CHANGE_KINDS = ['entity', 'assertion', 'merge', 'import', 'analysis'] as const;
export type NetworkChangeKind = (typeof NETWORK_CHANGE_KINDS)[number];

/**
 * The message in one frame, or null for a type this app does not know (a
 * newer server may push more); a known type with a bad body throws.
 */
export function readLiveMessage(v: unknown): LiveMessage | null {
  if (!isRecord(v)) return null;
  const f = fields(v, 'live');
  switch (v['type']) {
    case 'sortie':
      return { type: 'sortie', sortie: f.get('sortie', readSortie) };
    case 'sortie_deleted':
      return { type: 'sortie_deleted', id: f.get('id', sortieIdReader) };
    case 'batch':
      return { type: 'batch', sortieId: f.get('sortie_id', sortieIdReader), firstSample: f.int('first_sample'), count: f.int('count') };
    case 'detection':
      return { type: 'detection', sortieId: f.get('sortie_id', sortieIdReader), species: f.str('species'), event: f.get('event', readPlumeEvent) };
    case 'job':
      return { type: 'job', job: f.get('job', readJob) };
    case 'estimate':
      return { type: 'estimate', sortieId: f.get('sortie_id', sortieIdReader), jobId: f.str('job_id') };
    case 'vehicle':
      return { type: 'vehicle', vehicle: f.get('vehicle', readVehicleStatus) };
    case 'video':
      return { type: 'video', video: f.get('video', readVideo) };
    case 'video_deleted':
      return { type: 'video_deleted', id: f.get('id', videoIdReader) };
    case 'video_job':
      return { type: 'video_job', job: f.get('job', readVideoJob) };
    case 'annotation':
      return { type: 'annotation', annotation: f.get('annotation', readAnnotation) };
    case 'annotation_deleted':
      return { type: 'annotation_deleted', id: f.get('id', annotationIdReader), videoId: f.get('video_id', videoIdReader) };
    case 'lead':
      return { type: 'lead', id: f.get('id', leadIdReader), status: f.get('status', readLeadStatus), updatedAt: f.str('updated_at'), marking: f.get('marking', readMarking) };
    case 'network':
      return { type: 'network', what: f.get('what', oneOf(NETWORK_CHANGE_KINDS)), id: f.str('id'), change: f.str('change'), progress: f.get('progress', optional(num)) ?? null };
    default:
      return null;
  }
}
