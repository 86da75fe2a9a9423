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
import type { Db } from '../store/db.js';

export type AgencyCode = 'SOCIAL_CARE' | 'HEALTH' | 'EDUCATION' | 'ADULT_SERVICES';

/** What every connector may use; nothing else is shared between connectors. */
export interface ConnectorDeps {
  logger: Logger;
  /** For caching where the connector's ADR allows it; keys must come from `cacheKey`. */
  redis: Redis;
  cacheKey: (...parts: string[]) => string;
  now: () => Date;
  /** The hub's own store; only the hub's own subschemas (identity) use it. */
  db: Db;
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

/** One person as an agency records them: what the identity index links (agency-local id, identifiers, demographics). */
export interface AgencyPersonRecord {
  agency: 'social-care' | 'gp' | 'education' | 'adult';
  localId: string;
  nhsNumber: string | null;
  upn: string | null;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  sex: 'M' | 'F' | 'U';
  postcode: string | null;
  /**
   * The reason the agency seals this person's record, e.g. ADOPTION or RESTRICTED_ADDRESS; null or absent when the
   * record is not sealed (or the agency does not seal records). The identity index keeps it, so the gateway knows
   * a child is sealed without asking the agency on every request.
   */
  sealedReason?: string | null;
}

export interface PersonIndexPage {
  records: AgencyPersonRecord[];
  /** Opaque cursor for the next page; null on the last. */
  next: string | null;
}

/**
 * A legitimate relationship with a child, as the agency's own data records it: who is allocated, where the child
 * is registered or enrolled. The gateway's access control checks callers against these.
 */
export interface Relationship {
  localId: string;
  kind:
    | 'ALLOCATED_SOCIAL_WORKER'
    | 'TEAM_MANAGER'
    | 'IRO'
    | 'PERSONAL_ADVISER'
    | 'GP_PRACTICE'
    | 'SCHOOL'
    | 'VIRTUAL_SCHOOL'
    | 'TRANSITION_WORKER';
  /** A person (by work email, lower case) or an organisation (ODS code, school URN, LA code). */
  subject: { person: string } | { organisation: string };
  since: string | null;
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
  /** Agency connectors: pages through the agency's people, for the identity index. */
  personIndex?(cursor: string | null, limit: number): Promise<PersonIndexPage>;
  /** Agency connectors: who has a legitimate relationship with these agency-local people. */
  relationships?(localIds: readonly string[]): Promise<Relationship[]>;
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
