/**
 * What the end-to-end tests share: the real server as a child process on a
 * fresh data directory, and Debian's Chromium through playwright-core
 * (never a downloaded browser), with software WebGL for MapLibre.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { waitForBanner } from '@nariz/server';
import { ARTIFACTS, SERVER_MAIN, WEB_APP } from './repo-root.js';

/** Debian's Chromium (scripts/setup-chromium.sh), or another build named by NARIZ_CHROMIUM. */
export const CHROMIUM = process.env['NARIZ_CHROMIUM'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** A 2-core machine shared with other work: localisation takes 1–5 s, allow far more. */
export const STEP_TIMEOUT_MS = 60_000;

export interface RunningServer {
  readonly base: string;
  readonly stderr: string[];
  readonly stop: () => Promise<void>;
}

/** Fails early, with the fix, when the app is not built or Chromium is missing. */
export function checkPrerequisites(): void {
  assert.ok(existsSync(join(WEB_APP, 'index.html')), `the web app is not built (${WEB_APP}): run \`npm run build -w @nariz/web\``);
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  mkdirSync(ARTIFACTS, { recursive: true });
}

export async function startServer(env: Readonly<Record<string, string>>): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nariz-e2e-data-'));
  const child: ChildProcess = spawn(process.execPath, [SERVER_MAIN], {
    env: { ...process.env, NARIZ_DATA_DIR: dataDir, NARIZ_PORT: '0', NARIZ_HOST: '127.0.0.1', NARIZ_LOG_LEVEL: 'warn', NARIZ_WEB_ROOT: WEB_APP, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (s: string) => stderr.push(s));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(hard);
          resolve();
        });
        child.kill('SIGTERM');
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    return { base: await waitForBanner(child), stderr, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

export async function launchBrowser(): Promise<{ browser: Browser; page: Page; pageErrors: string[] }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { browser, page, pageErrors };
}

/** Numbered screenshots into artifacts/e2e/, prefixed per test. */
export function screenshotter(page: Page, prefix: string): (name: string) => Promise<void> {
  let n = 0;
  return async (name) => {
    n += 1;
    await page.screenshot({ path: join(ARTIFACTS, `${prefix}-${String(n).padStart(2, '0')}-${name}.png`) });
  };
}

/** Signs in and, when the server asks for it, changes the one-time password. */
export async function signIn(page: Page, username: string, password: string, newPassword?: string): Promise<void> {
  await page.getByTestId('signin-form').waitFor();
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  if (newPassword === undefined) return;
  await page.getByTestId('password-form').waitFor();
  await page.getByTestId('password-current').fill(password);
  await page.getByTestId('password-new').fill(newPassword);
  await page.getByTestId('password-confirm').fill(newPassword);
  await page.getByTestId('password-submit').click();
}

/**
 * A call from the page as the app makes it: the session cookie goes with
 * it and the session's CSRF token in its header. `body`: JSON for an
 * object, as it is for a string (with its `contentType`).
 */
export async function apiFromPage(page: Page, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; json: unknown }> {
  const r: unknown = await page.evaluate(`(async () => {
    const s = await (await fetch('/api/session')).json();
    const r = await fetch(${JSON.stringify(path)}, {
      method: ${JSON.stringify(method)},
      headers: { 'content-type': ${JSON.stringify(contentType)}, 'x-csrf-token': s.csrf_token },
      ${body === undefined ? '' : `body: ${JSON.stringify(typeof body === 'string' ? body : JSON.stringify(body))},`}
    });
    return { status: r.status, json: await r.json().catch(() => null) };
  })()`);
  assert.ok(typeof r === 'object' && r !== null && 'status' in r && typeof r.status === 'number' && 'json' in r);
  return { status: r.status, json: r.json };
}
