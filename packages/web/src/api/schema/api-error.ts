/** The server's one error shape: `{"error": {"code", "message", "location"?}}`. */
import { fields, isRecord } from './read.js';

export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
}

/** The error in a response body, or null when the body is not of the error shape. */
export function readApiError(v: unknown): ApiErrorBody | null {
  if (!isRecord(v) || !isRecord(v['error'])) return null;
  try {
    const f = fields(v['error'], 'error');
    return { code: f.str('code'), message: f.str('message') };
  } catch {
    // Not the documented shape: the caller reports the HTTP status instead.
    return null;
  }
}
