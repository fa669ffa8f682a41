/**
 * CoT uids. CoT replaces an event by a later one with the same uid, so a
 * lead's laboratory marker and hazard zone keep their uid from one release
 * to the next (they move or change on the map rather than pile up): the uid
 * derives from the releasing organisation and the lead id, not the package.
 * UUIDv5 keeps it globally unique and safe as a file name in data packages.
 */
import type { Lead, ReleasePackage } from '../release-package.js';
import { NARIZ_EXCHANGE_NAMESPACE, uuidV5 } from '../uuid-v5.js';

function organisationKey(pkg: ReleasePackage): string {
  return `${pkg.organisation.country}.${pkg.organisation.acsToken}`;
}

export function labUid(pkg: ReleasePackage, lead: Lead): string {
  return `nariz-lab-${uuidV5(NARIZ_EXCHANGE_NAMESPACE, `cot/lab/${organisationKey(pkg)}/${lead.id}`)}`;
}

export function hazardZoneUid(pkg: ReleasePackage, lead: Lead, tier: string): string {
  return `nariz-hazard-${uuidV5(NARIZ_EXCHANGE_NAMESPACE, `cot/hazard/${organisationKey(pkg)}/${lead.id}/${tier}`)}`;
}
