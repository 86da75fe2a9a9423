/**
 * Writes a population (and optionally its ground truth) to disk.
 *
 *   npx tsx simulators/population/cli.ts --seed 1 --size 2000 --as-of 2026-11-25T09:00:00.000Z \
 *     --out population.json --ground-truth truth.json \
 *     [--scenarios simulators/scenarios/learning-review.json] [--mode add|replace]
 *
 * --scenarios may be repeated or comma-separated. Prints counts only, never anyone's details.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_AS_OF, DEFAULT_SIZE } from './generate.js';
import { groundTruthOf, writeGroundTruth } from './ground-truth.js';
import { loadPopulation } from './load-population.js';
import { writePopulationFile } from './population-file.js';

const argumentsSchema = z.object({
  seed: z.coerce.number().int().min(0).max(0xffffffff).default(1),
  size: z.coerce.number().int().min(1).max(500_000).default(DEFAULT_SIZE),
  asOf: z.iso.datetime({ offset: true }).default(DEFAULT_AS_OF),
  out: z.string().min(1, '--out is required'),
  groundTruth: z.string().min(1).optional(),
  scenarios: z.array(z.string().min(1)).default([]),
  mode: z.enum(['add', 'replace']).default('add'),
});

const USAGE =
  'usage: cli.ts --out population.json [--seed 1] [--size 2000] [--as-of ISO] [--ground-truth truth.json] ' +
  '[--scenarios file.json ...] [--mode add|replace]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      size: { type: 'string' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
      'ground-truth': { type: 'string' },
      scenarios: { type: 'string', multiple: true },
      mode: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const parsed = argumentsSchema.safeParse({
    seed: values.seed,
    size: values.size,
    asOf: values['as-of'],
    out: values.out ?? '',
    groundTruth: values['ground-truth'],
    scenarios: (values.scenarios ?? [])
      .flatMap((value) => value.split(','))
      .filter((value) => value.trim() !== ''),
    mode: values.mode,
  });
  if (!parsed.success) {
    console.error(`${z.prettifyError(parsed.error)}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const options = parsed.data;
  const started = performance.now();
  const population = await loadPopulation(options);
  writePopulationFile(population, options.out);
  if (options.groundTruth) writeGroundTruth(population, options.groundTruth);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const scenarioPeople = groundTruthOf(population).people.filter((person) => person.scenario !== null).length;
  console.log(
    [
      `population written to ${options.out} in ${seconds}s (as of ${population.asOf})`,
      `  people ${population.people.length} (from scenarios ${scenarioPeople})`,
      `  social care ${population.socialCare.length}, GP ${population.gp.length}, education ${population.education.length}, adult ${population.adult.length}`,
      `  professionals ${population.professionals.length}, organisations ${population.organisations.length}, residential units ${population.residentialUnits.length}`,
      options.groundTruth ? `ground truth written to ${options.groundTruth}` : '',
    ]
      .filter((line) => line !== '')
      .join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
