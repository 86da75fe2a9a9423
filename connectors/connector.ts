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
import { z } from 'zod';
import { HubError, isHubError } from '../platform/errors.js';

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

/** Whether an agency's part of a child could be read, as of when, and why not (the subschema's `…Source`). */
export interface AgencySourceValue {
  agency: AgencyCode;
  state: 'OK' | 'NOT_LINKED' | 'UNAVAILABLE' | 'TIMED_OUT';
  asOf: string | null;
  /** A code when state is not OK (e.g. UPSTREAM_BAD_PAYLOAD, CIRCUIT_OPEN, RECORD_NOT_FOUND). */
  reason: string | null;
}

/**
 * One child's part as an agency connector reads it for reconciliation: the same source status and section its
 * subschema answers for the child. `section` is the connector's own section value (e.g. `SocialCareSectionValue`)
 * when `source.state` is OK, and null otherwise.
 */
export interface AgencyChildRead {
  source: AgencySourceValue;
  section: unknown;
}

/** One stay in a children's home: a placement there, as social care records it. Instants are ISO strings. */
export interface ResidentialStayRead {
  personId: string;
  placementId: string;
  start: string;
  /** Null while the person still lives there. */
  end: string | null;
}

/** A children's home and everyone ever placed there (oldest stay first); null `name` when the SSD has no unit row. */
export interface ResidentialUnitRead {
  unitId: string;
  name: string | null;
  stays: ResidentialStayRead[];
}

/** Children's homes by unit id (one per id, in order), or why social care could not say. Never thrown. */
export type ResidentialUnitsRead =
  | { state: 'OK'; asOf: string; units: ResidentialUnitRead[] }
  | { state: 'UNAVAILABLE' | 'TIMED_OUT'; asOf: string; reason: string };

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
  /**
   * Agency connectors, for reconciliation (jobs/reconcile/): one read per key, in order, where a key is what this
   * connector's `merge.Child.key` returns for an identity child. Every key is read in one batch with loaders made
   * for the call (nothing is kept between calls: docs/adr/0006). An agency failure is reported in each `source`
   * (UNAVAILABLE / TIMED_OUT, section null), never thrown.
   */
  readChildren?(keys: readonly unknown[]): Promise<AgencyChildRead[]>;
  /**
   * Social care, for the rules about children's homes: the units with these ids and every stay in each, in one
   * batch (the reads behind `residentialUnit(id) { residents(at) }`). Failure is reported, never thrown.
   */
  readResidentialUnits?(unitIds: readonly string[]): Promise<ResidentialUnitsRead>;
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

/**
 * A subschema's child object (anything with the `…Source` and section resolvers' values) as a reconciliation read.
 * The section is mapped only when the source is OK; a mapping that throws (a bug, not the agency) fails this
 * child's part alone, as it fails only that child's field in the child view, and is handed to `onMappingError`.
 */
export function toAgencyChildRead(
  child: { source(): AgencySourceValue; section(): unknown },
  onMappingError: (error: unknown) => void = () => undefined,
): AgencyChildRead {
  const source = child.source();
  if (source.state !== 'OK') return { source, section: null };
  try {
    return { source, section: child.section() };
  } catch (error) {
    onMappingError(error);
    return { source: { ...source, state: 'UNAVAILABLE', reason: 'CONNECTOR_FAILED' }, section: null };
  }
}

/**
 * The id lists in a batch of merge keys, each `{ [field]: string[] }` as the connector's `merge.Child.key` makes it.
 * A key in any other shape is a bug in the caller: refused, its values kept out of the error.
 */
export function idListsOfMergeKeys(keys: readonly unknown[], field: string, agency: string): string[][] {
  const parsed = z.array(z.object({ [field]: z.array(z.string()) })).safeParse(keys);
  if (!parsed.success) throw new HubError('INTERNAL', { details: { agency, reason: 'BAD_MERGE_KEY' } });
  return parsed.data.map((key) => key[field] as string[]);
}

/** The source status for a read that failed: TIMED_OUT for a timeout, else UNAVAILABLE, with the error's reason code. */
export function failedSourceState(error: unknown): { state: 'UNAVAILABLE' | 'TIMED_OUT'; reason: string } {
  if (!isHubError(error)) return { state: 'UNAVAILABLE', reason: 'CONNECTOR_FAILED' };
  const reason = error.details?.['reason'];
  return {
    state: error.code === 'UPSTREAM_TIMEOUT' ? 'TIMED_OUT' : 'UNAVAILABLE',
    reason: typeof reason === 'string' ? reason : error.code,
  };
}
