/**
 * Data-driven m and u, without EM. The deterministic NHS-number links are a large sample of pairs known to be one
 * person, so m for each level is its share among those pairs. u is the chance two different people agree: for each
 * field's EXACT level it is computed exactly from the value frequencies (Σ c(c−1)/2 over all pairs, less the
 * NHS-linked pairs); the rarer partial levels come from a seeded sample of random pairs. Both are smoothed towards
 * the default probabilities with a fixed number of pseudo-pairs, so small inputs (tests, a single school) fall back
 * to the defaults and large inputs speak for themselves. Records come in canonical order, so the estimate does
 * not depend on input order.
 */
import type { PairComparator } from './compare.js';
import { groupsBy } from './groups.js';
import { FIELDS, LEVEL_SLOTS, LEVELS, MISSING_LEVEL, type Field } from './levels.js';
import type { PreparedRecords } from './prepare.js';
import { levelProbability, type LevelProbability, type MatchProbabilities } from './probabilities.js';
import { seededRandom } from './random.js';

export interface EstimationOptions {
  /** Random record pairs sampled for the u of the non-exact levels. */
  randomPairs: number;
  seed: number;
  /** Pseudo-pairs of the prior added to the linked-pair counts behind m. */
  mPriorPairs: number;
  /** Pseudo-pairs of the prior added to the random-pair counts behind u. */
  uPriorPairs: number;
  /**
   * Floor on m. The linked pairs only show the errors these agencies happened to make; an error never seen is
   * still assumed to happen 1 time in 1,000, so no single field can veto a match with an unbounded weight.
   */
  minM: number;
  minU: number;
  /** NHS-number groups larger than this are skipped for m: a number shared that widely is likely a placeholder. */
  maxGroupSize: number;
}

export const DEFAULT_ESTIMATION: EstimationOptions = {
  randomPairs: 500_000,
  seed: 20_260_101,
  mPriorPairs: 100,
  uPriorPairs: 10_000,
  minM: 0.001,
  minU: 1e-7,
  maxGroupSize: 10,
};

export interface Estimate {
  probabilities: MatchProbabilities;
  /** NHS-number-linked pairs behind m. */
  linkedPairs: number;
  sampledPairs: number;
}

const FIELD_COUNT = FIELDS.length;

export function estimateProbabilities(
  records: PreparedRecords,
  comparator: PairComparator,
  prior: MatchProbabilities,
  options: EstimationOptions = DEFAULT_ESTIMATION,
): Estimate {
  const linked = countLinkedPairs(records, comparator, options.maxGroupSize);
  const sampled = countRandomPairs(records, comparator, options);
  const exact = exactAgreement(records);

  const result = {} as Record<Field, Record<string, LevelProbability>>;
  FIELDS.forEach((field, f) => {
    const priorExact = levelProbability(prior, field, 0) as LevelProbability;
    const agree = exact.agree[f] as number;
    const total = exact.total[f] as number;
    // Pairs known to be one person are not "two different people": take them out of the u counts.
    const uExact = smooth(
      Math.max(0, agree - (linked.counts[f * LEVEL_SLOTS] as number)),
      Math.max(0, total - (linked.totals[f] as number)),
      priorExact.u,
      options.uPriorPairs,
    );
    result[field] = {};
    LEVELS[field].forEach((name, level) => {
      if (level === MISSING_LEVEL[f]) return;
      const p = levelProbability(prior, field, level) as LevelProbability;
      const m = smooth(
        linked.counts[f * LEVEL_SLOTS + level] as number,
        linked.totals[f] as number,
        p.m,
        options.mPriorPairs,
      );
      const u =
        level === 0
          ? uExact
          : (1 - uExact) *
            smooth(
              sampled.counts[f * LEVEL_SLOTS + level] as number,
              sampled.nonExact[f] as number,
              p.u / (1 - priorExact.u),
              options.uPriorPairs,
            );
      (result[field] as Record<string, LevelProbability>)[name] = {
        m: Math.max(options.minM, m),
        u: Math.max(options.minU, u),
      };
    });
  });
  return {
    probabilities: result as unknown as MatchProbabilities,
    linkedPairs: linked.pairs,
    sampledPairs: sampled.pairs,
  };
}

function smooth(count: number, total: number, prior: number, priorPairs: number): number {
  return (count + prior * priorPairs) / (total + priorPairs);
}

/** Level counts over every pair of records sharing a valid NHS number. */
function countLinkedPairs(records: PreparedRecords, comparator: PairComparator, maxGroupSize: number) {
  const counts = new Float64Array(FIELD_COUNT * LEVEL_SLOTS);
  const totals = new Float64Array(FIELD_COUNT);
  let pairs = 0;
  for (const group of groupsBy(records.nhsId)) {
    if (group.length < 2 || group.length > maxGroupSize) continue;
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        comparator.compare(group[x] as number, group[y] as number);
        tally(comparator.levels, counts, totals, false);
        pairs++;
      }
    }
  }
  return { counts, totals, pairs };
}

/** Level counts over a seeded sample of random pairs, leaving out EXACT (computed exactly) and MISSING. */
function countRandomPairs(records: PreparedRecords, comparator: PairComparator, options: EstimationOptions) {
  const counts = new Float64Array(FIELD_COUNT * LEVEL_SLOTS);
  const nonExact = new Float64Array(FIELD_COUNT);
  const n = records.count;
  const wanted = n < 2 ? 0 : Math.min(options.randomPairs, (n * (n - 1)) / 2);
  const random = seededRandom(options.seed);
  let pairs = 0;
  for (let attempt = 0; attempt < wanted; attempt++) {
    const i = Math.floor(random() * n);
    const j = Math.floor(random() * n);
    const nhs = records.nhsId[i] as number;
    if (i === j || (nhs >= 0 && nhs === records.nhsId[j])) continue;
    comparator.compare(i, j);
    tally(comparator.levels, counts, nonExact, true);
    pairs++;
  }
  return { counts, nonExact, pairs };
}

function tally(levels: Uint8Array, counts: Float64Array, totals: Float64Array, skipExact: boolean): void {
  for (let f = 0; f < FIELD_COUNT; f++) {
    const level = levels[f] as number;
    if (level === MISSING_LEVEL[f] || (skipExact && level === 0)) continue;
    counts[f * LEVEL_SLOTS + level]! += 1;
    totals[f]! += 1;
  }
}

/** For each field: pairs of records with the same (non-missing) value, and all pairs with the value present. */
function exactAgreement(records: PreparedRecords) {
  const keys: readonly ArrayLike<number>[] = [
    records.givenId,
    records.familyId,
    records.dob,
    records.sex,
    records.postcodeId,
  ];
  // Each key array's "missing" marker: -1 for interned ids, 0 for dates and unknown sex.
  const missing = [-1, -1, 0, 0, -1];
  const agree = new Float64Array(FIELD_COUNT);
  const total = new Float64Array(FIELD_COUNT);
  keys.forEach((values, f) => {
    const counts = new Map<number, number>();
    let present = 0;
    for (let i = 0; i < records.count; i++) {
      const value = values[i] as number;
      if (value === missing[f]) continue;
      present++;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    let pairs = 0;
    for (const c of counts.values()) pairs += (c * (c - 1)) / 2;
    agree[f] = pairs;
    total[f] = (present * (present - 1)) / 2;
  });
  return { agree, total };
}
