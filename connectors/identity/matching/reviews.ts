/**
 * Reviews: pairs scoring between the thresholds, and pairs the evidence would join but the cluster rules refused.
 * One review per pair of clusters (its strongest pair): a person decides about two children, not about every
 * combination of their records. Pairs that ended up in one cluster through stronger links, and pairs a person has
 * already SPLIT, need no review.
 */
import type { CandidateList } from './candidates.js';
import type { PairComparator } from './compare.js';
import type { RefusedPair } from './evidence.js';
import type { IdentityUnion } from './identity-union.js';
import type { PreparedRecords } from './prepare.js';

export interface ReviewEvidence {
  i: number;
  j: number;
  score: number;
}

export function collectReviews(
  records: PreparedRecords,
  candidates: CandidateList,
  refusedDeterministic: readonly RefusedPair[],
  union: IdentityUnion,
  comparator: PairComparator,
  weights: Float64Array,
): ReviewEvidence[] {
  const best = new Map<number, ReviewEvidence>();
  const offer = (i: number, j: number, score: number) => {
    const a = union.find(i);
    const b = union.find(j);
    if (a === b || union.splitForbids(i, j)) return;
    const key = Math.min(a, b) * records.count + Math.max(a, b);
    const current = best.get(key);
    if (
      !current ||
      score > current.score ||
      (score === current.score && (i < current.i || (i === current.i && j < current.j)))
    ) {
      best.set(key, { i, j, score });
    }
  };
  for (let c = 0; c < candidates.length; c++) {
    offer(candidates.i[c] as number, candidates.j[c] as number, candidates.score[c] as number);
  }
  for (const { i, j } of refusedDeterministic) offer(i, j, comparator.score(i, j, weights));
  return [...best.values()].sort((x, y) => x.i - y.i || x.j - y.j);
}
