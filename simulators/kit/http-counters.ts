import type { FastifyInstance } from 'fastify';
import type { RequestCounter } from './counters.js';
import { isAdminUrl } from './http-faults.js';

/** The counter key for a request: method and route pattern, e.g. `GET /education/v1/pupils`. */
export function routeKey(method: string, routePattern: string | undefined): string {
  return `${method} ${routePattern ?? '(unmatched)'}`;
}

/**
 * Counts every request outside /admin per route, including ones a fault then fails, so tests can see retries.
 * Register before applyHttpFaults: onRequest hooks run in registration order.
 */
export function countHttpRequests(app: FastifyInstance, counters: RequestCounter): void {
  app.addHook('onRequest', async (request) => {
    if (isAdminUrl(request.url)) return;
    counters.record(routeKey(request.method, request.routeOptions.url));
  });
}
