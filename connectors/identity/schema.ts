/**
 * The identity subschema: the hub owns `Child.id` and the links from a child to each agency's records. Agency
 * subschemas merge `Child` on the record-id lists this schema exposes (socialCarePersonIds, gpPatientIds, ...).
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import DataLoader from 'dataloader';
import type { GraphQLSchema } from 'graphql';
import { HubError } from '../../platform/errors.js';
import { isValidNhsNumber, normaliseNhsNumber } from '../../schema/identifiers/nhs-number.js';
import { isValidUpn } from '../../schema/identifiers/upn.js';
import { sharedTypeDefs } from '../../schema/shared-sdl.js';
import type { Db } from '../../store/db.js';
import {
  childIdPage,
  childIdsByIdentifier,
  childIdsByRecords,
  childrenByIds,
  displayRecord,
  openConflictsByChild,
  type ChildIdentity,
  type ConflictRow,
  type IdentityAgency,
} from './identity-reads.js';
import { newChildId } from './index-writer.js';
import { decideLink, openReviewPage, splitRecord } from './link-decisions.js';

export const identityTypeDefs = /* GraphQL */ `
  ${sharedTypeDefs}

  enum IdentifierSystem {
    NHS_NUMBER
    UPN
    SOCIAL_CARE_PERSON_ID
    GP_PATIENT_ID
    EDUCATION_PUPIL_ID
    ADULT_PERSON_ID
  }

  "How an agency record joined its child."
  enum LinkMethod {
    NHS_NUMBER
    UPN
    PROBABILISTIC
    MANUAL
    SINGLE
  }

  type IdentityLink {
    agency: Agency!
    localId: ID!
    method: LinkMethod!
    "Fellegi-Sunter score, for probabilistic links."
    score: Float
  }

  "An identifier that fails validation, or agencies disagreeing about this child. Recorded, never dropped."
  type IdentityConflict {
    agency: Agency!
    localId: ID!
    "INVALID_NHS_NUMBER, INVALID_UPN, DOB_DISAGREES, SEX_DISAGREES, NHS_NUMBER_DISAGREES, UPN_DISAGREES"
    kind: String!
    otherAgency: Agency
    otherLocalId: ID
    detectedAt: DateTime!
  }

  type Child {
    "The hub's id for the child, stable across re-linking."
    id: ID!
    givenName: String @category(name: IDENTITY)
    familyName: String @category(name: IDENTITY)
    dateOfBirth: Date @category(name: IDENTITY)
    sex: String @category(name: IDENTITY)
    "The valid NHS number the linked records agree on, if any."
    nhsNumber: String @category(name: IDENTITY)
    upn: String @category(name: IDENTITY)
    socialCarePersonIds: [ID!]!
    gpPatientIds: [ID!]!
    educationPupilIds: [ID!]!
    adultPersonIds: [ID!]!
    links: [IdentityLink!]! @category(name: IDENTITY)
    identityConflicts: [IdentityConflict!]! @category(name: IDENTITY)
  }

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type ChildEdge {
    cursor: String!
    node: Child!
  }

  type ChildConnection {
    edges: [ChildEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  input ChildFilter {
    "Only children with a record in each of these agencies."
    linkedTo: [Agency!]
    "Only these children (hub ids)."
    ids: [ID!]
    "Only children with (or without) open identity conflicts."
    hasConflicts: Boolean
  }

  type MatchReview {
    id: ID!
    a: IdentityLink!
    b: IdentityLink!
    score: Float!
    "Per field: how the two records compared (e.g. givenName: NICKNAME)."
    agreement: String!
    status: String!
  }

  type MatchReviewConnection {
    nodes: [MatchReview!]!
    pageInfo: PageInfo!
  }

  type Query {
    child(id: ID!): Child
    "A child by a national identifier or an agency's own id. NHS numbers and UPNs must be valid."
    childByIdentifier(system: IdentifierSystem!, value: String!): Child
    children(filter: ChildFilter, first: Int = 20, after: String): ChildConnection!
    "Pairs the matcher was unsure about, oldest first; never linked until someone decides."
    matchReviews(first: Int = 20, after: String): MatchReviewConnection!
    _childrenByIds(ids: [ID!]!): [Child]!
    _childrenBySocialCarePersonIds(ids: [ID!]!): [Child]!
  }

  type Mutation {
    "Confirms an uncertain pair is one child; the records are linked now and on every later run."
    confirmMatch(reviewId: ID!, reason: String!): MatchReview!
    "Records that an uncertain pair are different children."
    rejectMatch(reviewId: ID!, reason: String!): MatchReview!
    "Takes one agency record out of a child into a child of its own; returns the new child."
    splitLink(childId: ID!, agency: Agency!, localId: ID!, reason: String!): Child!
  }
`;

const agencyEnum: Record<IdentityAgency, string> = {
  'social-care': 'SOCIAL_CARE',
  gp: 'HEALTH',
  education: 'EDUCATION',
  adult: 'ADULT_SERVICES',
};

const systemToAgency: Record<string, IdentityAgency> = {
  SOCIAL_CARE_PERSON_ID: 'social-care',
  GP_PATIENT_ID: 'gp',
  EDUCATION_PUPIL_ID: 'education',
  ADULT_PERSON_ID: 'adult',
};

interface Loaders {
  children: DataLoader<string, ChildIdentity | null>;
  conflicts: DataLoader<string, ConflictRow[]>;
}

export interface IdentitySchemaOptions {
  db: Db;
  maxBatchSize: number;
  /** Who is deciding a review, from the request context (the gateway puts the caller there). */
  actorOf: (context: object) => string;
}

export function createIdentitySchema(options: IdentitySchemaOptions): GraphQLSchema {
  const { db } = options;
  const loadersByContext = new WeakMap<object, Loaders>();
  const loaders = (context: object): Loaders => {
    let found = loadersByContext.get(context);
    if (!found) {
      found = {
        children: new DataLoader((ids) => childrenByIds(db, ids), { maxBatchSize: options.maxBatchSize }),
        conflicts: new DataLoader(
          async (ids) => {
            const byChild = await openConflictsByChild(db, ids);
            return ids.map((id) => byChild.get(id) ?? []);
          },
          { maxBatchSize: options.maxBatchSize },
        ),
      };
      loadersByContext.set(context, found);
    }
    return found;
  };
  const idsOf = (child: ChildIdentity, agency: IdentityAgency) =>
    child.records.filter((record) => record.agency === agency).map((record) => record.localId);
  const agreed = (
    child: ChildIdentity,
    pick: (r: ChildIdentity['records'][number]) => string | null,
    valid: (v: string) => boolean,
  ) => {
    const values = new Set(
      child.records.map(pick).filter((value): value is string => value !== null && valid(value)),
    );
    return values.size === 1 ? [...values][0] : null;
  };

  return makeExecutableSchema({
    typeDefs: identityTypeDefs,
    resolvers: {
      Query: {
        child: (_: unknown, { id }: { id: string }, context: object) => loaders(context).children.load(id),
        childByIdentifier: async (_: unknown, args: { system: string; value: string }, context: object) => {
          const ids = await childIdsFor(db, args.system, args.value);
          if (ids.length > 1) {
            throw new HubError('CONFLICT', {
              safeMessage:
                'More than one child holds this identifier; the identity index has them as a conflict.',
            });
          }
          return ids[0] ? loaders(context).children.load(ids[0]) : null;
        },
        children: async (
          _: unknown,
          args: {
            filter?: { linkedTo?: string[]; hasConflicts?: boolean; ids?: string[] | null } | null;
            first: number;
            after?: string | null;
          },
          context: object,
        ) => {
          if (args.first < 0 || args.first > 500) {
            throw new HubError('BAD_REQUEST', { safeMessage: '`first` must be between 0 and 500.' });
          }
          const page = await childIdPage(
            db,
            {
              linkedTo: args.filter?.linkedTo?.map((agency) => agencyFromEnum(agency)),
              hasConflicts: args.filter?.hasConflicts,
              ids: args.filter?.ids ?? undefined,
            },
            args.first,
            args.after ? decodeCursor(args.after) : null,
          );
          const nodes = await loaders(context).children.loadMany(page.ids);
          const edges = page.ids.flatMap((id, index) => {
            const node = nodes[index];
            return node && !(node instanceof Error) ? [{ cursor: encodeCursor(id), node }] : [];
          });
          return {
            edges,
            pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
            totalCount: page.totalCount,
          };
        },
        matchReviews: (_: unknown, args: { first: number; after?: string | null }) =>
          openReviewPage(
            db,
            Math.min(Math.max(args.first, 0), 200),
            args.after ? Number(decodeCursor(args.after)) : 0,
          ),
        _childrenByIds: (_: unknown, { ids }: { ids: string[] }, context: object) =>
          loaders(context).children.loadMany(ids),
        _childrenBySocialCarePersonIds: async (_: unknown, { ids }: { ids: string[] }, context: object) => {
          const childIds = await childIdsByRecords(db, 'social-care', ids);
          return Promise.all(childIds.map((id) => (id ? loaders(context).children.load(id) : null)));
        },
      },
      Mutation: {
        confirmMatch: (_: unknown, args: { reviewId: string; reason: string }, context: object) =>
          decideLink(db, args.reviewId, 'CONFIRM', options.actorOf(context), args.reason),
        rejectMatch: (_: unknown, args: { reviewId: string; reason: string }, context: object) =>
          decideLink(db, args.reviewId, 'SPLIT', options.actorOf(context), args.reason),
        splitLink: async (
          _: unknown,
          args: { childId: string; agency: string; localId: string; reason: string },
          context: object,
        ) => {
          const id = await splitRecord(db, {
            childId: args.childId,
            agency: agencyFromEnum(args.agency),
            localId: args.localId,
            actor: options.actorOf(context),
            reason: args.reason,
            newChildId: newChildId(),
          });
          const [child] = await childrenByIds(db, [id]);
          return child;
        },
      },
      Child: {
        givenName: (child: ChildIdentity) => displayRecord(child.records)?.givenName ?? null,
        familyName: (child: ChildIdentity) => displayRecord(child.records)?.familyName ?? null,
        dateOfBirth: (child: ChildIdentity) => displayRecord(child.records)?.dateOfBirth ?? null,
        sex: (child: ChildIdentity) => displayRecord(child.records)?.sex ?? null,
        nhsNumber: (child: ChildIdentity) => agreed(child, (r) => r.nhsNumber, isValidNhsNumber),
        upn: (child: ChildIdentity) => agreed(child, (r) => r.upn, isValidUpn),
        socialCarePersonIds: (child: ChildIdentity) => idsOf(child, 'social-care'),
        gpPatientIds: (child: ChildIdentity) => idsOf(child, 'gp'),
        educationPupilIds: (child: ChildIdentity) => idsOf(child, 'education'),
        adultPersonIds: (child: ChildIdentity) => idsOf(child, 'adult'),
        links: (child: ChildIdentity) =>
          child.records.map((record) => ({
            agency: agencyEnum[record.agency],
            localId: record.localId,
            method: record.linkMethod ?? 'SINGLE',
            score: record.linkScore,
          })),
        identityConflicts: async (child: ChildIdentity, _: unknown, context: object) =>
          (await loaders(context).conflicts.load(child.id)).map((conflict) => ({
            ...conflict,
            agency: agencyEnum[conflict.agency as IdentityAgency] ?? conflict.agency,
            otherAgency: conflict.otherAgency ? agencyEnum[conflict.otherAgency as IdentityAgency] : null,
          })),
      },
    },
  });
}

async function childIdsFor(db: Db, system: string, value: string): Promise<string[]> {
  if (system === 'NHS_NUMBER') {
    const nhsNumber = normaliseNhsNumber(value);
    if (!isValidNhsNumber(nhsNumber))
      throw new HubError('VALIDATION_FAILED', { safeMessage: 'That is not a valid NHS number.' });
    return childIdsByIdentifier(db, 'nhs_number', nhsNumber);
  }
  if (system === 'UPN') {
    const upn = value.trim().toUpperCase();
    if (!isValidUpn(upn))
      throw new HubError('VALIDATION_FAILED', { safeMessage: 'That is not a valid UPN.' });
    return childIdsByIdentifier(db, 'upn', upn);
  }
  const agency = systemToAgency[system];
  if (!agency) throw new HubError('BAD_REQUEST');
  const [childId] = await childIdsByRecords(db, agency, [value]);
  return childId ? [childId] : [];
}

function agencyFromEnum(value: string): IdentityAgency {
  const found = (Object.entries(agencyEnum) as Array<[IdentityAgency, string]>).find(
    ([, name]) => name === value,
  );
  if (!found) throw new HubError('BAD_REQUEST');
  return found[0];
}

function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[\w-]{1,64}$/.test(value)) throw new HubError('BAD_REQUEST', { safeMessage: 'Invalid cursor.' });
  return value;
}

/** How the gateway merges identity's Child: by hub id, and by social care person id (for lists social care returns). */
export const identityMergeConfig = {
  Child: {
    entryPoints: [
      {
        selectionSet: '{ id }',
        fieldName: '_childrenByIds',
        key: ({ id }: { id: string }) => id,
        argsFromKeys: (ids: readonly string[]) => ({ ids }),
      },
      {
        selectionSet: '{ socialCarePersonIds }',
        fieldName: '_childrenBySocialCarePersonIds',
        key: ({ socialCarePersonIds }: { socialCarePersonIds: string[] }) => socialCarePersonIds[0],
        argsFromKeys: (ids: readonly string[]) => ({ ids }),
      },
    ],
  },
};
