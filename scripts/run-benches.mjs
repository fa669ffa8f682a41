// Runs every compiled benchmark (packages/*/dist/bench/*.bench.js) in turn.
// Extra arguments filter by path substring.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const filters = process.argv.slice(2);
let failed = false;
for (const pkg of readdirSync('packages').sort()) {
  const d = join('packages', pkg, 'dist', 'bench');
  if (!existsSync(d)) continue;
  for (const f of readdirSync(d).filter((n) => n.endsWith('.bench.js')).sort()) {
    const p = join(d, f);
    if (filters.length > 0 && !filters.some((s) => p.includes(s))) continue;
    console.log(`\n## ${p}`);
    const r = spawnSync(process.execPath, [p], { stdio: 'inherit' });
    if (r.status !== 0) failed = true;
  }
}
process.exit(failed ? 1 : 0);
