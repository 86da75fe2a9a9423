/**
 * The education subschema: `Child` merged on `educationPupilIds` (the education system's own pupil ids the
 * identity index links to the child), with the `education` section, its source status, chronology and team.
 */
import type { MergedTypeConfig } from '@graphql-tools/delegate';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { HubError, isHubError } from '../../platform/errors.js';
import { sharedTypeDefs } from '../../schema/shared-sdl.js';
import { EducationChild } from './education-child.js';
import { educationAgency, type EducationClient } from './education-client.js';
import { requestLoaders, type EducationLoaders } from './loaders.js';
import type { PupilPayload } from './payload-schemas.js';

export const educationTypeDefs = /* GraphQL */ `
  ${sharedTypeDefs}

  "A school enrolment, as the school census records it."
  type EducationEnrolment {
    "The school's URN."
    schoolUrn: String! @category(name: EDUCATION)
    schoolName: String @category(name: EDUCATION)
    yearGroup: String! @category(name: EDUCATION)
    from: Date! @category(name: EDUCATION)
    "Null while the pupil is on roll."
    to: Date @category(name: EDUCATION)
    current: Boolean! @category(name: EDUCATION)
  }

  enum EducationTerm {
    AUTUMN
    SPRING
    SUMMER
  }

  "Attendance in one school term."
  type EducationTermAttendance {
    "e.g. 2024/25"
    academicYear: String! @category(name: EDUCATION)
    term: EducationTerm! @category(name: EDUCATION)
    possibleSessions: Int! @category(name: EDUCATION)
    attendedSessions: Int! @category(name: EDUCATION)
    "Attended as a percentage of possible sessions, to one decimal place; null when none were possible."
    percentage: Float @category(name: EDUCATION)
  }

  enum EducationExclusionKind {
    "A fixed-period suspension."
    SUSPENSION
    PERMANENT
  }

  type EducationExclusion {
    id: ID! @category(name: EDUCATION)
    date: Date! @category(name: EDUCATION)
    kind: EducationExclusionKind! @category(name: EDUCATION)
    sessions: Int! @category(name: EDUCATION)
    "School census exclusion reason code, e.g. PA (persistent disruptive behaviour)."
    reason: String! @category(name: EDUCATION)
    schoolUrn: String! @category(name: EDUCATION)
  }

  "School census SEN provision."
  enum SenProvision {
    "No special educational need."
    N
    "SEN support."
    K
    "Education, health and care plan."
    E
  }

  "SEN2 outcome of the decision whether to carry out an EHC needs assessment."
  enum EhcDecisionOutcome {
    "Agreed to assess."
    Y
    "Decided not to assess."
    N
    "SEN2 outcome A."
    A
    "Request withdrawn or ceased before a decision."
    W
    "Historical decision."
    H
  }

  enum EhcNeedsAssessmentStatus {
    REQUESTED
    ASSESSING
    ISSUED
    REFUSED
    CEASED
  }

  type EhcpAnnualReview {
    id: ID! @category(name: SEND)
    date: Date! @category(name: SEND)
    "Whether the review set preparing-for-adulthood outcomes (required from Year 9)."
    preparingForAdulthoodOutcomes: Boolean! @category(name: SEND)
  }

  "One EHC needs assessment, from request to plan and its annual reviews (SEN2 / EHC hub)."
  type EhcNeedsAssessment {
    id: ID! @category(name: SEND)
    requestDate: Date! @category(name: SEND)
    decisionDate: Date @category(name: SEND)
    decisionOutcome: EhcDecisionOutcome @category(name: SEND)
    "When the final EHC plan was issued."
    finalPlanDate: Date @category(name: SEND)
    "Oldest first."
    annualReviews: [EhcpAnnualReview!]! @category(name: SEND)
    status: EhcNeedsAssessmentStatus! @category(name: SEND)
  }

  "A Personal Education Plan (looked-after children)."
  type PersonalEducationPlan {
    id: ID! @category(name: EDUCATION)
    date: Date! @category(name: EDUCATION)
    reviewedDate: Date @category(name: EDUCATION)
    designatedTeacher: Practitioner @category(name: EDUCATION)
  }

  """
  What the education / SEND system holds about the child, across every pupil record linked to them. Lists are
  oldest first. Contacts (SENCO, designated teacher, virtual school head) are in educationTeam.
  """
  type EducationSection {
    "The education system's pupil ids this section was read from."
    pupilIds: [ID!]! @category(name: EDUCATION)
    "The school the child is on roll at now (the latest started, if more than one)."
    currentEnrolment: EducationEnrolment @category(name: EDUCATION)
    "Current and past enrolments."
    enrolments: [EducationEnrolment!]! @category(name: EDUCATION)
    attendance: [EducationTermAttendance!]! @category(name: EDUCATION)
    "Suspensions and permanent exclusions."
    exclusions: [EducationExclusion!]! @category(name: EDUCATION)
    "The highest provision any linked record holds."
    senProvision: SenProvision! @category(name: SEND)
    "Primary and secondary SEN types, e.g. SEMH, SLCN."
    senNeeds: [String!]! @category(name: SEND)
    ehcNeedsAssessments: [EhcNeedsAssessment!]! @category(name: SEND)
    personalEducationPlans: [PersonalEducationPlan!]! @category(name: EDUCATION)
  }

  type Child {
    "The education system's pupil ids for this child (the merge key; empty when not known there)."
    educationPupilIds: [ID!]!
    "Null when the child is not known to education or the system failed (see educationSource)."
    education: EducationSection @category(name: EDUCATION)
    educationSource: SourceStatus!
    educationChronology: [ChronologyEvent!]
    "SENCO, designated teacher and virtual school head."
    educationTeam: [Practitioner!] @category(name: EDUCATION)
  }

  type Query {
    "One Child per key (a list of pupil ids), in the same order. For the gateway's merge."
    _educationChildren(keys: [[ID!]!]!): [Child]!
  }
`;

/** The merge key wraps the id list in an object: a bare array would be split into one key per id by the merge. */
interface EducationMergeKey {
  pupilIds: readonly string[];
}

export const educationMerge: Record<string, MergedTypeConfig> = {
  Child: {
    selectionSet: '{ educationPupilIds }',
    fieldName: '_educationChildren',
    key: (child: { educationPupilIds: readonly string[] }): EducationMergeKey => ({
      pupilIds: child.educationPupilIds,
    }),
    argsFromKeys: (keys: readonly EducationMergeKey[]) => ({ keys: keys.map((key) => key.pupilIds) }),
  },
};

export interface EducationSchemaOptions {
  client: EducationClient;
  now: () => Date;
}

export function createEducationSchema({ client, now }: EducationSchemaOptions): GraphQLSchema {
  const loadersFor = requestLoaders(client);

  const children = (keys: readonly string[][], context: unknown) =>
    readEducationChildren(loadersFor(context), keys, now);

  return makeExecutableSchema({
    typeDefs: educationTypeDefs,
    resolvers: {
      Query: {
        _educationChildren: (_root: unknown, args: { keys: string[][] }, context: unknown) =>
          children(args.keys, context),
      },
      Child: {
        education: (child: EducationChild) => child.section(),
        educationSource: (child: EducationChild) => child.source(),
        educationChronology: (child: EducationChild) => child.chronology(),
        educationTeam: (child: EducationChild) => child.team(),
      },
    },
  });
}

/** One EducationChild per key (a list of ids), reading every id of every key in one batch through `loaders`. */
export async function readEducationChildren(
  loaders: EducationLoaders,
  keys: readonly (readonly string[])[],
  now: () => Date,
): Promise<EducationChild[]> {
  const wanted = [...new Set(keys.flat())];
  if (wanted.length === 0) return keys.map((ids) => new EducationChild(ids, { kind: 'NOT_LINKED' }));
  // Every id of every child in one load: one upstream search for the whole batch of children.
  const results = await loaders.pupils.loadMany(wanted);
  const at = now().toISOString();
  const byId = new Map<string, PupilPayload | null | Error>();
  wanted.forEach((id, index) => byId.set(id, results[index] ?? null));
  return keys.map((ids) => childFrom(ids, byId, at));
}

function childFrom(
  ids: readonly string[],
  byId: ReadonlyMap<string, PupilPayload | null | Error>,
  at: string,
): EducationChild {
  if (ids.length === 0) return new EducationChild(ids, { kind: 'NOT_LINKED' });
  const records: PupilPayload[] = [];
  for (const id of new Set(ids)) {
    const result = byId.get(id);
    if (result instanceof Error)
      return new EducationChild(ids, { kind: 'FAILED', error: asAgencyError(result), at });
    if (result) records.push(result);
  }
  return new EducationChild(ids, { kind: 'READ', records, at });
}

/** The client only throws HubErrors; anything else is a bug here, reported without its message. */
function asAgencyError(error: Error): HubError {
  return isHubError(error)
    ? error
    : new HubError('INTERNAL', {
        details: { agency: educationAgency, reason: 'CONNECTOR_FAILED' },
        cause: error,
      });
}
