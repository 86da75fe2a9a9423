/**
 * Social care parts alone, for jobs that need only a child's status (e.g. whether an alert is called for): the
 * identity index, then ONE social care `readChildren` call for the whole list. Same states as the joined record:
 * null where the index no longer holds the child.
 */
import type { Connector } from '../../connectors/connector.js';
import type { SocialCareSectionValue } from '../../connectors/social-care/social-care-section.js';
import type { Queryable } from '../../store/db.js';
import type { AgencyPart } from '../rules/joined-record.js';
import { readAgencyParts } from './agency-parts.js';
import { identityLookup } from './identity-lookup.js';

export async function readSocialCareParts(
  deps: { db: Queryable; connectors: readonly Connector[]; now: () => Date },
  childIds: readonly string[],
): Promise<Array<AgencyPart<SocialCareSectionValue> | null>> {
  const identities = await identityLookup(deps.db).children(childIds);
  const found = identities.flatMap((identity) => (identity ? [identity] : []));
  const parts = await readAgencyParts<SocialCareSectionValue>(
    deps.connectors,
    'SOCIAL_CARE',
    found.map((identity) => identity.keySource),
    deps.now,
  );
  const byId = new Map(found.map((identity, index) => [identity.value.id, parts[index]!]));
  return childIds.map((id) => byId.get(id) ?? null);
}
