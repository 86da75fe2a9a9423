/**
 * Identity linkage on the simulated population: builds a population with the simulators' generator, links every
 * agency's person records, and scores the clusters against the ground truth (pairwise precision and recall),
 * with the reviews and conflicts raised and the time to link. Sizes (children) from IDENTITY_BENCH_SIZES,
 * comma-separated; default 2,000 and 100,000. Generating the population is not timed.
 */
import { performance } from 'node:perf_hooks';
import { describeWeights, linkRecordsWithDiagnostics } from '../../connectors/identity/matching/index.js';
import { generatePopulation } from '../../simulators/population/generate.js';
import type { Benchmark, BenchmarkResult, Figure } from '../benchmark.js';
import { agencyRecords } from './agency-records.js';
import { pairwiseAccuracy } from './pairwise-accuracy.js';

const SEED = 20_261_125;
const AS_OF = '2026-11-25T09:00:00.000Z';

export function benchSizes(value: string | undefined): number[] {
  if (value === undefined || value.trim() === '') return [2_000, 100_000];
  const sizes = value.split(',').map((part) => Number(part.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new Error(`IDENTITY_BENCH_SIZES: positive whole numbers, comma-separated (got "${value}")`);
  }
  return sizes;
}

const percent = (share: number) => Math.round(share * 10_000) / 100;

export const identityLinkage: Benchmark = {
  name: 'identity-linkage',
  description:
    'Identity matching on the simulated population: pairwise precision/recall, reviews, time to link',
  async run(): Promise<BenchmarkResult> {
    const rows: Array<Record<string, Figure>> = [];
    const notes: string[] = [];
    for (const size of benchSizes(process.env.IDENTITY_BENCH_SIZES)) {
      const { records, truth, renamedIds } = agencyRecords(
        generatePopulation({ seed: SEED, size, asOf: AS_OF }),
      );
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const { result, diagnostics } = linkRecordsWithDiagnostics(records);
      const cpu = process.cpuUsage(cpuBefore);
      const seconds = (performance.now() - started) / 1000;
      const accuracy = pairwiseAccuracy(result, truth);
      rows.push({
        children: size,
        records: records.length,
        clusters: result.clusters.length,
        'precision %': percent(accuracy.precision),
        'recall %': percent(accuracy.recall),
        'true pairs': accuracy.truePairs,
        'wrong pairs': accuracy.predictedPairs - accuracy.correctPairs,
        'missed pairs': accuracy.truePairs - accuracy.correctPairs,
        'prob. links': accuracy.probabilisticLinks,
        'prob. link precision %': percent(accuracy.probabilisticLinkPrecision),
        reviews: result.reviews.length,
        'reviews same person': accuracy.reviewsSamePerson,
        conflicts: result.conflicts.length,
        'candidate pairs': diagnostics.blocking.pairs,
        'link s': Math.round(seconds * 100) / 100,
        // CPU time as well as wall time: on a shared machine the wall time says more about the neighbours.
        'link cpu s': Math.round((cpu.user + cpu.system) / 10_000) / 100,
      });
      if (renamedIds > 0)
        notes.push(`${size} children: ${renamedIds} local id(s) issued twice by the generator, renamed`);
      notes.push(
        `${size} children: thresholds ${JSON.stringify(diagnostics.thresholds)}, m from ${diagnostics.linkedPairsForM} ` +
          `NHS-linked pairs, u from ${diagnostics.sampledPairsForU} random pairs; weights ` +
          JSON.stringify(describeWeights(diagnostics.probabilities)),
      );
    }
    return { rows, notes };
  },
};
