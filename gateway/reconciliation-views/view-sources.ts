/**
 * Where the views' data comes from: children's joined records read through the connectors' batched reads
 * (jobs/reconcile's `readJoinedRecords`, never through the gateway), the findings store, and who holds each
 * owning role for a child. An interface, so the schema's tests can hand in records directly.
 */
import type { Connector } from '../../connectors/connector.js';
import { readJoinedRecords } from '../../jobs/reconcile/read-joined-records.js';
import { ownerPeopleOf } from '../../jobs/reconcile-child/owner-people.js';
import type { JoinedChildRecord } from '../../jobs/rules/joined-record.js';
import type { OwnerRole } from '../../jobs/rules/rule.js';
import type { TrackerFinding } from '../../jobs/views/index.js';
import type { Queryable } from '../../store/db.js';
import { childrenWithReferralFinding, openFindingsOf } from './findings-reads.js';

export interface ViewSources {
  /** One per id, in order; null where the identity index no longer holds the child. */
  readRecords(childIds: readonly string[]): Promise<Array<JoinedChildRecord | null>>;
  openFindings(childIds: readonly string[]): Promise<Map<string, TrackerFinding[]>>;
  /** Work e-mails of who holds each owning role, per child, where the hub knows. */
  ownerPeople(childIds: readonly string[]): Promise<Map<string, Partial<Record<OwnerRole, string>>>>;
  childrenWithReferralFinding(referralId: string, among: readonly string[]): Promise<string[]>;
}

export function storeSources(deps: {
  db: Queryable;
  connectors: readonly Connector[];
  now: () => Date;
}): ViewSources {
  const { db, connectors, now } = deps;
  return {
    readRecords: (childIds) => readJoinedRecords({ db, connectors, now }, childIds),
    openFindings: (childIds) => openFindingsOf(db, childIds),
    ownerPeople: (childIds) => ownerPeopleOf(db, childIds),
    childrenWithReferralFinding: (referralId, among) => childrenWithReferralFinding(db, referralId, among),
  };
}
