/**
 * Rules 2 and 3, probabilistic links. Every blocked pair not already settled by its identifiers is scored; pairs
 * at or above the lower threshold are kept. Links are then made strongest first (as in Kruskal's algorithm), so
 * a weak link never joins two clusters before the strong evidence about them is in; a link whose clusters carry
 * different NHS numbers or UPNs is refused and sent to review, and one a person has SPLIT is skipped.
 */
import { forEachCandidatePair, type BlockingPass, type BlockingStats } from './blocking.js';
import { CandidateList } from './candidates.js';
import type { PairComparator } from './compare.js';
import type { LinkEvidence, RefusedPair } from './evidence.js';
import type { IdentityUnion } from './identity-union.js';
import { F_GIVEN, L_NAME_DISAGREE } from './levels.js';
import type { PreparedRecords } from './prepare.js';

export interface Thresholds {
  /** Score at or above which a pair is linked. */
  upper: number;
  /** Score at or above which (and below upper) a pair goes to a person for review. */
  lower: number;
}

export function scoreCandidates(
  records: PreparedRecords,
  comparator: PairComparator,
  weights: Float64Array,
  passes: readonly BlockingPass[],
  lower: number,
  maxBlockSize: number,
): { candidates: CandidateList; blocking: BlockingStats } {
  const candidates = new CandidateList();
  const { nhsId, upnId } = records;
  const blocking = forEachCandidatePair(passes, maxBlockSize, (i, j) => {
    // Identifiers settle the pair either way: equal ones are linked already, different ones can never link.
    const nhsI = nhsId[i] as number;
    const nhsJ = nhsId[j] as number;
    if (nhsI >= 0 && nhsJ >= 0) return;
    const upnI = upnId[i] as number;
    const upnJ = upnId[j] as number;
    if (upnI >= 0 && upnJ >= 0) return;
    const score = comparator.score(i, j, weights);
    if (score >= lower) candidates.push(i, j, score);
  });
  return { candidates, blocking };
}

/**
 * Twins guard. Twins share a family name, date of birth and usually an address, so a pair whose given names
 * disagree outright can outscore the upper threshold on everything else. Such a pair is never linked without
 * a person: it goes to review. (On the bench population this costs no recall: true pairs with unrelated given
 * names are misspelt nicknames, and they score below the threshold anyway.)
 */
export function linkProbabilistic(
  candidates: CandidateList,
  union: IdentityUnion,
  upper: number,
  comparator: PairComparator,
  requireGivenNameAgreement: boolean,
): { links: LinkEvidence[]; refused: RefusedPair[] } {
  const links: LinkEvidence[] = [];
  const refused: RefusedPair[] = [];
  for (const c of candidates.strongestFirst(upper)) {
    const i = candidates.i[c] as number;
    const j = candidates.j[c] as number;
    if (union.same(i, j) || union.splitForbids(i, j)) continue;
    if (requireGivenNameAgreement) {
      comparator.compare(i, j);
      if (comparator.levels[F_GIVEN] === L_NAME_DISAGREE) {
        refused.push({ i, j });
        continue;
      }
    }
    if (union.identitiesConflict(i, j) || union.agencyNhsConflict(i, j)) {
      refused.push({ i, j });
      continue;
    }
    union.union(i, j);
    links.push({ i, j, method: 'PROBABILISTIC', score: candidates.score[c] as number });
  }
  return { links, refused };
}
