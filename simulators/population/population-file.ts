/**
 * Saving and loading a Population as a JSON file (one record per line; see json-lines-document.ts), so simulators
 * can start from a file the CLI wrote instead of regenerating.
 */
import type { Population } from './model.js';
import { readJsonDocument, writeJsonDocument } from './json-lines-document.js';

const ARRAY_KEYS = [
  'people',
  'professionals',
  'organisations',
  'residentialUnits',
  'socialCare',
  'gp',
  'education',
  'adult',
] as const satisfies ReadonlyArray<keyof Population>;

export function writePopulationFile(population: Population, filePath: string): void {
  const arrays: Record<string, readonly unknown[]> = {};
  for (const key of ARRAY_KEYS) arrays[key] = population[key];
  writeJsonDocument(filePath, { seed: population.seed, asOf: population.asOf }, arrays);
}

export async function readPopulationFile(filePath: string): Promise<Population> {
  const document = await readJsonDocument(filePath);
  if (typeof document.seed !== 'number' || typeof document.asOf !== 'string') {
    throw new Error(`${filePath} is not a population file: seed and asOf are missing`);
  }
  for (const key of ARRAY_KEYS) {
    if (!Array.isArray(document[key]))
      throw new Error(`${filePath} is not a population file: "${key}" is missing`);
  }
  return document as unknown as Population;
}
