/**
 * XLSX network imports against a real server, with workbooks written in
 * the test by exceljs itself: a workbook of entities and assertions
 * imports to the same network as the equivalent CSV files (exports
 * compared byte for byte), dates and numbers come out as the CSV's text,
 * merged ranges keep their value in the top-left cell only, a bad cell is
 * named by its address ("Enlaces!C7"), a .docx renamed .xlsx, encrypted
 * files and other ZIPs are refused with the reason, a highly compressible
 * workbook is stopped at the inflated-size cap, and nothing stored changes
 * after a failed import.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { checkXlsxPackage } from '../src/network/xlsx-package.js';
import { call, startServer, type Reply, type TestServer } from './harness.js';
import { cleared, errorCode, mark, type Cleared } from './lead-fixtures.js';
import { docxWithBody } from './translation-fixtures.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(s: TestServer, by: Cleared, query: string, bytes: Uint8Array, type = XLSX): Promise<Reply> {
  const res = await fetch(`${s.base}/api/network/imports?${query}`, { method: 'POST', body: bytes, headers: { 'content-type': type, authorization: `Bearer ${by.auth.token}` } });
  const text = await res.text();
  return { status: res.status, json: text === '' ? undefined : (JSON.parse(text) as unknown), headers: res.headers };
}

const ok = (r: Reply, status = 200): unknown => {
  assert.equal(r.status, status, JSON.stringify(r.json));
  return r.json;
};

const message = (r: Reply): string => (r.json as { error: { message: string } }).error.message;

const ENTITY_HEAD = ['id', 'label', 'type', 'aliases', 'lat', 'lon', 'since'];
const ENTITIES: Array<Array<string | number | Date>> = [
  ['p-chapo', 'El Chapo', 'person', 'Joaquín;JGL', 25.7904, -108.9858, new Date(Date.UTC(1989, 0, 15))],
  ['p-mayo', 'El Mayo', 'person', '', 24.8091, -107.394, new Date(Date.UTC(1990, 5, 1, 8, 30, 0))],
  ['o-abaste', 'Abastecedora del Pacífico', 'organisation', '', 19.4326, -99.1332, ''],
  ['t-5566', '+52 667 555 6677', 'phone', '', '', '', ''],
];
const ASSERTION_HEAD = ['id', 'from', 'to', 'type', 'date', 'grading', 'count', 'source_ref', 'note'];
const ASSERTIONS: Array<Array<string | number | Date>> = [
  ['a-1', 'p-chapo', 'p-mayo', 'meets', new Date(Date.UTC(2024, 2, 1)), 'B2', 3, 'INF-2024-031', 'en Culiacán'],
  ['a-2', 'p-mayo', 'o-abaste', 'owns', new Date(Date.UTC(2024, 2, 2, 13, 5, 7)), 'C3', 1, 'INF-2024-032', ''],
  ['a-3', 'p-chapo', 't-5566', 'calls', new Date(Date.UTC(2024, 2, 3)), 'A1', 12, 'INF-2024-040', 'intervención 7'],
  ['a-4', 'o-abaste', 't-5566', 'calls', '', 'F6', 2.5, 'INF-2024-041', ''],
];

/** The text a spreadsheet's "CSV UTF-8" would hold for the same cells. */
function csvOf(head: string[], rows: Array<Array<string | number | Date>>): string {
  const text = (v: string | number | Date): string => {
    if (v instanceof Date) return v.getUTCHours() + v.getUTCMinutes() + v.getUTCSeconds() === 0 ? v.toISOString().slice(0, 10) : `${v.toISOString().slice(0, 19)}Z`;
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [head.join(','), ...rows.map((r) => r.map(text).join(','))].join('\n') + '\n';
}

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, name: string, head: string[], rows: Array<Array<string | number | Date>>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(head);
  for (const r of rows) ws.addRow(r.map((v) => (v === '' ? null : v)));
  return ws;
}

const ENTITY_MAPPING = { id: 'id', label: 'label', type: 'type', aliases: 'aliases', lat: 'lat', lon: 'lon', since: 'attribute:since' };
const ASSERTION_MAPPING = { id: 'id', from: 'from', to: 'to', type: 'type', date: 'date', grading: 'grading', count: 'count', source_ref: 'source_ref', note: 'note' };

async function commit(s: TestServer, by: Cleared, preview: Reply, mapping: Record<string, string>): Promise<Reply> {
  const id = (ok(preview, 201) as { id: string }).id;
  return call(s.base, 'POST', `/api/network/imports/${id}/commit`, { mapping, defaults: { marking: mark('U'), source_title: 'Informe de red' } }, { auth: by.auth });
}

async function exports(s: TestServer, by: Cleared): Promise<string[]> {
  const out: string[] = [];
  for (const f of ['entities.csv', 'assertions.csv', 'graph.graphml']) out.push(ok(await call(s.base, 'GET', `/api/network/export/${f}`, undefined, { auth: by.auth })) as string);
  return out;
}

test('a workbook of entities and assertions imports to the same network as the equivalent CSV files; dates and numbers come out as their text', async () => {
  const a = await startServer({ now: () => NOW, jobThreads: 1 });
  const b = await startServer({ now: () => NOW, jobThreads: 1 });
  try {
    const anaA = await cleared(a.store, 'ana', 'analyst', { clearance: 'TS' });
    const anaB = await cleared(b.store, 'ana', 'analyst', { clearance: 'TS' });
    ok(await commit(a, anaA, await call(a.base, 'POST', '/api/network/imports?kind=entities&name=red.csv', csvOf(ENTITY_HEAD, ENTITIES), { type: 'text/csv', auth: anaA.auth }), ENTITY_MAPPING));
    ok(await commit(a, anaA, await call(a.base, 'POST', '/api/network/imports?kind=assertions&name=red.csv', csvOf(ASSERTION_HEAD, ASSERTIONS), { type: 'text/csv', auth: anaA.auth }), ASSERTION_MAPPING));

    const book = await workbook((wb) => {
      addSheet(wb, 'Personas', ENTITY_HEAD, ENTITIES);
      addSheet(wb, 'Enlaces', ASSERTION_HEAD, ASSERTIONS);
    });
    const entities = await upload(b, anaB, 'kind=entities&name=red.xlsx', book);
    const preview = ok(entities, 201) as { format: string; rows: number; columns: Array<{ name: string; samples: string[]; suggested: string | null }> };
    assert.equal(preview.format, 'xlsx');
    assert.equal(preview.rows, 4);
    const samples = Object.fromEntries(preview.columns.map((c) => [c.name, c.samples]));
    assert.deepEqual(samples['lat'], ['25.7904', '24.8091', '19.4326'], 'numbers as their shortest text');
    assert.deepEqual(samples['lon'], ['-108.9858', '-107.394', '-99.1332']);
    assert.deepEqual(samples['since'], ['1989-01-15', '1990-06-01T08:30:00Z'], 'a day alone, or an ISO 8601 date and time');
    ok(await commit(b, anaB, entities, ENTITY_MAPPING));
    // The second sheet, by name, with an octet-stream body named .xlsx.
    const links = await upload(b, anaB, 'kind=assertions&name=red.xlsx&sheet=Enlaces', book, 'application/octet-stream');
    const linkPreview = ok(links, 201) as { columns: Array<{ name: string; samples: string[] }> };
    const linkSamples = Object.fromEntries(linkPreview.columns.map((c) => [c.name, c.samples]));
    assert.deepEqual(linkSamples['date'], ['2024-03-01', '2024-03-02T13:05:07Z', '2024-03-03']);
    assert.deepEqual(linkSamples['count'], ['3', '1', '12']);
    const done = ok(await commit(b, anaB, links, ASSERTION_MAPPING)) as { assertions_created: number };
    assert.equal(done.assertions_created, 4);

    const [ea, aa, ga] = await exports(a, anaA);
    const [eb, ab, gb] = await exports(b, anaB);
    assert.equal(eb, ea, 'entities.csv');
    assert.equal(ab, aa, 'assertions.csv');
    assert.equal(gb, ga, 'graph.graphml');
    const stored = (ok(await call(b.base, 'GET', '/api/network/assertions', undefined, { auth: anaB.auth })) as { assertions: Array<{ id: string; valid_from: string; valid_to: string; count: number }> }).assertions;
    const a2 = stored.find((x) => x.id === 'a-2')!;
    assert.deepEqual([a2.valid_from, a2.valid_to, a2.count], ['2024-03-02T13:05:07.000Z', '2024-03-02T13:05:07.000Z', 1]);
    assert.equal(stored.find((x) => x.id === 'a-4')!.count, 2.5);
    const missing = await upload(b, anaB, 'kind=assertions&name=red.xlsx&sheet=Hoja3', book);
    assert.deepEqual([missing.status, errorCode(missing)], [400, 'NARIZ_IMPORT_FILE']);
    assert.match(message(missing), /no sheet "Hoja3" \(its sheets: "Personas", "Enlaces"\)/);
  } finally {
    await a.close();
    await b.close();
  }
});

test('workbook cells as text: formulas give their saved result, rich text is flattened, merged ranges keep their value top-left, empty cells are empty', async () => {
  const s = await startServer({ now: () => NOW, jobThreads: 1 });
  try {
    const ana = await cleared(s.store, 'ana', 'analyst', { clearance: 'TS' });
    const book = await workbook((wb) => {
      const ws = wb.addWorksheet('Hoja 1');
      ws.addRow(['label', 'type', 'note', 'extra']);
      ws.addRow(['Alfa', 'person', { richText: [{ text: 'muy ' }, { text: 'importante', font: { bold: true } }] }, { formula: '2*21', result: 42 }]);
      ws.addRow(['Beta', 'person', null, { formula: 'TEXT(1,"0")', result: 'uno' }]);
      ws.addRow([]);
      ws.addRow(['Gamma', 'place', 'norte', 'sur']);
      ws.mergeCells('C5:D5');
      ws.addRow(['Delta', 'place', { text: 'el mapa', hyperlink: 'https://example.org/mapa' }, 0.1 + 0.2]);
    });
    const preview = ok(await upload(s, ana, 'kind=entities&name=hoja.xlsx', book), 201) as { rows: number; columns: Array<{ name: string; samples: string[] }> };
    const samples = Object.fromEntries(preview.columns.map((c) => [c.name, c.samples]));
    assert.equal(preview.rows, 4, 'the blank row is skipped');
    assert.deepEqual(samples['note'], ['muy importante', 'norte', 'el mapa']);
    assert.deepEqual(samples['extra'], ['42', 'uno', '0.30000000000000004'], 'D5, merged into C5, is empty; a float in its shortest round-trip text');
  } finally {
    await s.close();
  }
});

test('a bad cell is named by its address; error values and unsaved formulas are refused with theirs; nothing stored changes after a failed import', async () => {
  const s = await startServer({ now: () => NOW, jobThreads: 1 });
  try {
    const ana = await cleared(s.store, 'ana', 'analyst', { clearance: 'TS' });
    ok(await commit(s, ana, await call(s.base, 'POST', '/api/network/imports?kind=entities&name=red.csv', csvOf(ENTITY_HEAD, ENTITIES), { type: 'text/csv', auth: ana.auth }), ENTITY_MAPPING));
    const before = await exports(s, ana);

    // Rows 2–6 good, row 7's grading (column C) is not a grading.
    const rows: Array<Array<string | number | Date>> = [
      ['p-chapo', 'p-mayo', 'B2'], ['p-mayo', 'o-abaste', 'C3'], ['p-chapo', 't-5566', 'A1'], ['o-abaste', 't-5566', 'B3'], ['p-mayo', 'p-chapo', 'B2'], ['p-chapo', 'o-abaste', 'Z9'],
    ];
    const bad = await workbook((wb) => addSheet(wb, 'Enlaces', ['from', 'to', 'grading'], rows));
    const failed = await commit(s, ana, await upload(s, ana, 'kind=assertions&name=enlaces.xlsx', bad), { from: 'from', to: 'to', grading: 'grading' });
    assert.equal(failed.status, 422);
    const body = failed.json as { error: { code: string; message: string; location: Record<string, unknown> }; problems: Array<{ cell: string; line: number; column: string }> };
    assert.equal(body.error.code, 'NARIZ_IMPORT_ROWS');
    assert.deepEqual(body.error.location, { line: 7, column: 'grading', cell: 'Enlaces!C7' });
    assert.match(body.error.message, /^Enlaces!C7 \(column "grading"\): "Z9" is not an Admiralty grading/);
    assert.deepEqual(body.problems.map((p) => p.cell), ['Enlaces!C7']);

    const errorValue = await workbook((wb) => {
      const ws = addSheet(wb, 'Mi hoja', ['label', 'type'], [['Alfa', 'person']]);
      ws.getCell('B2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    });
    const refused = await upload(s, ana, 'kind=entities&name=x.xlsx', errorValue);
    assert.deepEqual([refused.status, errorCode(refused)], [400, 'NARIZ_IMPORT_FILE']);
    assert.match(message(refused), /^'Mi hoja'!B2 holds the error value #DIV\/0!/);
    const unsaved = await workbook((wb) => {
      const ws = addSheet(wb, 'Hoja1', ['label', 'type'], [['Alfa', 'person']]);
      ws.getCell('A2').value = { formula: 'CONCAT("Al","fa")' } as ExcelJS.CellFormulaValue;
    });
    const notSaved = await upload(s, ana, 'kind=entities&name=x.xlsx', unsaved);
    assert.equal(notSaved.status, 400);
    assert.match(message(notSaved), /^Hoja1!A2 holds the formula =CONCAT\("Al","fa"\) with no saved result/);

    // A .docx renamed .xlsx, a plain ZIP, an encrypted (OLE) workbook, a ZIP with encrypted entries, a legacy .xls.
    const docx = await upload(s, ana, 'kind=entities&name=informe.xlsx', docxWithBody('<w:p><w:r><w:t>hola</w:t></w:r></w:p>'), 'application/octet-stream');
    assert.deepEqual([docx.status, errorCode(docx)], [400, 'NARIZ_IMPORT_FILE']);
    assert.match(message(docx), /a Word document \(\.docx\), not an \.xlsx workbook/);
    const zip = await upload(s, ana, 'kind=entities&name=x.xlsx', zipSync({ 'a.txt': new TextEncoder().encode('hola') }));
    assert.match(message(zip), /a ZIP archive without an Excel workbook/);
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const legacy = await upload(s, ana, 'kind=entities&name=x.xlsx', ole);
    assert.match(message(legacy), /legacy Excel 97–2003 \.xls/);
    ole.set(new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')), 1024);
    const encrypted = await upload(s, ana, 'kind=entities&name=x.xlsx', ole);
    assert.deepEqual([encrypted.status, errorCode(encrypted)], [400, 'NARIZ_IMPORT_FILE']);
    assert.match(message(encrypted), /encrypted \(password-protected\)/);
    const flagged = (await workbook((wb) => addSheet(wb, 'Hoja1', ['label'], [['Alfa']]))).slice();
    for (let at = 0; at + 4 <= flagged.length; at++) {
      const sig = flagged[at]! | (flagged[at + 1]! << 8) | (flagged[at + 2]! << 16) | (flagged[at + 3]! << 24);
      if (sig === 0x04034b50) flagged[at + 6]! |= 1;
      if (sig === 0x02014b50) flagged[at + 8]! |= 1;
    }
    assert.match(message(await upload(s, ana, 'kind=entities&name=x.xlsx', flagged)), /encrypted \(its ZIP entries are\)/);
    const truncated = await upload(s, ana, 'kind=entities&name=book.xlsx', new TextEncoder().encode('PK\u0003\u0004'), 'application/octet-stream');
    assert.deepEqual([truncated.status, errorCode(truncated)], [400, 'NARIZ_IMPORT_FILE']);

    assert.deepEqual(await exports(s, ana), before, 'nothing stored changed');
  } finally {
    await s.close();
  }
});

test('the inflated size is measured, not declared: a highly compressible workbook stops at the cap', async () => {
  const rows = Array.from({ length: 20_000 }, (_, i) => [`persona ${i % 7}`, 'person', 'x'.repeat(200)]);
  const book = await workbook((wb) => addSheet(wb, 'Hoja1', ['label', 'type', 'note'], rows));
  assert.ok(book.length < 1_000_000, `compressed ${book.length} bytes`);
  assert.doesNotThrow(() => checkXlsxPackage(book, { maxInflatedBytes: 64 * 2 ** 20 }));
  assert.throws(() => checkXlsxPackage(book, { maxInflatedBytes: 2 * 2 ** 20 }), (e: Error) => /inflates to more than 2 MiB/.test(e.message));
  // The same with every declared uncompressed size set to 1 byte: the check inflates, it does not trust them.
  const lying = book.slice();
  for (let at = 0; at + 4 <= lying.length; at++) {
    const sig = lying[at]! | (lying[at + 1]! << 8) | (lying[at + 2]! << 16) | (lying[at + 3]! << 24);
    if (sig === 0x04034b50) lying.set([1, 0, 0, 0], at + 22);
    if (sig === 0x02014b50) lying.set([1, 0, 0, 0], at + 24);
  }
  assert.throws(() => checkXlsxPackage(lying, { maxInflatedBytes: 2 * 2 ** 20 }), (e: Error) => /inflates to more than 2 MiB/.test(e.message));
});
