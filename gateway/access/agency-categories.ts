/**
 * The data categories each agency's subschema declares on its fields (`@category`), so `Child.sources` can say
 * FORBIDDEN for an agency whose data the caller may not see at all.
 */
import { getDirective } from '@graphql-tools/utils';
import { isObjectType, type GraphQLSchema } from 'graphql';
import type { DataCategory } from '../auth/vocabulary.js';

export function categoriesDeclaredIn(schema: GraphQLSchema): Set<DataCategory> {
  const categories = new Set<DataCategory>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const name = getDirective(schema, field, 'category')?.[0]?.['name'];
      if (typeof name === 'string') categories.add(name as DataCategory);
    }
  }
  return categories;
}
