/**
 * Rule 5, a person's decisions. CONFIRM joins two records whatever the score (method MANUAL), unless that would
 * put two records of one agency with different valid NHS numbers in one cluster — the invariant no decision
 * overrides; such a confirm comes back as a review until the identifier is corrected at source. SPLIT forbids any
 * probabilistic link that would bring the two records into one cluster; NHS number and UPN matches and other
 * CONFIRMs still join them (a wrong identifier must be fixed where it was recorded, not hidden here).
 * Decisions naming records not in the input are ignored; for a pair decided more than once, the last wins.
 */
import type { ConflictEvidence, LinkEvidence, RefusedPair } from './evidence.js';
import { orderedPair } from './evidence.js';
import type { IdentityUnion } from './identity-union.js';
import type { PreparedRecords } from './prepare.js';
import { refKey } from './record-ref.js';
import type { ManualDecision } from './types.js';

export interface ResolvedDecisions {
  confirms: RefusedPair[];
  splits: RefusedPair[];
  /** Decisions naming a record that is not in the input. */
  ignored: number;
}

export function resolveDecisions(
  records: PreparedRecords,
  decisions: readonly ManualDecision[],
): ResolvedDecisions {
  const index = new Map<string, number>();
  records.refs.forEach((ref, i) => index.set(refKey(ref), i));
  const latest = new Map<number, { i: number; j: number; decision: ManualDecision['decision'] }>();
  let ignored = 0;
  for (const { a, b, decision } of decisions) {
    const first = index.get(refKey(a));
    const second = index.get(refKey(b));
    if (first === undefined || second === undefined) {
      ignored++;
      continue;
    }
    if (first === second) continue;
    const pair = orderedPair(first, second);
    const key = pair.i * records.count + pair.j;
    // Delete first so the map's insertion order follows the last decision, keeping application order stable.
    latest.delete(key);
    latest.set(key, { ...pair, decision });
  }
  const byIndex = (x: RefusedPair, y: RefusedPair) => x.i - y.i || x.j - y.j;
  const pairs = [...latest.values()];
  return {
    confirms: pairs
      .filter((p) => p.decision === 'CONFIRM')
      .map(({ i, j }) => ({ i, j }))
      .sort(byIndex),
    splits: pairs
      .filter((p) => p.decision === 'SPLIT')
      .map(({ i, j }) => ({ i, j }))
      .sort(byIndex),
    ignored,
  };
}

export function applyConfirms(
  confirms: readonly RefusedPair[],
  union: IdentityUnion,
): { links: LinkEvidence[]; refused: RefusedPair[]; conflicts: ConflictEvidence[] } {
  const links: LinkEvidence[] = [];
  const refused: RefusedPair[] = [];
  const conflicts: ConflictEvidence[] = [];
  for (const { i, j } of confirms) {
    if (union.agencyNhsConflict(i, j)) {
      refused.push({ i, j });
      conflicts.push({ record: j, kind: 'NHS_NUMBER_DISAGREES', other: i });
      continue;
    }
    union.union(i, j);
    links.push({ i, j, method: 'MANUAL' });
  }
  return { links, refused, conflicts };
}
