/**
 * A release package as one STIX 2.1 bundle (docs/exchange/stix.md).
 *
 * Per lead: an `infrastructure` (the suspected laboratory: a physical
 * facility, the thing sighted), a `location` (position and 95 % radius as
 * `precision`, plus the hazard-zone extension), `located-at` between them,
 * a `sighting` of the infrastructure by the releasing organisation, and one
 * `note` per lead note. Then the `report` that references every object, a
 * `language-content` per other language, the releasing `identity`, and the
 * marking definitions (TLP 2.0 and one ISA ACS 3.0 definition per distinct
 * marking).
 *
 * Pure and deterministic: ids are UUIDv5 of the package id and the object's
 * role, every timestamp is the package's `createdAt` (or a lead's
 * `detectedAt`), and objects come in a fixed order.
 */
import { NarizError } from '@nariz/core';
import type { Marking } from '@nariz/security';
import { markingKey } from '../marking-fields.js';
import { LANGS, type Lead, type ReleasePackage } from '../release-package.js';
import { assertReleasable } from '../release-guard.js';
import { acsMarkingDefinition, acsMarkingId } from './acs-marking.js';
import { granularMarkings, type MarkedField } from './granular-markings.js';
import { HAZARD_ZONE_EXTENSION_ID, hazardZoneExtension, hazardZoneExtensionDefinition, narizIdentity } from './hazard-zone-extension.js';
import { stixId, stixTimestamp } from './stix-ids.js';
import { tlpMarkingDefinition, tlpMarkingId } from './tlp.js';
import { machineTranslatedLabels } from './translation-labels.js';
import type {
  StixBundle,
  StixCommon,
  StixId,
  StixIdentity,
  StixInfrastructure,
  StixLanguageContent,
  StixLocation,
  StixMarkingDefinition,
  StixNote,
  StixObject,
  StixRelationship,
  StixReport,
  StixSighting,
} from './stix-types.js';

/** STIX `confidence` (0–100) from a probability. */
function confidenceOf(p: number): number {
  return Math.min(100, Math.max(0, Math.round(p * 100)));
}

export function stixBundle(pkg: ReleasePackage): StixBundle {
  assertReleasable(pkg);
  const primary = pkg.texts[pkg.language];
  if (primary === undefined) {
    throw new NarizError('NARIZ_USAGE', `the package has no texts in its language ${pkg.language}`, { path: `texts.${pkg.language}` });
  }
  const created = stixTimestamp(pkg.createdAt);
  const identityId = stixId('identity', pkg.id, 'releasing-organisation');
  const tlpRef = tlpMarkingId(pkg.tlp);

  const acsDefinitions = new Map<string, StixMarkingDefinition>();
  const acsRef = (m: Marking): StixId<'marking-definition'> => {
    const key = markingKey(m, pkg.policy);
    if (!acsDefinitions.has(key)) acsDefinitions.set(key, acsMarkingDefinition(pkg, m, identityId));
    return acsMarkingId(pkg, m);
  };
  const common = <T extends string>(type: T, role: string, marking: Marking): StixCommon<T> => ({
    type,
    spec_version: '2.1',
    id: stixId(type, pkg.id, role),
    created,
    modified: created,
    created_by_ref: identityId,
    object_marking_refs: [tlpRef, acsRef(marking)],
  });

  const { created_by_ref: _self, ...identityCommon } = common('identity', 'releasing-organisation', pkg.marking);
  const identity: StixIdentity = {
    ...identityCommon,
    name: pkg.organisation.name,
    identity_class: 'organization',
    contact_information: `Released by ${pkg.releasedBy.name}, ${pkg.releasedBy.organisation} (${pkg.releasedBy.country}), to ${pkg.partner.unit} (${pkg.partner.country})`,
  };

  const content: StixObject[] = [identity];
  for (const lead of pkg.leads) content.push(...leadObjects(pkg, lead, common, identityId));

  const report: StixReport = {
    ...common('report', 'report', pkg.marking),
    ...labelsOf(machineTranslatedLabels([
      { selector: 'name', machineTranslated: primary.title.machineTranslated },
      { selector: 'description', machineTranslated: primary.summary.machineTranslated },
    ])),
    lang: pkg.language,
    ...granularOf(pkg.marking, [
      { selector: 'name', marking: primary.title.marking },
      { selector: 'description', marking: primary.summary.marking },
    ], acsRef, pkg),
    name: primary.title.text,
    description: primary.summary.text,
    report_types: ['threat-report'],
    published: created,
    object_refs: content.map((o) => o.id),
  };

  const translations: StixLanguageContent[] = [];
  for (const lang of LANGS) {
    const t = pkg.texts[lang];
    if (lang === pkg.language || t === undefined) continue;
    const nameSel = `contents.${lang}.name`;
    const descSel = `contents.${lang}.description`;
    translations.push({
      ...common('language-content', `report/language-content/${lang}`, pkg.marking),
      ...labelsOf(machineTranslatedLabels([
        { selector: nameSel, machineTranslated: t.title.machineTranslated },
        { selector: descSel, machineTranslated: t.summary.machineTranslated },
      ])),
      ...granularOf(pkg.marking, [
        { selector: nameSel, marking: t.title.marking },
        { selector: descSel, marking: t.summary.marking },
      ], acsRef, pkg),
      object_ref: report.id,
      object_modified: report.modified,
      contents: { [lang]: { name: t.title.text, description: t.summary.text } },
    });
  }

  const hasHazard = pkg.leads.some((l) => l.hazardZone !== undefined);
  const markingDefinitions: StixMarkingDefinition[] = [tlpMarkingDefinition(pkg.tlp)];
  if (hasHazard && pkg.tlp !== 'clear') markingDefinitions.push(tlpMarkingDefinition('clear'));
  markingDefinitions.push(...acsDefinitions.values());
  const extensionObjects: StixObject[] = hasHazard ? [narizIdentity(), hazardZoneExtensionDefinition()] : [];

  return {
    type: 'bundle',
    id: stixId('bundle', pkg.id, 'bundle'),
    objects: [...markingDefinitions, ...extensionObjects, ...content, report, ...translations],
  };
}

type Common = <T extends string>(type: T, role: string, marking: Marking) => StixCommon<T>;

function leadObjects(pkg: ReleasePackage, lead: Lead, common: Common, identityId: StixId<'identity'>): StixObject[] {
  const role = `lead/${lead.id}`;
  const detected = stixTimestamp(lead.detectedAt);
  const confidence = confidenceOf(lead.labProbability);
  const infrastructure: StixInfrastructure = {
    ...common('infrastructure', role, lead.marking),
    labels: ['suspected-clandestine-laboratory', `status:${lead.status}`],
    lang: pkg.language,
    confidence,
    name: lead.title,
    infrastructure_types: ['unknown'],
    first_seen: detected,
  };
  const location: StixLocation = {
    ...common('location', `${role}/location`, lead.marking),
    lang: pkg.language,
    ...(lead.hazardZone === undefined ? {} : { extensions: { [HAZARD_ZONE_EXTENSION_ID]: hazardZoneExtension(lead.hazardZone) } }),
    name: lead.title,
    latitude: lead.location.lat,
    longitude: lead.location.lon,
    precision: lead.location.ci95M,
  };
  const locatedAt: StixRelationship = {
    ...common('relationship', `${role}/located-at`, lead.marking),
    relationship_type: 'located-at',
    source_ref: infrastructure.id,
    target_ref: location.id,
  };
  const sighting: StixSighting = {
    ...common('sighting', `${role}/sighting`, lead.marking),
    confidence,
    sighting_of_ref: infrastructure.id,
    where_sighted_refs: [identityId],
    first_seen: detected,
    last_seen: detected,
    count: 1,
  };
  const notes: StixNote[] = lead.notes.map((n, j) => ({
    ...common('note', `${role}/note/${j}`, n.marking),
    ...labelsOf(machineTranslatedLabels([{ selector: 'content', machineTranslated: n.machineTranslated }])),
    lang: n.lang,
    content: n.text,
    object_refs: [infrastructure.id, location.id],
  }));
  return [infrastructure, location, locatedAt, sighting, ...notes];
}

function labelsOf(labels: string[]): { labels?: string[] } {
  return labels.length === 0 ? {} : { labels };
}

function granularOf(
  objectMarking: Marking,
  fields: readonly MarkedField[],
  ref: (m: Marking) => StixId<'marking-definition'>,
  pkg: ReleasePackage,
): { granular_markings?: ReturnType<typeof granularMarkings> } {
  const g = granularMarkings(objectMarking, fields, ref, pkg.policy);
  return g.length === 0 ? {} : { granular_markings: g };
}
