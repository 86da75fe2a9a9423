/**
 * The demo population: a generated local authority plus the learning-review scenarios on top, so the children
 * the review describes are there to find alongside thousands of ordinary records.
 */
import { fileURLToPath } from 'node:url';
import { generatePopulation } from './population/generate.js';
import type { Population } from './population/model.js';
import { applyScenarios } from './scenarios/apply.js';
import { loadScenarioFile } from './scenarios/load.js';

export const learningReviewScenarioPath = fileURLToPath(
  new URL('./scenarios/learning-review.json', import.meta.url),
);

export function buildDemoPopulation(options: {
  seed: number;
  size: number;
  asOf: string;
  scenarios?: boolean;
}): Population {
  const population = generatePopulation({ seed: options.seed, size: options.size, asOf: options.asOf });
  if (options.scenarios === false) return population;
  return applyScenarios(population, [loadScenarioFile(learningReviewScenarioPath)], { mode: 'add' });
}
