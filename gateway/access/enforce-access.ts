/**
 * Access control over the stitched schema, at the gateway, whatever the agencies answer:
 *
 * - every field that returns a `Child` admits each child through the request's AccessSession (relationship,
 *   panel list or grant); a child the caller may not see is never returned (`Query.child` is decided from its
 *   argument, before any agency is asked);
 * - every field tagged `@category(name: X)` is released only if the caller's role sees X for that child — and a
 *   sealed child's ADDRESS, PLACEMENT and GP_DETAILS only with SEAL_OVERRIDE. A field deep inside a child finds
 *   its child through the response path, so lists and nested records are covered by the same rule;
 * - chronology events and practitioners carry their own category and are filtered item by item;
 * - `Child.sources` reports FORBIDDEN for an agency none of whose categories the caller may see;
 * - root fields that are not reads of a child demand their activity (deciding identity matches, handoffs).
 *
 * Withheld fields resolve to an error with code FORBIDDEN (null in the data), so a client can tell "not allowed"
 * from "nothing recorded"; categorised fields are nullable in the gateway schema for that reason.
 */
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  type GraphQLFieldConfig,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { HubError } from '../../platform/errors.js';
import type { Activity, DataCategory } from '../auth/vocabulary.js';
import type { AccessSession, WithheldReason } from './access-session.js';
import type { GatewayContext } from './gateway-context.js';

export interface AccessControlOptions {
  /** Per agency (the SourceStatus `agency` value): the data categories its fields carry. */
  agencyCategories: ReadonlyMap<string, ReadonlySet<DataCategory>>;
  /** Root fields (`Query.x`, `Mutation.y`) that need an activity beyond seeing the child. */
  rootActivities?: Readonly<Record<string, Activity>>;
}

/** Root fields that act on identity or agencies rather than read a child. */
export const defaultRootActivities: Readonly<Record<string, Activity>> = {
  'Query.matchReviews': 'DECIDE_IDENTITY_MATCH',
  'Mutation.confirmMatch': 'DECIDE_IDENTITY_MATCH',
  'Mutation.rejectMatch': 'DECIDE_IDENTITY_MATCH',
  'Mutation.splitLink': 'DECIDE_IDENTITY_MATCH',
  'Mutation.submitHandoff': 'REQUEST_HANDOFF',
  'Mutation.requestTransitionHandoff': 'REQUEST_HANDOFF',
  'Mutation.acknowledgeFinding': 'ACKNOWLEDGE_FINDING',
  'Mutation.resolveFinding': 'ACKNOWLEDGE_FINDING',
};

/** A practitioner reveals which service works with the child: the category of that service's data. */
const practitionerCategory: Readonly<Record<string, DataCategory>> = {
  SOCIAL_CARE: 'SOCIAL_CARE',
  HEALTH: 'GP_DETAILS',
  EDUCATION: 'EDUCATION',
  ADULT_SERVICES: 'ADULT_SERVICES',
};

type Resolver = GraphQLFieldResolver<unknown, GatewayContext, Record<string, unknown>>;

export function withAccessControl(schema: GraphQLSchema, options: AccessControlOptions): GraphQLSchema {
  const rootActivities = { ...defaultRootActivities, ...options.rootActivities };
  const rootTypes = new Set(
    [schema.getQueryType(), schema.getMutationType()].flatMap((type) => (type ? [type.name] : [])),
  );
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      const coordinate = `${typeName}.${fieldName}`;
      let resolve: Resolver = (fieldConfig.resolve as Resolver | undefined) ?? defaultFieldResolver;
      const returned = getNamedType(fieldConfig.type).name;
      const category = getDirective(schema, fieldConfig, 'category')?.[0]?.['name'] as
        DataCategory | undefined;

      // An item whose own category was not selected falls under the list field's category; with neither, it is
      // dropped (never released unclassified).
      if (returned === 'ChronologyEvent')
        resolve = filterItems(resolve, (event) => event['category'] ?? category);
      if (returned === 'Practitioner')
        resolve = filterItems(
          resolve,
          (person) => practitionerCategory[String(person['agency'])] ?? category,
        );
      if (coordinate === 'Child.sources') resolve = forbidSources(resolve, options.agencyCategories);
      if (category !== undefined) resolve = releaseCategory(resolve, category, coordinate);
      if (typeName === 'Child') resolve = bindChild(resolve);
      if (returned === 'Child') resolve = admitChildren(resolve, fieldConfig.type, coordinate);
      if (rootTypes.has(typeName) && returned === 'Child' && fieldConfig.args?.['id'])
        resolve = admitArgumentFirst(resolve, coordinate);
      const activity = rootActivities[coordinate];
      if (rootTypes.has(typeName) && activity !== undefined) resolve = requireActivity(resolve, activity);
      // A withheld field is null with a FORBIDDEN error; were it non-null, the null would wipe out its parent
      // (a whole health record lost for one sexual health list), so categorised fields are nullable here.
      const type = category === undefined ? fieldConfig.type : getNullableType(fieldConfig.type);
      return resolve === fieldConfig.resolve && type === fieldConfig.type
        ? fieldConfig
        : ({ ...fieldConfig, type, resolve } as GraphQLFieldConfig<unknown, unknown>);
    },
  });
}

function forbidden(reason: WithheldReason | 'NO_RELATIONSHIP' | 'ACTIVITY_REQUIRED'): HubError {
  return new HubError('FORBIDDEN', {
    safeMessage:
      reason === 'SEALED'
        ? 'This record is sealed.'
        : reason === 'NO_RELATIONSHIP'
          ? 'You have no recorded relationship with this child.'
          : 'You are not allowed to see this.',
    details: { reason },
  });
}

/** The id of the child whose data this field is, from the response path (nearest enclosing Child). */
function childOf(session: AccessSession, info: GraphQLResolveInfo): string | undefined {
  for (let path: GraphQLResolveInfo['path'] | undefined = info.path; path; path = path.prev) {
    if (path.typename === 'Child' && path.prev) return session.childAtPath(path.prev);
  }
  return undefined;
}

function bindChild(resolve: Resolver): Resolver {
  return (source, args, context, info) => {
    const id = (source as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !context.access.decisionOf(id)?.allowed || !info.path.prev)
      throw forbidden('NO_RELATIONSHIP');
    context.access.bindChildPath(info.path.prev, id);
    return resolve(source, args, context, info);
  };
}

function releaseCategory(resolve: Resolver, category: DataCategory, coordinate: string): Resolver {
  return (source, args, context, info) => {
    const childId = childOf(context.access, info);
    if (childId === undefined) {
      // Not inside a child (e.g. an identity link in a match review): the role alone decides.
      if (!context.access.caller.categories.has(category)) throw forbidden('CATEGORY_NOT_PERMITTED');
      return resolve(source, args, context, info);
    }
    const withheld = context.access.withholding(childId, category);
    if (withheld !== null) {
      context.access.noteWithheld(childId, withheld);
      throw forbidden(withheld);
    }
    context.access.noteReleased(childId, category, coordinate);
    return resolve(source, args, context, info);
  };
}

function filterItems(resolve: Resolver, categoryOf: (item: Record<string, unknown>) => unknown): Resolver {
  return async (source, args, context, info) => {
    const items: unknown = await resolve(source, args, context, info);
    if (!Array.isArray(items)) return items;
    const childId = childOf(context.access, info);
    return items.filter((item: unknown) => {
      if (item === null || typeof item !== 'object' || item instanceof Error) return true;
      const category = categoryOf(item as Record<string, unknown>) as DataCategory | undefined;
      if (category === undefined) return false;
      if (childId === undefined) return context.access.caller.categories.has(category);
      const withheld = context.access.withholding(childId, category);
      if (withheld !== null) {
        context.access.noteWithheld(childId, withheld);
        return false;
      }
      context.access.noteReleased(childId, category, `${info.parentType.name}.${info.fieldName}`);
      return true;
    });
  };
}

function forbidSources(
  resolve: Resolver,
  agencyCategories: ReadonlyMap<string, ReadonlySet<DataCategory>>,
): Resolver {
  return async (source, args, context, info) => {
    const statuses: unknown = await resolve(source, args, context, info);
    if (!Array.isArray(statuses)) return statuses;
    const caller = context.access.caller;
    return statuses.map((status: { agency?: string; state?: string }) => {
      const categories = agencyCategories.get(status.agency ?? '');
      const sees =
        categories !== undefined && [...categories].some((category) => caller.categories.has(category));
      return sees ? status : { ...status, state: 'FORBIDDEN', reason: 'CATEGORY_NOT_PERMITTED' };
    });
  };
}

function admitChildren(resolve: Resolver, type: GraphQLOutputType, coordinate: string): Resolver {
  const listed = isListType(getNullableType(type));
  const itemsNullable =
    listed && !isNonNullType((getNullableType(type) as { ofType: GraphQLOutputType }).ofType);
  return async (source, args, context, info) => {
    const value: unknown = await resolve(source, args, context, info);
    if (value === null || value === undefined || value instanceof Error) return value;
    if (!listed) {
      if (!(await admitOne(context.access, value, coordinate))) throw forbidden('NO_RELATIONSHIP');
      return value;
    }
    // Stitching hands back each merged item as its own promise; a failed item stays that item's error.
    const items = await Promise.all(
      (value as unknown[]).map((item) =>
        Promise.resolve(item).then(
          (resolved: unknown) => resolved,
          (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
        ),
      ),
    );
    const admitted = await Promise.all(items.map((item) => admitOne(context.access, item, coordinate)));
    if (!itemsNullable && admitted.includes(false)) throw forbidden('NO_RELATIONSHIP');
    return items.map((item, index) => (admitted[index] ? item : null));
  };
}

async function admitOne(session: AccessSession, child: unknown, coordinate: string): Promise<boolean> {
  if (child === null || child === undefined || child instanceof Error) return true;
  const id = (child as { id?: unknown }).id;
  if (typeof id !== 'string') return false;
  return (await session.admit(id, coordinate)).allowed;
}

/** `child(id)`: decided from the argument, before any agency is asked for the child's data. */
function admitArgumentFirst(resolve: Resolver, coordinate: string): Resolver {
  return async (source, args, context, info) => {
    const id = args['id'];
    if (typeof id !== 'string' || !(await context.access.admit(id, coordinate)).allowed)
      throw forbidden('NO_RELATIONSHIP');
    return resolve(source, args, context, info);
  };
}

function requireActivity(resolve: Resolver, activity: Activity): Resolver {
  return (source, args, context, info) => {
    if (!context.access.caller.activities.has(activity)) {
      context.access.noteRefused(`ACTIVITY_REQUIRED:${activity}`);
      throw forbidden('ACTIVITY_REQUIRED');
    }
    return resolve(source, args, context, info);
  };
}
