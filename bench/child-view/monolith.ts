/**
 * The monolithic ceiling for the child view: one plain executable schema with the same fields as the stitched
 * gateway, whose resolvers call the same connector code directly, with no stitching and no delegation.
 *
 * What it does (the same work the stitched gateway must do):
 * - the types and fields of every connector's subschema, merged into one schema (`mergeSchemas`: SDL and each
 *   subschema's own resolvers, no proxying);
 * - `Query.child` / `Query.children` and every identity `Child` field are the identity subschema's own resolvers
 *   (identity-reads.ts through its per-request DataLoaders);
 * - each agency's `Child` fields (`health`, `healthSource`, `healthChronology`, `healthTeam`, ...) load the agency's
 *   child through a per-request DataLoader (maxBatchSize as the gateway's) whose batch function calls the agency
 *   subschema's own merge root resolver (`Query._healthChildren.resolve`) with the connector's own
 *   `merge.Child.key` / `argsFromKeys`, so a page is one root call, and one upstream request, per agency; then
 *   the subschema's own `Child` field resolver runs on the returned object. Nested section types keep the
 *   subschema's resolvers (e.g. social care's `Placement.residentialUnit` and its loader);
 * - `sources`, `chronology` and `teamAroundTheChild` use the gateway's own `sourceStatusOf` and `mergeChronology`.
 *
 * What it skips (the cost of stitching): planning the delegation and building a rewritten document per subschema
 * call (stitch caches the plan across requests only for operations without variables), executing each subschema
 * as its own GraphQL operation (not parsed or validated, but executed field by field all the same, so every field
 * is resolved twice: in the subschema and again at the gateway), batch-delegate's per-key cache and result
 * splitting, annotating and merging every returned object, and the merging resolver on every gateway field.
 * Schema-level fields without a resolver are read directly (which graphql-jit makes very cheap).
 *
 * It is served on the same stack as the stitched gateway (buildGateway, same executor per row), so HTTP, Apollo,
 * JSON and the connectors' work are common to both.
 *
 * Not equivalent outside the measured queries: `ResidentialUnit.residents` returns social care's child objects,
 * which this schema's `Child` does not understand; the monolith is for the benchmark only.
 */
import type { MergedTypeConfig } from '@graphql-tools/delegate';
import { mergeSchemas } from '@graphql-tools/schema';
import DataLoader from 'dataloader';
import {
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { AgencyContribution, Connector } from '../../connectors/connector.js';
import { mergeChronology, sourceStatusOf } from '../../gateway/stitch.js';

type Resolver = GraphQLFieldResolver<unknown, object, Record<string, unknown>>;

interface AgencyPlan {
  connector: Connector;
  agency: AgencyContribution;
  /** The identity resolver of the agency's key field (e.g. Child.gpPatientIds). */
  keyOf: Resolver;
  /** The agency subschema's merge root field (e.g. Query._healthChildren). */
  root: Resolver;
  merge: MergedTypeConfig;
  /** The agency subschema's Child fields other than its key, with their resolvers. */
  fields: Map<string, Resolver>;
}

export interface MonolithOptions {
  /** The most children in one agency call (the gateway's GATEWAY_MAX_BATCH_SIZE). */
  maxBatchSize: number;
}

export function buildMonolithSchema(
  connectors: readonly Connector[],
  options: MonolithOptions,
): GraphQLSchema {
  const identity = connectors.find((connector) => !connector.agency && childType(connector.schema));
  if (!identity) throw new Error('the monolith needs the identity connector (Child.id)');
  const identityChild = childType(identity.schema)!;
  const plans = connectors.flatMap((connector): AgencyPlan[] => {
    const agency = connector.agency;
    if (!agency) return [];
    const merge = connector.merge.Child;
    const rootName = merge?.fieldName;
    const root = rootName ? connector.schema.getQueryType()?.getFields()[rootName]?.resolve : undefined;
    const keyField = identityChild.getFields()[agency.keyField];
    if (!merge?.key || !merge.argsFromKeys || !root || !keyField) {
      throw new Error(`cannot plan agency connector ${connector.name}`);
    }
    const keyOf = keyField.resolve ?? propertyOf(agency.keyField);
    const fields = new Map<string, Resolver>();
    for (const field of Object.values(childType(connector.schema)?.getFields() ?? {})) {
      if (field.name !== agency.keyField)
        fields.set(field.name, (field.resolve ?? propertyOf(field.name)) as Resolver);
    }
    return [{ connector, agency, keyOf: keyOf as Resolver, root: root as Resolver, merge, fields }];
  });

  // Per request (keyed on the context object) and per agency: one DataLoader of that agency's children.
  type Key = { value: unknown };
  const loadersByContext = new WeakMap<object, Map<AgencyPlan, DataLoader<Key, unknown, string>>>();
  const loaderFor = (plan: AgencyPlan, context: object, info: GraphQLResolveInfo) => {
    let loaders = loadersByContext.get(context);
    if (!loaders) loadersByContext.set(context, (loaders = new Map()));
    let loader = loaders.get(plan);
    if (!loader) {
      loader = new DataLoader<Key, unknown, string>(
        async (boxes) => {
          const keys = boxes.map(({ value }) => plan.merge.key!({ [plan.agency.keyField]: value }));
          const args = plan.merge.argsFromKeys!(keys) as Record<string, unknown>;
          return (await plan.root(undefined, args, context, info)) as unknown[];
        },
        { maxBatchSize: options.maxBatchSize, cacheKeyFn: ({ value }) => cacheKeyOf(value) },
      );
      loaders.set(plan, loader);
    }
    return loader;
  };
  const agencyChild = async (plan: AgencyPlan, child: unknown, context: object, info: GraphQLResolveInfo) => {
    const key = await plan.keyOf(child, {}, context, info);
    // Stitching does not delegate a null key (the real connectors' keys are objects, never null).
    if (key === null || key === undefined) return { key, value: undefined };
    return { key, value: await loaderFor(plan, context, info).load({ value: key }) };
  };
  /** An agency field's value for this child, or the error its resolver threw (as stitching keeps it). */
  const agencyField = async (
    plan: AgencyPlan,
    field: string,
    child: unknown,
    args: Record<string, unknown>,
    context: object,
    info: GraphQLResolveInfo,
  ): Promise<unknown> => {
    const { value } = await agencyChild(plan, child, context, info);
    return value === undefined ? null : plan.fields.get(field)!(value, args, context, info);
  };
  const settled = (promise: Promise<unknown>) => promise.catch((error: unknown) => error);

  // Identity's Child fields (keys included) are identity's, whatever an agency's SDL also declares.
  const childResolvers: Record<string, Resolver> = {};
  for (const field of Object.values(identityChild.getFields())) {
    childResolvers[field.name] = (field.resolve as Resolver | undefined) ?? propertyOf(field.name);
  }
  for (const plan of plans) {
    for (const field of plan.fields.keys()) {
      childResolvers[field] = (child, args, context, info) =>
        agencyField(plan, field, child, args, context, info);
    }
  }
  childResolvers.sources = (child, _args, context, info) =>
    Promise.all(
      plans.map(async (plan) => {
        const { key, value } = await agencyChild(plan, child, context, info);
        const source =
          value === undefined
            ? undefined
            : await settled(
                Promise.resolve(plan.fields.get(plan.agency.sourceField)!(value, {}, context, info)),
              );
        return sourceStatusOf(
          { [plan.agency.keyField]: key, [plan.agency.sourceField]: source },
          plan.agency,
        );
      }),
    );
  childResolvers.chronology = async (child, args, context, info) =>
    mergeChronology(
      await Promise.all(
        plans.map((plan) =>
          settled(agencyField(plan, plan.agency.chronologyField, child, {}, context, info)),
        ),
      ),
      args,
    );
  childResolvers.teamAroundTheChild = async (child, _args, context, info) =>
    (
      await Promise.all(
        plans.map((plan) => settled(agencyField(plan, plan.agency.teamField, child, {}, context, info))),
      )
    ).flatMap((team) => (Array.isArray(team) ? (team as unknown[]) : []));

  return mergeSchemas({
    schemas: connectors.map((connector) => connector.schema),
    typeDefs: /* GraphQL */ `
      extend type Child {
        sources: [SourceStatus!]!
        chronology(agencies: [Agency!], kinds: [String!], from: DateTime, to: DateTime): [ChronologyEvent!]!
        teamAroundTheChild: [Practitioner!]!
      }
    `,
    resolvers: { Child: childResolvers },
  });
}

/** A field without a resolver, read by its own name (the resolver runs under another field's info). */
function propertyOf(name: string): Resolver {
  return (parent) => (parent as Record<string, unknown> | null)?.[name];
}

/** A string per merge key value: an agency's id list (the real connectors) or a single identifier. */
function cacheKeyOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join('\u0000');
  return JSON.stringify(value) ?? 'null';
}

function childType(schema: GraphQLSchema): GraphQLObjectType | undefined {
  const type = schema.getType('Child');
  return isObjectType(type) ? type : undefined;
}
