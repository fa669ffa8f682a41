/**
 * Release PDFs: the stored HTML printed by Debian's Chromium
 * (scripts/setup-chromium.sh; NARIZ_CHROMIUM names another build) in a
 * subprocess, `--headless --no-sandbox --print-to-pdf`, from a private
 * temporary directory that is removed afterwards. One render at a time
 * (Chromium is heavy and the server shares its cores); a render that takes
 * longer than a minute is killed. Without Chromium the answer is
 * NARIZ_UNAVAILABLE (503) saying how to install it; the HTML is the record
 * and is always available.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NarizError } from '@nariz/core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const TIMEOUT_MS = 60_000;
const STDERR_TAIL = 2048;

export class PdfRenderer {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly chromium: string = DEFAULT_CHROMIUM) {}

  /** True when the Chromium binary exists and is executable. */
  async available(): Promise<boolean> {
    try {
      await access(this.chromium, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }

  /** The PDF of a self-contained HTML document. */
  render(html: string): Promise<Buffer> {
    const run = this.queue.then(() => this.renderNow(html));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async renderNow(html: string): Promise<Buffer> {
    if (!(await this.available())) {
      throw new NarizError('NARIZ_UNAVAILABLE', `PDF rendering needs Chromium at ${this.chromium}: install Debian's chromium (scripts/setup-chromium.sh) or set NARIZ_CHROMIUM; the HTML rendering is available meanwhile`);
    }
    const dir = await mkdtemp(join(tmpdir(), 'nariz-pdf-'));
    try {
      const page = join(dir, 'release.html');
      const pdf = join(dir, 'release.pdf');
      await writeFile(page, html, 'utf8');
      await this.chromiumRun([
        '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--no-default-browser-check', `--user-data-dir=${join(dir, 'profile')}`, `--print-to-pdf=${pdf}`, pathToFileURL(page).href,
      ]);
      const bytes = await readFile(pdf).catch((err: unknown) => {
        throw new NarizError('NARIZ_IO', 'Chromium exited without writing the PDF', undefined, { cause: err });
      });
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new NarizError('NARIZ_IO', 'Chromium wrote something that is not a PDF');
      return bytes;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private chromiumRun(args: readonly string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let tail = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (s: string) => {
        tail = (tail + s).slice(-STDERR_TAIL);
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(new NarizError('NARIZ_UNAVAILABLE', `Chromium at ${this.chromium} could not start: ${err.message}`, undefined, { cause: err }));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new NarizError('NARIZ_IO', `Chromium failed to print the PDF (${code === null ? `signal ${signal}` : `exit ${code}`}): ${tail.trim().split('\n').slice(-2).join(' / ')}`));
      });
    });
  }
}
