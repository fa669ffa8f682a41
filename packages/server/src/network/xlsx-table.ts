/**
 * An Excel workbook's sheet as the same table of text cells the CSV path
 * makes (csv-table.ts), so the column-mapping preview and the import work
 * unchanged. The package is checked first (xlsx-package.ts: a workbook,
 * unencrypted, its inflated size capped); exceljs reads it.
 *
 * The sheet: the first worksheet, or the one named by `sheet`. Rows are
 * the sheet's rows, each with its row number as its `line`; blank rows are
 * skipped; the first row kept is the header (unless `header` is false:
 * then columns are "column 1", "column 2" …; a blank or repeated header
 * name is renamed as in the CSV path). Columns start at A, so column k is
 * letter k.
 *
 * Cells as text: a string as is; a number in its shortest round-trip form
 * (String(n): 3, 0.1, 1e+21); a date as ISO 8601 — the day alone
 * (2024-03-01) at midnight, else the date and time with Z (Excel stores
 * no zone: the wall-clock time is read as UTC); true/false; a formula's
 * cached result (one without a cached result is refused: the file was
 * never calculated); rich text flattened; a hyperlink's text; an empty
 * cell empty; a merged range's value in its top-left cell only. An error
 * value (#N/A …) is refused. Every refusal is NARIZ_IMPORT_FILE naming the
 * cell ("Sheet1!C7", quoted when the sheet's name needs it).
 */
import ExcelJS from 'exceljs';
import { NarizError } from '@nariz/core';
import { tableFromRecords, type ImportTable } from './csv-table.js';
import { checkXlsxPackage } from './xlsx-package.js';

export interface XlsxOptions {
  readonly header: boolean;
  /** The worksheet's name; default the first. */
  readonly sheet?: string;
  /** The entries' inflated sizes summed, at most (bytes). */
  readonly maxInflatedBytes: number;
  /** Rows of the sheet (the header included), at most. */
  readonly maxRows: number;
}

export interface XlsxTable extends ImportTable {
  /** The worksheet read. */
  readonly sheet: string;
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let s = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A sheet's name as a reference writes it before "!": Sheet1, 'My sheet'. */
function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** A cell's address as a formula would write it: Sheet1!C7, 'My sheet'!C7. */
export function cellAddress(sheet: string, row: number, column: number): string {
  return `${sheetRef(sheet)}!${columnLetters(column)}${row}`;
}

/** A whole row's address: Sheet1!7:7. */
export function rowAddress(sheet: string, row: number): string {
  return `${sheetRef(sheet)}!${row}:${row}`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isoOf(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0) return day;
  const ms = d.getUTCMilliseconds();
  return `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms === 0 ? '' : `.${pad(ms, 3)}`}Z`;
}

type Scalar = number | string | boolean | Date | ExcelJS.CellErrorValue | undefined;

/** A scalar (a cell's own value or a formula's result) as text; `where` names the cell in a refusal. */
function scalarText(v: Scalar, where: () => string): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) {
    const s = isoOf(v);
    if (s === '') throw new NarizError('NARIZ_IMPORT_FILE', `${where()} holds a date that is not a valid date`);
    return s;
  }
  throw new NarizError('NARIZ_IMPORT_FILE', `${where()} holds the error value ${v.error}: correct it in the workbook, or clear the cell`);
}

function cellText(cell: ExcelJS.Cell, where: () => string): string {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object' || v instanceof Date) return scalarText(v, where);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) {
    const text: unknown = v.text;
    if (typeof text === 'string') return text;
    if (typeof text === 'object' && text !== null && 'richText' in text && Array.isArray(text.richText)) return (text.richText as Array<{ text: string }>).map((r) => r.text).join('');
    return v.hyperlink;
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const formula = 'formula' in v && v.formula !== undefined ? v.formula : (v as ExcelJS.CellSharedFormulaValue).sharedFormula;
    if (v.result === undefined) {
      throw new NarizError('NARIZ_IMPORT_FILE', `${where()} holds the formula =${formula} with no saved result: open the workbook in a spreadsheet program, save it, and import it again`);
    }
    return scalarText(v.result, where);
  }
  if ('error' in v) return scalarText(v, where);
  throw new NarizError('NARIZ_IMPORT_FILE', `${where()} holds a value of a kind this import does not read`);
}

export async function readXlsxTable(content: Uint8Array, o: XlsxOptions): Promise<XlsxTable> {
  checkXlsxPackage(content, { maxInflatedBytes: o.maxInflatedBytes });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(content.buffer, content.byteOffset, content.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new NarizError('NARIZ_IMPORT_FILE', `the workbook cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const ws = o.sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(o.sheet);
  if (ws === undefined) {
    const names = wb.worksheets.map((w) => `"${w.name}"`).join(', ');
    throw new NarizError('NARIZ_IMPORT_FILE', o.sheet === undefined ? 'the workbook has no worksheet' : `the workbook has no sheet "${o.sheet}" (its sheets: ${names})`);
  }
  const sheet = ws.name;
  if (ws.actualRowCount > o.maxRows) {
    throw new NarizError('NARIZ_IMPORT_FILE', `the sheet "${sheet}" has ${ws.actualRowCount} rows; an import reads at most ${o.maxRows}: split it into several files`);
  }
  const records: Array<{ line: number; cells: string[] }> = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cellText(cell, () => cellAddress(sheet, rowNumber, col));
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = text;
    });
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.some((c) => c.trim() !== '')) records.push({ line: rowNumber, cells });
  });
  return { ...tableFromRecords(records, o.header, `the sheet "${sheet}" is empty: no header row`), sheet };
}
