/**
 * Turns the phases' evidence (record indexes) into the public result: RecordRefs, every list sorted in the
 * canonical record order, so one input gives one output whatever order its records came in.
 */
import type { PairComparator } from './compare.js';
import type { ConflictEvidence, LinkEvidence } from './evidence.js';
import type { IdentityUnion } from './identity-union.js';
import { describeLevels } from './levels.js';
import type { PreparedRecords } from './prepare.js';
import type { ReviewEvidence } from './reviews.js';
import type { Cluster, Conflict, ConflictKind, LinkMethod, LinkResult } from './types.js';

const METHOD_ORDER: readonly LinkMethod[] = ['NHS_NUMBER', 'UPN', 'MANUAL', 'PROBABILISTIC'];
const KIND_ORDER: readonly ConflictKind[] = [
  'INVALID_NHS_NUMBER',
  'INVALID_UPN',
  'NHS_NUMBER_DISAGREES',
  'UPN_DISAGREES',
  'DOB_DISAGREES',
  'SEX_DISAGREES',
];

/** Scores are sums of floating-point weights; two decimals is all the precision they carry. */
export const roundScore = (score: number) => Math.round(score * 100) / 100;

/** Record indexes per cluster, clusters in order of their first record. */
export function clusterMembers(count: number, union: IdentityUnion): number[][] {
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const root = union.find(i);
    const members = byRoot.get(root);
    if (members) members.push(i);
    else byRoot.set(root, [i]);
  }
  // Records are visited in index order, so clusters appear in order of their first record already.
  return [...byRoot.values()];
}

export function buildResult(
  records: PreparedRecords,
  members: readonly (readonly number[])[],
  links: readonly LinkEvidence[],
  reviews: readonly ReviewEvidence[],
  conflicts: readonly ConflictEvidence[],
  comparator: PairComparator,
): LinkResult {
  const { refs } = records;
  const clusterOf = new Int32Array(records.count);
  const clusters: Cluster[] = members.map((indexes, c) => {
    for (const i of indexes) clusterOf[i] = c;
    return { records: indexes.map((i) => refs[i]!), links: [] };
  });
  const sortedLinks = [...links].sort(
    (x, y) => x.i - y.i || x.j - y.j || METHOD_ORDER.indexOf(x.method) - METHOD_ORDER.indexOf(y.method),
  );
  for (const link of sortedLinks) {
    const cluster = clusters[clusterOf[link.i] as number] as Cluster;
    cluster.links.push({
      a: refs[link.i]!,
      b: refs[link.j]!,
      method: link.method,
      ...(link.score === undefined ? {} : { score: roundScore(link.score) }),
    });
  }
  return {
    clusters,
    reviews: reviews.map(({ i, j, score }) => {
      comparator.compare(i, j);
      return {
        a: refs[i]!,
        b: refs[j]!,
        score: roundScore(score),
        agreement: describeLevels(comparator.levels),
      };
    }),
    conflicts: uniqueConflicts(conflicts)
      .sort(
        (x, y) =>
          x.record - y.record ||
          KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) ||
          (x.other ?? -1) - (y.other ?? -1),
      )
      .map((conflict): Conflict => ({
        record: refs[conflict.record]!,
        kind: conflict.kind,
        ...(conflict.other === undefined ? {} : { otherRecord: refs[conflict.other]! }),
      })),
  };
}

function uniqueConflicts(conflicts: readonly ConflictEvidence[]): ConflictEvidence[] {
  const seen = new Set<string>();
  return conflicts.filter((conflict) => {
    const key = `${conflict.record}|${conflict.kind}|${conflict.other ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
