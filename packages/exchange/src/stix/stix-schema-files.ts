/**
 * Reads a copy of the OASIS STIX 2.1 JSON schema tree (every `*.json` below
 * a folder) for createStixValidator. The only file I/O of the STIX code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NarizError } from '@nariz/core';

export function readStixSchemas(dir: string): unknown[] {
  const out: unknown[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json')) {
        try {
          out.push(JSON.parse(readFileSync(p, 'utf8')) as unknown);
        } catch (e) {
          throw new NarizError('NARIZ_IO', `cannot read STIX schema: ${(e as Error).message}`, { file: p }, { cause: e });
        }
      }
    }
  };
  try {
    walk(dir);
  } catch (e) {
    if (e instanceof NarizError) throw e;
    throw new NarizError('NARIZ_IO', `cannot read the STIX schema folder: ${(e as Error).message}`, { file: dir }, { cause: e });
  }
  return out;
}
