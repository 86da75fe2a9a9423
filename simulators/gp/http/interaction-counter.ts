import type { FastifyInstance } from 'fastify';
import type { RequestCounter } from '../../kit/counters.js';
import { isGpResourceType } from '../fhir/resource-types.js';

/**
 * The counter key for a FHIR request, `<Type>:<interaction>` (e.g. `Patient:search`, `Condition:read`,
 * `system:capabilities`); unknown types count as `unknown` so arbitrary URLs cannot grow the key set. Null
 * outside the FHIR base.
 */
export function interactionKey(method: string, url: string): string | null {
  const path = new URL(url, 'http://simulator.invalid').pathname;
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments[0] !== 'fhir') return null;
  const [, type, id, ...rest] = segments;
  if (type === 'metadata' && id === undefined) return 'system:capabilities';
  const typeKey = type !== undefined && isGpResourceType(type) ? type : 'unknown';
  if (rest.length > 0) return `${typeKey}:other`;
  const reads = method === 'GET' || method === 'HEAD';
  if (reads && id === undefined) return `${typeKey}:search`;
  if (method === 'POST' && id === '_search') return `${typeKey}:search`;
  if (reads && id !== undefined) return `${typeKey}:read`;
  return `${typeKey}:other`;
}

/** Counts every FHIR request, including ones a fault then fails; register before the fault hook. */
export function countFhirInteractions(app: FastifyInstance, counters: RequestCounter): void {
  app.addHook('onRequest', async (request) => {
    const key = interactionKey(request.method, request.url);
    if (key !== null) counters.record(key);
  });
}
