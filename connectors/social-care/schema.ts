/**
 * The social care subschema: resolvers and merge config for the SDL in social-care-sdl.ts. A page of children is
 * read in one batch (one statement per SSD table) and mapped once per child; field resolvers hand out what the
 * mapping built.
 */
import type { MergedTypeConfig } from '@graphql-tools/delegate';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { HubError, isHubError } from '../../platform/errors.js';
import type { ChildRecord } from './child-record.js';
import { compare } from './lists.js';
import { requestLoaders, type SocialCareLoaders } from './loaders.js';
import type { ResidentialUnitRow } from './payload-schemas.js';
import { socialCareAgency, type SocialCareClient } from './social-care-client.js';
import { SocialCareChild } from './social-care-child.js';
import type { PlacementValue } from './social-care-section.js';
import { socialCareTypeDefs } from './social-care-sdl.js';
import { ssd, columnsOf } from './ssd-tables.js';

/** The merge key wraps the id list in an object: a bare array would be split into one key per id by the merge. */
interface SocialCareMergeKey {
  personIds: readonly string[];
}

export const socialCareMerge: Record<string, MergedTypeConfig> = {
  Child: {
    selectionSet: '{ socialCarePersonIds }',
    fieldName: '_socialCareChildren',
    key: (child: { socialCarePersonIds: readonly string[] }): SocialCareMergeKey => ({
      personIds: child.socialCarePersonIds,
    }),
    argsFromKeys: (keys: readonly SocialCareMergeKey[]) => ({ keys: keys.map((key) => key.personIds) }),
  },
};

export interface SocialCareSchemaOptions {
  client: SocialCareClient;
  now: () => Date;
}

interface ResidentialUnitValue {
  id: string;
  urn: string | null;
  name: string | null;
  provider: string | null;
  postcode: string | null;
  capacity: number | null;
}

const allUnitsSql = `SELECT ${columnsOf(ssd.residentialUnits)} FROM ${ssd.residentialUnits.name} ORDER BY resu_unit_id`;

export function createSocialCareSchema({ client, now }: SocialCareSchemaOptions): GraphQLSchema {
  const loadersFor = requestLoaders(client);

  const children = (keys: readonly (readonly string[])[], context: unknown) =>
    readSocialCareChildren(loadersFor(context), keys, now);

  async function residents(unit: ResidentialUnitValue, at: string | null | undefined, context: unknown) {
    const when = at ?? now().toISOString();
    const rows = await loadersFor(context).residents.load(unit.id);
    const personIds = [
      ...new Set(
        rows
          .filter(
            (row) =>
              compare(row.resr_start_date, when) <= 0 &&
              (row.resr_end_date === null || compare(row.resr_end_date, when) >= 0),
          )
          .sort((a, b) => compare(a.resr_start_date, b.resr_start_date))
          .map((row) => row.resr_person_id),
      ),
    ];
    return children(
      personIds.map((id) => [id]),
      context,
    );
  }

  return makeExecutableSchema({
    typeDefs: socialCareTypeDefs,
    resolvers: {
      Query: {
        _socialCareChildren: (_root: unknown, args: { keys: string[][] }, context: unknown) =>
          children(args.keys, context),
        residentialUnit: async (_root: unknown, args: { id: string }, context: unknown) => {
          const row = await loadersFor(context).units.load(args.id);
          return row ? toResidentialUnit(row) : null;
        },
        residentialUnits: async () =>
          (await client.rows(ssd.residentialUnits, allUnitsSql, [])).map(toResidentialUnit),
      },
      Child: {
        socialCare: (child: SocialCareChild) => child.section(),
        socialCareSource: (child: SocialCareChild) => child.source(),
        socialCareChronology: (child: SocialCareChild) => child.chronology(),
        socialCareTeam: (child: SocialCareChild) => child.team(),
      },
      Placement: {
        residentialUnit: async (placement: PlacementValue, _args: unknown, context: unknown) => {
          if (placement.residentialUnitId === null) return null;
          const row = await loadersFor(context).units.load(placement.residentialUnitId);
          return row ? toResidentialUnit(row) : null;
        },
      },
      ResidentialUnit: {
        residents: (unit: ResidentialUnitValue, args: { at?: string | null }, context: unknown) =>
          residents(unit, args.at, context),
      },
    },
  });
}

/** One SocialCareChild per key (a list of person ids), reading every id of every key in one batch. */
export async function readSocialCareChildren(
  loaders: SocialCareLoaders,
  keys: readonly (readonly string[])[],
  now: () => Date,
): Promise<SocialCareChild[]> {
  const wanted = [...new Set(keys.flat())];
  if (wanted.length === 0) return keys.map((ids) => new SocialCareChild(ids, { kind: 'NOT_LINKED' }));
  const results = await loaders.records.loadMany(wanted);
  const at = now().toISOString();
  const byId = new Map<string, ChildRecord | null | Error>();
  wanted.forEach((id, index) => byId.set(id, results[index] ?? null));
  return keys.map((ids) => childFrom(ids, byId, at));
}

function toResidentialUnit(row: ResidentialUnitRow): ResidentialUnitValue {
  return {
    id: row.resu_unit_id,
    urn: row.resu_urn,
    name: row.resu_name,
    provider: row.resu_provider,
    postcode: row.resu_postcode,
    capacity: row.resu_capacity,
  };
}

function childFrom(
  ids: readonly string[],
  byId: ReadonlyMap<string, ChildRecord | null | Error>,
  at: string,
): SocialCareChild {
  if (ids.length === 0) return new SocialCareChild(ids, { kind: 'NOT_LINKED' });
  const records: ChildRecord[] = [];
  for (const id of new Set(ids)) {
    const result = byId.get(id);
    if (result instanceof Error)
      return new SocialCareChild(ids, { kind: 'FAILED', error: asAgencyError(result), at });
    if (result) records.push(result);
  }
  return new SocialCareChild(ids, { kind: 'READ', records, at });
}

/** The client only throws HubErrors; anything else is a bug here, reported without its message. */
function asAgencyError(error: Error): HubError {
  return isHubError(error)
    ? error
    : new HubError('INTERNAL', {
        details: { agency: socialCareAgency, reason: 'CONNECTOR_FAILED' },
        cause: error,
      });
}
