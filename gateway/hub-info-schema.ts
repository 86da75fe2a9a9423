/**
 * The hub's own small subschema: what this deployment is. Agency and identity subschemas are stitched beside it.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';

export interface HubInfo {
  name: string;
  version: string;
  environment: string;
}

export function createHubInfoSchema(info: HubInfo): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: /* GraphQL */ `
      "What this hub deployment is."
      type HubInfo {
        name: String!
        version: String!
        environment: String!
      }
      type Query {
        hub: HubInfo!
      }
    `,
    resolvers: { Query: { hub: () => info } },
  });
}
