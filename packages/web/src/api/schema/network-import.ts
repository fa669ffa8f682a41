/**
 * A network import's two steps (docs/api.md, "Counter-network"): the
 * preview the server answers to an uploaded file (the columns found, three
 * sample values and a suggested field each, the fields a column may map to)
 * and the result of committing it with a mapping — or, when rows are
 * invalid, the problems by line and column (422 NARIZ_IMPORT_ROWS).
 */
import { readApiError } from './api-error.js';
import { arrayOf, fields, isRecord, nullable, str, type Reader } from './read.js';

export interface ImportColumn {
  readonly name: string;
  readonly samples: readonly string[];
  readonly suggested: string | null;
}

export interface ImportPreview {
  readonly id: string;
  readonly kind: 'entities' | 'assertions';
  readonly format: string;
  readonly fileName: string;
  readonly rows: number;
  readonly columns: readonly ImportColumn[];
  /** The fields a column may be mapped to ("attribute:<name>" is a pattern). */
  readonly fields: readonly string[];
}

export interface ImportProblem {
  readonly line: number;
  readonly column: string;
  readonly message: string;
}

export interface ImportResult {
  readonly rows: number;
  readonly entitiesCreated: number;
  readonly assertionsCreated: number;
  readonly skipped: number;
  readonly problems: readonly ImportProblem[];
  readonly duplicate: boolean;
}

const readColumn: Reader<ImportColumn> = (v, path) => {
  const f = fields(v, path);
  return { name: f.str('name'), samples: f.get('samples', arrayOf(str)), suggested: f.get('suggested', nullable(str)) };
};

export const readImportProblem: Reader<ImportProblem> = (v, path) => {
  const f = fields(v, path);
  return { line: f.int('line'), column: f.str('column'), message: f.str('message') };
};

export function readImportPreview(v: unknown): ImportPreview {
  const f = fields(v, 'import');
  const kind = f.str('kind');
  return {
    id: f.str('id'),
    kind: kind === 'entities' ? 'entities' : 'assertions',
    format: f.str('format'),
    fileName: f.str('file_name'),
    rows: f.int('rows'),
    columns: f.get('columns', arrayOf(readColumn)),
    fields: f.get('fields', arrayOf(str)),
  };
}

export function readImportResult(v: unknown): ImportResult {
  const f = fields(v, 'result');
  return {
    rows: f.int('rows'),
    entitiesCreated: f.int('entities_created'),
    assertionsCreated: f.int('assertions_created'),
    skipped: f.int('skipped'),
    problems: f.get('problems', arrayOf(readImportProblem)),
    duplicate: f.has('duplicate') ? f.bool('duplicate') : false,
  };
}

/** The problems of a refused commit (422), or [] when the body has none. */
export function readImportProblems(v: unknown): ImportProblem[] {
  if (!isRecord(v) || !Array.isArray(v['problems'])) return [];
  try {
    return arrayOf(readImportProblem)(v['problems'], 'problems');
  } catch {
    return [];
  }
}

/** A commit's answer: the result, or (422) the server's refusal with every problem; nothing was stored then. */
export type CommitOutcome =
  | { readonly kind: 'done'; readonly result: ImportResult }
  | { readonly kind: 'refused'; readonly message: string; readonly problems: readonly ImportProblem[] };

/** The commit's answer by its status: 422 is a refusal (an answer, not a failure), anything else the result. */
export function readCommitOutcome(v: unknown, status: number): CommitOutcome {
  if (status === 422) return { kind: 'refused', message: readApiError(v)?.message ?? 'HTTP 422', problems: readImportProblems(v) };
  return { kind: 'done', result: readImportResult(v) };
}
