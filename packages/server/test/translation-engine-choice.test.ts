/**
 * Choosing the engine (docs/api.md, "Translation"): `engine` on pasted
 * text, uploads and notes saved on a lead, against a real server and real
 * Apertium with no Bergamot models — Apertium asked for by name translates
 * and says so; Bergamot asked for is 422 NARIZ_ENGINE_UNAVAILABLE naming
 * NARIZ_BERGAMOT_MODELS (before an upload is read); an unknown engine is
 * 400; without `engine` the default is unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { call, makeUser, startServer, type Reply, type TestServer } from './harness.js';
import { errorCode, errorMessage, leadByHand, mark, cleared } from './lead-fixtures.js';

const HAVE_APERTIUM = existsSync('/usr/share/apertium/modes/spa-eng.mode') && existsSync('/usr/share/apertium/modes/eng-spa.mode');
const NEEDS_APERTIUM = HAVE_APERTIUM || process.env['CI'] !== undefined ? false : 'Apertium is not installed here (bash scripts/setup-apertium.sh)';

async function upload(s: TestServer, token: string, query: string, body: string): Promise<Reply> {
  const res = await fetch(`${s.base}/api/translation-uploads?${query}`, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' } });
  const text = await res.text();
  return { status: res.status, json: text === '' ? undefined : JSON.parse(text), headers: res.headers };
}

test('engine choice: apertium by name translates; bergamot without models is 422 naming NARIZ_BERGAMOT_MODELS; an unknown engine is 400; the default is unchanged', { skip: NEEDS_APERTIUM }, async () => {
  const s = await startServer({ translation: { enabled: true } });
  try {
    const ana = await makeUser(s.store, 'ana', 'analyst');
    const auth = { token: ana.token };
    const text = 'La casa está cerca del río.';

    const chosen = await call(s.base, 'POST', '/api/translations', { text, direction: 'es-en', engine: 'apertium' }, { auth });
    assert.equal(chosen.status, 200, JSON.stringify(chosen.json));
    const c = chosen.json as { translation: string; engine: { id: string; version: string } };
    assert.equal(c.engine.id, 'apertium');
    assert.match(c.translation, /\bhouse\b.*\briver\b/);
    const byDefault = (await call(s.base, 'POST', '/api/translations', { text, direction: 'es-en' }, { auth })).json as { translation: string; engine: { id: string } };
    assert.deepEqual(byDefault, { ...byDefault, translation: c.translation, engine: c.engine }, 'Apertium is the default without models');

    const bergamot = await call(s.base, 'POST', '/api/translations', { text, direction: 'es-en', engine: 'bergamot' }, { auth });
    assert.equal(bergamot.status, 422);
    assert.equal(errorCode(bergamot), 'NARIZ_ENGINE_UNAVAILABLE');
    assert.match(errorMessage(bergamot), /"bergamot" cannot translate es-en here: no Bergamot model directory configured/);
    assert.match(errorMessage(bergamot), /NARIZ_BERGAMOT_MODELS/);
    // A detected direction is checked the same way.
    const detected = await call(s.base, 'POST', '/api/translations', { text, engine: 'bergamot' }, { auth });
    assert.equal(detected.status, 422);

    const unknown = await call(s.base, 'POST', '/api/translations', { text, direction: 'es-en', engine: 'google' }, { auth });
    assert.equal(unknown.status, 400);
    assert.match(errorMessage(unknown), /engine/);

    // Uploads: by query; Bergamot is refused before the document is read.
    const up = await upload(s, ana.token, 'name=nota.txt&direction=en-es&engine=apertium', 'The house is near the river.');
    assert.equal(up.status, 200, JSON.stringify(up.json));
    assert.equal((up.json as { engine: { id: string } }).engine.id, 'apertium');
    const upB = await upload(s, ana.token, 'name=nota.txt&direction=en-es&engine=bergamot', 'The house is near the river.');
    assert.equal(upB.status, 422);
    assert.match(errorMessage(upB), /NARIZ_BERGAMOT_MODELS/);
    const upAuto = await upload(s, ana.token, 'name=nota.txt&engine=bergamot', 'The house is near the river.');
    assert.equal(upAuto.status, 422, 'a detected direction too');

    // A note saved on a lead records the engine asked for.
    const mia = await cleared(s.store, 'mia', 'analyst', { clearance: 'S' });
    const lead = await leadByHand(s.base, mia, { title: 'Casa del río', lang: 'es', marking: mark('U'), confirm: true });
    const saved = await call(s.base, 'POST', `/api/leads/${lead.id}/translations`, { text, direction: 'es-en', engine: 'apertium', marking: mark('U') }, { auth: mia.auth });
    assert.equal(saved.status, 201, JSON.stringify(saved.json));
    assert.match((saved.json as { evidence: { text: string } }).evidence.text, /^engine: apertium$/m);
    const savedB = await call(s.base, 'POST', `/api/leads/${lead.id}/translations`, { text, direction: 'es-en', engine: 'bergamot', marking: mark('U') }, { auth: mia.auth });
    assert.equal(savedB.status, 422);
  } finally {
    await s.close();
  }
});
