/**
 * Tools for proving what a response released: a selection of every field of a type (so a test asks for every
 * category at once), and a walk over a response that gives each leaf value with the data category it falls under
 * (the nearest `@category` on its path; a chronology event's own category; a practitioner's service).
 */
import { getDirective } from '@graphql-tools/utils';
import {
  getNamedType,
  isLeafType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** `{ a b { c } ... }` selecting every field of `typeName` reachable without required arguments. */
export function fullSelection(schema: GraphQLSchema, typeName: string, maxDepth = 6): string {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return selectionOf(type, maxDepth, [typeName]);
}

function selectionOf(type: GraphQLObjectType, depth: number, seen: string[]): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((arg) => arg.type.toString().endsWith('!') && arg.defaultValue === undefined))
      continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth > 1 && !seen.includes(named.name)) {
      const inner = selectionOf(named, depth - 1, [...seen, named.name]);
      if (inner !== '{ }') parts.push(`${field.name} ${inner}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

export interface CategorisedLeaf {
  path: string;
  value: string;
  /** The category the value falls under; undefined for uncategorised fields (ids, key lists, source status). */
  category: string | undefined;
}

const practitionerCategory: Record<string, string> = {
  SOCIAL_CARE: 'SOCIAL_CARE',
  HEALTH: 'GP_DETAILS',
  EDUCATION: 'EDUCATION',
  ADULT_SERVICES: 'ADULT_SERVICES',
};

/** Every non-null leaf of `value` (an object of type `typeName`), with its category. */
export function categorisedLeaves(
  schema: GraphQLSchema,
  typeName: string,
  value: unknown,
): CategorisedLeaf[] {
  const leaves: CategorisedLeaf[] = [];
  const walk = (
    type: GraphQLObjectType,
    object: Record<string, unknown>,
    path: string,
    inherited?: string,
  ) => {
    let own = inherited;
    if (type.name === 'ChronologyEvent' && typeof object['category'] === 'string') own = object['category'];
    if (type.name === 'Practitioner' && typeof object['agency'] === 'string')
      own = practitionerCategory[object['agency']] ?? own;
    for (const [key, fieldValue] of Object.entries(object)) {
      const field: GraphQLField<unknown, unknown> | undefined = type.getFields()[key];
      if (!field || fieldValue === null || fieldValue === undefined) continue;
      const category = (getDirective(schema, field, 'category')?.[0]?.['name'] as string | undefined) ?? own;
      const named = getNamedType(field.type);
      const items = Array.isArray(fieldValue) ? fieldValue : [fieldValue];
      items.forEach((item, index) => {
        const itemPath = Array.isArray(fieldValue) ? `${path}.${key}[${index}]` : `${path}.${key}`;
        if (item === null) return;
        if (isObjectType(named)) walk(named, item as Record<string, unknown>, itemPath, category);
        else leaves.push({ path: itemPath, value: String(item), category });
      });
    }
  };
  const type = schema.getType(typeName);
  if (!isObjectType(type) || value === null || typeof value !== 'object') return leaves;
  walk(type, value as Record<string, unknown>, typeName);
  return leaves;
}
