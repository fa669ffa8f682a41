/**
 * The translation routes (docs/api.md, "Translation") as calls: the
 * engines, a pasted text, an uploaded document (sent as it is, as the
 * body), and saving on a lead. Every answer is read from `unknown` by the
 * readers in api/schema/translation*.ts and every failure is an ApiError,
 * as with ApiClient; changing requests carry the session's CSRF token.
 * (These calls live here rather than in ApiClient so the translation tab
 * stays in its own files; they could move there unchanged.)
 * `useTranslationClient` makes one per workspace, always reading the
 * current session's token.
 */
import { useMemo, useRef } from 'react';
import { ApiError } from '../api/api-error.js';
import { readApiError } from '../api/schema/api-error.js';
import type { LeadId } from '../api/schema/ids.js';
import { readTranslationEngines, type TranslationEngines } from '../api/schema/translation-engines.js';
import { readSavedTranslation, type SavedTranslation } from '../api/schema/translation-saved.js';
import { readDocumentTranslation, readTextTranslation, type Direction, type Translation } from '../api/schema/translation.js';
import type { TranslateOptions } from '../translation/save-request.js';

export class TranslationClient {
  private readonly csrfToken: () => string | null;
  private readonly base: string;

  constructor(csrfToken: () => string | null, base = '') {
    this.csrfToken = csrfToken;
    this.base = base;
  }

  private async call<T>(method: 'GET' | 'POST', path: string, read: (v: unknown) => T, body: { readonly json: unknown } | { readonly raw: Blob } | null, signal?: AbortSignal): Promise<T> {
    const headers = new Headers({ Accept: 'application/json' });
    const token = this.csrfToken();
    if (method === 'POST' && token !== null) headers.set('X-CSRF-Token', token);
    let payload: BodyInit | undefined;
    if (body !== null && 'json' in body) {
      headers.set('Content-Type', 'application/json');
      payload = JSON.stringify(body.json);
    } else if (body !== null) {
      headers.set('Content-Type', 'application/octet-stream');
      payload = body.raw;
    }
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, { method, headers, credentials: 'same-origin', ...(payload === undefined ? {} : { body: payload }), ...(signal === undefined ? {} : { signal }) });
    } catch (err) {
      if (signal?.aborted === true) throw new ApiError('aborted', 0, null, 'aborted');
      throw new ApiError('network', 0, null, err instanceof Error ? err.message : String(err));
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      if (signal?.aborted === true) throw new ApiError('aborted', 0, null, 'aborted');
      throw new ApiError('network', 0, null, err instanceof Error ? err.message : String(err));
    }
    let json: unknown = null;
    if (text.length > 0) {
      try {
        json = JSON.parse(text);
      } catch {
        if (res.ok) throw new ApiError('schema', res.status, null, `not JSON: ${text.slice(0, 80)}`);
      }
    }
    if (!res.ok) {
      const e = readApiError(json);
      throw e === null ? new ApiError('http', res.status, null, `HTTP ${res.status}`) : new ApiError('server', res.status, e.code, e.message);
    }
    try {
      return read(json);
    } catch (err) {
      throw new ApiError('schema', res.status, null, err instanceof Error ? err.message : String(err));
    }
  }

  engines(signal?: AbortSignal): Promise<TranslationEngines> {
    return this.call('GET', '/api/translation/engines', readTranslationEngines, null, signal);
  }

  /** A pasted text; `direction` null lets the server detect it. */
  translateText(text: string, direction: Direction | null, o: TranslateOptions, signal?: AbortSignal): Promise<Translation> {
    const json = {
      text,
      ...(direction === null ? {} : { direction }),
      ...(o.entities.length > 0 ? { protect: { entities: [...o.entities] } } : {}),
      glossary: o.glossary,
    };
    return this.call('POST', '/api/translations', readTextTranslation, { json }, signal);
  }

  /** A txt, docx or PDF sent as it is; the server tells the format by its bytes. */
  translateDocument(file: Blob, name: string, direction: Direction | null, o: TranslateOptions, signal?: AbortSignal): Promise<Translation> {
    const q = new URLSearchParams({ name, glossary: String(o.glossary) });
    if (direction !== null) q.set('direction', direction);
    if (o.entities.length > 0) q.set('entities', o.entities.join(';'));
    return this.call('POST', `/api/translation-uploads?${q.toString()}`, readDocumentTranslation, { raw: file }, signal);
  }

  /** Saves a note on the lead; `body` from saveRequestBody. */
  saveOnLead(lead: LeadId, body: Record<string, unknown>): Promise<SavedTranslation> {
    return this.call('POST', `/api/leads/${encodeURIComponent(lead)}/translations`, readSavedTranslation, { json: body });
  }
}

/** One client for the workspace's life; the CSRF token is read at each call (it changes with the session). */
export function useTranslationClient(csrfToken: string): TranslationClient {
  const token = useRef(csrfToken);
  token.current = csrfToken;
  return useMemo(() => new TranslationClient(() => token.current), []);
}
