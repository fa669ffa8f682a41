import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DataPackage } from '@tak-ps/node-cot';
import { DATA_PACKAGE_MANIFEST, cotDataPackage, cotEvents, dataPackageEntryName } from '../src/index.js';
import { fixturePackage } from './release-fixture.js';
import { xmllintValidate } from './xmllint.js';

test('data package: manifest lists every event, each .cot file validates against the MITRE schema', () => {
  const pkg = fixturePackage();
  const events = cotEvents(pkg);
  const zip = cotDataPackage(pkg);
  const files = unzipSync(zip);
  assert.deepEqual(Object.keys(files).sort(), [DATA_PACKAGE_MANIFEST, ...events.map(dataPackageEntryName)].sort());
  const manifest = strFromU8(files[DATA_PACKAGE_MANIFEST]!);
  assert.match(manifest, /^<\?xml version="1\.0" encoding="UTF-8" standalone="yes"\?>\n<MissionPackageManifest version="2">/);
  assert.match(manifest, /<Parameter name="name" value="REL-2027-0042"\/>/);
  assert.match(manifest, /<Parameter name="onReceiveImport" value="true"\/>/);
  for (const e of events) {
    assert.ok(manifest.includes(`<Content ignore="false" zipEntry="${e.uid}/${e.uid}.cot"><Parameter name="uid" value="${e.uid}"/>`), e.uid);
  }
  const docs = events.map((e) => strFromU8(files[dataPackageEntryName(e)]!));
  docs.forEach((d, i) => assert.ok(d.includes(events[i]!.xml)));
  xmllintValidate(docs).forEach((r, i) => assert.ok(r.valid, `${events[i]!.uid}: ${r.messages}`));
});

test('data package: the same package gives the same bytes', () => {
  assert.deepEqual(cotDataPackage(fixturePackage()), cotDataPackage(fixturePackage()));
});

test('data package: node-cot reads it as a TAK data package and finds every event', async () => {
  const pkg = fixturePackage();
  const dir = mkdtempSync(join(tmpdir(), 'nariz-dp-'));
  try {
    const file = join(dir, 'release.zip');
    writeFileSync(file, cotDataPackage(pkg));
    const dp = await DataPackage.parse(file, { strict: true, cleanup: false });
    try {
      assert.equal(dp.version, '2');
      assert.equal(dp.settings.name, pkg.id);
      const cots = await dp.cots({ respectIgnore: true, parseAttachments: false });
      assert.deepEqual(cots.map((c) => c.uid()).sort(), cotEvents(pkg).map((e) => e.uid).sort());
    } finally {
      await dp.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
