/**
 * Rule 1, deterministic links. Records sharing a valid NHS number are one person; so are records sharing a valid
 * UPN. Invalid identifiers link nothing and are reported. NHS numbers go first and are never refused (one number
 * is one person). A UPN link is refused when it would put two records of one agency with different valid NHS
 * numbers in one cluster: the pair goes to review and the disagreement is reported.
 */
import { groupsBy } from './groups.js';
import type { ConflictEvidence, LinkEvidence, RefusedPair } from './evidence.js';
import type { IdentityUnion } from './identity-union.js';
import type { PreparedRecords } from './prepare.js';

export interface DeterministicOutcome {
  links: LinkEvidence[];
  refused: RefusedPair[];
  conflicts: ConflictEvidence[];
}

export function linkDeterministic(records: PreparedRecords, union: IdentityUnion): DeterministicOutcome {
  const links: LinkEvidence[] = [];
  const refused: RefusedPair[] = [];
  const conflicts: ConflictEvidence[] = [];
  for (const record of records.invalidNhs) conflicts.push({ record, kind: 'INVALID_NHS_NUMBER' });
  for (const record of records.invalidUpn) conflicts.push({ record, kind: 'INVALID_UPN' });

  // Each group links as a star from its first record (canonical order): one link per record, not one per pair.
  for (const group of groupsBy(records.nhsId)) {
    const first = group[0] as number;
    for (const other of group.slice(1)) {
      union.union(first, other);
      links.push({ i: first, j: other, method: 'NHS_NUMBER' });
    }
  }
  for (const group of groupsBy(records.upnId)) {
    const first = group[0] as number;
    for (const other of group.slice(1)) {
      if (union.agencyNhsConflict(first, other)) {
        refused.push({ i: first, j: other });
        conflicts.push({ record: other, kind: 'NHS_NUMBER_DISAGREES', other: first });
        continue;
      }
      union.union(first, other);
      links.push({ i: first, j: other, method: 'UPN' });
    }
  }
  return { links, refused, conflicts };
}
