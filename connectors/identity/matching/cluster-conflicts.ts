/**
 * Rule 4: where records in one cluster disagree on date of birth, sex, NHS number or UPN. Each disagreeing record
 * is reported against the cluster's reference record: the first record (canonical order) holding the value most
 * of the cluster agrees on. Linear in the cluster size, and the record to correct is the one named.
 * Unknown sex ('U') and absent values disagree with nothing.
 */
import type { ConflictEvidence } from './evidence.js';
import type { PreparedRecords } from './prepare.js';
import type { ConflictKind } from './types.js';

export function clusterConflicts(
  records: PreparedRecords,
  clusters: readonly (readonly number[])[],
): ConflictEvidence[] {
  const conflicts: ConflictEvidence[] = [];
  const checks: Array<[ConflictKind, ArrayLike<number>, number]> = [
    ['DOB_DISAGREES', records.dob, 0],
    ['SEX_DISAGREES', records.sex, 0],
    ['NHS_NUMBER_DISAGREES', records.nhsId, -1],
    ['UPN_DISAGREES', records.upnId, -1],
  ];
  for (const members of clusters) {
    if (members.length < 2) continue;
    for (const [kind, values, absent] of checks) {
      if (allAgree(members, values, absent)) continue;
      const reference = referenceRecord(members, values, absent);
      if (reference === -1) continue;
      const agreed = values[reference] as number;
      for (const record of members) {
        const value = values[record] as number;
        if (value !== absent && value !== agreed) conflicts.push({ record, kind, other: reference });
      }
    }
  }
  return conflicts;
}

/** First record holding the most common present value; -1 when no value is present. */
function referenceRecord(members: readonly number[], values: ArrayLike<number>, absent: number): number {
  const counts = new Map<number, number>();
  for (const record of members) {
    const value = values[record] as number;
    if (value !== absent) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  let reference = -1;
  let bestCount = 0;
  for (const record of members) {
    const value = values[record] as number;
    if (value === absent) continue;
    const count = counts.get(value) as number;
    if (count > bestCount) {
      bestCount = count;
      reference = record;
    }
  }
  return reference;
}

/** The usual case, checked without allocating: every present value is the same. */
function allAgree(members: readonly number[], values: ArrayLike<number>, absent: number): boolean {
  let seen = absent;
  for (const record of members) {
    const value = values[record] as number;
    if (value === absent) continue;
    if (seen === absent) seen = value;
    else if (value !== seen) return false;
  }
  return true;
}
