/**
 * The counter-network part of the API (/api/network/*), read with the
 * readers in api/schema/network*.ts like every other answer. It makes its
 * own requests, the way ApiClient does (same-origin cookie, the session's
 * CSRF token on changing requests, the server's error shape as ApiError),
 * so the network tab adds no methods to the shared client.
 */
import { ApiError } from '../api/api-error.js';
import { readApiError } from '../api/schema/api-error.js';
import { readAnalysisRun, type AnalysisRun } from '../api/schema/network-analysis.js';
import { readImportPreview, readImportProblems, readImportResult, type ImportPreview, type ImportProblem, type ImportResult } from '../api/schema/network-import.js';
import { readLayoutList, readSavedLayout, type LayoutSummary, type SavedLayout } from '../api/schema/network-layout.js';
import { readEdgeProvenance, readEgoAnswer, readPathAnswer, type EdgeProvenance, type EgoAnswer, type PathAnswer } from '../api/schema/network-query.js';
import {
  readAssertionPage, readEntityBody, readEntityPage, readMergeBody, readMergeList, type NetworkAssertion, type NetworkEntity, type NetworkMerge,
} from '../api/schema/network.js';
import { choicesQuery, type ChartFilters } from './chart-filters.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The API's largest page of entities and assertions. */
const PAGE = 5000;

export const EXPORT_FILES = ['graph.graphml', 'graph.gexf', 'entities.csv', 'assertions.csv'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export type CommitOutcome =
  | { readonly kind: 'done'; readonly result: ImportResult }
  | { readonly kind: 'refused'; readonly message: string; readonly problems: readonly ImportProblem[] };

/** The media type the server reads a file by (it also accepts the name's extension). */
function importType(name: string): string {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === 'csv' || ext === 'txt' ? 'text/csv' : ext === 'graphml' ? 'application/graphml+xml' : ext === 'gexf' ? 'application/gexf+xml' : 'application/octet-stream';
}

export class NetworkClient {
  private readonly csrf: () => string | null;
  private readonly base: string;

  constructor(csrf: () => string | null, base = '') {
    this.csrf = csrf;
    this.base = base;
  }

  private async send(method: Method, path: string, body?: { readonly type: string; readonly data: string | Blob }, signal?: AbortSignal): Promise<{ status: number; json: unknown }> {
    const headers = new Headers({ Accept: 'application/json' });
    if (body !== undefined) headers.set('Content-Type', body.type);
    const token = this.csrf();
    if (method !== 'GET' && token !== null) headers.set('X-CSRF-Token', token);
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: body.data } : {}), ...(signal !== undefined ? { signal } : {}) });
    } catch (err) {
      if (signal?.aborted === true) throw new ApiError('aborted', 0, null, 'aborted');
      throw new ApiError('network', 0, null, err instanceof Error ? err.message : String(err));
    }
    const text = await res.text();
    let json: unknown = null;
    if (text.length > 0) {
      try {
        json = JSON.parse(text);
      } catch {
        if (res.ok) throw new ApiError('schema', res.status, null, `not JSON: ${text.slice(0, 80)}`);
      }
    }
    return { status: res.status, json };
  }

  private async request<T>(method: Method, path: string, read: (v: unknown) => T, body?: unknown, signal?: AbortSignal): Promise<T> {
    const r = await this.send(method, path, body === undefined ? undefined : { type: 'application/json', data: JSON.stringify(body) }, signal);
    if (r.status < 200 || r.status > 299) throw failure(r.status, r.json);
    try {
      return read(r.json);
    } catch (err) {
      throw new ApiError('schema', r.status, null, err instanceof Error ? err.message : String(err));
    }
  }

  /** Every entity the reader may see, merged ones included (they carry `mergedInto`). */
  async entities(signal?: AbortSignal): Promise<NetworkEntity[]> {
    const out: NetworkEntity[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.request('GET', `/api/network/entities?include_merged=true&limit=${PAGE}&offset=${offset}`, readEntityPage, undefined, signal);
      out.push(...page.items);
      if (page.items.length < PAGE || out.length >= page.total) return out;
    }
  }

  /** Every assertion the reader may see (as stored: ends not resolved). */
  async assertions(signal?: AbortSignal): Promise<NetworkAssertion[]> {
    const out: NetworkAssertion[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.request('GET', `/api/network/assertions?limit=${PAGE}&offset=${offset}`, readAssertionPage, undefined, signal);
      out.push(...page.items);
      if (page.items.length < PAGE || out.length >= page.total) return out;
    }
  }

  merges(signal?: AbortSignal): Promise<NetworkMerge[]> {
    return this.request('GET', '/api/network/merges?limit=1000', readMergeList, undefined, signal);
  }

  merge(survivor: string, merged: readonly string[], reason: string): Promise<NetworkMerge> {
    return this.request('POST', '/api/network/merges', readMergeBody, { survivor, merged: [...merged], reason });
  }

  undoMerge(id: string): Promise<NetworkMerge> {
    return this.request('POST', `/api/network/merges/${encodeURIComponent(id)}/undo`, readMergeBody);
  }

  /** Sets (or, with null, clears) an entity's place on the map. */
  locate(id: string, at: { readonly lat: number; readonly lon: number } | null): Promise<NetworkEntity> {
    return this.request('PATCH', `/api/network/entities/${encodeURIComponent(id)}`, readEntityBody, at === null ? { lat: null, lon: null } : { lat: at.lat, lon: at.lon });
  }

  /** Step one of an import: the file as it is → the server's preview with suggested fields. */
  upload(kind: 'entities' | 'assertions', file: Blob, name: string): Promise<ImportPreview> {
    const q = new URLSearchParams({ kind, name });
    return this.send('POST', `/api/network/imports?${q.toString()}`, { type: importType(name), data: file }).then((r) => {
      if (r.status !== 201) throw failure(r.status, r.json);
      try {
        return readImportPreview(r.json);
      } catch (err) {
        throw new ApiError('schema', r.status, null, err instanceof Error ? err.message : String(err));
      }
    });
  }

  /** Step two: the mapping and defaults; invalid rows come back as the server's problems (nothing stored). */
  async commit(id: string, body: Record<string, unknown>): Promise<CommitOutcome> {
    const r = await this.send('POST', `/api/network/imports/${encodeURIComponent(id)}/commit`, { type: 'application/json', data: JSON.stringify(body) });
    if (r.status === 422) return { kind: 'refused', message: readApiError(r.json)?.message ?? 'HTTP 422', problems: readImportProblems(r.json) };
    if (r.status !== 200) throw failure(r.status, r.json);
    try {
      return { kind: 'done', result: readImportResult(r.json) };
    } catch (err) {
      throw new ApiError('schema', r.status, null, err instanceof Error ? err.message : String(err));
    }
  }

  startAnalysis(body: Record<string, unknown>): Promise<AnalysisRun> {
    return this.request('POST', '/api/network/analysis', readAnalysisRun, body);
  }

  analysis(id: string, signal?: AbortSignal): Promise<AnalysisRun> {
    return this.request('GET', `/api/network/analysis/${encodeURIComponent(id)}`, readAnalysisRun, undefined, signal);
  }

  edgeProvenance(from: string, to: string, f: ChartFilters, signal?: AbortSignal): Promise<EdgeProvenance> {
    const q = new URLSearchParams(choicesQuery(f));
    return this.request('GET', `/api/network/edges/${encodeURIComponent(from)}/${encodeURIComponent(to)}?${q.toString()}`, readEdgeProvenance, undefined, signal);
  }

  paths(from: string, to: string, maxHops: number, f: ChartFilters, signal?: AbortSignal): Promise<PathAnswer> {
    const q = new URLSearchParams([['from', from], ['to', to], ['max_hops', String(maxHops)], ...choicesQuery(f)]);
    return this.request('GET', `/api/network/paths?${q.toString()}`, readPathAnswer, undefined, signal);
  }

  ego(id: string, radius: number, f: ChartFilters, signal?: AbortSignal): Promise<EgoAnswer> {
    const q = new URLSearchParams([['radius', String(radius)], ...choicesQuery(f)]);
    return this.request('GET', `/api/network/ego/${encodeURIComponent(id)}?${q.toString()}`, readEgoAnswer, undefined, signal);
  }

  layouts(signal?: AbortSignal): Promise<LayoutSummary[]> {
    return this.request('GET', '/api/network/layouts', readLayoutList, undefined, signal);
  }

  layout(name: string, signal?: AbortSignal): Promise<SavedLayout> {
    return this.request('GET', `/api/network/layouts/${encodeURIComponent(name)}`, readSavedLayout, undefined, signal);
  }

  saveLayout(name: string, body: { positions: Record<string, { x: number; y: number; pinned: boolean }> }): Promise<SavedLayout> {
    return this.request('PUT', `/api/network/layouts/${encodeURIComponent(name)}`, readSavedLayout, body);
  }

  /** A download link (the browser sends the session cookie; the server audits the export). */
  exportUrl(file: ExportFile): string {
    return `${this.base}/api/network/export/${file}`;
  }
}

function failure(status: number, body: unknown): ApiError {
  const e = readApiError(body);
  return e === null ? new ApiError('http', status, null, `HTTP ${status}`) : new ApiError('server', status, e.code, e.message);
}
