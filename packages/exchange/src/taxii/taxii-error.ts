/**
 * The TAXII 2.1 error message (§3.6.1) for a NarizError: what a TAXII
 * client expects in place of Nariz's own error shape on the TAXII routes.
 * `http_status` is a string, as the specification types it.
 */
import { ERROR_CATALOGUE, type NarizError } from '@nariz/core';

export interface TaxiiErrorMessage {
  readonly title: string;
  readonly description?: string;
  readonly error_id?: string;
  readonly error_code?: string;
  readonly http_status?: string;
  readonly details?: Readonly<Record<string, string>>;
}

export function taxiiError(e: NarizError, errorId?: string): TaxiiErrorMessage {
  const location = e.location;
  const details: Record<string, string> = {};
  if (location?.path !== undefined) details['parameter'] = location.path;
  return {
    title: ERROR_CATALOGUE[e.code].summary,
    description: e.message,
    ...(errorId === undefined ? {} : { error_id: errorId }),
    error_code: e.code,
    http_status: String(e.status),
    ...(Object.keys(details).length === 0 ? {} : { details }),
  };
}
