/**
 * Removes the merge-only root fields (`_childrenByIds`, `_socialCareChildren`...) from the public gateway schema.
 * Stitching still calls them on the subschemas; a client cannot, so nobody can fetch agency records by guessing
 * agency-local ids.
 */
import { filterSchema, pruneSchema } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';

export function withoutInternalRootFields(schema: GraphQLSchema): GraphQLSchema {
  const rootTypes = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      type ? [type.name] : [],
    ),
  );
  return pruneSchema(
    filterSchema({
      schema,
      rootFieldFilter: (typeName, fieldName) => !(rootTypes.has(typeName) && fieldName.startsWith('_')),
    }),
  );
}
