/**
 * End to end, the translation tab: the real server (a child process on a
 * fresh SQLite directory, with Debian's Apertium as its engine) serving the
 * built app, driven in Debian's Chromium through playwright-core.
 *
 * The first admin makes a lead through the API → opens the Translation tab:
 * the server's engines are listed (Apertium used for es→en) with the
 * glossary's summary → pastes two Spanish paragraphs holding a phone
 * number, a CURP, a glossary term that is rewritten ("halcón") and one that
 * is only listed ("tiendita") → translates es→en: two aligned rows whose
 * partners light up together on hover, English words from Apertium, the
 * phone and CURP unchanged and highlighted on both sides, the unknown word
 * marked, both glossary hits listed with their literal meanings under the
 * innocent-meaning caveat, the caveat naming Apertium and its version →
 * copy (the clipboard holds the translation) and download (the file holds
 * the caveat in both languages and the engine) → saves it on the lead: the
 * lead's evidence (through the API) has the server's note with its
 * provenance → uploads a .txt and a .docx (zipped here with fflate):
 * paragraphs per row, the document named in the caveat; the docx is saved
 * too, its note naming the document → uploads a PDF printed here by
 * Chromium from a Spanish page (its text layer checked with pdftotext
 * first): the Spanish read, translated, the document and its pages named
 * in the caveat → English → Spanish → the glossary:
 * browsed and searched with literal meaning and slang sense side by side,
 * the admin edits "halcón" (a change someone made meanwhile is refused with
 * the 409's message and reloaded), marks it reviewed (the badge changes),
 * and a re-translation with the Apertium engine chosen explicitly
 * (Bergamot offered disabled with the server's reason) shows the new
 * meaning → from the translation's "halcón" hit, "Open in the glossary"
 * shows its entry searched and highlighted; the admin edits it there and
 * the hit says "re-translate to apply" (the other hit does not), gone
 * after re-translating with the new sense shown; the same for a review →
 * the Spanish UI → an analyst sees the glossary without edit controls,
 * also when opened from a hit → a viewer has no Translation tab and the API refuses them.
 * Screenshots: artifacts/e2e/translation-*.png. Nothing waits a fixed time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { strToU8, zipSync } from 'fflate';
import { apiFromPage, checkPrerequisites, launchBrowser, type RunningServer, screenshotter, signIn, startServer } from './e2e-harness.js';

const ADMIN_INITIAL = 'translate-initial-Passw0rd';
const ADMIN_PASSWORD = 'translate-changed-Passw0rd-2026';
const VIEWER_INITIAL = 'translate-viewer-initial-pw';
const VIEWER_NEW = 'translate-viewer-changed-pw-1';
const ANALYST_INITIAL = 'translate-analyst-initial-pw';
const ANALYST_NEW = 'translate-analyst-changed-pw-1';
const PHONE = '55 1234 5678';
/** A valid CURP (the RENAPO check digit holds). */
const CURP = 'HEGG560427MVZRRL04';
const PASTED = `El halcón llamó al ${PHONE} desde la casa.\n\nSu CURP es ${CURP}. La tiendita está cerca del río.`;
const LEAD_TITLE = 'Rancho del norte: informes en español';
/** The PDF's two paragraphs (far apart, so pdftotext leaves a blank line between them). */
const PDF_PARAGRAPHS = ['El informe del rancho llegó ayer por la tarde.', 'La camioneta estaba cerca del río.'];


function field(v: unknown, key: string): unknown {
  assert.ok(typeof v === 'object' && v !== null && !Array.isArray(v), `expected an object holding ${key}`);
  return (v as Record<string, unknown>)[key];
}

/** The lead's translation notes as the API gives them. */
async function translationNotes(page: Page, leadId: string): Promise<{ text: string; lang: string; portion: string }[]> {
  const r = await apiFromPage(page, 'GET', `/api/leads/${leadId}`);
  assert.equal(r.status, 200);
  const evidence = field(r.json, 'evidence');
  assert.ok(Array.isArray(evidence));
  return evidence
    .filter((e) => field(e, 'kind') === 'note' && field(e, 'ref') === 'nariz-translation/1')
    .map((e) => ({ text: String(field(e, 'text')), lang: String(field(e, 'lang')), portion: String(field(e, 'portion')) }));
}

/** A minimal docx (the three parts Word needs) with these paragraphs. */
function docx(paragraphs: readonly string[]): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  const types =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  return Buffer.from(zipSync({ '[Content_Types].xml': strToU8(types), '_rels/.rels': strToU8(rels), 'word/document.xml': strToU8(doc) }));
}

/** A one-page PDF with a text layer: a Spanish page printed by the test's own Chromium. */
async function spanishPdf(page: Page): Promise<Buffer> {
  const printer = await page.context().newPage();
  try {
    const body = PDF_PARAGRAPHS.map((p) => `<p style="margin: 0 0 4em">${p}</p>`).join('');
    await printer.setContent(`<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Informe</title></head><body style="font: 14px sans-serif">${body}</body></html>`);
    return await printer.pdf({ format: 'A5' });
  } finally {
    await printer.close();
  }
}

async function texts(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).allTextContents();
}

/** Presses Translate and waits for a new answer (the view goes through "running"). */
async function translate(page: Page): Promise<void> {
  await page.getByTestId('tr-submit').click();
  await page.locator('[data-testid="translation-view"][data-state="done"]').waitFor();
  assert.equal(await page.getByTestId('tr-error').count(), 0, `the server refused: ${(await page.getByTestId('tr-error').allTextContents()).join(' ')}`);
}

test('e2e translation: pasted Spanish with a phone, a CURP and slang; copy, download, save on a lead; txt, docx and PDF; en→es; the glossary edited and reviewed, also from a hit with "re-translate to apply"; the engine chosen; Spanish UI; analyst; viewer', { timeout: 600_000 }, async () => {
  checkPrerequisites();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screenshot: (name: string) => Promise<void> = async () => undefined;
  try {
    server = await startServer({ NARIZ_INITIAL_ADMIN_PASSWORD: ADMIN_INITIAL });
    const b = await launchBrowser();
    browser = b.browser;
    const { page, pageErrors } = b;
    screenshot = screenshotter(page, 'translation');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });

    // 1. The first admin signs in and makes a lead to save on (through the API).
    await page.goto(server.base);
    await signIn(page, 'admin', ADMIN_INITIAL, ADMIN_PASSWORD);
    await page.getByTestId('sign-out').waitFor();
    const made = await apiFromPage(page, 'POST', '/api/leads', {
      title: LEAD_TITLE, lang: 'es', lat: 29.1, lon: -110.9,
      marking: { classification: 'U', controls: [], relTo: [], originator: 'task force' },
    });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    const leadId = String(field(made.json, 'id'));

    // 2. The tab: the server's engines and the glossary's summary.
    await page.getByTestId('tab-translate').click();
    const apertium = page.locator('[data-testid="tr-engine"][data-engine="apertium"][data-direction="es-en"]');
    await apertium.waitFor();
    assert.equal(await apertium.getAttribute('data-used'), 'true', 'Apertium translates es→en here');
    const version = ((await apertium.locator('.tr-engine-detail').textContent()) ?? '').trim();
    assert.match(version, /apertium/i, 'the engine row shows its version');
    assert.match((await page.getByTestId('tr-glossary-summary').textContent()) ?? '', /Slang glossary: 49 entries, 0 reviewed\./);

    // 3. A pasted text, es→en.
    assert.equal(await page.getByTestId('tr-submit').isDisabled(), true, 'nothing to translate yet');
    await page.getByTestId('tr-direction-es-en').check();
    await page.getByTestId('tr-text').fill(PASTED);
    await translate(page);
    await screenshot('pasted');

    const caveat = page.getByTestId('tr-caveat');
    assert.equal(await caveat.getAttribute('data-engine'), 'apertium');
    const caveatText = (await caveat.textContent()) ?? '';
    assert.ok(caveatText.includes('Machine translation — check before use'), caveatText);
    assert.ok(caveatText.includes(`Engine: apertium (${version})`), caveatText);
    assert.ok(caveatText.includes('Machine translation, not reviewed by a translator'), 'the server’s English caveat');
    assert.ok(caveatText.includes('Traducción automática, no revisada por un traductor'), 'and its Spanish one');

    // Two paragraphs, two aligned rows; English from Apertium; the entities unchanged and highlighted on both sides.
    const sources = await texts(page, 'tr-source');
    const targets = await texts(page, 'tr-target');
    assert.equal(sources.length, 2, `rows: ${JSON.stringify(sources)}`);
    assert.equal(targets.length, 2, `rows: ${JSON.stringify(targets)}`);
    assert.equal(sources[0], PASTED.split('\n\n')[0]);
    assert.match(targets[0]!, /\bhouse\b/, `Apertium's English: ${targets[0]}`);
    assert.match(targets[0]!, /\bwatchdog of the criminal group\b/, 'halcón was rewritten to neutral Spanish before translation');
    assert.match(targets[1]!, /\briver\b/);
    assert.ok(!/\bcasa\b|\brío\b/.test(targets.join(' ')), 'no Spanish left where Apertium knows the words');
    for (const [side, kind, text] of [['tr-source', 'phone', PHONE], ['tr-target', 'phone', PHONE], ['tr-source', 'curp', CURP], ['tr-target', 'curp', CURP]] as const) {
      const hl = page.getByTestId(side).locator(`[data-testid="tr-entity"][data-kind="${kind}"]`);
      assert.deepEqual(await hl.allTextContents(), [text], `${kind} highlighted as written in ${side}`);
    }
    // The unknown word left as written, marked; the glossary term highlighted in the source.
    assert.deepEqual(await page.getByTestId('tr-target').locator('[data-mark="unknown"]', { hasText: 'tiendita' }).allTextContents(), ['tiendita']);
    assert.deepEqual(await page.getByTestId('tr-source').locator('[data-term="halcón"]').allTextContents(), ['halcón']);
    assert.match((await page.getByTestId('tr-unknown-list').textContent()) ?? '', /tiendita/);

    // Hovering a paragraph lights its partner, and only it.
    await page.getByTestId('tr-target').nth(1).hover();
    await page.locator('[data-testid="tr-source"][data-row="1"][data-active="true"]').waitFor();
    assert.equal(await page.getByTestId('tr-source').nth(0).getAttribute('data-active'), 'false');
    await page.getByTestId('tr-source').nth(0).hover();
    await page.locator('[data-testid="tr-target"][data-row="0"][data-active="true"]').waitFor();
    assert.equal(await page.getByTestId('tr-target').nth(1).getAttribute('data-active'), 'false');

    // The glossary hits beside the output, with their literal meanings and the caveat.
    assert.match((await page.getByTestId('tr-glossary-caveat').textContent()) ?? '', /innocent literal meaning/);
    const halcon = page.locator('[data-testid="tr-glossary-hit"][data-term="halcón"]');
    assert.equal(await halcon.getAttribute('data-applied'), 'replaced');
    assert.equal(await halcon.getAttribute('data-reviewed'), 'false');
    assert.equal(await halcon.getByTestId('tr-hit-literal').textContent(), 'Literal meaning: hawk, falcon');
    assert.equal(await halcon.getByTestId('tr-hit-gloss').textContent(), 'Slang sense: cartel lookout');
    const tiendita = page.locator('[data-testid="tr-glossary-hit"][data-term="tiendita"]');
    assert.equal(await tiendita.getAttribute('data-applied'), 'annotated');
    assert.equal(await tiendita.getByTestId('tr-hit-literal').textContent(), 'Literal meaning: small corner shop');
    assert.equal(await page.getByTestId('tr-glossary-hit').count(), 2);

    // 4. Copy and download.
    await page.getByTestId('tr-copy').click();
    await page.getByTestId('tr-copied').waitFor();
    const clip: unknown = await page.evaluate('navigator.clipboard.readText()');
    assert.equal(clip, targets.join('\n\n'), 'the clipboard holds the translation');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tr-download').click()]);
    assert.equal(download.suggestedFilename(), 'translation-es-en.txt');
    const file = readFileSync(await download.path(), 'utf8');
    assert.ok(file.startsWith('Machine translation, not reviewed by a translator'), file.slice(0, 200));
    assert.ok(file.includes('Traducción automática, no revisada por un traductor'));
    assert.ok(file.includes(`Engine: apertium (${version})`));
    assert.ok(file.includes(PASTED) && file.includes(targets[0]!), 'the original and the translation');

    // 5. Saved on the lead: the server's note with its provenance.
    await page.getByTestId('tr-lead').selectOption(leadId);
    assert.equal(await page.getByTestId('tr-save').textContent(), `Save on “${LEAD_TITLE}”`);
    await page.getByTestId('tr-save').click();
    await page.getByTestId('tr-saved').waitFor();
    assert.equal(await page.getByTestId('tr-saved-portion').textContent(), '(U)');
    let notes = await translationNotes(page, leadId);
    assert.equal(notes.length, 1);
    const note = notes[0]!;
    assert.equal(note.lang, 'es');
    for (const line of ['nariz-translation/1', 'engine: apertium', `engine-version: ${version}`, 'direction: es-en', 'translated-by: admin', 'source: pasted text', 'halcón → vigilante del grupo delictivo', PHONE]) {
      assert.ok(note.text.includes(line), `the note holds "${line}":\n${note.text}`);
    }
    assert.match(note.text, /^translated-at: \d{4}-\d{2}-\d{2}T/m);
    assert.match(note.text, /entities: 2 protected/);
    assert.ok(note.text.includes(`> ${PASTED.split('\n\n')[0]}`), 'the original quoted in the note');
    assert.equal(await page.getByTestId('tr-save').isDisabled(), false);
    await screenshot('saved');

    // 6. A .txt upload: a row per paragraph, the document in the caveat.
    await page.getByTestId('tr-mode-file').check();
    await page.getByTestId('tr-file-input').setInputFiles({ name: 'informe.txt', mimeType: 'text/plain', buffer: Buffer.from('La cocina está en el rancho.\n\nEl informe llegó ayer.\n', 'utf8') });
    await page.getByTestId('tr-file-chosen').waitFor();
    await translate(page);
    assert.match((await page.getByTestId('tr-document').textContent()) ?? '', /Document: informe\.txt \(txt\)/);
    assert.deepEqual(await texts(page, 'tr-source'), ['La cocina está en el rancho.', 'El informe llegó ayer.']);
    const txtTargets = await texts(page, 'tr-target');
    assert.match(txtTargets[0]!, /\branch\b/);
    assert.match(txtTargets[1]!, /\breport arrived yesterday\b/);
    const cocina = page.locator('[data-testid="tr-glossary-hit"][data-term="cocina"]');
    assert.equal(await cocina.getByTestId('tr-hit-literal').textContent(), 'Literal meaning: kitchen');
    assert.equal(await page.getByTestId('tr-saved').count(), 0, 'a new translation is not yet saved');

    // 7. A .docx upload, saved: its note names the document.
    await page.getByTestId('tr-file-input').setInputFiles({
      name: 'informe.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx(['El fusil estaba en la camioneta.', `Llamaron al ${PHONE} ayer.`]),
    });
    await translate(page);
    assert.match((await page.getByTestId('tr-document').textContent()) ?? '', /Document: informe\.docx \(docx\)/);
    const docxTargets = await texts(page, 'tr-target');
    assert.equal(docxTargets.length, 2);
    assert.match(docxTargets[0]!, /\bvan\b/);
    assert.deepEqual(await page.getByTestId('tr-target').nth(1).locator('[data-kind="phone"]').allTextContents(), [PHONE]);
    await screenshot('docx');
    await page.getByTestId('tr-save').click();
    await page.getByTestId('tr-saved').waitFor();
    notes = await translationNotes(page, leadId);
    assert.equal(notes.length, 2);
    const docNote = notes.find((n) => n.text.includes('source: document "informe.docx" (docx)'));
    assert.ok(docNote !== undefined, notes.map((n) => n.text).join('\n---\n'));
    assert.match(docNote.text, /^segments: 2$/m);

    // 7b. A PDF with a text layer (printed here by Chromium): read by the server's pdftotext and translated.
    const pdf = await spanishPdf(page);
    assert.ok(pdf.subarray(0, 5).toString('latin1') === '%PDF-', 'Chromium printed a PDF');
    const layer = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf });
    assert.equal(layer.status, 0, `pdftotext: ${String(layer.stderr)}`);
    for (const p of PDF_PARAGRAPHS) assert.ok(String(layer.stdout).includes(p), `the PDF's text layer holds "${p}": ${String(layer.stdout)}`);
    await page.getByTestId('tr-file-input').setInputFiles({ name: 'informe.pdf', mimeType: 'application/pdf', buffer: pdf });
    await translate(page);
    const pdfDoc = (await page.getByTestId('tr-document').textContent()) ?? '';
    assert.match(pdfDoc, /Document: informe\.pdf \(pdf\)/, pdfDoc);
    assert.match(pdfDoc, /pages: 1\b/, pdfDoc);
    const pdfSources = (await texts(page, 'tr-source')).map((x) => x.replace(/\s+/g, ' ').trim());
    assert.deepEqual(pdfSources, PDF_PARAGRAPHS, 'the Spanish read from the text layer, one row per paragraph');
    const pdfTargets = await texts(page, 'tr-target');
    assert.match(pdfTargets[0]!, /\breport\b/, `Apertium's English: ${pdfTargets[0]}`);
    assert.match(pdfTargets[0]!, /\byesterday\b/);
    assert.match(pdfTargets[1]!, /\briver\b/, `Apertium's English: ${pdfTargets[1]}`);
    await screenshot('pdf');

    // 8. The glossary: browse and search, literal meaning and slang sense side by side.
    await page.getByTestId('tr-direction-es-en').check();
    await page.getByTestId('tr-open-glossary').click();
    await page.locator('[data-testid="tr-glossary-view"][data-state="done"][data-editable="true"]').waitFor();
    assert.match((await page.getByTestId('tr-gl-counts').textContent()) ?? '', /^49 entries, 0 reviewed\./);
    assert.equal(await page.getByTestId('tr-gl-entry').count(), 49, 'the starter list on one page');
    await page.getByTestId('tr-gl-search').fill('HALCON');
    await page.locator('[data-testid="tr-gl-list"][data-total="2"]').waitFor();
    assert.deepEqual(await page.getByTestId('tr-gl-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-term'))), ['halcón', 'halconeo']);
    const entry = page.locator('[data-testid="tr-gl-entry"][data-term="halcón"]');
    assert.equal(await entry.getByTestId('tr-gl-literal').textContent(), 'Literal meaning: hawk, falcon');
    assert.equal(await entry.getByTestId('tr-gl-slang').textContent(), 'Slang sense: cartel lookout');
    assert.equal(await entry.getByTestId('tr-gl-badge').textContent(), 'unreviewed');
    await page.getByTestId('tr-gl-unreviewed').check();
    await page.getByTestId('tr-gl-category').selectOption('role');
    await page.locator('[data-testid="tr-gl-list"][data-total="2"]').waitFor();
    await screenshot('glossary');

    // The admin edits the term's neutral Spanish and slang sense.
    await entry.getByTestId('tr-gl-edit').click();
    await entry.getByTestId('tr-gl-form-neutral').fill('soldado');
    await entry.getByTestId('tr-gl-form-gloss').fill('cartel foot soldier');
    await entry.getByTestId('tr-gl-form-save').click();
    await page.locator('[data-testid="tr-gl-entry"][data-term="halcón"][data-version="2"]').waitFor();
    assert.equal(await entry.getByTestId('tr-gl-slang').textContent(), 'Slang sense: cartel foot soldier');
    assert.match((await entry.getByTestId('tr-gl-action').textContent()) ?? '', /Rewritten before translation as “soldado”/);

    // Someone changes it meanwhile (through the API): saving from the older version is refused with the server's reason, then reloaded.
    const entryId = String(await entry.getAttribute('data-id'));
    const other = await apiFromPage(page, 'PATCH', `/api/translation/glossary/${entryId}`, { note: 'Checked against the Sinaloa reports.', version: 2 });
    assert.equal(other.status, 200, JSON.stringify(other.json));
    await entry.getByTestId('tr-gl-edit').click();
    await entry.getByTestId('tr-gl-form-note').fill('A second opinion.');
    await entry.getByTestId('tr-gl-form-save').click();
    const conflict = entry.getByTestId('tr-gl-conflict');
    await conflict.waitFor();
    assert.match((await conflict.textContent()) ?? '', /Someone else changed this entry after you opened it, so nothing was saved: .*changed by admin .*version 3, you edited version 2/);
    await screenshot('glossary-conflict');
    await entry.getByTestId('tr-gl-conflict-reload').click();
    await page.locator('[data-testid="tr-gl-entry"][data-term="halcón"][data-version="3"]').waitFor();
    assert.match((await entry.textContent()) ?? '', /Checked against the Sinaloa reports\./);

    // Marked reviewed: the badge changes.
    await page.getByTestId('tr-gl-unreviewed').uncheck();
    await entry.getByTestId('tr-gl-review').click();
    await page.locator('[data-testid="tr-gl-entry"][data-term="halcón"][data-reviewed="true"]').waitFor();
    assert.match((await entry.getByTestId('tr-gl-badge').textContent()) ?? '', /^reviewed by admin, /);
    assert.equal(await entry.getByTestId('tr-gl-review').count(), 0);
    await page.locator('[data-testid="tr-glossary-summary"]', { hasText: '49 entries, 1 reviewed' }).waitFor();

    // Re-translated with Apertium chosen explicitly; Bergamot is offered disabled with the server's reason.
    assert.equal(await page.getByTestId('tr-engine-pick-bergamot').isDisabled(), true);
    assert.match((await page.getByTestId('tr-engine-reason-bergamot').textContent()) ?? '', /no Bergamot model directory configured/);
    await page.getByTestId('tr-engine-pick-apertium').check();
    await page.getByTestId('tr-mode-text').check();
    await page.getByTestId('tr-text').fill(PASTED);
    const [sent] = await Promise.all([page.waitForRequest((r) => r.url().endsWith('/api/translations') && r.method() === 'POST'), translate(page)]);
    assert.equal(field(JSON.parse(sent.postData() ?? '{}'), 'engine'), 'apertium', 'the engine was asked for by name');
    assert.equal(await page.getByTestId('tr-caveat').getAttribute('data-engine'), 'apertium');
    const edited = await texts(page, 'tr-target');
    assert.match(edited[0]!, /\bsoldier\b/i, `the new neutral form translated: ${edited[0]}`);
    assert.doesNotMatch(edited[0]!, /watchdog/);
    const newHit = page.locator('[data-testid="tr-glossary-hit"][data-term="halcón"]');
    assert.equal(await newHit.getByTestId('tr-hit-gloss').textContent(), 'Slang sense: cartel foot soldier');
    assert.equal(await newHit.getAttribute('data-reviewed'), 'true');
    await screenshot('glossary-applied');

    // 8b. From the translation's hit to its entry: edited there, the hit says "re-translate to apply" until it is.
    const hitHalcon = page.locator('[data-testid="tr-glossary-hit"][data-term="halcón"]');
    const hitTiendita = page.locator('[data-testid="tr-glossary-hit"][data-term="tiendita"]');
    assert.equal(await hitHalcon.getAttribute('data-stale'), 'false');
    assert.equal(await page.getByTestId('tr-hit-stale').count(), 0);
    await hitHalcon.getByTestId('tr-hit-open').click();
    const focused = page.locator('[data-testid="tr-gl-entry"][data-focused="true"]');
    await focused.waitFor();
    assert.equal(await focused.getAttribute('data-id'), entryId, 'the hit’s own entry is highlighted');
    assert.equal(await focused.getAttribute('aria-current'), 'true');
    assert.equal(await page.getByTestId('tr-gl-search').inputValue(), 'halcón', 'the list searched for its term');
    assert.equal(await page.getByTestId('tr-gl-category').inputValue(), '', 'the other filters cleared');
    await page.locator('[data-testid="tr-glossary-view"][data-state="done"]').waitFor();
    await page.locator('[data-testid="tr-gl-focus"][data-found="true"]').waitFor();
    assert.equal(await focused.count(), 1, 'only that entry is highlighted');
    assert.ok(await focused.isVisible());
    await screenshot('glossary-from-hit');
    await focused.getByTestId('tr-gl-edit').click();
    await focused.getByTestId('tr-gl-form-gloss').fill('cartel lookout or foot soldier');
    await focused.getByTestId('tr-gl-form-save').click();
    await page.locator(`[data-testid="tr-gl-entry"][data-id="${entryId}"][data-reviewed="false"]`).getByTestId('tr-gl-slang').filter({ hasText: 'cartel lookout or foot soldier' }).waitFor();
    await page.getByTestId('tr-view-translation').click();
    await hitHalcon.locator('[data-testid="tr-hit-stale"]').waitFor();
    assert.equal(await hitHalcon.getAttribute('data-stale'), 'edited');
    assert.equal(await hitHalcon.getByTestId('tr-hit-stale').textContent(), 'Translated with the previous version of this entry (edited since): re-translate to apply.');
    assert.equal(await hitHalcon.getByTestId('tr-hit-gloss').textContent(), 'Slang sense: cartel foot soldier', 'the hit still shows what the translation used');
    assert.equal(await hitTiendita.getAttribute('data-stale'), 'false', 'an entry nobody changed is not marked');
    await screenshot('glossary-stale');
    await translate(page);
    assert.equal(await page.getByTestId('tr-hit-stale').count(), 0, 'gone after re-translating');
    assert.equal(await hitHalcon.getAttribute('data-stale'), 'false');
    assert.equal(await hitHalcon.getByTestId('tr-hit-gloss').textContent(), 'Slang sense: cartel lookout or foot soldier');
    assert.equal(await hitHalcon.getAttribute('data-reviewed'), 'false', 'the edit cleared the review');
    // A review from the hit: marked as well, gone after re-translating.
    await hitHalcon.getByTestId('tr-hit-open').click();
    await focused.waitFor();
    await page.locator('[data-testid="tr-glossary-view"][data-state="done"]').waitFor();
    await focused.getByTestId('tr-gl-review').click();
    await page.locator(`[data-testid="tr-gl-entry"][data-id="${entryId}"][data-reviewed="true"]`).waitFor();
    await page.getByTestId('tr-view-translation').click();
    await hitHalcon.locator('[data-testid="tr-hit-stale"]').waitFor();
    assert.equal(await hitHalcon.getAttribute('data-stale'), 'reviewed');
    assert.match((await hitHalcon.getByTestId('tr-hit-stale').textContent()) ?? '', /reviewed since\): re-translate to apply/);
    await translate(page);
    assert.equal(await page.getByTestId('tr-hit-stale').count(), 0);
    assert.equal(await hitHalcon.getAttribute('data-reviewed'), 'true');
    await page.getByTestId('tr-engine-pick-default').check();

    // 9. English → Spanish: the glossary is for Spanish sources only.
    await page.getByTestId('tr-mode-text').check();
    await page.getByTestId('tr-direction-en-es').check();
    await page.locator('[data-testid="tr-engine"][data-engine="apertium"][data-direction="en-es"][data-used="true"]').waitFor();
    await page.getByTestId('tr-text').fill('The house is near the river.');
    await translate(page);
    assert.equal(await page.getByTestId('tr-caveat').getAttribute('data-direction'), 'en-es');
    assert.match((await texts(page, 'tr-target'))[0]!, /\bcasa\b.*\brío\b/);
    assert.equal(await page.getByTestId('tr-glossary-hit').count(), 0);
    assert.match((await page.getByTestId('tr-glossary').textContent()) ?? '', /applies to Spanish sources only/);

    // 10. The Spanish UI: the same pasted text, es→en, read in Spanish.
    await page.getByTestId('language-switch').first().selectOption('es');
    await page.getByTestId('tab-translate').and(page.locator('text=Traducción')).waitFor();
    assert.match((await page.getByTestId('tr-glossary').textContent()) ?? '', /El glosario solo se aplica a textos en español/);
    await page.getByTestId('tr-direction-es-en').check();
    await page.getByTestId('tr-text').fill(PASTED);
    await translate(page);
    const esCaveat = (await page.getByTestId('tr-caveat').textContent()) ?? '';
    assert.ok(esCaveat.includes('Traducción automática: verifíquela antes de usarla'), esCaveat);
    assert.ok(esCaveat.includes(`Motor: apertium (${version})`), esCaveat);
    assert.ok(esCaveat.includes('Sentido: Español → inglés'), esCaveat);
    assert.equal(await page.getByTestId('tr-submit').textContent(), 'Traducir');
    assert.match((await page.getByTestId('tr-glossary-caveat').textContent()) ?? '', /Muchos de estos términos tienen un significado literal inocente/);
    assert.equal(await page.locator('[data-testid="tr-glossary-hit"][data-term="halcón"]').getByTestId('tr-hit-literal').textContent(), 'Significado literal: hawk, falcon');
    assert.equal(await page.locator('[data-testid="tr-glossary-hit"][data-term="halcón"]').getByTestId('tr-hit-open').textContent(), 'Abrir en el glosario');
    assert.match((await page.getByTestId('translation-panel').textContent()) ?? '', /Guardar en una pista/);
    assert.match((await page.getByTestId('tr-save').textContent()) ?? '', /^Guardar en «Rancho del norte/);
    await screenshot('spanish');
    await page.getByTestId('language-switch').first().selectOption('en');
    await page.getByTestId('tab-translate').and(page.locator('text=Translation')).waitFor();

    // 11. An analyst browses the glossary but has no edit controls.
    const created = await apiFromPage(page, 'POST', '/api/users', { username: 'observer', password: VIEWER_INITIAL, role: 'viewer' });
    assert.equal(created.status, 201);
    const analyst = await apiFromPage(page, 'POST', '/api/users', { username: 'reader', password: ANALYST_INITIAL, role: 'analyst' });
    assert.equal(analyst.status, 201);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-form').waitFor();
    await signIn(page, 'reader', ANALYST_INITIAL, ANALYST_NEW);
    await page.getByTestId('sign-out').waitFor();
    await page.getByTestId('tab-translate').click();
    await page.getByTestId('tr-view-glossary').click();
    await page.locator('[data-testid="tr-glossary-view"][data-state="done"][data-editable="false"]').waitFor();
    await page.locator('[data-testid="tr-gl-entry"][data-term="halcón"][data-reviewed="true"]').waitFor();
    assert.match((await page.getByTestId('tr-gl-counts').textContent()) ?? '', /Administrators edit and review it\./);
    for (const control of ['tr-gl-edit', 'tr-gl-review', 'tr-gl-delete', 'tr-gl-add']) assert.equal(await page.getByTestId(control).count(), 0, `no ${control} for an analyst`);
    const refusedEdit = await apiFromPage(page, 'POST', `/api/translation/glossary/${entryId}/review`, {});
    assert.equal(refusedEdit.status, 403);
    // From a hit: the entry highlighted, read-only.
    await page.getByTestId('tr-view-translation').click();
    await page.getByTestId('tr-direction-es-en').check();
    await page.getByTestId('tr-text').fill(PASTED);
    await translate(page);
    await page.locator('[data-testid="tr-glossary-hit"][data-term="halcón"]').getByTestId('tr-hit-open').click();
    await page.locator(`[data-testid="tr-gl-entry"][data-id="${entryId}"][data-focused="true"]`).waitFor();
    await page.locator('[data-testid="tr-glossary-view"][data-state="done"][data-editable="false"]').waitFor();
    for (const control of ['tr-gl-edit', 'tr-gl-review', 'tr-gl-delete', 'tr-gl-add']) assert.equal(await page.getByTestId(control).count(), 0, `no ${control} for an analyst from a hit`);
    await screenshot('glossary-analyst');

    // 12. A viewer: no Translation tab, and the server refuses them.
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-form').waitFor();
    await signIn(page, 'observer', VIEWER_INITIAL, VIEWER_NEW);
    await page.getByTestId('sign-out').waitFor();
    await page.getByTestId('tab-leads').waitFor();
    assert.equal(await page.getByTestId('tab-translate').count(), 0, 'a viewer has no Translation tab');
    assert.equal(await page.getByTestId('translation-view').count(), 0);
    const refused = await apiFromPage(page, 'POST', '/api/translations', { text: 'Hola', direction: 'es-en' });
    assert.equal(refused.status, 403);
    await screenshot('viewer');
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } catch (err) {
    await screenshot('failure').catch(() => undefined);
    if (server !== undefined && server.stderr.length > 0) console.error(`server stderr:\n${server.stderr.join('')}`);
    throw err;
  } finally {
    await browser?.close();
    await server?.stop();
  }
});
