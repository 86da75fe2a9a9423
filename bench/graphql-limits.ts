/**
 * What a refused operation costs the gateway: the time a real ApolloServer (the HTTP request path, without the
 * socket) takes to refuse a depth-50 query under the hub's operation limits, against executing that query with no
 * limits (parsed and validated each time, or from Apollo's cache of valid documents) and answering a small
 * accepted one. Tests only assert that a refusal runs no resolver; the time is here. The duration is shared
 * between the variants.
 */
import { performance } from 'node:perf_hooks';
import { createOperationLimits } from '../gateway/hardening/operation-limits.js';
import { hardeningDefaults } from '../gateway/hardening/hardening-config.js';
import { nestedQuery, startTestServer, type TestServer } from '../gateway/hardening/testing.js';
import type { Benchmark, Figure } from './benchmark.js';

const limits = {
  maxDepth: hardeningDefaults.maxDepth,
  maxAliases: hardeningDefaults.maxAliases,
  maxCost: hardeningDefaults.maxCost,
  maxTokens: hardeningDefaults.maxTokens,
  maxDirectives: hardeningDefaults.maxDirectives,
};
const warmUp = 200;
const maxSamples = 50_000;

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

/** `query(i)` is the text of request i: a new text each time defeats Apollo's cache of validated documents. */
async function measure(server: TestServer, query: (i: number) => string, budgetMs: number) {
  let status = 0;
  for (let i = 0; i < warmUp; i += 1) status = (await server.post({ query: query(i) })).status;
  const samples: number[] = [];
  const until = performance.now() + budgetMs;
  while (performance.now() < until && samples.length < maxSamples) {
    const text = query(warmUp + samples.length);
    const started = performance.now();
    await server.post({ query: text });
    samples.push((performance.now() - started) * 1000);
  }
  samples.sort((a, b) => a - b);
  return {
    status,
    samples: samples.length,
    medianUs: percentile(samples, 0.5),
    p99Us: percentile(samples, 0.99),
  };
}

export const graphqlLimitsBenchmark: Benchmark = {
  name: 'graphql-limits',
  description: 'Time to refuse a depth-50 query under the operation limits, against executing it unlimited',
  async run({ durationSeconds }) {
    const limited = await startTestServer(
      createOperationLimits({ limits, fieldSuggestions: undefined }, 'production'),
    );
    const unlimited = await startTestServer();
    const deep = nestedQuery(50);
    const small = nestedQuery(5);
    const variants: Array<{ variant: string; server: TestServer; query: (i: number) => string }> = [
      { variant: 'depth 50, limits on: refused', server: limited, query: () => deep },
      {
        variant: 'depth 50, no limits: executed, new text',
        server: unlimited,
        query: (i) => `${deep} # ${i}`,
      },
      { variant: 'depth 50, no limits: executed, cached', server: unlimited, query: () => deep },
      { variant: 'depth 5, limits on: accepted, cached', server: limited, query: () => small },
    ];
    const budgetMs = (durationSeconds * 1000) / variants.length;
    try {
      const rows: Array<Record<string, Figure>> = [];
      for (const { variant, server, query } of variants) {
        const result = await measure(server, query, budgetMs);
        rows.push({
          variant,
          status: result.status,
          requests: result.samples,
          'median µs': Math.round(result.medianUs),
          'p99 µs': Math.round(result.p99Us),
        });
      }
      return {
        rows,
        notes: [
          'in-process ApolloServer.executeHTTPGraphQLRequest, one request at a time; no socket, no Fastify',
          'a refused document is parsed and validated on every request (Apollo caches only valid documents);',
          '"new text" makes Apollo parse and validate each time too: compare the refusal with that row',
        ],
      };
    } finally {
      await limited.stop();
      await unlimited.stop();
    }
  },
};
