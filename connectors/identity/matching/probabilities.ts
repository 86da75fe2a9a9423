/**
 * Fellegi–Sunter m and u probabilities per comparison level, and the log2(m/u) weights they give.
 * m = P(level | the records are one person); u = P(level | two different people). A pair's score is the sum of
 * its levels' weights. The engine estimates both from the data it is given (see estimate.ts); these defaults are
 * the prior that estimate is smoothed towards, and what is used when the data cannot support an estimate.
 */
import type {
  DateOfBirthLevel,
  FamilyNameLevel,
  Field,
  GivenNameLevel,
  PostcodeLevel,
  SexLevel,
} from './levels.js';
import { FIELDS, LEVEL_SLOTS, LEVELS, MISSING_LEVEL } from './levels.js';

export interface LevelProbability {
  m: number;
  u: number;
}

/** Every level but MISSING, which always weighs 0. */
export type FieldProbabilities<L extends string> = Readonly<Record<Exclude<L, 'MISSING'>, LevelProbability>>;

export interface MatchProbabilities {
  givenName: FieldProbabilities<GivenNameLevel>;
  familyName: FieldProbabilities<FamilyNameLevel>;
  dateOfBirth: FieldProbabilities<DateOfBirthLevel>;
  sex: FieldProbabilities<SexLevel>;
  postcode: FieldProbabilities<PostcodeLevel>;
}

/**
 * Defaults for children known to one local authority. u values: ~90 common given names per sex and ~250 family
 * names (skewed), so two strangers share a given name ~1% and a family name ~0.6% of the time; birth dates spread
 * over 18 years (~6,600 days), so an exact match by chance is ~0.015%, a transposed one rarer still, one
 * differing component (same year and month, say) ~1%; postcodes hold ~15 households' children out of ~100,000,
 * districts ~1 in 14. m values: agencies' published data-quality rates — a few percent of records carry a
 * nickname, misspelling or other surname form; about 1% a transposed date of birth; 5–10% an out-of-date address.
 */
export const DEFAULT_PROBABILITIES: MatchProbabilities = {
  givenName: {
    EXACT: { m: 0.92, u: 0.012 },
    NICKNAME: { m: 0.05, u: 0.002 },
    SIMILAR: { m: 0.02, u: 0.01 },
    DISAGREE: { m: 0.01, u: 0.976 },
  },
  familyName: {
    EXACT: { m: 0.93, u: 0.006 },
    PARTIAL: { m: 0.04, u: 0.0005 },
    SIMILAR: { m: 0.02, u: 0.004 },
    DISAGREE: { m: 0.01, u: 0.9895 },
  },
  dateOfBirth: {
    EXACT: { m: 0.975, u: 0.00015 },
    TRANSPOSED: { m: 0.01, u: 0.00006 },
    ONE_COMPONENT: { m: 0.01, u: 0.012 },
    DISAGREE: { m: 0.005, u: 0.98779 },
  },
  sex: {
    AGREE: { m: 0.995, u: 0.5 },
    DISAGREE: { m: 0.005, u: 0.5 },
  },
  postcode: {
    EXACT: { m: 0.88, u: 0.0002 },
    DISTRICT: { m: 0.04, u: 0.07 },
    DISAGREE: { m: 0.08, u: 0.9298 },
  },
};

/** The m/u pair of a field's level by index; undefined for MISSING. */
export function levelProbability(
  probabilities: MatchProbabilities,
  field: Field,
  level: number,
): LevelProbability | undefined {
  const name = LEVELS[field][level];
  if (name === undefined || name === 'MISSING') return undefined;
  return (probabilities[field] as Record<string, LevelProbability>)[name];
}

/** Flat weight table indexed field × LEVEL_SLOTS + level, as PairComparator.score reads it. */
export function weightTable(probabilities: MatchProbabilities): Float64Array {
  const table = new Float64Array(FIELDS.length * LEVEL_SLOTS);
  FIELDS.forEach((field, f) => {
    LEVELS[field].forEach((_, level) => {
      if (level === MISSING_LEVEL[f]) return;
      const p = levelProbability(probabilities, field, level);
      if (!p || !(p.m > 0) || !(p.u > 0))
        throw new RangeError(`${field} level ${level}: m and u must be positive`);
      table[f * LEVEL_SLOTS + level] = Math.log2(p.m / p.u);
    });
  });
  return table;
}

/** The weights by name, for reports and documentation. */
export function describeWeights(probabilities: MatchProbabilities): Record<Field, Record<string, number>> {
  const table = weightTable(probabilities);
  const out = {} as Record<Field, Record<string, number>>;
  FIELDS.forEach((field, f) => {
    out[field] = {};
    LEVELS[field].forEach((name, level) => {
      out[field][name] = Math.round((table[f * LEVEL_SLOTS + level] as number) * 100) / 100;
    });
  });
  return out;
}
