/**
 * The gateway's own floor: liveness and a trivial GraphQL query through the whole HTTP + Apollo pipeline, with
 * no agency behind it. Later benchmarks (the stitched child view) are read against this.
 */
import { createHubInfoSchema } from '../../gateway/hub-info-schema.js';
import { buildGateway } from '../../gateway/server.js';
import { createLogger } from '../../platform/logger.js';
import type { Benchmark } from '../benchmark.js';
import { loadTest } from '../load.js';
import { openTestAccess } from '../../gateway/access/testing.js';

export const gatewayBaseline: Benchmark = {
  name: 'gateway-baseline',
  description: 'HTTP floor of the gateway: /healthz and a trivial GraphQL query, no agencies',
  async run({ durationSeconds, connections }) {
    const gateway = await buildGateway({
      config: {
        host: '127.0.0.1',
        port: 0,
        shutdownGraceMs: 1000,
        introspection: false,
        bodyLimitBytes: 1_048_576,
        maxBatchSize: 100,
      },
      nodeEnv: 'production',
      logger: createLogger({ service: 'bench', level: 'silent' }),
      schema: createHubInfoSchema({ name: 'child-view-hub', version: 'bench', environment: 'bench' }),
      readinessChecks: [],
      access: openTestAccess(),
    });
    const url = await gateway.listen({ host: '127.0.0.1', port: 0 });
    try {
      const health = await loadTest({ url: `${url}/healthz`, durationSeconds, connections });
      const graphql = await loadTest({
        url: `${url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ hub { name version } }' }),
        durationSeconds,
        connections,
      });
      return {
        rows: [
          {
            target: 'GET /healthz',
            connections,
            'req/s': health.requestsPerSecond,
            'p50 ms': health.p50Ms,
            'p99 ms': health.p99Ms,
            errors: health.errors + health.non2xx,
          },
          {
            target: 'POST /graphql { hub }',
            connections,
            'req/s': graphql.requestsPerSecond,
            'p50 ms': graphql.p50Ms,
            'p99 ms': graphql.p99Ms,
            errors: graphql.errors + graphql.non2xx,
          },
        ],
      };
    } finally {
      await gateway.close();
    }
  },
};
