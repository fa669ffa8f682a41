/**
 * TAXII 2.1 media types (OASIS TAXII 2.1 §1.6.8) and content negotiation.
 *
 * Accept: acceptable if some media range is `application/taxii+json` with
 * `version=2.1` or no version (the latest, which is 2.1) and q > 0;
 * otherwise 406. Wildcards (`*\/*`, `application/*`) are not enough: a TAXII
 * client must name the TAXII type, and the OASIS reference server
 * (medallion) refuses them too. Unlike medallion, `;q=` and spaces around
 * parameters are understood, and a missing version is accepted.
 *
 * Content-Type of a request body (adding objects): `application/taxii+json`,
 * version 2.1 or none; otherwise 415.
 */
import { NarizError } from '@nariz/core';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

const TAXII_TYPE = 'application/taxii+json';

export function stixMediaType(specVersion: string): string {
  return `application/stix+json;version=${specVersion}`;
}

export interface MediaRange {
  /** `type/subtype`, lower case. */
  readonly mediaType: string;
  /** Parameters other than q, names lower case, values unquoted. */
  readonly params: Readonly<Record<string, string>>;
  readonly q: number;
}

/** An Accept or Content-Type header as media ranges (RFC 9110 §12.5.1), in order. */
export function parseMediaRanges(header: string): MediaRange[] {
  const out: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [head, ...rest] = part.split(';');
    const mediaType = (head ?? '').trim().toLowerCase();
    if (mediaType === '') continue;
    const params: Record<string, string> = {};
    let q = 1;
    for (const p of rest) {
      const eq = p.indexOf('=');
      if (eq < 0) continue;
      const name = p.slice(0, eq).trim().toLowerCase();
      const value = p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
      if (name === 'q') {
        const n = Number(value);
        q = Number.isFinite(n) ? n : 0;
      } else params[name] = value;
    }
    out.push({ mediaType, params, q });
  }
  return out;
}

function isTaxii21(r: MediaRange): boolean {
  return r.mediaType === TAXII_TYPE && (r.params['version'] === undefined || r.params['version'] === '2.1');
}

/** Throws NARIZ_NOT_ACCEPTABLE (406) unless the Accept header admits TAXII 2.1. */
export function assertAcceptsTaxii(accept: string | undefined): void {
  if (accept === undefined || accept.trim() === '') {
    throw new NarizError('NARIZ_NOT_ACCEPTABLE', `no Accept header; TAXII needs Accept: ${TAXII_MEDIA_TYPE}`);
  }
  if (!parseMediaRanges(accept).some((r) => r.q > 0 && isTaxii21(r))) {
    throw new NarizError('NARIZ_NOT_ACCEPTABLE', `Accept: ${accept} admits no ${TAXII_MEDIA_TYPE}`);
  }
}

/** Throws NARIZ_UNSUPPORTED_MEDIA_TYPE (415) unless the body is declared TAXII 2.1 JSON. */
export function assertTaxiiContentType(contentType: string | undefined): void {
  const r = contentType === undefined ? undefined : parseMediaRanges(contentType)[0];
  if (r === undefined || !isTaxii21(r)) {
    throw new NarizError('NARIZ_UNSUPPORTED_MEDIA_TYPE', `Content-Type: ${contentType ?? '(none)'} is not ${TAXII_MEDIA_TYPE}`);
  }
}
