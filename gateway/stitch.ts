/**
 * Stitches the connectors' subschemas into the gateway schema, and adds the cross-agency fields that belong to
 * no single agency: `Child.sources`, `Child.chronology` and `Child.teamAroundTheChild`. These are built from each
 * connector's declared contribution, so a new connector needs no change here.
 */
import { delegateToSchema, type SubschemaConfig } from '@graphql-tools/delegate';
import { stitchSchemas } from '@graphql-tools/stitch';
import type { Executor, IResolvers } from '@graphql-tools/utils';
import type { GraphQLResolveInfo, GraphQLSchema, OperationTypeNode } from 'graphql';
import type { AgencyContribution, Connector } from '../connectors/connector.js';
import { categoriesDeclaredIn } from './access/agency-categories.js';
import { withAccessControl } from './access/enforce-access.js';
import type { GatewayContext } from './access/gateway-context.js';
import { withoutInternalRootFields } from './access/internal-root-fields.js';
import { scopeChildListing } from './access/scoped-listing.js';

export interface StitchOptions {
  /** Connectors reached over HTTP instead of in-process, by name. */
  remoteExecutors?: ReadonlyMap<string, Executor>;
  /** The most keys one merged call to a subschema may carry (bounds a page of children per agency call). */
  maxBatchSize?: number;
}

interface SourceStatusValue {
  agency: string;
  state: string;
  asOf: string | null;
  reason: string | null;
}

interface ChronologyEventValue {
  at: string;
  agency: string;
  kind: string;
}

interface ChronologyArgs {
  agencies?: string[] | null;
  kinds?: string[] | null;
  from?: string | null;
  to?: string | null;
}

export function stitchGateway(connectors: readonly Connector[], options: StitchOptions = {}): GraphQLSchema {
  const maxBatchSize = options.maxBatchSize ?? 100;
  const subschemas: SubschemaConfig[] = connectors.map((connector) => ({
    name: connector.name,
    schema: connector.schema,
    merge: withChildId(withBatchLimit(connector.merge, maxBatchSize)),
    ...(options.remoteExecutors?.has(connector.name)
      ? { executor: options.remoteExecutors.get(connector.name) }
      : {}),
  }));
  const agencies = connectors.flatMap((connector) => (connector.agency ? [connector.agency] : []));

  const stitched = stitchSchemas({
    subschemas,
    mergeDirectives: true,
    typeDefs: /* GraphQL */ `
      extend type Child {
        "Per agency: whether its part of this answer could be read, and as of when."
        sources: [SourceStatus!]!
        "Events from every agency the caller may see, oldest first."
        chronology(agencies: [Agency!], kinds: [String!], from: DateTime, to: DateTime): [ChronologyEvent!]!
        "Every practitioner around the child, across agencies."
        teamAroundTheChild: [Practitioner!]!
      }
    `,
    resolvers: {
      ...scopedChildListing(subschemas),
      Child: {
        sources: {
          selectionSet: selection(
            agencies.flatMap((agency) => [
              agency.keyField,
              `${agency.sourceField} { agency state asOf reason }`,
            ]),
          ),
          resolve: (child: Record<string, unknown>) =>
            agencies.map((agency) => sourceStatusOf(child, agency)),
        },
        chronology: {
          selectionSet: selection(
            agencies.map(
              (agency) => `${agency.chronologyField} { at agency kind summary recordId category }`,
            ),
          ),
          resolve: (child: Record<string, unknown>, args: ChronologyArgs) =>
            mergeChronology(
              agencies.map((agency) => child[agency.chronologyField]),
              args,
            ),
        },
        teamAroundTheChild: {
          selectionSet: selection(
            agencies.map(
              (agency) => `${agency.teamField} { agency name role organisation email phone since }`,
            ),
          ),
          resolve: (child: Record<string, unknown>) =>
            agencies.flatMap((agency) =>
              Array.isArray(child[agency.teamField]) ? (child[agency.teamField] as unknown[]) : [],
            ),
        },
      },
    },
  });
  return protect(stitched, connectors);
}

/**
 * The stitched child view under the gateway's access control (gateway/access/): there is no way to build the
 * gateway schema without it. The merge-only root fields (`_childrenByIds`...) are not part of the public API.
 */
function protect(stitched: GraphQLSchema, connectors: readonly Connector[]): GraphQLSchema {
  const agencyCategories = new Map(
    connectors.flatMap((connector) =>
      connector.agency ? [[connector.agency.agency, categoriesDeclaredIn(connector.schema)] as const] : [],
    ),
  );
  return withAccessControl(withoutInternalRootFields(stitched), { agencyCategories });
}

/**
 * Every merge of a Child also fetches its hub id, so the gateway knows whose data each field is whichever
 * agency the query starts from or reaches (access control decides per child).
 */
function withChildId(merge: Connector['merge']): Connector['merge'] {
  const child = merge['Child'];
  // The identity subschema owns `id` (its entry points are keyed on it or lead to it): left as it is.
  if (!child || child.entryPoints) return merge;
  const selectionSet = child.selectionSet;
  if (selectionSet === undefined || /[{\s]id[\s}]/.test(selectionSet)) return merge;
  return { ...merge, Child: { ...child, selectionSet: selectionSet.replace('{', '{ id') } };
}

/**
 * The identity subschema's `children` listing, delegated with the caller's reachable children as its `ids` filter
 * (when the subschema's listing takes a filter: the test doubles' listings do not).
 */
function scopedChildListing(subschemas: readonly SubschemaConfig[]): IResolvers {
  const identity = subschemas.find((subschema) => subschema.name === 'identity');
  const listing = identity?.schema.getQueryType()?.getFields()['children'];
  if (!identity || !listing?.args.some((arg) => arg.name === 'filter')) return {};

  return {
    Query: {
      children: {
        resolve: async (
          _root: unknown,
          args: Record<string, unknown>,
          context: Record<string, unknown>,
          info: GraphQLResolveInfo,
        ) =>
          delegateToSchema({
            schema: identity,
            operation: 'query' as OperationTypeNode,
            fieldName: 'children',
            args: await scopeChildListing(args, context as unknown as GatewayContext),
            context,
            info,
          }),
      },
    },
  };
}

/** A stitching selection set; `{ __typename }` when no agency contributes (an empty one does not parse). */
function selection(fields: string[]): string {
  return `{ ${fields.length > 0 ? fields.join(' ') : '__typename'} }`;
}

function withBatchLimit(merge: Connector['merge'], maxBatchSize: number): Connector['merge'] {
  return Object.fromEntries(
    Object.entries(merge).map(([typeName, config]) => [
      typeName,
      config.argsFromKeys
        ? { ...config, dataLoaderOptions: { maxBatchSize, ...config.dataLoaderOptions } }
        : config,
    ]),
  );
}

/**
 * An agency's status for one child. The connector reports it; when the connector itself could not be reached
 * (its field is missing), the child is NOT_LINKED if it has no key for that agency and UNAVAILABLE otherwise.
 */
export function sourceStatusOf(
  child: Record<string, unknown>,
  agency: AgencyContribution,
): SourceStatusValue {
  const reported = child[agency.sourceField];
  if (isSourceStatus(reported)) return reported;
  const key = child[agency.keyField];
  const linked = Array.isArray(key) ? key.length > 0 : key !== null && key !== undefined && key !== '';
  return {
    agency: agency.agency,
    state: linked ? 'UNAVAILABLE' : 'NOT_LINKED',
    asOf: null,
    reason: linked ? 'CONNECTOR_UNREACHABLE' : null,
  };
}

function isSourceStatus(value: unknown): value is SourceStatusValue {
  return typeof value === 'object' && value !== null && !(value instanceof Error) && 'state' in value;
}

export function mergeChronology(perAgency: unknown[], args: ChronologyArgs): ChronologyEventValue[] {
  const events = perAgency.flatMap((events) =>
    Array.isArray(events) ? (events as ChronologyEventValue[]) : [],
  );
  const from = args.from ? Date.parse(args.from) : Number.NEGATIVE_INFINITY;
  const to = args.to ? Date.parse(args.to) : Number.POSITIVE_INFINITY;
  // Each instant is parsed once, not once per comparison.
  return events
    .filter((event) => !args.agencies || args.agencies.includes(event.agency))
    .filter((event) => !args.kinds || args.kinds.includes(event.kind))
    .map((event) => ({ event, at: Date.parse(event.at) }))
    .filter(({ at }) => at >= from && at <= to)
    .sort(
      (a, b) =>
        a.at - b.at ||
        a.event.agency.localeCompare(b.event.agency) ||
        a.event.kind.localeCompare(b.event.kind),
    )
    .map(({ event }) => event);
}
