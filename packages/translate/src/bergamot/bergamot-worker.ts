/**
 * Worker-thread entry that runs bergamot-translator's own worker script
 * (worker/translator-worker.js: the Emscripten-built WASM and its message
 * protocol) under Node 20.
 *
 * The script carries a Node shim (a fake worker `self` over
 * worker_threads) but is written as a CommonJS script (`require`,
 * `__dirname`), while its package declares `"type": "module"`, so Node
 * loads it as an ES module and it fails with "require is not defined"
 * (which is also why the package's own translator.js does not work in
 * Node). Here it is evaluated as a CommonJS function body with those three
 * names supplied; it then answers `{id, name, args}` messages with
 * `{id, result}` or `{id, error}` on this thread's port.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { runInThisContext } from 'node:vm';

const here = createRequire(import.meta.url);
const script = here.resolve('@browsermt/bergamot-translator/worker/translator-worker.js');
const source = readFileSync(script, 'utf8');
const body = runInThisContext(`(function (require, __dirname, __filename) {\n${source}\n})`, { filename: script }) as (
  require: NodeJS.Require,
  dirname: string,
  filename: string,
) => void;
body(createRequire(script), dirname(script), script);
