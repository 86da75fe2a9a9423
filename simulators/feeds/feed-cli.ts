/**
 * The feed generator's command line: a school census CSV or a GP FHIR Bundle for the demo population (the one
 * `npm start` serves: same seed, size and day), with its truth as JSON. Prints counts, never anyone's details.
 */
import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { buildDemoPopulation } from '../demo-population.js';
import { badKinds, maxRevision, type GeneratedFeed } from './feed-types.js';
import { generateGpFeed } from './gp-feed.js';
import { writeSchoolFeedFile } from './school-feed-file.js';
import { generateSchoolFeed } from './school-feed.js';

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** The clock, read here only: the generators themselves take `now`. */
  now: () => Date;
}

const integer = (min: number, max: number) => (value: string) => {
  const parsed = z.coerce.number().int().min(min).max(max).safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
  return parsed.data;
};

const kindList = (value: string) => {
  const parsed = z
    .array(z.enum(badKinds))
    .min(1)
    .safeParse(value.split(',').map((kind) => kind.trim()));
  if (!parsed.success)
    throw new InvalidArgumentError(`expected a comma-separated list of ${badKinds.join(', ')}`);
  return parsed.data;
};

const demoEnv = z.object({
  DEMO_SEED: z.coerce.number().int().min(0).default(20261125),
  DEMO_POPULATION_SIZE: z.coerce.number().int().min(1).max(200_000).default(2000),
});

/** The autumn census day (1 October) most recently past on `now`. */
export function lastAutumnCensus(now: Date): string {
  const year = now.getUTCMonth() >= 9 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return `${year}-10-01`;
}

interface CommonFlags {
  good: number;
  bad: number;
  seed: number;
  out: string;
  truth?: string;
  badKinds?: (typeof badKinds)[number][];
  now?: string;
  revision: number;
  populationSeed?: number;
  populationSize?: number;
  asOf?: string;
}

function summary(kind: string, out: string, truth: GeneratedFeed['truth'] | Record<string, number>): string {
  const counts: Record<string, number> = {};
  if (Array.isArray(truth))
    for (const entry of truth) counts[entry.expected] = (counts[entry.expected] ?? 0) + 1;
  else Object.assign(counts, truth);
  const parts = Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([expected, n]) => `${expected} ${n}`);
  return `${kind} feed written to ${out}: ${parts.join(', ')}`;
}

export function feedProgram(io: CliIo): Command {
  const program = new Command('feeds')
    .description('generate GP FHIR and school census feeds for the demo population, with their truth')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  const withCommon = (command: Command) =>
    command
      .requiredOption('--out <file>', 'where to write the feed')
      .option('--good <n>', 'good records', integer(0, 1_000_000), 100)
      .option('--bad <n>', 'bad records, their kinds spread evenly', integer(0, 1_000_000), 20)
      .option('--seed <n>', 'the feed seed', integer(0, 0xffffffff), 1)
      .option('--truth <file>', 'where to write the truth (JSON array)')
      .option('--bad-kinds <list>', `comma-separated: ${badKinds.join(', ')}`, kindList)
      .option('--now <iso>', 'the instant the feed is made (default: the clock)')
      .option(
        '--revision <n>',
        'newer (+n) or older (-n) versions of the good records',
        integer(-maxRevision, maxRevision),
        0,
      )
      .option(
        '--population-seed <n>',
        'demo population seed (default DEMO_SEED or 20261125)',
        integer(0, 0xffffffff),
      )
      .option(
        '--population-size <n>',
        'demo population size (default DEMO_POPULATION_SIZE or 2000)',
        integer(1, 200_000),
      )
      .option('--as-of <iso>', "the demo population's day (default now, as npm start does)");

  const population = (flags: CommonFlags, now: string) => {
    const env = demoEnv.parse(io.env);
    return buildDemoPopulation({
      seed: flags.populationSeed ?? env.DEMO_SEED,
      size: flags.populationSize ?? env.DEMO_POPULATION_SIZE,
      asOf: flags.asOf ?? now,
    });
  };

  const writeTruth = async (flags: CommonFlags, feed: GeneratedFeed) => {
    if (flags.truth)
      await writeFile(flags.truth, `[\n${feed.truth.map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`);
  };

  withCommon(program.command('school').description('a school census CSV'))
    .option('--census-date <date>', 'census date (default: the last 1 October)')
    .option(
      '--rows <n>',
      'stream this many rows to disk, padding after the known pupils (ignores --good)',
      integer(0, 50_000_000),
    )
    .option('--padding <kind>', 'UNKNOWN_PUPILS or EARLIER_CENSUSES (with --rows)', 'UNKNOWN_PUPILS')
    .action(async (flags: CommonFlags & { censusDate?: string; rows?: number; padding: string }) => {
      const now = flags.now ?? io.now().toISOString();
      const censusDate = flags.censusDate ?? lastAutumnCensus(new Date(now));
      const common = {
        population: population(flags, now),
        seed: flags.seed,
        bad: flags.bad,
        censusDate,
        now,
        ...(flags.badKinds ? { badKinds: flags.badKinds } : {}),
      };
      if (flags.rows !== undefined) {
        const report = await writeSchoolFeedFile(flags.out, {
          ...common,
          rows: flags.rows,
          padding: z.enum(['UNKNOWN_PUPILS', 'EARLIER_CENSUSES']).parse(flags.padding),
          ...(flags.truth ? { truthPath: flags.truth } : {}),
        });
        io.out(`${summary('school', flags.out, report.byExpected)} (${report.bytes} bytes)`);
        return;
      }
      const feed = generateSchoolFeed({ ...common, good: flags.good, revision: flags.revision });
      await writeFile(flags.out, feed.content);
      await writeTruth(flags, feed);
      io.out(summary('school', flags.out, feed.truth));
    });

  withCommon(program.command('gp').description('a GP FHIR R4 Bundle'))
    .option('--bundle-type <type>', 'collection, batch or transaction', 'collection')
    .option('--practice <ods>', "only this practice's patients")
    .action(async (flags: CommonFlags & { bundleType: string; practice?: string }) => {
      const now = flags.now ?? io.now().toISOString();
      const feed = generateGpFeed({
        population: population(flags, now),
        seed: flags.seed,
        good: flags.good,
        bad: flags.bad,
        now,
        revision: flags.revision,
        bundleType: z.enum(['collection', 'batch', 'transaction']).parse(flags.bundleType),
        ...(flags.practice ? { practiceCode: flags.practice } : {}),
        ...(flags.badKinds ? { badKinds: flags.badKinds } : {}),
      });
      await writeFile(flags.out, feed.content);
      await writeTruth(flags, feed);
      io.out(summary('gp', flags.out, feed.truth));
    });
  return program;
}

/** Runs the command line; resolves to the exit code (0 done, 2 bad arguments, 1 anything else). */
export async function runFeedCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await feedProgram(io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    // Options the generators refuse (a kind the feed cannot have, a census date after now) are usage errors.
    if (error instanceof z.ZodError || error instanceof RangeError) {
      io.err(error instanceof z.ZodError ? z.prettifyError(error) : error.message);
      return 2;
    }
    if (error instanceof Error && 'exitCode' in error && typeof error.exitCode === 'number') {
      // commander has already printed the reason (or the help, exit code 0).
      return error.exitCode === 0 ? 0 : 2;
    }
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
