/**
 * Where a simulator's population comes from: a file the CLI wrote, or a fresh generation from seed and size, with
 * scenario files applied on top (or instead). One description, readable from the environment, so the four
 * simulators started side by side all serve the same children.
 *
 *   POPULATION_FILE=population.json          use a saved population (seed, size and as-of are then ignored)
 *   POPULATION_SEED=1 POPULATION_SIZE=2000   generate (defaults shown)
 *   POPULATION_AS_OF=2026-11-25T09:00:00.000Z
 *   POPULATION_SCENARIOS=a.json,b.json       scenario files to apply
 *   POPULATION_SCENARIO_MODE=add|replace     alongside the generated children (default) or instead of them
 */
import { z } from 'zod';
import { applyScenarios } from '../scenarios/apply.js';
import { loadScenarioFile } from '../scenarios/load.js';
import { DEFAULT_AS_OF, DEFAULT_SIZE, generatePopulation } from './generate.js';
import type { Population } from './model.js';
import { readPopulationFile } from './population-file.js';

export const populationSourceSchema = z.object({
  file: z.string().min(1).optional(),
  seed: z.coerce.number().int().min(0).max(0xffffffff).default(1),
  size: z.coerce.number().int().min(1).max(500_000).default(DEFAULT_SIZE),
  asOf: z.iso.datetime({ offset: true }).default(DEFAULT_AS_OF),
  scenarios: z.array(z.string().min(1)).default([]),
  mode: z.enum(['add', 'replace']).default('add'),
});

export type PopulationSource = z.output<typeof populationSourceSchema>;

export function populationSourceFromEnv(env: NodeJS.ProcessEnv): PopulationSource {
  const blankToUndefined = (value: string | undefined) =>
    value === undefined || value.trim() === '' ? undefined : value.trim();
  return populationSourceSchema.parse({
    file: blankToUndefined(env.POPULATION_FILE),
    seed: blankToUndefined(env.POPULATION_SEED),
    size: blankToUndefined(env.POPULATION_SIZE),
    asOf: blankToUndefined(env.POPULATION_AS_OF),
    scenarios: (blankToUndefined(env.POPULATION_SCENARIOS) ?? '')
      .split(',')
      .map((path) => path.trim())
      .filter((path) => path.length > 0),
    mode: blankToUndefined(env.POPULATION_SCENARIO_MODE),
  });
}

export async function loadPopulation(source: z.input<typeof populationSourceSchema>): Promise<Population> {
  const { file, seed, size, asOf, scenarios, mode } = populationSourceSchema.parse(source);
  const scenarioFiles = scenarios.map((path) => loadScenarioFile(path));
  let base: Population;
  if (file !== undefined) {
    base = await readPopulationFile(file);
  } else if (mode === 'replace' && scenarioFiles.length > 0) {
    // Nothing generated would survive the replacement, so skip generating it.
    base = {
      seed,
      asOf: new Date(asOf).toISOString(),
      people: [],
      professionals: [],
      organisations: [],
      residentialUnits: [],
      socialCare: [],
      gp: [],
      education: [],
      adult: [],
    };
  } else {
    base = generatePopulation({ seed, size, asOf });
  }
  return scenarioFiles.length > 0 ? applyScenarios(base, scenarioFiles, { mode }) : base;
}
