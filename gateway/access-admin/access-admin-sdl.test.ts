import { makeExecutableSchema } from '@graphql-tools/schema';
import { stitchSchemas } from '@graphql-tools/stitch';
import { isIntrospectionType, isSpecifiedScalarType, printType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { adultServicesTypeDefs } from '../../connectors/adult-services/schema.js';
import { educationTypeDefs } from '../../connectors/education/schema.js';
import { healthTypeDefs } from '../../connectors/health/health-sdl.js';
import { identityTypeDefs } from '../../connectors/identity/schema.js';
import { socialCareTypeDefs } from '../../connectors/social-care/social-care-sdl.js';
import { createHubInfoSchema } from '../hub-info-schema.js';
import { accessAdminTypeDefs } from './access-admin-sdl.js';

// The stitched gateway merges root fields and types by name: a clash would silently pick one subschema's.
const others: Record<string, GraphQLSchema> = {
  identity: makeExecutableSchema({ typeDefs: identityTypeDefs }),
  socialCare: makeExecutableSchema({ typeDefs: socialCareTypeDefs }),
  health: makeExecutableSchema({ typeDefs: healthTypeDefs }),
  education: makeExecutableSchema({ typeDefs: educationTypeDefs }),
  adultServices: makeExecutableSchema({ typeDefs: adultServicesTypeDefs }),
  hubInfo: createHubInfoSchema({ name: 'hub', version: '0', environment: 'test' }),
};
const ours = makeExecutableSchema({ typeDefs: accessAdminTypeDefs });

const rootFields = (schema: GraphQLSchema) => [
  ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
  ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `mutation ${name}`),
];

describe('the access-admin SDL beside the other subschemas', () => {
  it('uses no Query or Mutation field name another subschema uses', () => {
    const mine = new Set(rootFields(ours));
    for (const [name, schema] of Object.entries(others))
      expect({ name, clashes: rootFields(schema).filter((field) => mine.has(field)) }).toEqual({
        name,
        clashes: [],
      });
  });

  it('defines every type it shares with another subschema exactly as that subschema does', () => {
    const shared: string[] = [];
    for (const type of Object.values(ours.getTypeMap())) {
      if (
        isIntrospectionType(type) ||
        isSpecifiedScalarType(type) ||
        ['Query', 'Mutation'].includes(type.name)
      )
        continue;
      for (const schema of Object.values(others)) {
        const theirs = schema.getType(type.name);
        if (theirs === undefined) continue;
        shared.push(type.name);
        expect(printType(type)).toBe(printType(theirs));
      }
    }
    expect(shared).toEqual(expect.arrayContaining(['PageInfo', 'DateTime', 'DataCategory']));
  });

  it('stitches beside the other subschemas with its fields intact', () => {
    const gateway = stitchSchemas({
      subschemas: [...Object.values(others), ours].map((schema) => ({ schema })),
    });
    const fields = new Set(rootFields(gateway));
    for (const field of rootFields(ours)) expect(fields.has(field)).toBe(true);
    expect(fields.has('child') && fields.has('hub')).toBe(true);
  });
});
