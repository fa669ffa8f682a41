/**
 * The text layer of a PDF, by poppler's `pdftotext -layout` (Debian's
 * poppler-utils; scripts/setup-poppler.sh) in a subprocess: the PDF is
 * written to a private temporary directory, pdftotext writes UTF-8 to its
 * stdout, pages end with a form feed. `-layout` keeps each page's columns
 * in reading order (a two-column report is not interleaved line by line).
 *
 * A PDF whose pages hold no text (a scan) answers "no text layer; OCR is
 * not offered": recognising text in images is a different tool with its
 * own error rate, and a translation of OCR output would hide that. A
 * damaged or password-protected PDF is NARIZ_DOCUMENT with pdftotext's own
 * reason; pdftotext missing is NARIZ_UNAVAILABLE with the fix. Bounded:
 * killed after `timeoutMs`, or when its output passes `maxChars`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NarizError } from '@nariz/core';

export interface PdfTextOptions {
  /** pdftotext's path (default `pdftotext` on PATH). */
  readonly pdftotext?: string;
  readonly timeoutMs?: number;
  /** Stop reading (and refuse) past this many characters of text. */
  readonly maxChars: number;
}

export interface PdfText {
  /** One string per page, form feeds removed. */
  readonly pages: readonly string[];
}

const last = (s: string): string => s.trim().split('\n').filter((l) => l.trim() !== '').slice(-2).join('; ');

function run(cmd: string, args: readonly string[], o: { timeoutMs: number; maxBytes: number }): Promise<{ code: number | null; stdout: Buffer; stderr: string; overflow: boolean; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    const out: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let overflow = false;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, o.timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size > o.maxBytes) {
        overflow = true;
        child.kill('SIGKILL');
        return;
      }
      out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += b.toString('utf8');
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr, overflow, timedOut });
    });
  });
}

export async function readPdfText(bytes: Uint8Array, name: string, o: PdfTextOptions): Promise<PdfText> {
  const cmd = o.pdftotext ?? 'pdftotext';
  const timeoutMs = o.timeoutMs ?? 60_000;
  const dir = await mkdtemp(join(tmpdir(), 'nariz-pdf-'));
  try {
    const file = join(dir, 'upload.pdf');
    await writeFile(file, bytes, { mode: 0o600 });
    let r: Awaited<ReturnType<typeof run>>;
    try {
      // Four bytes per character bound the UTF-8 output of maxChars characters (and the layout's padding doubles it).
      r = await run(cmd, ['-layout', '-enc', 'UTF-8', '-eol', 'unix', file, '-'], { timeoutMs, maxBytes: o.maxChars * 8 });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES') {
        throw new NarizError('NARIZ_UNAVAILABLE', `pdftotext (${cmd}) is not installed, so PDF uploads cannot be read: run scripts/setup-poppler.sh (Debian's poppler-utils) or set NARIZ_PDFTOTEXT`);
      }
      throw err;
    }
    if (r.timedOut) throw new NarizError('NARIZ_DOCUMENT', `${name}: pdftotext did not finish within ${Math.round(timeoutMs / 1000)} s; the PDF may be damaged`);
    if (r.overflow) throw new NarizError('NARIZ_TOO_LARGE', `${name} holds more than ${o.maxChars} characters of text; upload a part of it`);
    if (r.code !== 0) {
      const why = last(r.stderr);
      if (/password/i.test(why)) throw new NarizError('NARIZ_DOCUMENT', `${name} is encrypted with a password (${why}); upload a copy without one`);
      throw new NarizError('NARIZ_DOCUMENT', `${name} is not a readable PDF: ${why === '' ? `pdftotext exited with code ${r.code}` : why}`);
    }
    const text = new TextDecoder('utf-8').decode(r.stdout);
    const pages = text.split('\f');
    // pdftotext ends the last page with a form feed too.
    if (pages.length > 1 && pages[pages.length - 1]!.trim() === '') pages.pop();
    if (pages.every((p) => p.trim() === '')) throw new NarizError('NARIZ_DOCUMENT', `${name} has no text layer; OCR is not offered (a scanned PDF needs a text layer, or send the text)`);
    return { pages };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
