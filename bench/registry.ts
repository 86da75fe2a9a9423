/**
 * Every benchmark `npm run bench` can run. Adding one: a file under bench/<area>/ exporting a Benchmark, plus one
 * line here.
 */
import { auditCost } from './access/audit-cost.js';
import { auditThroughput } from './audit/audit-throughput.js';
import type { Benchmark } from './benchmark.js';
import { childViewBenchmark } from './child-view/child-view.js';
import { feedIngestBenchmark } from './feeds/ingest.js';
import { feedIntakeBenchmark } from './feeds/intake.js';
import { gatewayBaseline } from './gateway/baseline.js';
import { graphqlLimitsBenchmark } from './graphql-limits.js';
import { identityLinkage } from './identity/linkage.js';
import { populationGeneration } from './population/generation.js';
import { reconcileAllBenchmark } from './reconcile/reconcile-all.js';

export const benchmarks: readonly Benchmark[] = [
  gatewayBaseline,
  childViewBenchmark,
  populationGeneration,
  identityLinkage,
  auditThroughput,
  auditCost,
  graphqlLimitsBenchmark,
  reconcileAllBenchmark,
  feedIntakeBenchmark,
  feedIngestBenchmark,
];
