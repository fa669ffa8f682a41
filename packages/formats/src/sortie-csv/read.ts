/**
 * The sortie CSV reader. One incremental core (`SortieCsvReader`: push text,
 * then finish) serves strings, streams and files, so all three accept and
 * reject exactly the same inputs. See docs/formats/sortie-csv.md.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { NarizError, builtinChemicals } from '@nariz/core';
import { resolveColumns } from './columns.js';
import { RowDecoder, type RowProblem } from './rows.js';
import { sortSortieByTime } from './sort.js';
import { CsvTokenizer, type RecordSink } from './tokenizer.js';
import { SORTIE_WARNING_CODES, type ReadSortieOptions, type ReadSortieResult } from './types.js';
import { WarningTally } from './warnings.js';

/** Bytes per read from disk: large enough that per-chunk overhead vanishes, small enough to bound memory. */
const FILE_CHUNK_BYTES = 1 << 20;

class SortieCsvReader implements RecordSink {
  private readonly tokenizer = new CsvTokenizer(this);
  private readonly tally = new WarningTally();
  private rows: RowDecoder | undefined;
  private headerLine = 0;
  private rowsRead = 0;
  private rowsSkipped = 0;
  private firstSkipped: string | undefined;

  constructor(private readonly opts: ReadSortieOptions) {}

  push(text: string): void {
    this.tokenizer.push(text);
  }

  record(cells: string[], line: number): void {
    if (this.rows === undefined) {
      const cols = resolveColumns(cells, {
        line,
        fileName: this.opts.fileName,
        chemicals: this.opts.chemicals ?? builtinChemicals(),
        warnings: this.tally,
      });
      this.rows = new RowDecoder(cols);
      this.headerLine = line;
      return;
    }
    this.rowsRead++;
    const problem = this.rows.decode(cells, line);
    if (problem !== undefined) this.reject(problem, line);
  }

  malformed(line: number, message: string): void {
    if (this.rows === undefined) {
      throw new NarizError('NARIZ_CSV_SHAPE', `header row: ${message}`, { file: this.opts.fileName, line });
    }
    this.rowsRead++;
    this.reject({ code: 'NARIZ_CSV_SHAPE', kind: 'quoting', column: undefined, message }, line);
  }

  finish(): ReadSortieResult {
    this.tokenizer.end();
    const where = { file: this.opts.fileName };
    if (this.rows === undefined) throw new NarizError('NARIZ_CSV_EMPTY', 'the file is empty: no header row and no samples', where);
    if (this.rowsRead === 0) {
      throw new NarizError('NARIZ_CSV_EMPTY', `the file has a header (line ${this.headerLine}) but no sample rows`, where);
    }
    if (this.rows.count === 0) {
      throw new NarizError('NARIZ_CSV_EMPTY', `all ${this.rowsRead} sample rows were skipped as bad; the first: ${this.firstSkipped ?? '?'}`, where);
    }
    let sortie = this.rows.build();
    const back = this.rows.backwards;
    if (back.count > 0) {
      sortie = sortSortieByTime(sortie);
      const code = SORTIE_WARNING_CODES.unsortedTime;
      this.tally.put(code, {
        code,
        message: `time goes backwards ${back.count} time(s) (first at line ${back.lines[0]}); rows were sorted by time, keeping file order among equal times`,
        count: back.count,
        exampleLines: back.lines,
      });
    }
    return { sortie, warnings: this.tally.list(), rowsRead: this.rowsRead, rowsSkipped: this.rowsSkipped };
  }

  private reject(p: RowProblem, line: number): void {
    const err = (): NarizError => new NarizError(p.code, p.message, { file: this.opts.fileName, line, column: p.column });
    if (this.opts.lenient !== true) throw err();
    this.rowsSkipped++;
    const key = `row:${p.kind}:${p.column ?? ''}`;
    const isNew = !this.tally.has(key);
    const message = isNew ? err().message : '';
    this.firstSkipped ??= message;
    this.tally.add(key, p.code, line, message, (first, count) => `skipped ${count} row(s) like this; first: ${first}`);
  }
}

/** Reads a whole sortie CSV held in memory. */
export function parseSortieCsv(text: string, opts: ReadSortieOptions = {}): ReadSortieResult {
  const reader = new SortieCsvReader(opts);
  reader.push(text);
  return reader.finish();
}

/**
 * Reads a sortie CSV from chunks of UTF-8 bytes or text of any size (a chunk
 * may split a line, a CRLF or a multi-byte character). Only the unfinished
 * tail of the previous chunk is kept, so memory is bounded by the columns,
 * not the text. Invalid UTF-8 becomes U+FFFD and then fails as a bad cell.
 */
export async function readSortieCsvStream(stream: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, opts: ReadSortieOptions = {}): Promise<ReadSortieResult> {
  const reader = new SortieCsvReader(opts);
  // StringDecoder carries a split multi-byte character over to the next chunk
  // and, unlike TextDecoder, keeps a leading BOM (the tokenizer drops it for
  // strings and bytes alike); it is also the faster of the two in Node 20.
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) {
    if (typeof chunk === 'string') {
      reader.push(decoder.end());
      reader.push(chunk);
    } else {
      reader.push(decoder.write(chunk));
    }
  }
  reader.push(decoder.end());
  return reader.finish();
}

/** Streams a sortie CSV file from disk; `opts.fileName` defaults to `path` for messages. */
export async function readSortieCsvFile(path: string, opts: ReadSortieOptions = {}): Promise<ReadSortieResult> {
  const named = { ...opts, fileName: opts.fileName ?? path };
  try {
    return await readSortieCsvStream(createReadStream(path, { highWaterMark: FILE_CHUNK_BYTES }), named);
  } catch (e) {
    if (isSystemError(e)) throw new NarizError('NARIZ_IO', `cannot read sortie CSV: ${e.message}`, { file: named.fileName }, { cause: e });
    throw e;
  }
}

function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}
