/** Identity matching: links what each agency records about a child into one identity. Pure; no I/O. */
export {
  linkRecords,
  linkRecordsWithDiagnostics,
  DEFAULT_THRESHOLDS,
  DEFAULT_MAX_BLOCK_SIZE,
} from './link-records.js';
export type { LinkOptions, LinkDiagnostics } from './link-records.js';
export type { Thresholds } from './probabilistic.js';
export { DEFAULT_PROBABILITIES, describeWeights } from './probabilities.js';
export type { MatchProbabilities, FieldProbabilities, LevelProbability } from './probabilities.js';
export { DEFAULT_ESTIMATION } from './estimate.js';
export type { EstimationOptions } from './estimate.js';
export { DEFAULT_SIMILARITY } from './compare.js';
export type { SimilarityThresholds } from './compare.js';
export type * from './types.js';
export type * from './levels.js';
export { jaroWinkler, jaro } from './jaro-winkler.js';
export { soundex } from './soundex.js';
export { normaliseName, nameTokens } from './normalise-name.js';
export { normalisePostcode } from './normalise-postcode.js';
export { nicknameEquivalent } from './nicknames.js';
