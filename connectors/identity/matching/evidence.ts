/** What each linkage phase records, by record index; output.ts turns it into RecordRefs at the end. */
import type { ConflictKind, LinkMethod } from './types.js';

export interface LinkEvidence {
  /** i < j */
  i: number;
  j: number;
  method: LinkMethod;
  score?: number;
}

export interface ConflictEvidence {
  record: number;
  kind: ConflictKind;
  other?: number;
}

/** A pair the evidence says to join but the cluster rules forbid: it goes to a person as a review. */
export interface RefusedPair {
  i: number;
  j: number;
}

export function orderedPair(a: number, b: number): { i: number; j: number } {
  return a < b ? { i: a, j: b } : { i: b, j: a };
}
