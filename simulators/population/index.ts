/** The synthetic population every agency simulator serves: what other parts import. */
export type * from './model.js';
export {
  DEFAULT_AS_OF,
  DEFAULT_LOCAL_AUTHORITY_CODE,
  DEFAULT_SIZE,
  generatePopulation,
  generationOptionsSchema,
} from './generate.js';
export type { GenerationOptions } from './generate.js';
export { groundTruthOf, writeGroundTruth } from './ground-truth.js';
export type { GroundTruth, GroundTruthPerson } from './ground-truth.js';
export { readPopulationFile, writePopulationFile } from './population-file.js';
export { loadPopulation, populationSourceFromEnv, populationSourceSchema } from './load-population.js';
export type { PopulationSource } from './load-population.js';
export { isValidNhsNumber, isValidUpn, nhsCheckDigit, upnCheckLetter } from './identifiers.js';
