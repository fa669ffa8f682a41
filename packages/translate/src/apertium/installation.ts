/**
 * Where Apertium and the eng-spa pair are, and the null-flush pipeline
 * command of a mode. The `apertium` script itself reads whole files; for a
 * long-lived process we run the mode's pipeline directly, with every stage
 * in null-flush mode (`apertium-wblank-mode -z`, as the script does for
 * `-z`): each stage flushes and resets at a NUL, so segments separated by
 * NUL cannot leak context or words into each other.
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NarizError } from '@nariz/core';
import type { Direction } from '../engine.js';

const run = promisify(execFile);

export const APERTIUM_DATA_DIR = '/usr/share/apertium';
const SETUP_HINT = 'run scripts/setup-apertium.sh (Debian packages apertium and apertium-eng-spa)';

/** The Apertium mode of a direction (the pair's three-letter codes). */
export function apertiumMode(dir: Direction): 'spa-eng' | 'eng-spa' {
  return dir === 'es-en' ? 'spa-eng' : 'eng-spa';
}

export interface ApertiumInstallation {
  readonly dataDir: string;
  /** Per direction, the shell pipeline to run with `bash -c CMD apertium -g ''`. */
  readonly pipelines: ReadonlyMap<Direction, string>;
  /** `apertium 3.8.3; apertium-eng-spa 0.8.1-2`, or what could be found. */
  readonly version: string;
}

async function packageVersion(name: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('dpkg-query', ['-W', '-f', '${Version}', name], { timeout: 10_000 });
    return stdout.trim() === '' ? undefined : stdout.trim();
  } catch {
    // Not a Debian system or not installed from a package: the version stays unknown.
    return undefined;
  }
}

/**
 * Checks that Apertium and the modes of `directions` are installed and
 * returns their pipelines; NARIZ_TRANSLATE naming what is missing otherwise.
 */
export async function findApertium(directions: readonly Direction[], dataDir: string = APERTIUM_DATA_DIR): Promise<ApertiumInstallation> {
  const pipelines = new Map<Direction, string>();
  for (const dir of directions) {
    const modeFile = join(dataDir, 'modes', `${apertiumMode(dir)}.mode`);
    try {
      await access(modeFile);
    } catch {
      throw new NarizError('NARIZ_TRANSLATE', `Apertium mode ${apertiumMode(dir)} is not installed (no ${modeFile}): ${SETUP_HINT}`);
    }
    let cmd: string;
    try {
      ({ stdout: cmd } = await run('apertium-wblank-mode', ['-z', modeFile], { timeout: 10_000 }));
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      throw new NarizError(
        'NARIZ_TRANSLATE',
        missing ? `Apertium is not installed (apertium-wblank-mode is not on PATH): ${SETUP_HINT}` : `Apertium could not read the mode ${modeFile}: ${(e as Error).message}`,
        undefined,
        { cause: e },
      );
    }
    if (!cmd.includes('-z')) throw new NarizError('NARIZ_TRANSLATE', `apertium-wblank-mode gave no null-flush pipeline for ${modeFile}; Apertium ≥ 3.8 is needed: ${SETUP_HINT}`);
    pipelines.set(dir, cmd.trim());
  }
  const [core, pair] = await Promise.all([packageVersion('apertium'), packageVersion('apertium-eng-spa')]);
  const version = `apertium ${core ?? 'unknown'}; apertium-eng-spa ${pair ?? 'unknown'}`;
  return { dataDir, pipelines, version };
}
