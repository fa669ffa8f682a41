/**
 * Debian's Apertium with apertium-eng-spa is the real peer of these tests
 * (scripts/setup-apertium.sh installs it; CI runs the script). Without it
 * the tests are skipped with that hint, except under CI, where a missing
 * peer must fail rather than pass silently.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const installed =
  spawnSync('apertium-wblank-mode', ['-h']).error === undefined &&
  existsSync('/usr/share/apertium/modes/spa-eng.mode') &&
  existsSync('/usr/share/apertium/modes/eng-spa.mode');

export const apertiumSkip: string | false =
  installed || process.env['CI'] !== undefined ? false : 'Apertium eng-spa not installed: run `bash scripts/setup-apertium.sh` (CI does)';

/** `apertium -f txt MODE in out` on one text through the command-line script, as a user would run it (it reads files; piped stdin from Node confuses its deformatter). */
export function apertiumCli(mode: 'spa-eng' | 'eng-spa', text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nariz-apertium-cli-'));
  try {
    writeFileSync(join(dir, 'in.txt'), text);
    const r = spawnSync('apertium', ['-f', 'txt', mode, join(dir, 'in.txt'), join(dir, 'out.txt')], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    if (r.status !== 0) throw new Error(`apertium ${mode} failed: ${r.stderr}`);
    return readFileSync(join(dir, 'out.txt'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
