/** An in-memory identity index for the reader's unit tests. Only tests import this. */
import type {
  ChildIdentity,
  ConflictRow,
  LinkedRecord,
} from '../../../connectors/identity/identity-reads.js';
import { toIdentityChild } from '../identity-child.js';
import type { IdentityLookup } from '../identity-lookup.js';

export function linkedRecord(
  agency: LinkedRecord['agency'],
  localId: string,
  overrides: Partial<LinkedRecord> = {},
): LinkedRecord {
  return {
    agency,
    localId,
    nhsNumber: null,
    upn: null,
    givenName: 'Test',
    familyName: 'Child',
    dateOfBirth: '2012-05-10',
    sex: 'F',
    linkMethod: 'NHS_NUMBER',
    linkScore: null,
    ...overrides,
  };
}

export interface MemoryLookup extends IdentityLookup {
  /** How many times each method was called. */
  calls: { children: number; childIdsBySocialCarePersonIds: number };
}

export function memoryLookup(children: ChildIdentity[], conflicts: ConflictRow[] = []): MemoryLookup {
  const byId = new Map(children.map((child) => [child.id, child]));
  const lookup: MemoryLookup = {
    calls: { children: 0, childIdsBySocialCarePersonIds: 0 },
    async children(ids) {
      lookup.calls.children += 1;
      return ids.map((id) => {
        const child = byId.get(id);
        return child
          ? toIdentityChild(
              child,
              conflicts.filter((conflict) => conflict.childId === id),
            )
          : null;
      });
    },
    async childIdsBySocialCarePersonIds(personIds) {
      lookup.calls.childIdsBySocialCarePersonIds += 1;
      return personIds.map(
        (personId) =>
          children.find((child) =>
            child.records.some((record) => record.agency === 'social-care' && record.localId === personId),
          )?.id ?? null,
      );
    },
  };
  return lookup;
}
