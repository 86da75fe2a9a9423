/**
 * Builds a child's transition package from the hub's own sources: the identity index for the display
 * demographics, and the joined record read through the connectors (jobs/reconcile). Null when the identity index
 * no longer holds the child.
 */
import type { TransitionHandoffPackage } from '../../connectors/adult-services/transition-handoff.js';
import type { Connector } from '../../connectors/connector.js';
import { childrenByIds, displayRecord } from '../../connectors/identity/identity-reads.js';
import type { Queryable } from '../../store/db.js';
import { readJoinedRecords } from '../reconcile/read-joined-records.js';
import { assembleHandoffPackage } from './assemble-package.js';

export type ReadPackage = (handoffId: string, childId: string) => Promise<TransitionHandoffPackage | null>;

export function packageReader(deps: {
  db: Queryable;
  connectors: readonly Connector[];
  now: () => Date;
}): ReadPackage {
  return async (handoffId, childId) => {
    const [identity] = await childrenByIds(deps.db, [childId]);
    const shown = identity ? displayRecord(identity.records) : undefined;
    if (!identity || !shown) return null;
    const [record] = await readJoinedRecords(deps, [childId]);
    if (!record) return null;
    const sex = shown.sex === 'M' || shown.sex === 'F' ? shown.sex : 'U';
    return assembleHandoffPackage(
      handoffId,
      {
        givenName: shown.givenName,
        familyName: shown.familyName,
        dateOfBirth: shown.dateOfBirth,
        sex,
        nhsNumber: record.child.nhsNumber,
        adultPersonIds: identity.records.filter((r) => r.agency === 'adult').map((r) => r.localId),
      },
      record,
    );
  };
}
