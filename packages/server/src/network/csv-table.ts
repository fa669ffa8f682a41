/**
 * A spreadsheet's CSV export as a table of text cells, each row with the
 * file line it starts on (RFC 4180: quoted fields may hold the delimiter,
 * quotes doubled, and line breaks). The delimiter is a comma unless given,
 * or detected from the first line among comma, semicolon (Excel in locales
 * with a decimal comma) and tab. Without a header row, columns are named
 * "column 1", "column 2" …; a blank or repeated header name gets one of
 * those names, or a " (2)" suffix. Blank lines are skipped. Broken quoting
 * is NARIZ_CSV_SHAPE with its line; a row with more cells than the header
 * is left for the importer to report with the rest.
 */
import { NarizError } from '@nariz/core';

export interface ImportTable {
  readonly columns: readonly string[];
  readonly rows: readonly ImportRow[];
}

export interface ImportRow {
  /** 1-based line of the file (or element, for XML) the row starts at. */
  readonly line: number;
  /** By column position; a missing cell is undefined. */
  readonly cells: readonly (string | undefined)[];
  /** Cells beyond the columns, if any (the importer reports them). */
  readonly extra?: number;
}

export interface CsvOptions {
  readonly header: boolean;
  /** One character; default: detected. */
  readonly delimiter?: string;
}

const CANDIDATES = [',', ';', '\t'];

/** The delimiter that occurs most often outside quotes on the first line (a comma on a tie or none). */
export function detectDelimiter(text: string): string {
  let quoted = false;
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && CANDIDATES.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const d of CANDIDATES) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Records of text cells with the line each starts on. */
export function parseCsvRecords(text: string, delimiter: string): Array<{ line: number; cells: string[] }> {
  const out: Array<{ line: number; cells: string[] }> = [];
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new NarizError('NARIZ_CSV_SHAPE', 'a quoted cell is not closed before the end of the file', { line: start });
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        if (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
          throw new NarizError('NARIZ_CSV_SHAPE', `text after a closing quote (cell ${cells.length + 1}); quote the whole cell and double the quotes inside`, { line });
        }
      } else {
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      }
      cells.push(cell);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    if (!(cells.length === 1 && cells[0]!.trim() === '')) out.push({ line: start, cells });
    line++;
  }
  return out;
}

export function readCsvTable(text: string, o: CsvOptions): ImportTable {
  const delimiter = o.delimiter ?? detectDelimiter(text);
  const records = parseCsvRecords(text, delimiter);
  return tableFromRecords(records, o.header, 'the file is empty: no header row');
}

/**
 * Records (a line and its cells) as a table: with `header`, the first
 * record names the columns (blank names become "column k", repeats get
 * " (2)", " (3)" …) and `noHeader` is the refusal when there is none;
 * without, the columns are "column 1" … as wide as the widest record. Each
 * row has a cell per column (undefined where it was short) and counts the
 * cells beyond them. Shared by the CSV and the XLSX readers.
 */
export function tableFromRecords(records: readonly { readonly line: number; readonly cells: readonly string[] }[], header: boolean, noHeader: string): ImportTable {
  let columns: string[];
  let body = records;
  if (header) {
    const head = records[0];
    if (head === undefined) throw new NarizError('NARIZ_IMPORT_FILE', noHeader);
    body = records.slice(1);
    const seen = new Set<string>();
    columns = head.cells.map((raw, k) => {
      let name = raw.trim() === '' ? `column ${k + 1}` : raw.trim();
      for (let suffix = 2; seen.has(name); suffix++) name = `${raw.trim()} (${suffix})`;
      seen.add(name);
      return name;
    });
  } else {
    const width = Math.max(0, ...records.map((r) => r.cells.length));
    columns = Array.from({ length: width }, (_, k) => `column ${k + 1}`);
  }
  const rows: ImportRow[] = body.map((r) => ({
    line: r.line, cells: columns.map((_, k) => r.cells[k]), ...(r.cells.length > columns.length ? { extra: r.cells.length - columns.length } : {}),
  }));
  return { columns, rows };
}
