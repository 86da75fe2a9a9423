/**
 * The health subschema: SDL, resolvers and the merge config that joins `Child` on `gpPatientIds`.
 * `_healthChildren` loads every key's patients through the request's dataloader (one upstream search for the
 * lot) and never throws: a failure is kept on each child, thrown by the section, chronology and team fields and
 * reported by `healthSource`.
 */
import type { MergedTypeConfig } from '@graphql-tools/delegate';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { HealthChild } from './health-child.js';
import { recordsOrThrow, toHealthChild, toSourceStatus } from './health-child.js';
import { healthTypeDefs } from './health-sdl.js';
import type { HealthLoaders } from './loaders.js';
import { toChronology } from './to-chronology.js';
import { toHealthSection } from './to-health-section.js';
import { toTeam } from './to-team.js';

export interface HealthSchemaOptions {
  loadersFor: (context: unknown) => HealthLoaders;
  now: () => Date;
}

/**
 * The merge key wraps the id list in an object. batch-delegate treats an array key as a list of keys (it calls
 * `loadMany` and answers an array), so `key: (child) => child.gpPatientIds`, as the README sketches it, would
 * hand the gateway a list where it expects one Child. An object key is one key per child (de-duplicated by
 * value), and `_healthChildren` still receives one id list per child.
 */
export const healthMerge: Record<string, MergedTypeConfig> = {
  Child: {
    selectionSet: '{ gpPatientIds }',
    fieldName: '_healthChildren',
    key: (child: { gpPatientIds?: string[] | null }) => ({ gpPatientIds: child.gpPatientIds ?? [] }),
    argsFromKeys: (keys: ReadonlyArray<{ gpPatientIds: string[] }>) => ({
      keys: keys.map((key) => key.gpPatientIds),
    }),
  },
};

export function createHealthSchema(options: HealthSchemaOptions): GraphQLSchema {
  const { loadersFor, now } = options;
  return makeExecutableSchema({
    typeDefs: healthTypeDefs,
    resolvers: {
      Query: {
        _healthChildren: (
          _parent: unknown,
          { keys }: { keys: string[][] },
          context: unknown,
        ): Promise<HealthChild[]> => readHealthChildren(loadersFor(context), keys, now),
      },
      Child: {
        health: ({ outcome }: HealthChild) => {
          if (outcome.state === 'FAILED') throw outcome.error;
          return outcome.state === 'OK' ? toHealthSection(outcome.records, outcome.asOf) : null;
        },
        healthSource: (child: HealthChild) => toSourceStatus(child.outcome),
        healthChronology: (child: HealthChild) => toChronology(recordsOrThrow(child) ?? []),
        healthTeam: (child: HealthChild) => toTeam(recordsOrThrow(child) ?? []),
      },
    },
  });
}

/** One HealthChild per key (a list of patient ids), loading every id of every key in one upstream search. */
export async function readHealthChildren(
  loaders: HealthLoaders,
  keys: readonly string[][],
  now: () => Date,
): Promise<HealthChild[]> {
  const unique = [...new Set(keys.flat())];
  const loaded = unique.length === 0 ? [] : await loaders.patients.loadMany(unique);
  const byId = new Map(unique.map((id, index) => [id, loaded[index]]));
  return keys.map((ids) =>
    toHealthChild(
      ids,
      ids.map((id) => byId.get(id)),
      now,
    ),
  );
}
