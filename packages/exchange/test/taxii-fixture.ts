/**
 * A collection shaped like the OASIS reference server's test collection
 * (medallion, test/data/default_data.json, collection 91a7b528-…): five
 * objects, one of them (indicator--6770…) in three versions and one
 * (malware--c093…) in a 2.1 and a later 2.0 version; date_added values
 * with microseconds. The medallion-ported tests in taxii.test.ts assert
 * the answers medallion's suite asserts on its data.
 */
import type { TaxiiRecord } from '../src/index.js';

type Obj = { id: string; type: string; spec_version?: string; created?: string; modified?: string; [k: string]: unknown };

function rec(object: Obj, dateAdded: string): TaxiiRecord<Obj> {
  return { object, dateAdded };
}

export const INDICATOR_6770 = 'indicator--6770298f-0fd8-471a-ab8c-1c658a46574e';
export const MALWARE_C093 = 'malware--c0931cc6-c75e-47e5-9036-78fabc95d4ec';
export const RELATIONSHIP_2F9A = 'relationship--2f9a9aa9-108a-4333-83e2-4fb25add0463';
export const INDICATOR_CD98 = 'indicator--cd981c25-8042-4166-8945-51178443bdac';
export const MARKING_3409 = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';

function indicator(modified: string): Obj {
  return { type: 'indicator', spec_version: '2.1', id: INDICATOR_6770, created: '2016-11-03T12:30:59.000Z', modified, name: 'Malicious site hosting downloader', pattern: "[url:value = 'http://x4z9arb.cn/4712']", pattern_type: 'stix', valid_from: '2016-11-03T12:30:59Z' };
}

export function medallionCollection(): Array<TaxiiRecord<Obj>> {
  return [
    rec({ type: 'relationship', spec_version: '2.1', id: RELATIONSHIP_2F9A, created: '2014-05-08T09:00:00.000Z', modified: '2014-05-08T09:00:00.000Z', relationship_type: 'indicates', source_ref: INDICATOR_CD98, target_ref: MALWARE_C093 }, '2014-05-08T09:00:00.000000Z'),
    rec({ type: 'indicator', spec_version: '2.1', id: INDICATOR_CD98, created: '2014-05-08T09:00:00.000Z', modified: '2014-05-08T09:00:00.000Z', name: 'File hash for Poison Ivy variant', pattern: "[file:hashes.'SHA-256' = 'ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c']", pattern_type: 'stix', valid_from: '2014-05-08T09:00:00.000000Z' }, '2016-11-01T03:04:05.000000Z'),
    rec(indicator('2016-11-03T12:30:59.000Z'), '2016-11-03T12:30:59.001000Z'),
    rec(indicator('2016-12-25T12:30:59.444Z'), '2016-12-27T13:49:59.000000Z'),
    rec({ type: 'marking-definition', spec_version: '2.1', id: MARKING_3409, created: '2017-01-20T00:00:00.000Z', definition_type: 'tlp', name: 'TLP:GREEN', definition: { tlp: 'green' } }, '2017-01-20T00:00:00.000000Z'),
    rec({ type: 'malware', spec_version: '2.1', id: MALWARE_C093, created: '2017-01-27T13:49:53.997Z', modified: '2017-01-27T13:49:53.997Z', name: 'Poison Ivy', is_family: true }, '2017-01-27T13:49:59.997000Z'),
    rec({ type: 'malware', id: MALWARE_C093, created: '2017-01-27T13:49:53.997Z', modified: '2018-02-23T18:30:00.000Z', name: 'Poison Ivy', labels: ['remote-access-trojan'] }, '2017-06-01T00:00:00.000000Z'),
    rec(indicator('2017-01-27T13:49:53.935Z'), '2017-12-31T13:49:53.935000Z'),
  ];
}
