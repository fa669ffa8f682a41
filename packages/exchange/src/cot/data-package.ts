/**
 * A TAK data package (a "mission package"): a zip that ATAK, WinTAK, iTAK
 * and TAK Server import as one unit. Layout, as ATAK writes it:
 *
 *   MANIFEST/manifest.xml          MissionPackageManifest version 2
 *   <uid>/<uid>.cot                one CoT event per file
 *
 *   <MissionPackageManifest version="2">
 *     <Configuration>
 *       <Parameter name="uid" value="…"/>          the package's own uid
 *       <Parameter name="name" value="…"/>
 *       <Parameter name="onReceiveImport" value="true"/>
 *       <Parameter name="onReceiveDelete" value="false"/>
 *     </Configuration>
 *     <Contents>
 *       <Content ignore="false" zipEntry="<uid>/<uid>.cot">
 *         <Parameter name="uid" value="<event uid>"/>
 *         <Parameter name="name" value="<callsign>"/>
 *       </Content> …
 *     </Contents>
 *   </MissionPackageManifest>
 *
 * Written with fflate, every entry stamped with the package's creation
 * time, so the same package gives the same bytes.
 */
import { zipSync, strToU8, type Zippable } from 'fflate';
import type { ReleasePackage } from '../release-package.js';
import { NARIZ_EXCHANGE_NAMESPACE, uuidV5 } from '../uuid-v5.js';
import { cotDocument, type CotEvent } from './cot-event.js';
import { cotEvents } from './cot-events.js';
import type { CotOptions } from './cot-options.js';
import { xmlElement } from './xml-text.js';

export const DATA_PACKAGE_MANIFEST = 'MANIFEST/manifest.xml';

export interface DataPackageMeta {
  readonly uid: string;
  readonly name: string;
  /** Entry timestamps (ISO 8601). */
  readonly createdAt: string;
}

export function dataPackageEntryName(event: CotEvent): string {
  return `${event.uid}/${event.uid}.cot`;
}

export function dataPackageManifest(events: readonly CotEvent[], meta: DataPackageMeta): string {
  const param = (name: string, value: string): string => xmlElement('Parameter', { name, value });
  const manifest = xmlElement('MissionPackageManifest', { version: '2' }, [
    xmlElement('Configuration', {}, [
      param('uid', meta.uid),
      param('name', meta.name),
      param('onReceiveImport', 'true'),
      param('onReceiveDelete', 'false'),
    ]),
    xmlElement(
      'Contents',
      {},
      events.map((e) => xmlElement('Content', { ignore: 'false', zipEntry: dataPackageEntryName(e) }, [param('uid', e.uid), param('name', e.callsign)])),
    ),
  ]);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${manifest}\n`;
}

/** The zip bytes of a data package holding `events`. */
export function buildDataPackage(events: readonly CotEvent[], meta: DataPackageMeta): Uint8Array {
  const mtime = new Date(Date.parse(meta.createdAt));
  const files: Zippable = { [DATA_PACKAGE_MANIFEST]: [strToU8(dataPackageManifest(events, meta)), { mtime }] };
  for (const e of events) files[dataPackageEntryName(e)] = [strToU8(cotDocument(e)), { mtime }];
  return zipSync(files, { level: 6, mtime });
}

/** The data package of a release: its CoT events, named by the package id, uid derived from it. */
export function cotDataPackage(pkg: ReleasePackage, opts: CotOptions = {}): Uint8Array {
  return buildDataPackage(cotEvents(pkg, opts), {
    uid: uuidV5(NARIZ_EXCHANGE_NAMESPACE, `tak-data-package/${pkg.id}`),
    name: pkg.id,
    createdAt: pkg.createdAt,
  });
}
