/**
 * The sortie CSV reader. One incremental core (`SortieCsvReader`: push text,
 * then finish) serves strings, streams and files, so all three accept and
 * reject exactly the same inputs. See docs/formats/sortie-csv.md.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { NarizError, builtinChemicals, type Sortie } from '@nariz/core';
import { resolveColumns } from './columns.js';
import { RowDecoder, type RowProblem } from './rows.js';
import { sortSortieByTime } from './sort.js';
import { CsvTokenizer, type RecordSink } from './tokenizer.js';
import { SORTIE_WARNING_CODES, type ReadSortieOptions, type ReadSortieResult, type SortieWarning } from './types.js';
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

  // StringDecoder carries a split multi-byte character over to the next chunk
  // and, unlike TextDecoder, keeps a leading BOM (the tokenizer drops it for
  // strings and bytes alike); it is also the faster of the two in Node 20.
  private readonly decoder = new StringDecoder('utf8');

  constructor(private readonly opts: ReadSortieOptions) {}

  push(text: string): void {
    this.tokenizer.push(text);
  }

  /** A chunk of a stream: UTF-8 bytes (a character may be split across chunks) or text. */
  pushChunk(chunk: Uint8Array | string): void {
    if (typeof chunk === 'string') {
      this.tokenizer.push(this.decoder.end());
      this.tokenizer.push(chunk);
    } else {
      this.tokenizer.push(this.decoder.write(chunk));
    }
  }

  /** The end of a stream: whatever bytes the decoder still holds. */
  endChunks(): void {
    this.tokenizer.push(this.decoder.end());
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

  /** The first `n` rows decoded when there are at least `n` (batch reading), else undefined. */
  takeRows(n: number): Sortie | undefined {
    return this.rows !== undefined && this.rows.count >= Math.max(1, n) ? this.rows.take(n) : undefined;
  }

  /** Every row still held (the end of a batch read), or undefined when none is. */
  takeRest(): Sortie | undefined {
    return this.rows !== undefined && this.rows.count > 0 ? this.rows.take() : undefined;
  }

  /** End of input in batch reading: the checks of `finish` and the warnings (time order is reported, not restored); the rows stay held for takeRows/takeRest. */
  finishBatches(): { warnings: SortieWarning[]; rowsRead: number; rowsSkipped: number } {
    this.tokenizer.end();
    this.checkNotEmpty();
    const rows = this.rows!;
    const back = rows.backwards;
    if (back.count > 0) {
      const code = SORTIE_WARNING_CODES.unsortedTime;
      this.tally.put(code, {
        code,
        message: `time goes backwards ${back.count} time(s) (first at line ${back.lines[0]}); rows were kept in file order`,
        count: back.count,
        exampleLines: back.lines,
      });
    }
    return { warnings: this.tally.list(), rowsRead: this.rowsRead, rowsSkipped: this.rowsSkipped };
  }

  private checkNotEmpty(): void {
    const where = { file: this.opts.fileName };
    if (this.rows === undefined) throw new NarizError('NARIZ_CSV_EMPTY', 'the file is empty: no header row and no samples', where);
    if (this.rowsRead === 0) {
      throw new NarizError('NARIZ_CSV_EMPTY', `the file has a header (line ${this.headerLine}) but no sample rows`, where);
    }
    if (this.rowsRead === this.rowsSkipped) {
      throw new NarizError('NARIZ_CSV_EMPTY', `all ${this.rowsRead} sample rows were skipped as bad; the first: ${this.firstSkipped ?? '?'}`, where);
    }
  }

  finish(): ReadSortieResult {
    this.tokenizer.end();
    this.checkNotEmpty();
    const rows = this.rows!;
    let sortie = rows.build();
    const back = rows.backwards;
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
  for await (const chunk of stream) reader.pushChunk(chunk);
  reader.endChunks();
  return reader.finish();
}

/** What a batch read reports at the end (the samples went to `onBatch`). */
export interface ReadSortieBatchesResult {
  warnings: SortieWarning[];
  rowsRead: number;
  rowsSkipped: number;
  batches: number;
  samples: number;
}

/**
 * Reads a sortie CSV of any size in batches of `batchRows` rows (the last
 * may be smaller), handing each to `onBatch` before reading on: memory is
 * bounded by one batch, not the file. The same rows are accepted and
 * rejected as by the other readers; the difference is that rows whose time
 * goes backwards are reported but kept in file order (a later batch cannot
 * reorder an earlier one). An error stops the read; batches already handed
 * over stay handed over, and it is the caller's to undo them.
 */
export async function readSortieCsvBatches(
  stream: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  opts: ReadSortieOptions & { readonly batchRows: number },
  onBatch: (batch: Sortie, index: number) => Promise<void> | void,
): Promise<ReadSortieBatchesResult> {
  if (!Number.isInteger(opts.batchRows) || opts.batchRows < 1) throw new RangeError(`batchRows must be a whole number >= 1, got ${opts.batchRows}`);
  const reader = new SortieCsvReader(opts);
  let batches = 0;
  let samples = 0;
  const hand = async (b: Sortie | undefined): Promise<void> => {
    if (b === undefined) return;
    await onBatch(b, batches++);
    samples += b.count;
  };
  for await (const chunk of stream) {
    reader.pushChunk(chunk);
    for (let b = reader.takeRows(opts.batchRows); b !== undefined; b = reader.takeRows(opts.batchRows)) await hand(b);
  }
  reader.endChunks();
  const end = reader.finishBatches();
  // The end of input can complete a last line or two: full batches first, then the rest.
  for (let b = reader.takeRows(opts.batchRows); b !== undefined; b = reader.takeRows(opts.batchRows)) await hand(b);
  await hand(reader.takeRest());
  return { warnings: end.warnings, rowsRead: end.rowsRead, rowsSkipped: end.rowsSkipped, batches, samples };
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
