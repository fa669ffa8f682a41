/**
 * The one client of the Nariz HTTP API. Every answer is read from `unknown`
 * by the readers in ./schema (nothing unchecked crosses this line); errors
 * become ApiError with the server's message. A 401 means the session is
 * gone: the client says so through `onUnauthorized`, and the app shows the
 * sign-in form. Changing requests carry the session's CSRF token.
 */
import { ApiError } from './api-error.js';
import { readApiError } from './schema/api-error.js';
import { readAppConfig, type AppConfig } from './schema/app-config.js';
import { readAuthorityBody, readAuthorityDetail, readAuthorityList, type AuthorityDetail, type AuthoritySummary } from './schema/authority.js';
import { contentDispositionFilename } from './schema/content-disposition.js';
import { readDetections, type SpeciesDetections } from './schema/detections.js';
import { readEstimate, type Estimate } from './schema/estimate.js';
import { readAnnotationBody, readAnnotationList, type Annotation, type FramePoint } from './schema/annotation.js';
import type { AnnotationId, LeadId, ReleaseId, SortieId, VideoId } from './schema/ids.js';
import { readJobBody, readJobList, type Job } from './schema/job.js';
import { readLeadDashboard, type LeadDashboard } from './schema/lead-dashboard.js';
import {
  readEvidenceBody, readLeadBody, readLeadDetail, readLeadPage, readReleaseList, readTransitionAnswer,
  type Evidence, type Lead, type LeadDetail, type LeadEvent, type LeadPage, type LeadStatus, type ReleaseSummary, type TextLanguage,
} from './schema/lead.js';
import { readAnalysisRun, type AnalysisRun } from './schema/network-analysis.js';
import { readCommitOutcome, readImportPreview, type CommitOutcome, type ImportPreview } from './schema/network-import.js';
import { readLayoutList, readSavedLayout, type LayoutSummary, type SavedLayout } from './schema/network-layout.js';
import { readEdgeProvenance, readEgoAnswer, readPathAnswer, type EdgeProvenance, type EgoAnswer, type PathAnswer } from './schema/network-query.js';
import {
  readAssertionBody, readAssertionPage, readEntityBody, readEntityPage, readMergeBody, readMergeList, type NetworkAssertion, type NetworkEntity, type NetworkMerge,
} from './schema/network.js';
import { readPackageDetail, readPackageList, readPartnerUpdate, type PackageDetail, type PackageList, type PartnerUpdateAnswer } from './schema/partner-package.js';
import { readReleaseAnswer, readReleasePreview, type ReleaseAnswer, type ReleasePreview } from './schema/release-package.js';
import { accountFieldsJson, readUserBody, readUserList, type AccountFields, type UserAccount } from './schema/user.js';
import { readExportRefusal, type Violation } from './schema/plan-check.js';
import { readPlanDetail, readPlanList, type MissionFormat, type PlanDetail, type PlanSummary } from './schema/plan-record.js';
import { readSamples, type SampleColumns } from './schema/samples.js';
import { readSession, type Session } from './schema/session.js';
import { readSortieBody, readSortieList, readUploadResult, type Sortie, type UploadResult } from './schema/sortie.js';
import { readSuggestion, type Suggestion } from './schema/suggestion.js';
import { readTrackAirspace, type TrackAirspace } from './schema/track-airspace.js';
import { readVehicles, type VehiclesState } from './schema/vehicle.js';
import { readVideoJobBody, readVideoJobList, type Roi, type VideoJob } from './schema/motion.js';
import { readCoverageAnswer, type CoverageAnswer } from './schema/video-coverage.js';
import { readVideoFrames, type VideoFrameColumns } from './schema/video-frames.js';
import { readGroundPick, readVideoBody, readVideoList, type GroundPick, type Video } from './schema/video.js';
import { readTranslationEngines, type TranslationEngines } from './schema/translation-engines.js';
import { readGlossaryEntryBody, readGlossaryPage, type GlossaryEntry, type GlossaryPage } from './schema/translation-glossary.js';
import { readSavedTranslation, type SavedTranslation } from './schema/translation-saved.js';
import { readDocumentTranslation, readTextTranslation, type Direction, type Translation } from './schema/translation.js';
import { glossaryQueryString, translateQuery, translateTextJson, type GlossaryQuery } from '../translation/translate-request.js';
import type { TranslateOptions } from '../translation/save-request.js';
import type { GlossaryEntryBody } from '../translation/glossary-form.js';
import { surveyRequestJson, type SurveyRequest } from '../flight/survey-request.js';
import { annotationPatchJson, newAnnotationJson, type AnnotationPatch, type AnnotationSearch, type NewAnnotation } from '../video/annotation-request.js';
import { choicesQuery, type ChartFilters } from '../network/chart-filters.js';
import type { ExportFile } from '../network/export-files.js';
import { importMediaType } from '../network/import-media-type.js';
import {
  actionJson, evidenceJson, leadPatchJson, newLeadJson, outcomeJson, releaseRequestJson,
  type ActionReport, type LeadPatch, type NewEvidence, type NewLead, type OutcomeReport, type ReleaseRequest,
} from '../leads/lead-request.js';

export interface ClientHooks {
  /** The server answered 401 to a signed-in call: the session has ended. */
  readonly onUnauthorized: () => void;
  /** The server answered 403 NARIZ_PASSWORD_CHANGE: the password must be changed first. */
  readonly onPasswordChangeRequired: () => void;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  readonly body?: unknown;
  /** A body sent as it is (a mission file, an imported network file), with its media type, instead of JSON. */
  readonly raw?: { readonly type: string; readonly text: string | Blob };
  /** Error statuses whose body is an answer, given to `read` with the status, rather than a failure (a refused network import: 422). */
  readonly answers?: readonly number[];
  /** Sign-in itself: a 401 is a wrong password, not an ended session. */
  readonly authCall?: boolean;
  readonly signal?: AbortSignal;
}

const UNSAFE: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The API's largest page of network entities and assertions. */
const NETWORK_PAGE = 5000;

export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
}

export interface UploadHandle<T> {
  readonly done: Promise<T>;
  readonly abort: () => void;
}

/** File extensions of the mission formats, for a download the server did not name. */
const MISSION_EXTENSION: Readonly<Record<MissionFormat, string>> = { 'qgc-plan': '.plan', 'qgc-wpl': '.waypoints', kml: '.kml' };

export interface ExportOptions {
  readonly format: MissionFormat;
  /** Check against this authority instead of the plan's own. */
  readonly authorityId?: string;
  /** An administrator's override of a refusal, with its reason (audited by the server). */
  readonly override?: { readonly reason: string };
}

/** An export: the file, or the server's refusal with the violations behind it. */
export type ExportOutcome =
  | { readonly kind: 'file'; readonly blob: Blob; readonly filename: string; readonly violationCount: number }
  | { readonly kind: 'refused'; readonly message: string; readonly violations: readonly Violation[] };

/** GET /api/leads: states (any of them), text in the title or summary, a page. */
export interface LeadQuery {
  readonly statuses?: readonly LeadStatus[];
  readonly q?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface ImportOptions {
  readonly name: string;
  /** The file's name: the server tells the format by its extension when the content does not. */
  readonly file: string;
  readonly authorityId: string | null;
}

export class ApiClient {
  private csrfToken: string | null = null;
  private readonly hooks: ClientHooks;
  private readonly base: string;

  constructor(hooks: ClientHooks, base = '') {
    this.hooks = hooks;
    this.base = base;
  }

  setSession(s: Session | null): void {
    this.csrfToken = s === null ? null : s.csrfToken;
  }

  private headers(method: Method, contentType: string | null): Headers {
    const h = new Headers({ Accept: 'application/json' });
    if (contentType !== null) h.set('Content-Type', contentType);
    if (UNSAFE.has(method) && this.csrfToken !== null) h.set('X-CSRF-Token', this.csrfToken);
    return h;
  }

  private fail(status: number, body: unknown, authCall: boolean): ApiError {
    const e = readApiError(body);
    if (status === 401 && !authCall) this.hooks.onUnauthorized();
    if (status === 403 && e?.code === 'NARIZ_PASSWORD_CHANGE') this.hooks.onPasswordChangeRequired();
    return e === null ? new ApiError('http', status, null, `HTTP ${status}`) : new ApiError('server', status, e.code, e.message);
  }

  private async request<T>(method: Method, path: string, read: (v: unknown, status: number) => T, o: RequestOptions = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers: this.headers(method, o.raw !== undefined ? o.raw.type : o.body === undefined ? null : 'application/json'),
        credentials: 'same-origin',
        ...(o.raw !== undefined ? { body: o.raw.text } : o.body === undefined ? {} : { body: JSON.stringify(o.body) }),
        ...(o.signal === undefined ? {} : { signal: o.signal }),
      });
    } catch (err) {
      if (o.signal?.aborted === true) throw new ApiError('aborted', 0, null, 'aborted');
      throw new ApiError('network', 0, null, err instanceof Error ? err.message : String(err));
    }
    const text = await res.text();
    let body: unknown = null;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        if (res.ok) throw new ApiError('schema', res.status, null, `not JSON: ${text.slice(0, 80)}`);
      }
    }
    if (!res.ok && o.answers?.includes(res.status) !== true) throw this.fail(res.status, body, o.authCall === true);
    try {
      return read(body, res.status);
    } catch (err) {
      throw new ApiError('schema', res.status, null, err instanceof Error ? err.message : String(err));
    }
  }

  appConfig(): Promise<AppConfig> {
    return this.request('GET', '/api/app-config', readAppConfig, { authCall: true });
  }

  /** The current session, or null when there is none (no hook call: this is how the app starts). */
  async currentSession(): Promise<Session | null> {
    try {
      return await this.request('GET', '/api/session', readSession, { authCall: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  }

  signIn(username: string, password: string): Promise<Session> {
    return this.request('POST', '/api/session', readSession, { body: { username, password }, authCall: true });
  }

  async signOut(): Promise<void> {
    await this.request('DELETE', '/api/session', () => undefined, { authCall: true });
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await this.request('PUT', '/api/session/password', () => undefined, { body: { current_password: currentPassword, new_password: newPassword } });
  }

  sorties(): Promise<Sortie[]> {
    return this.request('GET', '/api/sorties', readSortieList);
  }

  sortie(id: SortieId): Promise<Sortie> {
    return this.request('GET', `/api/sorties/${encodeURIComponent(id)}`, readSortieBody);
  }

  async deleteSortie(id: SortieId): Promise<void> {
    await this.request('DELETE', `/api/sorties/${encodeURIComponent(id)}`, () => undefined);
  }

  samples(id: SortieId, max: number, signal?: AbortSignal): Promise<SampleColumns> {
    return this.request('GET', `/api/sorties/${encodeURIComponent(id)}/samples?max=${max}`, readSamples, signal === undefined ? {} : { signal });
  }

  detections(id: SortieId, signal?: AbortSignal): Promise<SpeciesDetections[]> {
    return this.request('GET', `/api/sorties/${encodeURIComponent(id)}/detections`, readDetections, signal === undefined ? {} : { signal });
  }

  /** The newest finished estimate, or null when the sortie has none yet (404). */
  async estimate(id: SortieId, signal?: AbortSignal): Promise<Estimate | null> {
    try {
      return await this.request('GET', `/api/sorties/${encodeURIComponent(id)}/estimate`, readEstimate, signal === undefined ? {} : { signal });
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  }

  jobs(sortieId?: SortieId): Promise<Job[]> {
    const q = sortieId === undefined ? '' : `?sortie_id=${encodeURIComponent(sortieId)}`;
    return this.request('GET', `/api/jobs${q}`, readJobList);
  }

  locate(id: SortieId): Promise<Job> {
    return this.request('POST', `/api/sorties/${encodeURIComponent(id)}/locate`, readJobBody, { body: {} });
  }

  // --- flight operations (docs/api.md, "Flight operations") ---------------

  authorities(): Promise<AuthoritySummary[]> {
    return this.request('GET', '/api/authorities', readAuthorityList);
  }

  /** One authority with its areas as GeoJSON. */
  authority(id: string, signal?: AbortSignal): Promise<AuthorityDetail> {
    return this.request('GET', `/api/authorities/${encodeURIComponent(id)}`, readAuthorityDetail, signal === undefined ? {} : { signal });
  }

  /** Admin: an official boundary file replaces the authority's areas. */
  loadOfficialBoundary(id: string, name: string, note: string | null, geojson: unknown): Promise<AuthoritySummary> {
    return this.request('POST', `/api/authorities/${encodeURIComponent(id)}/boundary`, readAuthorityBody, { body: { name, ...(note === null ? {} : { note }), geojson } });
  }

  /** Admin: drops the stored authority; a default with the same id (and its embedded boundaries) is back. */
  async deleteStoredAuthority(id: string): Promise<void> {
    await this.request('DELETE', `/api/authorities/${encodeURIComponent(id)}`, () => undefined);
  }

  plans(): Promise<PlanSummary[]> {
    return this.request('GET', '/api/plans', readPlanList);
  }

  plan(id: string, signal?: AbortSignal): Promise<PlanDetail> {
    return this.request('GET', `/api/plans/${encodeURIComponent(id)}`, readPlanDetail, signal === undefined ? {} : { signal });
  }

  surveyPlan(r: SurveyRequest): Promise<PlanDetail> {
    return this.request('POST', '/api/plans/survey', readPlanDetail, { body: surveyRequestJson(r) });
  }

  /** A mission file (.plan, QGC WPL 110, KML) sent as it is. */
  importPlan(text: string, o: ImportOptions): Promise<PlanDetail> {
    const q = new URLSearchParams({ name: o.name, file: o.file });
    if (o.authorityId !== null) q.set('authority_id', o.authorityId);
    return this.request('POST', `/api/plan-imports?${q.toString()}`, readPlanDetail, { raw: { type: 'text/plain', text } });
  }

  /** Sets the authority a plan is checked against (and returns the plan checked again). */
  setPlanAuthority(id: string, authorityId: string | null): Promise<PlanDetail> {
    return this.request('PUT', `/api/plans/${encodeURIComponent(id)}`, readPlanDetail, { body: { authority_id: authorityId } });
  }

  async deletePlan(id: string): Promise<void> {
    await this.request('DELETE', `/api/plans/${encodeURIComponent(id)}`, () => undefined);
  }

  /**
   * A mission file of the plan. The server checks the plan first: a plan
   * that leaves permitted airspace is refused (409 NARIZ_AIRSPACE_VIOLATION,
   * returned here as `refused` with its violations) unless an administrator
   * overrides with a reason.
   */
  async exportPlan(id: string, planName: string, o: ExportOptions): Promise<ExportOutcome> {
    const body = {
      format: o.format,
      ...(o.authorityId === undefined ? {} : { authority_id: o.authorityId }),
      ...(o.override === undefined ? {} : { override: true, reason: o.override.reason }),
    };
    const headers = this.headers('POST', 'application/json');
    headers.set('Accept', '*/*');
    let res: Response;
    try {
      res = await fetch(`${this.base}/api/plans/${encodeURIComponent(id)}/exports`, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body) });
    } catch (err) {
      throw new ApiError('network', 0, null, err instanceof Error ? err.message : String(err));
    }
    if (res.ok) {
      const blob = await res.blob();
      const filename = contentDispositionFilename(res.headers.get('content-disposition')) ?? `${planName.replace(/[^A-Za-z0-9._-]+/g, '_') || 'plan'}${MISSION_EXTENSION[o.format]}`;
      const count = Number(res.headers.get('x-nariz-violations') ?? '0');
      return { kind: 'file', blob, filename, violationCount: Number.isInteger(count) && count > 0 ? count : 0 };
    }
    let json: unknown = null;
    try {
      json = JSON.parse(await res.text());
    } catch {
      json = null;
    }
    if (res.status === 409) {
      try {
        const r = readExportRefusal(json);
        if (r.code === 'NARIZ_AIRSPACE_VIOLATION') return { kind: 'refused', message: r.message, violations: r.violations };
      } catch (err) {
        throw new ApiError('schema', res.status, null, err instanceof Error ? err.message : String(err));
      }
    }
    throw this.fail(res.status, json, false);
  }

  sortieAirspace(id: SortieId, authorityId: string, signal?: AbortSignal): Promise<TrackAirspace> {
    const q = new URLSearchParams({ authority_id: authorityId });
    return this.request('GET', `/api/sorties/${encodeURIComponent(id)}/airspace?${q.toString()}`, readTrackAirspace, signal === undefined ? {} : { signal });
  }

  /** The adaptive search's next waypoints (analysts); the server plans from the newest estimate. */
  suggestWaypoints(id: SortieId, body: { authority_id?: string }, signal?: AbortSignal): Promise<Suggestion> {
    return this.request('POST', `/api/sorties/${encodeURIComponent(id)}/suggest-waypoints`, readSuggestion, signal === undefined ? { body } : { body, signal });
  }

  vehicles(): Promise<VehiclesState> {
    return this.request('GET', '/api/vehicles', readVehicles);
  }

  /**
   * A whole sortie CSV file, streamed as the request body with upload
   * progress (XMLHttpRequest: fetch has no upload progress events).
   */
  uploadSortie(file: Blob, name: string, simulated: boolean, onProgress: (p: UploadProgress) => void): UploadHandle<UploadResult> {
    const q = new URLSearchParams({ name, simulated: String(simulated) });
    return this.upload(`/api/sortie-uploads?${q.toString()}`, 'text/csv', file, readUploadResult, onProgress);
  }

  // --- full-motion video (docs/api.md, "Video") ---------------------------

  /**
   * A drone video (MPEG-TS with MISB ST 0601 KLV) sent as it is, with upload
   * progress; the server answers 202 with the video, then processes it in
   * the background (its status arrives on the live feed).
   */
  uploadVideo(file: Blob, name: string, onProgress: (p: UploadProgress) => void): UploadHandle<Video> {
    const q = new URLSearchParams({ name });
    return this.upload(`/api/video-uploads?${q.toString()}`, 'video/mp2t', file, readVideoBody, onProgress);
  }

  videos(): Promise<Video[]> {
    return this.request('GET', '/api/videos', readVideoList);
  }

  video(id: VideoId): Promise<Video> {
    return this.request('GET', `/api/videos/${encodeURIComponent(id)}`, readVideoBody);
  }

  /** Admin: the video, its annotations, jobs and files (audited). */
  async deleteVideo(id: VideoId): Promise<void> {
    await this.request('DELETE', `/api/videos/${encodeURIComponent(id)}`, () => undefined);
  }

  /** Per-frame metadata as columns, at most `max` frames (the server picks the step). */
  videoFrames(id: VideoId, max: number, signal?: AbortSignal): Promise<VideoFrameColumns> {
    return this.request('GET', `/api/videos/${encodeURIComponent(id)}/frames?max=${max}`, readVideoFrames, signal === undefined ? {} : { signal });
  }

  /** The ground under a pixel (u, v normalised, top-left origin) of the frame at player time t. */
  groundAt(id: VideoId, tS: number, pixel: FramePoint, signal?: AbortSignal): Promise<GroundPick> {
    const q = new URLSearchParams({ t: String(tS), u: String(pixel.u), v: String(pixel.v) });
    return this.request('GET', `/api/videos/${encodeURIComponent(id)}/ground?${q.toString()}`, readGroundPick, signal === undefined ? {} : { signal });
  }

  /** Which videos saw this place, and when. */
  videoCoverage(lat: number, lon: number, signal?: AbortSignal): Promise<CoverageAnswer> {
    const q = new URLSearchParams({ lat: String(lat), lon: String(lon) });
    return this.request('GET', `/api/video-coverage?${q.toString()}`, readCoverageAnswer, signal === undefined ? {} : { signal });
  }

  annotations(id: VideoId, signal?: AbortSignal): Promise<Annotation[]> {
    return this.request('GET', `/api/videos/${encodeURIComponent(id)}/annotations`, readAnnotationList, signal === undefined ? {} : { signal });
  }

  createAnnotation(id: VideoId, a: NewAnnotation): Promise<Annotation> {
    return this.request('POST', `/api/videos/${encodeURIComponent(id)}/annotations`, readAnnotationBody, { body: newAnnotationJson(a) });
  }

  /** Changes an annotation (its author or an administrator: the server refuses others). */
  updateAnnotation(id: AnnotationId, patch: AnnotationPatch): Promise<Annotation> {
    return this.request('PATCH', `/api/annotations/${encodeURIComponent(id)}`, readAnnotationBody, { body: annotationPatchJson(patch) });
  }

  async deleteAnnotation(id: AnnotationId): Promise<void> {
    await this.request('DELETE', `/api/annotations/${encodeURIComponent(id)}`, () => undefined);
  }

  /** Annotations across videos: a substring of the text or a tag (`q`), one whole tag, or a link (`kind:id`). */
  searchAnnotations(s: AnnotationSearch, signal?: AbortSignal): Promise<Annotation[]> {
    const q = new URLSearchParams();
    if (s.q !== undefined) q.set('q', s.q);
    if (s.tag !== undefined) q.set('tag', s.tag);
    if (s.link !== undefined) q.set('link', `${s.link.kind}:${s.link.id}`);
    return this.request('GET', `/api/annotations?${q.toString()}`, readAnnotationList, signal === undefined ? {} : { signal });
  }

  /** Starts a motion cue over a region of the frame (analysts): the job, queued. */
  startMotionCue(id: VideoId, roi: Roi): Promise<VideoJob> {
    return this.request('POST', `/api/videos/${encodeURIComponent(id)}/motion`, readVideoJobBody, { body: { roi } });
  }

  /** The video's motion-cue jobs, newest first, each with its result once done. */
  motionJobs(id: VideoId, signal?: AbortSignal): Promise<VideoJob[]> {
    return this.request('GET', `/api/videos/${encodeURIComponent(id)}/motion`, readVideoJobList, signal === undefined ? {} : { signal });
  }

  // --- leads, releases and the dashboard (docs/api.md, "Leads and release") --

  leads(query: LeadQuery, signal?: AbortSignal): Promise<LeadPage> {
    const q = new URLSearchParams();
    if (query.statuses !== undefined && query.statuses.length > 0) q.set('status', query.statuses.join(','));
    if (query.q !== undefined && query.q.trim() !== '') q.set('q', query.q.trim());
    if (query.limit !== undefined) q.set('limit', String(query.limit));
    if (query.offset !== undefined) q.set('offset', String(query.offset));
    const qs = q.toString();
    return this.request('GET', `/api/leads${qs === '' ? '' : `?${qs}`}`, readLeadPage, signal === undefined ? {} : { signal });
  }

  /** One lead with its evidence, history and releases (the server records the view). */
  lead(id: LeadId, signal?: AbortSignal): Promise<LeadDetail> {
    return this.request('GET', `/api/leads/${encodeURIComponent(id)}`, readLeadDetail, signal === undefined ? {} : { signal });
  }

  createLead(n: NewLead): Promise<Lead> {
    return this.request('POST', '/api/leads', readLeadBody, { body: newLeadJson(n) });
  }

  updateLead(id: LeadId, patch: LeadPatch): Promise<Lead> {
    return this.request('PATCH', `/api/leads/${encodeURIComponent(id)}`, readLeadBody, { body: leadPatchJson(patch) });
  }

  /** An analyst's transition; 409 NARIZ_LEAD_STATE (its message names the allowed states) when it is not allowed now. */
  transitionLead(id: LeadId, to: LeadStatus, note: string): Promise<{ readonly lead: Lead; readonly event: LeadEvent }> {
    return this.request('POST', `/api/leads/${encodeURIComponent(id)}/transitions`, readTransitionAnswer, { body: { to, ...(note.trim() === '' ? {} : { note: note.trim() }) } });
  }

  addEvidence(id: LeadId, e: NewEvidence): Promise<Evidence> {
    return this.request('POST', `/api/leads/${encodeURIComponent(id)}/evidence`, readEvidenceBody, { body: evidenceJson(e) });
  }

  async removeEvidence(id: LeadId, evidenceId: string): Promise<void> {
    await this.request('DELETE', `/api/leads/${encodeURIComponent(id)}/evidence/${encodeURIComponent(evidenceId)}`, () => undefined);
  }

  /** Releases the lead to a partner unit (recorded and audited; the package is immutable). */
  releaseLead(id: LeadId, r: ReleaseRequest): Promise<ReleaseAnswer> {
    return this.request('POST', `/api/leads/${encodeURIComponent(id)}/releases`, readReleaseAnswer, { body: releaseRequestJson(r) });
  }

  /** What releasing the lead to that partner unit would make now: nothing is stored (the look is audited). */
  previewRelease(id: LeadId, r: ReleaseRequest, signal?: AbortSignal): Promise<ReleasePreview> {
    return this.request('POST', `/api/leads/${encodeURIComponent(id)}/releases/preview`, readReleasePreview, { body: releaseRequestJson(r), ...(signal === undefined ? {} : { signal }) });
  }

  releases(id: LeadId): Promise<ReleaseSummary[]> {
    return this.request('GET', `/api/leads/${encodeURIComponent(id)}/releases`, readReleaseList);
  }

  leadDashboard(signal?: AbortSignal): Promise<LeadDashboard> {
    return this.request('GET', '/api/leads/dashboard', readLeadDashboard, signal === undefined ? {} : { signal });
  }

  /**
   * A rendering of a release or package (HTML text or a PDF) from a path of
   * lead-request.ts: the file, or the server's error (a PDF is 503
   * NARIZ_UNAVAILABLE when the server has no Chromium: its message says so).
   */
  async rendering(path: string, signal?: AbortSignal): Promise<Blob> {
    const headers = this.headers('GET', null);
    headers.set('Accept', '*/*');
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, { method: 'GET', headers, credentials: 'same-origin', ...(signal === undefined ? {} : { signal }) });
    } catch (err) {
      if (signal?.aborted === true) throw new ApiError('aborted', 0, null, 'aborted');
      throw new ApiError('network', 0, null, err instanceof Error ? err.message : String(err));
    }
    if (res.ok) return res.blob();
    let json: unknown = null;
    try {
      json = JSON.parse(await res.text());
    } catch {
      json = null;
    }
    throw this.fail(res.status, json, false);
  }

  // --- the partner portal (docs/leads.md, "Partner portal") ---------------

  partnerPackages(lang: TextLanguage, signal?: AbortSignal): Promise<PackageList> {
    return this.request('GET', `/api/partner/packages?lang=${lang}`, readPackageList, signal === undefined ? {} : { signal });
  }

  partnerPackage(id: ReleaseId, lang: TextLanguage, signal?: AbortSignal): Promise<PackageDetail> {
    return this.request('GET', `/api/partner/packages/${encodeURIComponent(id)}?lang=${lang}`, readPackageDetail, signal === undefined ? {} : { signal });
  }

  acknowledgePackage(id: ReleaseId, note: string): Promise<PartnerUpdateAnswer> {
    return this.request('POST', `/api/partner/packages/${encodeURIComponent(id)}/acknowledge`, readPartnerUpdate, { body: note.trim() === '' ? {} : { note: note.trim() } });
  }

  reportAction(id: ReleaseId, a: ActionReport): Promise<PartnerUpdateAnswer> {
    return this.request('POST', `/api/partner/packages/${encodeURIComponent(id)}/action`, readPartnerUpdate, { body: actionJson(a) });
  }

  reportOutcome(id: ReleaseId, o: OutcomeReport): Promise<PartnerUpdateAnswer> {
    return this.request('POST', `/api/partner/packages/${encodeURIComponent(id)}/outcome`, readPartnerUpdate, { body: outcomeJson(o) });
  }

  // --- the counter-network (docs/api.md, "Counter-network") ---------------

  /** Every entity the reader may see, merged ones included (they carry `mergedInto`). */
  async networkEntities(signal?: AbortSignal): Promise<NetworkEntity[]> {
    const out: NetworkEntity[] = [];
    for (let offset = 0; ; offset += NETWORK_PAGE) {
      const page = await this.request('GET', `/api/network/entities?include_merged=true&limit=${NETWORK_PAGE}&offset=${offset}`, readEntityPage, signal === undefined ? {} : { signal });
      out.push(...page.items);
      if (page.items.length < NETWORK_PAGE || out.length >= page.total) return out;
    }
  }

  /** The entities tied to a lead (their `lead_id`) that the reader may see, merged ones left out. */
  async networkEntitiesOfLead(lead: LeadId, signal?: AbortSignal): Promise<readonly NetworkEntity[]> {
    const page = await this.request('GET', `/api/network/entities?lead_id=${encodeURIComponent(lead)}&limit=500`, readEntityPage, signal === undefined ? {} : { signal });
    return page.items;
  }

  /** Every assertion the reader may see (as stored: ends not resolved). */
  async networkAssertions(signal?: AbortSignal): Promise<NetworkAssertion[]> {
    const out: NetworkAssertion[] = [];
    for (let offset = 0; ; offset += NETWORK_PAGE) {
      const page = await this.request('GET', `/api/network/assertions?limit=${NETWORK_PAGE}&offset=${offset}`, readAssertionPage, signal === undefined ? {} : { signal });
      out.push(...page.items);
      if (page.items.length < NETWORK_PAGE || out.length >= page.total) return out;
    }
  }

  networkMerges(signal?: AbortSignal): Promise<NetworkMerge[]> {
    return this.request('GET', '/api/network/merges?limit=1000', readMergeList, signal === undefined ? {} : { signal });
  }

  /** `body` from network/entity-form.ts. */
  createNetworkEntity(body: Record<string, unknown>): Promise<NetworkEntity> {
    return this.request('POST', '/api/network/entities', readEntityBody, { body });
  }

  /** Only the fields that change; `lat`/`lon` null clears the place. */
  updateNetworkEntity(id: string, patch: Record<string, unknown>): Promise<NetworkEntity> {
    return this.request('PATCH', `/api/network/entities/${encodeURIComponent(id)}`, readEntityBody, { body: patch });
  }

  /** `body` from network/assertion-form.ts. */
  createNetworkAssertion(body: Record<string, unknown>): Promise<NetworkAssertion> {
    return this.request('POST', '/api/network/assertions', readAssertionBody, { body });
  }

  /** 204; the server refuses (409) while assertions or merges refer to it. */
  async deleteNetworkEntity(id: string): Promise<void> {
    await this.request('DELETE', `/api/network/entities/${encodeURIComponent(id)}`, () => undefined);
  }

  /** Only the fields that change (network/assertion-edit.ts); the ends never do. */
  updateNetworkAssertion(id: string, patch: Record<string, unknown>): Promise<NetworkAssertion> {
    return this.request('PATCH', `/api/network/assertions/${encodeURIComponent(id)}`, readAssertionBody, { body: patch });
  }

  async deleteNetworkAssertion(id: string): Promise<void> {
    await this.request('DELETE', `/api/network/assertions/${encodeURIComponent(id)}`, () => undefined);
  }

  mergeEntities(survivor: string, merged: readonly string[], reason: string): Promise<NetworkMerge> {
    return this.request('POST', '/api/network/merges', readMergeBody, { body: { survivor, merged: [...merged], reason } });
  }

  undoMerge(id: string): Promise<NetworkMerge> {
    return this.request('POST', `/api/network/merges/${encodeURIComponent(id)}/undo`, readMergeBody);
  }

  /** Step one of an import: the file as it is → the server's preview with suggested fields. */
  uploadNetworkImport(kind: 'entities' | 'assertions', file: Blob, name: string): Promise<ImportPreview> {
    const q = new URLSearchParams({ kind, name });
    return this.request('POST', `/api/network/imports?${q.toString()}`, readImportPreview, { raw: { type: importMediaType(name), text: file } });
  }

  /** Step two: the mapping and defaults; invalid rows come back as the server's problems (422, nothing stored). */
  commitNetworkImport(id: string, body: Record<string, unknown>): Promise<CommitOutcome> {
    return this.request('POST', `/api/network/imports/${encodeURIComponent(id)}/commit`, readCommitOutcome, { body, answers: [422] });
  }

  startNetworkAnalysis(body: Record<string, unknown>): Promise<AnalysisRun> {
    return this.request('POST', '/api/network/analysis', readAnalysisRun, { body });
  }

  /** A measure over sliding time windows; `body` from network/window-plan.ts. */
  startNetworkWindows(body: Record<string, unknown>): Promise<AnalysisRun> {
    return this.request('POST', '/api/network/windows', readAnalysisRun, { body });
  }

  networkAnalysis(id: string, signal?: AbortSignal): Promise<AnalysisRun> {
    return this.request('GET', `/api/network/analysis/${encodeURIComponent(id)}`, readAnalysisRun, signal === undefined ? {} : { signal });
  }

  networkEdge(from: string, to: string, f: ChartFilters, signal?: AbortSignal): Promise<EdgeProvenance> {
    const q = new URLSearchParams(choicesQuery(f));
    return this.request('GET', `/api/network/edges/${encodeURIComponent(from)}/${encodeURIComponent(to)}?${q.toString()}`, readEdgeProvenance, signal === undefined ? {} : { signal });
  }

  networkPaths(from: string, to: string, maxHops: number, f: ChartFilters, signal?: AbortSignal): Promise<PathAnswer> {
    const q = new URLSearchParams([['from', from], ['to', to], ['max_hops', String(maxHops)], ...choicesQuery(f)]);
    return this.request('GET', `/api/network/paths?${q.toString()}`, readPathAnswer, signal === undefined ? {} : { signal });
  }

  networkEgo(id: string, radius: number, f: ChartFilters, signal?: AbortSignal): Promise<EgoAnswer> {
    const q = new URLSearchParams([['radius', String(radius)], ...choicesQuery(f)]);
    return this.request('GET', `/api/network/ego/${encodeURIComponent(id)}?${q.toString()}`, readEgoAnswer, signal === undefined ? {} : { signal });
  }

  networkLayouts(signal?: AbortSignal): Promise<LayoutSummary[]> {
    return this.request('GET', '/api/network/layouts', readLayoutList, signal === undefined ? {} : { signal });
  }

  networkLayout(name: string, signal?: AbortSignal): Promise<SavedLayout> {
    return this.request('GET', `/api/network/layouts/${encodeURIComponent(name)}`, readSavedLayout, signal === undefined ? {} : { signal });
  }

  saveNetworkLayout(name: string, body: { positions: Record<string, { x: number; y: number; pinned: boolean }> }): Promise<SavedLayout> {
    return this.request('PUT', `/api/network/layouts/${encodeURIComponent(name)}`, readSavedLayout, { body });
  }

  /** A download link (the browser sends the session cookie; the server audits the export). */
  networkExportUrl(file: ExportFile): string {
    return `${this.base}/api/network/export/${file}`;
  }

  // --- translation (docs/api.md, "Translation") ---------------------------

  translationEngines(signal?: AbortSignal): Promise<TranslationEngines> {
    return this.request('GET', '/api/translation/engines', readTranslationEngines, signal === undefined ? {} : { signal });
  }

  /** A pasted text; `direction` null lets the server detect it. */
  translateText(text: string, direction: Direction | null, r: TranslateOptions, signal?: AbortSignal): Promise<Translation> {
    return this.request('POST', '/api/translations', readTextTranslation, { body: translateTextJson(text, direction, r), ...(signal === undefined ? {} : { signal }) });
  }

  /** A txt, docx or PDF sent as it is, as an upload (the server tells the format by its bytes); aborted with the signal. */
  translateDocument(file: Blob, name: string, direction: Direction | null, r: TranslateOptions, signal?: AbortSignal): Promise<Translation> {
    const h = this.upload(`/api/translation-uploads?${translateQuery(name, direction, r)}`, 'application/octet-stream', file, readDocumentTranslation, () => undefined);
    if (signal !== undefined) {
      if (signal.aborted) h.abort();
      else signal.addEventListener('abort', h.abort, { once: true });
    }
    return h.done;
  }

  /** Saves a note on the lead (the server translates again); `body` from saveRequestBody. */
  saveTranslationOnLead(lead: LeadId, body: Record<string, unknown>): Promise<SavedTranslation> {
    return this.request('POST', `/api/leads/${encodeURIComponent(lead)}/translations`, readSavedTranslation, { body });
  }

  glossary(q: GlossaryQuery, signal?: AbortSignal): Promise<GlossaryPage> {
    return this.request('GET', `/api/translation/glossary?${glossaryQueryString(q)}`, readGlossaryPage, signal === undefined ? {} : { signal });
  }

  /** Admin: a new entry (unreviewed); 409 when a form is another entry's. */
  createGlossaryEntry(b: GlossaryEntryBody): Promise<GlossaryEntry> {
    return this.request('POST', '/api/translation/glossary', readGlossaryEntryBody, { body: b });
  }

  /** Admin: the entry as edited from `version`; 409 NARIZ_CONFLICT when someone changed it since. */
  updateGlossaryEntry(id: string, version: number, b: GlossaryEntryBody): Promise<GlossaryEntry> {
    return this.request('PATCH', `/api/translation/glossary/${encodeURIComponent(id)}`, readGlossaryEntryBody, { body: { ...b, version } });
  }

  /** Admin: marks the entry reviewed by this user; 409 when it changed since `version`. */
  reviewGlossaryEntry(id: string, version: number): Promise<GlossaryEntry> {
    return this.request('POST', `/api/translation/glossary/${encodeURIComponent(id)}/review`, readGlossaryEntryBody, { body: { version } });
  }

  async deleteGlossaryEntry(id: string): Promise<void> {
    await this.request('DELETE', `/api/translation/glossary/${encodeURIComponent(id)}`, () => undefined);
  }

  // --- accounts (administrators) ------------------------------------------

  users(): Promise<UserAccount[]> {
    return this.request('GET', '/api/users', readUserList);
  }

  /** A new account with a one-time password (changed at first sign-in). */
  createUser(username: string, password: string, f: AccountFields): Promise<UserAccount> {
    return this.request('POST', '/api/users', readUserBody, { body: { username, password, ...accountFieldsJson(f) } });
  }

  updateUser(username: string, f: AccountFields): Promise<UserAccount> {
    return this.request('PATCH', `/api/users/${encodeURIComponent(username)}`, readUserBody, { body: accountFieldsJson(f) });
  }

  /** A file as the request body, with upload progress (XMLHttpRequest: fetch has no upload progress events). */
  private upload<T>(path: string, contentType: string, file: Blob, read: (v: unknown) => T, onProgress: (p: UploadProgress) => void): UploadHandle<T> {
    const xhr = new XMLHttpRequest();
    const done = new Promise<T>((resolve, reject) => {
      xhr.open('POST', `${this.base}${path}`);
      xhr.setRequestHeader('Content-Type', contentType);
      xhr.setRequestHeader('Accept', 'application/json');
      if (this.csrfToken !== null) xhr.setRequestHeader('X-CSRF-Token', this.csrfToken);
      xhr.upload.addEventListener('progress', (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size }));
      xhr.addEventListener('error', () => reject(new ApiError('network', 0, null, 'the upload was interrupted')));
      xhr.addEventListener('abort', () => reject(new ApiError('aborted', 0, null, 'aborted')));
      xhr.addEventListener('load', () => {
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = null;
        }
        if (xhr.status < 200 || xhr.status >= 300) {
          reject(this.fail(xhr.status, body, false));
          return;
        }
        try {
          resolve(read(body));
        } catch (err) {
          reject(new ApiError('schema', xhr.status, null, err instanceof Error ? err.message : String(err)));
        }
      });
      xhr.send(file);
    });
    return { done, abort: () => xhr.abort() };
  }
}
