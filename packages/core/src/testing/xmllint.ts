/**
 * XML Schema validation for tests with Debian's xmllint (libxml2-utils),
 * one process for a whole batch: one result per document, in order. Tests
 * fail, not skip, when xmllint is missing (`apt-get install -y
 * libxml2-utils`; `scripts/setup-xml-tools.sh`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface XmllintResult {
  readonly valid: boolean;
  /** xmllint's messages about this document. */
  readonly messages: string;
}

export function xmllintValidate(documents: readonly string[], xsd: string): XmllintResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'nariz-xmllint-'));
  try {
    const files = documents.map((doc, i) => {
      const f = join(dir, `doc-${i}.xml`);
      writeFileSync(f, doc);
      return f;
    });
    const r = spawnSync('xmllint', ['--noout', '--schema', xsd, ...files], { encoding: 'utf8' });
    if (r.error !== undefined) throw new Error(`xmllint could not run (apt-get install -y libxml2-utils): ${r.error.message}`);
    const lines = `${r.stdout}${r.stderr}`.split('\n');
    return files.map((f) => {
      const mine = lines.filter((l) => l.startsWith(f));
      return { valid: mine.some((l) => l === `${f} validates`), messages: mine.join('\n') };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
