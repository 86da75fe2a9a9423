/**
 * What the reader asks the hub's identity index (the store, not an agency): children by hub id with their open
 * conflicts, and which child a social care record belongs to. One query each per batch.
 */
import {
  childIdsByRecords,
  childrenByIds,
  openConflictsByChild,
} from '../../connectors/identity/identity-reads.js';
import type { Queryable } from '../../store/db.js';
import { toIdentityChild, type IdentityChild } from './identity-child.js';

export interface IdentityLookup {
  /** One per id, in order; null where the index no longer holds the child (split or removed since). */
  children(childIds: readonly string[]): Promise<Array<IdentityChild | null>>;
  /** The hub child id of each social care person id, in order; null where the index links it to no child. */
  childIdsBySocialCarePersonIds(personIds: readonly string[]): Promise<Array<string | null>>;
}

export function identityLookup(db: Queryable): IdentityLookup {
  return {
    async children(childIds) {
      if (childIds.length === 0) return [];
      const [identities, conflicts] = await Promise.all([
        childrenByIds(db, childIds),
        openConflictsByChild(db, childIds),
      ]);
      return identities.map((identity) =>
        identity ? toIdentityChild(identity, conflicts.get(identity.id) ?? []) : null,
      );
    },
    async childIdsBySocialCarePersonIds(personIds) {
      if (personIds.length === 0) return [];
      return childIdsByRecords(db, 'social-care', personIds);
    },
  };
}
