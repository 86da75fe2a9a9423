/**
 * Reads children's joined records (jobs/rules/joined-record.ts) for reconciliation, a batch at a time, through
 * the connectors' own batched reads: identity from the hub's index, then ONE `readChildren` call per agency for
 * the whole batch, then for children living in a children's home one `readResidentialUnits` call and one more
 * social care `readChildren` call for the co-residents the batch did not already read. Never one call per child,
 * and never through the gateway.
 *
 * An agency that cannot be read fails only its own part (UNAVAILABLE / TIMED_OUT, with a reason); a child the
 * agency has no record of is NOT_LINKED and is not asked for.
 */
import type { Connector } from '../../connectors/connector.js';
import type { AdultServicesSectionValue } from '../../connectors/adult-services/adult-section.js';
import type { EducationSectionValue } from '../../connectors/education/education-section.js';
import type { HealthSectionValue } from '../../connectors/health/to-health-section.js';
import type { SocialCareSectionValue } from '../../connectors/social-care/social-care-section.js';
import type { Queryable } from '../../store/db.js';
import type {
  AgencyPart,
  CoResidentValue,
  HubPartValue,
  JoinedChildRecord,
  ResidentialContextValue,
} from '../rules/joined-record.js';
import { connectorFor, failedPart, readAgencyParts } from './agency-parts.js';
import { unlinkedSocialCareKeySource, type IdentityChild, type MergeKeySource } from './identity-child.js';
import { identityLookup, type IdentityLookup } from './identity-lookup.js';
import { emptyHubPart, readHubParts } from './hub-parts.js';
import { homePlacementOf, overlappingStays } from './residential-context.js';

/** Children per batch: one read per agency per batch. */
export const defaultBatchSize = 100;

export interface ReadJoinedRecordsDeps {
  db: Queryable;
  connectors: readonly Connector[];
  now: () => Date;
  batchSize?: number;
}

/**
 * The joined record of each child, in the order given; null where the identity index no longer holds the child
 * (split or removed since the id was listed). Children are read `batchSize` at a time.
 */
export function readJoinedRecords(
  deps: ReadJoinedRecordsDeps,
  childIds: readonly string[],
): Promise<Array<JoinedChildRecord | null>> {
  const { db, ...rest } = deps;
  return readJoinedRecordsWith(
    { ...rest, lookup: identityLookup(db), hubParts: (ids) => readHubParts(db, ids) },
    childIds,
  );
}

export interface BatchDeps {
  lookup: IdentityLookup;
  connectors: readonly Connector[];
  now: () => Date;
  /** The hub's own part of each child (one store read per batch); absent: every child's is empty. */
  hubParts?: (childIds: readonly string[]) => Promise<Map<string, HubPartValue>>;
}

/** `readJoinedRecords` over any identity lookup (the unit tests give an in-memory one). */
export async function readJoinedRecordsWith(
  deps: BatchDeps & { batchSize?: number },
  childIds: readonly string[],
): Promise<Array<JoinedChildRecord | null>> {
  const batchSize = deps.batchSize ?? defaultBatchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a positive integer');
  const records: Array<JoinedChildRecord | null> = [];
  for (let start = 0; start < childIds.length; start += batchSize) {
    records.push(...(await readBatch(deps, childIds.slice(start, start + batchSize))));
  }
  return records;
}

type SocialCarePart = AgencyPart<SocialCareSectionValue>;

/** One batch: the identity reads, one read per agency, and the children's-home reads. */
async function readBatch(
  deps: BatchDeps,
  childIds: readonly string[],
): Promise<Array<JoinedChildRecord | null>> {
  const identities = await deps.lookup.children(childIds);
  const children = identities.filter((child): child is IdentityChild => child !== null);
  const keySources = children.map((child) => child.keySource);
  const [socialCare, health, education, adultServices, hub] = await Promise.all([
    readAgencyParts<SocialCareSectionValue>(deps.connectors, 'SOCIAL_CARE', keySources, deps.now),
    readAgencyParts<HealthSectionValue>(deps.connectors, 'HEALTH', keySources, deps.now),
    readAgencyParts<EducationSectionValue>(deps.connectors, 'EDUCATION', keySources, deps.now),
    readAgencyParts<AdultServicesSectionValue>(deps.connectors, 'ADULT_SERVICES', keySources, deps.now),
    deps.hubParts?.(children.map((child) => child.value.id)) ??
      Promise.resolve(new Map<string, HubPartValue>()),
  ]);
  const residential = await readResidential(deps, children, socialCare);
  const readAt = deps.now().toISOString();

  const byId = new Map<string, JoinedChildRecord>();
  children.forEach((child, index) => {
    byId.set(child.value.id, {
      child: child.value,
      socialCare: residential.socialCare[index]!,
      health: health[index]!,
      education: education[index]!,
      adultServices: adultServices[index]!,
      residential: residential.contexts[index] ?? null,
      hub: hub.get(child.value.id) ?? emptyHubPart(),
      readAt,
    });
  });
  return childIds.map((id) => byId.get(id) ?? null);
}

/**
 * The children's-home context of every child in a home, and the social care parts afterwards: a child whose home
 * could not be read loses its social care part (the rules about residents read both, and a record that showed a
 * home with nobody in it would be a silent "nothing to find").
 */
async function readResidential(
  deps: BatchDeps,
  children: readonly IdentityChild[],
  socialCare: readonly SocialCarePart[],
): Promise<{ socialCare: SocialCarePart[]; contexts: Array<ResidentialContextValue | null> }> {
  const parts = [...socialCare];
  const placements = socialCare.map((part) =>
    part.state === 'OK' && part.section ? homePlacementOf(part.section) : null,
  );
  const unitIds = [...new Set(placements.flatMap((placement) => placement?.residentialUnitId ?? []))];
  if (unitIds.length === 0) return { socialCare: parts, contexts: children.map(() => null) };

  const connector = connectorFor(deps.connectors, 'SOCIAL_CARE');
  const units = connector?.readResidentialUnits
    ? await connector.readResidentialUnits(unitIds)
    : ({ state: 'UNAVAILABLE', reason: 'NO_RECONCILIATION_READ', asOf: deps.now().toISOString() } as const);
  if (units.state !== 'OK') {
    placements.forEach((placement, index) => {
      if (placement) parts[index] = failedPart(parts[index]!.agency, units, units.asOf);
    });
    return { socialCare: parts, contexts: children.map(() => null) };
  }
  const unitById = new Map(units.units.map((unit) => [unit.unitId, unit]));

  const staysByChild = children.map((child, index) => {
    const placement = placements[index];
    const unit = placement?.residentialUnitId ? unitById.get(placement.residentialUnitId) : undefined;
    if (!placement || !unit) return null;
    const own = [...child.keySource.socialCarePersonIds, ...(parts[index]!.section?.personIds ?? [])];
    return { unit, stays: overlappingStays(unit.stays, placement, own) };
  });

  const coResidents = await readCoResidents(
    deps,
    children,
    parts,
    staysByChild.flatMap((s) => s?.stays ?? []),
  );
  const contexts = staysByChild.map((found, index): ResidentialContextValue | null => {
    if (!found) return null;
    const childId = children[index]!.value.id;
    return {
      unitId: found.unit.unitId,
      unitName: found.unit.name,
      coResidents: found.stays
        .map((stay) => ({ stay, resident: coResidents.get(stay.personId)! }))
        // The same child under a duplicate social care record is not their own co-resident.
        .filter(({ resident }) => resident.childId !== childId)
        .map(({ stay, resident }): CoResidentValue => ({
          childId: resident.childId,
          socialCarePersonId: stay.personId,
          placementStart: stay.start,
          placementEnd: stay.end,
          socialCare: resident.socialCare,
        })),
    };
  });
  return { socialCare: parts, contexts };
}

/**
 * Each co-resident's hub id and social care part, by social care person id: taken from the batch when the
 * resident is in it, otherwise read in ONE more social care call for every resident the batch did not read.
 */
async function readCoResidents(
  deps: BatchDeps,
  children: readonly IdentityChild[],
  batchParts: readonly SocialCarePart[],
  stays: ReadonlyArray<{ personId: string }>,
): Promise<Map<string, { childId: string | null; socialCare: SocialCarePart }>> {
  const personIds = [...new Set(stays.map((stay) => stay.personId))];
  const result = new Map<string, { childId: string | null; socialCare: SocialCarePart }>();
  if (personIds.length === 0) return result;
  const childIds = await deps.lookup.childIdsBySocialCarePersonIds(personIds);
  const inBatch = new Map(children.map((child, index) => [child.value.id, batchParts[index]!]));

  const outside = personIds.flatMap((personId, index) => {
    const childId = childIds[index] ?? null;
    const part = childId === null ? undefined : inBatch.get(childId);
    if (part) {
      result.set(personId, { childId, socialCare: part });
      return [];
    }
    return [{ personId, childId }];
  });
  if (outside.length === 0) return result;

  // A linked resident is read under every record the index links to them, as their own joined record would be.
  const linkedIds = [...new Set(outside.flatMap((resident) => resident.childId ?? []))];
  const identities = await deps.lookup.children(linkedIds);
  const keySourceById = new Map(
    identities.flatMap((identity) => (identity ? [[identity.value.id, identity.keySource] as const] : [])),
  );
  const keySources: MergeKeySource[] = outside.map(
    (resident) =>
      (resident.childId === null ? undefined : keySourceById.get(resident.childId)) ??
      unlinkedSocialCareKeySource(resident.personId),
  );
  const parts = await readAgencyParts<SocialCareSectionValue>(
    deps.connectors,
    'SOCIAL_CARE',
    keySources,
    deps.now,
  );
  outside.forEach((resident, index) =>
    result.set(resident.personId, { childId: resident.childId, socialCare: parts[index]! }),
  );
  return result;
}
