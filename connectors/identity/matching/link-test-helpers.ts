/** Helpers for the linkRecords tests: fixed default weights, and questions about a result. */
import { linkRecords, type LinkOptions } from './link-records.js';
import { DEFAULT_PROBABILITIES } from './probabilities.js';
import { refKey } from './record-ref.js';
import type { AgencyPersonRecord, Cluster, LinkResult, RecordRef } from './types.js';

/** linkRecords with the default m/u, so scores in tests do not move with the estimate. */
export function link(records: readonly AgencyPersonRecord[], options: LinkOptions = {}): LinkResult {
  return linkRecords(records, { probabilities: DEFAULT_PROBABILITIES, ...options });
}

export function clusterOf(result: LinkResult, record: RecordRef): Cluster {
  const cluster = result.clusters.find((c) => c.records.some((r) => refKey(r) === refKey(record)));
  if (!cluster) throw new Error(`${refKey(record)} is in no cluster`);
  return cluster;
}

export function together(result: LinkResult, a: RecordRef, b: RecordRef): boolean {
  return clusterOf(result, a) === clusterOf(result, b);
}

export function reviewed(result: LinkResult, a: RecordRef, b: RecordRef): boolean {
  const pair = [refKey(a), refKey(b)].sort().join(' ');
  return result.reviews.some((review) => [refKey(review.a), refKey(review.b)].sort().join(' ') === pair);
}

export function conflictKinds(result: LinkResult, record: RecordRef): string[] {
  return result.conflicts.filter((c) => refKey(c.record) === refKey(record)).map((c) => c.kind);
}
