/**
 * Pairwise precision and recall of a clustering against the truth: every pair of records in one cluster is a
 * predicted link (the hub treats a cluster as one child, so a wrong pair anywhere in it counts), correct when both
 * records share a truthKey; recall is over all pairs of records that share a truthKey.
 */
import type { LinkResult, RecordRef } from '../../connectors/identity/matching/index.js';
import { truthLookupKey } from './agency-records.js';

export interface PairwiseAccuracy {
  predictedPairs: number;
  correctPairs: number;
  truePairs: number;
  precision: number;
  recall: number;
  /** Probabilistic links joining two records of one person, over all probabilistic links. */
  probabilisticLinks: number;
  probabilisticLinkPrecision: number;
  /** Reviews whose two records are in fact one person. */
  reviewsSamePerson: number;
}

const pairs = (k: number) => (k * (k - 1)) / 2;

export function pairwiseAccuracy(result: LinkResult, truth: ReadonlyMap<string, string>): PairwiseAccuracy {
  const truthOf = (ref: RecordRef) => {
    const key = truth.get(truthLookupKey(ref.agency, ref.localId));
    if (key === undefined) throw new Error(`no truth for ${ref.agency} ${ref.localId}`);
    return key;
  };

  let predictedPairs = 0;
  let correctPairs = 0;
  let probabilisticLinks = 0;
  let probabilisticCorrect = 0;
  for (const cluster of result.clusters) {
    predictedPairs += pairs(cluster.records.length);
    const perPerson = new Map<string, number>();
    for (const ref of cluster.records) perPerson.set(truthOf(ref), (perPerson.get(truthOf(ref)) ?? 0) + 1);
    for (const count of perPerson.values()) correctPairs += pairs(count);
    for (const link of cluster.links) {
      if (link.method !== 'PROBABILISTIC') continue;
      probabilisticLinks++;
      if (truthOf(link.a) === truthOf(link.b)) probabilisticCorrect++;
    }
  }

  const perTruth = new Map<string, number>();
  for (const key of truth.values()) perTruth.set(key, (perTruth.get(key) ?? 0) + 1);
  let truePairs = 0;
  for (const count of perTruth.values()) truePairs += pairs(count);

  return {
    predictedPairs,
    correctPairs,
    truePairs,
    precision: predictedPairs === 0 ? 1 : correctPairs / predictedPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
    probabilisticLinks,
    probabilisticLinkPrecision: probabilisticLinks === 0 ? 1 : probabilisticCorrect / probabilisticLinks,
    reviewsSamePerson: result.reviews.filter((review) => truthOf(review.a) === truthOf(review.b)).length,
  };
}
