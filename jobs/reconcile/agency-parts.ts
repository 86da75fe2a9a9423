/**
 * One agency's parts for a batch of children, read through the agency connector's `readChildren` in one call.
 * A child with no record in the agency is NOT_LINKED without being asked for; anything that stops the read (the
 * agency, or a connector that cannot read for reconciliation) makes every linked child's part UNAVAILABLE or
 * TIMED_OUT with a reason, so a rule says it could not decide rather than that nothing is recorded.
 */
import {
  failedSourceState,
  type AgencyChildRead,
  type AgencyCode,
  type Connector,
} from '../../connectors/connector.js';
import type { AgencyPart, AgencyPartName } from '../rules/joined-record.js';
import type { MergeKeySource } from './identity-child.js';

export const agencyParts: ReadonlyArray<{ part: AgencyPartName; agency: AgencyCode }> = [
  { part: 'socialCare', agency: 'SOCIAL_CARE' },
  { part: 'health', agency: 'HEALTH' },
  { part: 'education', agency: 'EDUCATION' },
  { part: 'adultServices', agency: 'ADULT_SERVICES' },
];

/** The agency connector for an agency code, if the hub has one. */
export function connectorFor(connectors: readonly Connector[], agency: AgencyCode): Connector | undefined {
  return connectors.find((connector) => connector.agency?.agency === agency);
}

export function notLinkedPart<S>(agency: AgencyCode): AgencyPart<S> {
  return { agency, state: 'NOT_LINKED', asOf: null, reason: null, section: null };
}

export function failedPart<S>(
  agency: AgencyCode,
  failure: { state: 'UNAVAILABLE' | 'TIMED_OUT'; reason: string },
  asOf: string,
): AgencyPart<S> {
  return { agency, state: failure.state, asOf, reason: failure.reason, section: null };
}

/**
 * A connector's read as the joined record's part. The section is the connector's own section value for this
 * agency (the contract types it `unknown`; the joined record names the type), present only when the read is OK.
 */
export function toAgencyPart<S>(agency: AgencyCode, read: AgencyChildRead, asOf: string): AgencyPart<S> {
  const { source } = read;
  if (source.agency !== agency)
    return failedPart(agency, { state: 'UNAVAILABLE', reason: 'CONNECTOR_FAILED' }, asOf);
  if (source.state === 'OK' && (read.section === null || read.section === undefined))
    return failedPart(agency, { state: 'UNAVAILABLE', reason: 'CONNECTOR_FAILED' }, source.asOf ?? asOf);
  return {
    agency,
    state: source.state,
    asOf: source.asOf,
    reason: source.reason,
    section: source.state === 'OK' ? (read.section as S) : null,
  };
}

/** Whether the identity child has a record in the agency: its key field (declared by the connector) is not empty. */
export function isLinked(connector: Connector, child: MergeKeySource): boolean {
  const keyField = connector.agency?.keyField;
  const value = keyField ? (child as unknown as Record<string, unknown>)[keyField] : undefined;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'string' && value.length > 0;
}

/** Every child's part for one agency, in order, with at most one `readChildren` call. */
export async function readAgencyParts<S>(
  connectors: readonly Connector[],
  agency: AgencyCode,
  children: readonly MergeKeySource[],
  now: () => Date,
): Promise<Array<AgencyPart<S>>> {
  const connector = connectorFor(connectors, agency);
  const parts: Array<AgencyPart<S>> = children.map(() => notLinkedPart<S>(agency));
  if (!connector) return children.map(() => failedPart<S>(agency, noRead, now().toISOString()));
  const linked = children.flatMap((child, index) => (isLinked(connector, child) ? [index] : []));
  if (linked.length === 0) return parts;

  const key = connector.merge['Child']?.key;
  if (!connector.readChildren || !key) {
    for (const index of linked) parts[index] = failedPart<S>(agency, noRead, now().toISOString());
    return parts;
  }
  let reads: AgencyChildRead[];
  try {
    reads = await connector.readChildren(linked.map((index) => key(children[index])));
  } catch (error) {
    // The contract says an agency failure is reported, not thrown; whatever was thrown fails this agency alone.
    const failure = failedSourceState(error);
    for (const index of linked) parts[index] = failedPart<S>(agency, failure, now().toISOString());
    return parts;
  }
  const asOf = now().toISOString();
  linked.forEach((childIndex, readIndex) => {
    const read = reads.length === linked.length ? reads[readIndex] : undefined;
    parts[childIndex] = read
      ? toAgencyPart<S>(agency, read, asOf)
      : failedPart<S>(agency, { state: 'UNAVAILABLE', reason: 'CONNECTOR_FAILED' }, asOf);
  });
  return parts;
}

/** The hub has no connector that can read this agency for reconciliation (a deployment or wiring fault). */
const noRead = { state: 'UNAVAILABLE', reason: 'NO_RECONCILIATION_READ' } as const;
