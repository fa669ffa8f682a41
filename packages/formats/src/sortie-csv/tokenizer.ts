/**
 * Incremental RFC 4180 tokenizer. Text arrives in chunks of any size; complete
 * records go to the sink together with the 1-based physical line on which they
 * start. Only the unfinished tail of the previous chunk is kept between pushes.
 *
 * Rules (RFC 4180, with the usual relaxations):
 * - records end at LF; a CR just before the LF is dropped, so CRLF and LF
 *   files read the same;
 * - a cell is quoted when its first character is `"`; inside, `""` is a
 *   literal quote and commas and line breaks are data;
 * - a `"` inside an unquoted cell, or text between a closing quote and the
 *   next comma, is broken quoting and reported for that record only;
 * - lines that are empty or only blanks are skipped but still counted;
 * - a UTF-8 byte-order mark at the very start is dropped.
 */
export interface RecordSink {
  record(cells: string[], line: number): void;
  malformed(line: number, message: string): void;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const BOM = 0xfeff;

/** Marker returned by the quoted-record scanner when the chunk ends mid-record. */
const NEED_MORE = -1;

export class CsvTokenizer {
  private rest = '';
  /** Physical line on which `rest` starts. */
  private line = 1;
  private atStart = true;

  constructor(private readonly sink: RecordSink) {}

  push(chunk: string): void {
    if (chunk.length === 0) return;
    this.consume(this.rest.length === 0 ? chunk : this.rest + chunk, false);
  }

  end(): void {
    this.consume(this.rest, true);
    this.rest = '';
  }

  private consume(text: string, final: boolean): void {
    const n = text.length;
    let pos = 0;
    if (this.atStart) {
      if (n === 0) return;
      if (text.charCodeAt(0) === BOM) pos = 1;
      this.atStart = false;
    }
    // Position of the next quote at or after `pos`, cached so that a file with
    // rare quotes is still scanned in linear time.
    let nextQuote = -2;
    while (pos < n) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) {
        if (!final) break;
        nl = n;
      }
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
      if (nextQuote === -1 || nextQuote > nl) {
        let end = nl;
        if (end > pos && text.charCodeAt(end - 1) === CR) end--;
        if (end > pos && !isBlank(text, pos, end)) {
          this.sink.record(text.slice(pos, end).split(','), this.line);
        }
        this.line++;
        pos = nl + 1;
      } else {
        const next = this.quotedRecord(text, pos, final);
        if (next === NEED_MORE) break;
        this.line += countLf(text, pos, next);
        pos = next;
      }
    }
    this.rest = pos >= n ? '' : text.slice(pos);
  }

  /**
   * Scans one record that contains a quote, starting at `start`. Returns the
   * position after its terminating LF (or `text.length`), or NEED_MORE when
   * the record may continue in the next chunk.
   */
  private quotedRecord(text: string, start: number, final: boolean): number {
    const n = text.length;
    const cells: string[] = [];
    let i = start;
    for (;;) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let value = '';
        let j = i + 1;
        for (;;) {
          const k = text.indexOf('"', j);
          if (k < 0 || (k === n - 1 && !final)) {
            // Either the closing quote has not arrived, or it is the last
            // character and the next chunk might start with its escaping twin.
            if (!final) return NEED_MORE;
            this.sink.malformed(this.line, `unterminated quoted cell (the opening quote is on line ${this.line + countLf(text, start, i)})`);
            return n;
          }
          value += text.slice(j, k);
          if (text.charCodeAt(k + 1) === QUOTE) {
            value += '"';
            j = k + 2;
            continue;
          }
          i = k + 1;
          break;
        }
        cells.push(value);
        const c = i < n ? text.charCodeAt(i) : -1;
        if (c === COMMA) {
          i++;
          continue;
        }
        if (c === -1 || c === LF || (c === CR && (i + 1 === n || text.charCodeAt(i + 1) === LF))) {
          if (c === CR && i + 1 === n && !final) return NEED_MORE;
          return this.emit(cells, text, i);
        }
        return this.skipBroken(text, i, start, final, 'text after a closing quote; a quoted cell must end at a comma or the end of the line');
      }
      // Unquoted cell: runs to the next comma or line end and must hold no quote.
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF) break;
        if (c === QUOTE) return this.skipBroken(text, j, start, final, 'a quote inside an unquoted cell; quote the whole cell and double inner quotes ("")');
        j++;
      }
      if (j === n && !final) return NEED_MORE;
      let end = j;
      if ((j === n || text.charCodeAt(j) === LF) && end > i && text.charCodeAt(end - 1) === CR) end--;
      cells.push(text.slice(i, end));
      if (j < n && text.charCodeAt(j) === COMMA) {
        i = j + 1;
        continue;
      }
      return this.emit(cells, text, j);
    }
  }

  /** Emits a finished record whose terminator (LF, CRLF or end of text) starts at `at`. */
  private emit(cells: string[], text: string, at: number): number {
    this.sink.record(cells, this.line);
    let p = at;
    if (p < text.length && text.charCodeAt(p) === CR) p++;
    if (p < text.length && text.charCodeAt(p) === LF) p++;
    return p;
  }

  /** Reports broken quoting for the record and resumes after the physical line holding the fault. */
  private skipBroken(text: string, at: number, start: number, final: boolean, why: string): number {
    const nl = text.indexOf('\n', at);
    if (nl < 0 && !final) return NEED_MORE;
    this.sink.malformed(this.line, `broken quoting: ${why} (line ${this.line + countLf(text, start, at)})`);
    return nl < 0 ? text.length : nl + 1;
  }
}

function isBlank(text: string, from: number, to: number): boolean {
  // Most lines start with a digit or letter, so one comparison usually decides.
  if (text.charCodeAt(from) > 32) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== CR) return false;
  }
  return true;
}

function countLf(text: string, from: number, to: number): number {
  let count = 0;
  let i = text.indexOf('\n', from);
  while (i >= 0 && i < to) {
    count++;
    i = text.indexOf('\n', i + 1);
  }
  return count;
}
