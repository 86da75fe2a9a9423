/**
 * linkRecords: the identity index from what four agencies record about each child. Pure (no I/O, no clock, no
 * Math.random); the same records in any order give the same, sorted result.
 *
 * Phases: prepare (normalise, validate identifiers) → deterministic links (NHS number, then UPN) → a person's
 * CONFIRM decisions → estimate m/u from the data → block, score and link probabilistically, strongest first →
 * reviews → conflicts inside clusters.
 */
import { buildBlockingPasses, type BlockingStats } from './blocking.js';
import { clusterConflicts } from './cluster-conflicts.js';
import { DEFAULT_SIMILARITY, PairComparator, type SimilarityThresholds } from './compare.js';
import { applyConfirms, resolveDecisions } from './decisions.js';
import { linkDeterministic } from './deterministic.js';
import { DEFAULT_ESTIMATION, estimateProbabilities, type EstimationOptions } from './estimate.js';
import { IdentityUnion } from './identity-union.js';
import { buildResult, clusterMembers } from './output.js';
import { prepareRecords } from './prepare.js';
import { linkProbabilistic, scoreCandidates, type Thresholds } from './probabilistic.js';
import { DEFAULT_PROBABILITIES, weightTable, type MatchProbabilities } from './probabilities.js';
import { collectReviews } from './reviews.js';
import type { AgencyPersonRecord, LinkResult, ManualDecision } from './types.js';

/**
 * Chosen on the bench population (bench/identity/linkage.ts; four seeds at 100,000 children), where a full
 * agreement scores about 44. True pairs score 17 or more except a handful (exact names with a transposed date
 * score ~19, a nickname or misspelling in both names ~19–20); every pair of different children scoring 17 or
 * more was kept apart by its identifiers. Between 8 and 11 sit ~600 pairs per 100,000 children, nearly all
 * strangers sharing a family name and birthday, or a name and a birth month: too many for a person to review for
 * the one true pair among them, so the review band starts at 11.
 */
export const DEFAULT_THRESHOLDS: Thresholds = { upper: 17, lower: 11 };

/**
 * Blocks larger than this are not compared. A real birthday holds a few dozen of 250,000 children; a block of
 * thousands means a placeholder value ('1900-01-01', a care-home postcode) that says nothing about identity.
 */
export const DEFAULT_MAX_BLOCK_SIZE = 2_000;

export interface LinkOptions {
  decisions?: readonly ManualDecision[];
  thresholds?: Partial<Thresholds>;
  /** Fixed m/u probabilities; when absent they are estimated from the records (see estimate.ts). */
  probabilities?: MatchProbabilities;
  /** Prior for the estimate (defaults to DEFAULT_PROBABILITIES). */
  prior?: MatchProbabilities;
  estimation?: Partial<EstimationOptions>;
  similarity?: Partial<SimilarityThresholds>;
  maxBlockSize?: number;
  /** Twins guard (see probabilistic.ts): pairs whose given names disagree are reviewed, never linked. Default true. */
  requireGivenNameAgreement?: boolean;
}

/** What a run did, for benchmarks and tuning; not part of the identity index. */
export interface LinkDiagnostics {
  probabilities: MatchProbabilities;
  estimated: boolean;
  linkedPairsForM: number;
  sampledPairsForU: number;
  thresholds: Thresholds;
  blocking: BlockingStats;
  candidates: number;
  refusedLinks: number;
  ignoredDecisions: number;
}

export function linkRecords(records: readonly AgencyPersonRecord[], options: LinkOptions = {}): LinkResult {
  return linkRecordsWithDiagnostics(records, options).result;
}

export function linkRecordsWithDiagnostics(
  input: readonly AgencyPersonRecord[],
  options: LinkOptions = {},
): { result: LinkResult; diagnostics: LinkDiagnostics } {
  const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  if (!(thresholds.lower <= thresholds.upper))
    throw new RangeError('thresholds: lower must not exceed upper');

  const records = prepareRecords(input);
  const comparator = new PairComparator(records, { ...DEFAULT_SIMILARITY, ...options.similarity });
  const union = new IdentityUnion(records);

  const deterministic = linkDeterministic(records, union);
  const decisions = resolveDecisions(records, options.decisions ?? []);
  for (const { i, j } of decisions.splits) union.forbid(i, j);
  const confirmed = applyConfirms(decisions.confirms, union);

  const estimate = options.probabilities
    ? null
    : estimateProbabilities(records, comparator, options.prior ?? DEFAULT_PROBABILITIES, {
        ...DEFAULT_ESTIMATION,
        ...options.estimation,
      });
  const probabilities = options.probabilities ?? (estimate?.probabilities as MatchProbabilities);
  const weights = weightTable(probabilities);

  const passes = buildBlockingPasses(records);
  const { candidates, blocking } = scoreCandidates(
    records,
    comparator,
    weights,
    passes,
    thresholds.lower,
    options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE,
  );
  const probabilistic = linkProbabilistic(
    candidates,
    union,
    thresholds.upper,
    comparator,
    options.requireGivenNameAgreement ?? true,
  );

  const refusedDeterministic = [...deterministic.refused, ...confirmed.refused];
  const reviews = collectReviews(records, candidates, refusedDeterministic, union, comparator, weights);
  const members = clusterMembers(records.count, union);
  const conflicts = [
    ...deterministic.conflicts,
    ...confirmed.conflicts,
    ...clusterConflicts(records, members),
  ];
  const links = [...deterministic.links, ...confirmed.links, ...probabilistic.links];

  return {
    result: buildResult(records, members, links, reviews, conflicts, comparator),
    diagnostics: {
      probabilities,
      estimated: estimate !== null,
      linkedPairsForM: estimate?.linkedPairs ?? 0,
      sampledPairsForU: estimate?.sampledPairs ?? 0,
      thresholds,
      blocking,
      candidates: candidates.length,
      refusedLinks: probabilistic.refused.length + refusedDeterministic.length,
      ignoredDecisions: decisions.ignored,
    },
  };
}
