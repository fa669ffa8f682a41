/** What went wrong with a call to the API, in a form the UI can put into words. */

export type ApiErrorKind =
  /** The server answered with its error shape: `message` is the server's, for the user. */
  | 'server'
  /** The server answered with a status but not the error shape. */
  | 'http'
  /** No answer at all (offline, server down, connection reset). */
  | 'network'
  /** An answer that does not match the API contract. */
  | 'schema'
  /** The request was aborted by the app. */
  | 'aborted';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  /** The server's NARIZ_* code, when it sent one. */
  readonly code: string | null;

  constructor(kind: ApiErrorKind, status: number, code: string | null, message: string) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.code = code;
  }
}
