/**
 * The connector contract. A connector is the only code that knows an agency's wire format: it reads the agency's
 * system, validates every payload with zod, maps it to GraphQL types, and exposes a subschema that merges `Child`
 * on the agency's own key. The gateway discovers connectors through `registry.ts` and never changes for a new one.
 */
import type { MergedTypeConfig } from '@graphql-tools/delegate';
import type { GraphQLSchema } from 'graphql';
import type { ConfigSection } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import type { Redis } from '../platform/redis.js';

export type AgencyCode = 'SOCIAL_CARE' | 'HEALTH' | 'EDUCATION' | 'ADULT_SERVICES';

/** What every connector may use; nothing else is shared between connectors. */
export interface ConnectorDeps {
  logger: Logger;
  /** For caching where the connector's ADR allows it; keys must come from `cacheKey`. */
  redis: Redis;
  cacheKey: (...parts: string[]) => string;
  now: () => Date;
}

/**
 * Which `Child` fields this connector contributes to the gateway's cross-agency fields (`sources`,
 * `chronology`, `teamAroundTheChild`). Field names are the connector's own; the gateway reads them generically.
 */
export interface AgencyContribution {
  agency: AgencyCode;
  /** The identity field(s) holding this agency's key for a child, e.g. 'nhsNumber' or 'socialCarePersonIds'. */
  keyField: string;
  sourceField: string;
  chronologyField: string;
  teamField: string;
}

export interface Connector {
  /** Folder name, e.g. 'health'. */
  name: string;
  /** The executable subschema; served in-process, or on its own by `serve-connector.ts`. */
  schema: GraphQLSchema;
  /** How the gateway merges this subschema's types (the connector owns its merge rules). */
  merge: Record<string, MergedTypeConfig>;
  /** Absent for the hub's own subschemas (identity). */
  agency?: AgencyContribution;
  /** Answers when the agency's system answers (for /readyz). */
  ping(): Promise<void>;
  /** Drops cached data for the given agency-local ids (called when the agency's webhook says they changed). */
  invalidate?(localIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectorModule<Config> {
  name: string;
  /** The connector's configuration, parsed with the rest of the hub's at start-up. */
  configSection: ConfigSection<Config>;
  create(config: Config, deps: ConnectorDeps): Promise<Connector>;
}

/** Identity for a connector module, so its Config type is inferred and checked in one place. */
export function defineConnector<Config>(module: ConnectorModule<Config>): ConnectorModule<Config> {
  return module;
}
