/**
 * The adult services subschema: `Child` merged on `adultPersonIds` (adult services' own person ids the identity
 * index links to the child), with the `adultServices` section, its source status, chronology and team.
 */
import type { MergedTypeConfig } from '@graphql-tools/delegate';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { HubError, isHubError } from '../../platform/errors.js';
import { sharedTypeDefs } from '../../schema/shared-sdl.js';
import { AdultServicesChild } from './adult-child.js';
import { adultServicesAgency, type AdultServicesClient } from './adult-client.js';
import { requestLoaders, type AdultServicesLoaders } from './loaders.js';
import type { PersonPayload } from './payload-schemas.js';

export const adultServicesTypeDefs = /* GraphQL */ `
  ${sharedTypeDefs}

  "A referral to adult services for transition planning."
  type AdultTransitionReferral {
    id: ID! @category(name: ADULT_SERVICES)
    date: Date! @category(name: ADULT_SERVICES)
    "Who referred, e.g. CHILDRENS_SERVICES."
    source: String! @category(name: ADULT_SERVICES)
    reason: String! @category(name: ADULT_SERVICES)
  }

  enum CareActS58Outcome {
    "Likely to have eligible needs for care and support as an adult."
    ELIGIBLE
    NOT_ELIGIBLE
    PENDING
  }

  "A Care Act 2014 s58 child's needs assessment (transition to adult care and support)."
  type CareActS58Assessment {
    id: ID! @category(name: ADULT_SERVICES)
    referralDate: Date! @category(name: ADULT_SERVICES)
    "Null until the assessment is carried out."
    assessmentDate: Date @category(name: ADULT_SERVICES)
    outcome: CareActS58Outcome! @category(name: ADULT_SERVICES)
  }

  "A care leaver's pathway plan as adult services hold it."
  type AdultPathwayPlan {
    id: ID! @category(name: ADULT_SERVICES)
    needsAssessmentDate: Date @category(name: ADULT_SERVICES)
    planDate: Date @category(name: ADULT_SERVICES)
    personalAdviser: Practitioner @category(name: ADULT_SERVICES)
  }

  "Client Level Data event types."
  enum AdultCldEventType {
    REQUEST
    ASSESSMENT
    REVIEW
    SERVICE
  }

  "One Client Level Data event (a request, assessment, review or service)."
  type AdultCldEvent {
    id: ID! @category(name: ADULT_SERVICES)
    eventType: AdultCldEventType! @category(name: ADULT_SERVICES)
    date: Date! @category(name: ADULT_SERVICES)
    detail: String! @category(name: ADULT_SERVICES)
  }

  "What adult social care holds about the child, across every adult record linked to them. Lists are oldest first."
  type AdultServicesSection {
    "Adult services' person ids this section was read from."
    personIds: [ID!]! @category(name: ADULT_SERVICES)
    transitionReferrals: [AdultTransitionReferral!]! @category(name: ADULT_SERVICES)
    s58Assessments: [CareActS58Assessment!]! @category(name: ADULT_SERVICES)
    pathwayPlans: [AdultPathwayPlan!]! @category(name: ADULT_SERVICES)
    "The transition worker (more than one only when duplicate records name different workers)."
    transitionWorkers: [Practitioner!]! @category(name: ADULT_SERVICES)
    cldEvents: [AdultCldEvent!]! @category(name: ADULT_SERVICES)
  }

  type Child {
    "Adult services' person ids for this child (the merge key; empty when not known there)."
    adultPersonIds: [ID!]!
    "Null when the child is not known to adult services or the system failed (see adultServicesSource)."
    adultServices: AdultServicesSection @category(name: ADULT_SERVICES)
    adultServicesSource: SourceStatus!
    adultServicesChronology: [ChronologyEvent!]
    "Transition worker and personal advisers."
    adultServicesTeam: [Practitioner!] @category(name: ADULT_SERVICES)
  }

  type Query {
    "One Child per key (a list of adult person ids), in the same order. For the gateway's merge."
    _adultServicesChildren(keys: [[ID!]!]!): [Child]!
  }
`;

/** The merge key wraps the id list in an object: a bare array would be split into one key per id by the merge. */
interface AdultServicesMergeKey {
  personIds: readonly string[];
}

export const adultServicesMerge: Record<string, MergedTypeConfig> = {
  Child: {
    selectionSet: '{ adultPersonIds }',
    fieldName: '_adultServicesChildren',
    key: (child: { adultPersonIds: readonly string[] }): AdultServicesMergeKey => ({
      personIds: child.adultPersonIds,
    }),
    argsFromKeys: (keys: readonly AdultServicesMergeKey[]) => ({ keys: keys.map((key) => key.personIds) }),
  },
};

export interface AdultServicesSchemaOptions {
  client: AdultServicesClient;
  now: () => Date;
}

export function createAdultServicesSchema({ client, now }: AdultServicesSchemaOptions): GraphQLSchema {
  const loadersFor = requestLoaders(client);

  const children = (keys: readonly string[][], context: unknown) =>
    readAdultServicesChildren(loadersFor(context), keys, now);

  return makeExecutableSchema({
    typeDefs: adultServicesTypeDefs,
    resolvers: {
      Query: {
        _adultServicesChildren: (_root: unknown, args: { keys: string[][] }, context: unknown) =>
          children(args.keys, context),
      },
      Child: {
        adultServices: (child: AdultServicesChild) => child.section(),
        adultServicesSource: (child: AdultServicesChild) => child.source(),
        adultServicesChronology: (child: AdultServicesChild) => child.chronology(),
        adultServicesTeam: (child: AdultServicesChild) => child.team(),
      },
    },
  });
}

/** One AdultServicesChild per key (a list of ids), reading every id of every key in one batch through `loaders`. */
export async function readAdultServicesChildren(
  loaders: AdultServicesLoaders,
  keys: readonly (readonly string[])[],
  now: () => Date,
): Promise<AdultServicesChild[]> {
  const wanted = [...new Set(keys.flat())];
  if (wanted.length === 0) return keys.map((ids) => new AdultServicesChild(ids, { kind: 'NOT_LINKED' }));
  // Every id of every child in one load: one upstream search for the whole batch of children.
  const results = await loaders.people.loadMany(wanted);
  const at = now().toISOString();
  const byId = new Map<string, PersonPayload | null | Error>();
  wanted.forEach((id, index) => byId.set(id, results[index] ?? null));
  return keys.map((ids) => childFrom(ids, byId, at));
}

function childFrom(
  ids: readonly string[],
  byId: ReadonlyMap<string, PersonPayload | null | Error>,
  at: string,
): AdultServicesChild {
  if (ids.length === 0) return new AdultServicesChild(ids, { kind: 'NOT_LINKED' });
  const records: PersonPayload[] = [];
  for (const id of new Set(ids)) {
    const result = byId.get(id);
    if (result instanceof Error) {
      return new AdultServicesChild(ids, { kind: 'FAILED', error: asAgencyError(result), at });
    }
    if (result) records.push(result);
  }
  return new AdultServicesChild(ids, { kind: 'READ', records, at });
}

/** The client only throws HubErrors; anything else is a bug here, reported without its message. */
function asAgencyError(error: Error): HubError {
  return isHubError(error)
    ? error
    : new HubError('INTERNAL', {
        details: { agency: adultServicesAgency, reason: 'CONNECTOR_FAILED' },
        cause: error,
      });
}
