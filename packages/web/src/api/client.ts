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
import { readDetections, type SpeciesDetections } from './schema/detections.js';
import { readEstimate, type Estimate } from './schema/estimate.js';
import type { SortieId } from './schema/ids.js';
import { readJobBody, readJobList, type Job } from './schema/job.js';
import { readSamples, type SampleColumns } from './schema/samples.js';
import { readSession, type Session } from './schema/session.js';
import { readSortieBody, readSortieList, readUploadResult, type Sortie, type UploadResult } from './schema/sortie.js';

export interface ClientHooks {
  /** The server answered 401 to a signed-in call: the session has ended. */
  readonly onUnauthorized: () => void;
  /** The server answered 403 NARIZ_PASSWORD_CHANGE: the password must be changed first. */
  readonly onPasswordChangeRequired: () => void;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  readonly body?: unknown;
  /** Sign-in itself: a 401 is a wrong password, not an ended session. */
  readonly authCall?: boolean;
  readonly signal?: AbortSignal;
}

const UNSAFE: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
}

export interface UploadHandle {
  readonly done: Promise<UploadResult>;
  readonly abort: () => void;
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

  private async request<T>(method: Method, path: string, read: (v: unknown) => T, o: RequestOptions = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers: this.headers(method, o.body === undefined ? null : 'application/json'),
        credentials: 'same-origin',
        ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }),
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
    if (!res.ok) throw this.fail(res.status, body, o.authCall === true);
    try {
      return read(body);
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

  /**
   * A whole sortie CSV file, streamed as the request body with upload
   * progress (XMLHttpRequest: fetch has no upload progress events).
   */
  uploadSortie(file: Blob, name: string, simulated: boolean, onProgress: (p: UploadProgress) => void): UploadHandle {
    const xhr = new XMLHttpRequest();
    const done = new Promise<UploadResult>((resolve, reject) => {
      const q = new URLSearchParams({ name, simulated: String(simulated) });
      xhr.open('POST', `${this.base}/api/sortie-uploads?${q.toString()}`);
      xhr.setRequestHeader('Content-Type', 'text/csv');
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
          resolve(readUploadResult(body));
        } catch (err) {
          reject(new ApiError('schema', xhr.status, null, err instanceof Error ? err.message : String(err)));
        }
      });
      xhr.send(file);
    });
    return { done, abort: () => xhr.abort() };
  }
}
