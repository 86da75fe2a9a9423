/**
 * Prometheus metrics, in a registry owned by one gateway instance (no global default registry, so tests and
 * several servers in one process never share counters).
 */
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface GatewayMetrics {
  registry: Registry;
  httpDuration: Histogram<'route' | 'method' | 'status'>;
}

export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cvh_' });
  const httpDuration = new Histogram({
    name: 'cvh_http_request_duration_seconds',
    help: 'HTTP request duration by route template (never the raw URL, which may carry identifiers)',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, httpDuration };
}
