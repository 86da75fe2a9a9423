/**
 * Union-find over records that remembers, per cluster, the deterministic identity it carries (its valid NHS
 * numbers and UPNs, and which NHS number each agency holds) and the pairs a person has SPLIT. Merges that would
 * contradict those are refused by the callers, which ask before they join.
 */
import type { PreparedRecords } from './prepare.js';
import { AGENCIES } from './record-ref.js';

/** Identity markers per root: NONE, one id (≥ 0), or SEVERAL different ids. */
const NONE = -1;
const SEVERAL = -2;
const AGENCY_COUNT = AGENCIES.length;

function combine(a: number, b: number): number {
  if (a === NONE) return b;
  if (b === NONE || a === b) return a;
  return SEVERAL;
}

/** Two markers that cannot belong to one person: both present and not the same single id. */
function clash(a: number, b: number): boolean {
  return a !== NONE && b !== NONE && (a === SEVERAL || b === SEVERAL || a !== b);
}

export class IdentityUnion {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  private readonly nhs: Int32Array;
  private readonly upn: Int32Array;
  private readonly agencyNhs: Int32Array;
  /** Root → records SPLIT from some member of the cluster. */
  private readonly splits = new Map<number, number[]>();

  constructor(records: PreparedRecords) {
    const n = records.count;
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    this.nhs = Int32Array.from(records.nhsId);
    this.upn = Int32Array.from(records.upnId);
    this.agencyNhs = new Int32Array(n * AGENCY_COUNT).fill(NONE);
    for (let i = 0; i < n; i++) {
      this.parent[i] = i;
      this.agencyNhs[i * AGENCY_COUNT + (records.agency[i] as number)] = records.nhsId[i] as number;
    }
  }

  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      const grandparent = parent[parent[i] as number] as number;
      parent[i] = grandparent;
      i = grandparent;
    }
    return i;
  }

  same(i: number, j: number): boolean {
    return this.find(i) === this.find(j);
  }

  /** The clusters of i and j carry different NHS numbers or different UPNs: a probabilistic link may not join them. */
  identitiesConflict(i: number, j: number): boolean {
    const a = this.find(i);
    const b = this.find(j);
    return (
      a !== b &&
      (clash(this.nhs[a] as number, this.nhs[b] as number) ||
        clash(this.upn[a] as number, this.upn[b] as number))
    );
  }

  /** Joining would put two records of one agency with different valid NHS numbers in one cluster: never allowed. */
  agencyNhsConflict(i: number, j: number): boolean {
    const a = this.find(i);
    const b = this.find(j);
    if (a === b) return false;
    for (let agency = 0; agency < AGENCY_COUNT; agency++) {
      if (
        clash(
          this.agencyNhs[a * AGENCY_COUNT + agency] as number,
          this.agencyNhs[b * AGENCY_COUNT + agency] as number,
        )
      ) {
        return true;
      }
    }
    return false;
  }

  /** A person split some member of i's cluster from some member of j's. */
  splitForbids(i: number, j: number): boolean {
    const a = this.find(i);
    const b = this.find(j);
    if (a === b) return false;
    const fromA = this.splits.get(a);
    const fromB = this.splits.get(b);
    const [list, other] = (fromA?.length ?? 0) <= (fromB?.length ?? 0) ? [fromA, b] : [fromB, a];
    if (!list) return false;
    for (const record of list) if (this.find(record) === other) return true;
    return false;
  }

  forbid(i: number, j: number): void {
    this.addSplit(this.find(i), j);
    this.addSplit(this.find(j), i);
  }

  /** Joins the clusters of i and j; the caller has checked what may be joined. */
  union(i: number, j: number): void {
    let a = this.find(i);
    let b = this.find(j);
    if (a === b) return;
    if ((this.size[a] as number) < (this.size[b] as number)) [a, b] = [b, a];
    this.parent[b] = a;
    this.size[a]! += this.size[b] as number;
    this.nhs[a] = combine(this.nhs[a] as number, this.nhs[b] as number);
    this.upn[a] = combine(this.upn[a] as number, this.upn[b] as number);
    for (let agency = 0; agency < AGENCY_COUNT; agency++) {
      const slot = a * AGENCY_COUNT + agency;
      this.agencyNhs[slot] = combine(
        this.agencyNhs[slot] as number,
        this.agencyNhs[b * AGENCY_COUNT + agency] as number,
      );
    }
    const moved = this.splits.get(b);
    if (moved) {
      this.splits.delete(b);
      for (const record of moved) this.addSplit(a, record);
    }
  }

  private addSplit(root: number, record: number): void {
    const list = this.splits.get(root);
    if (list) list.push(record);
    else this.splits.set(root, [record]);
  }
}
