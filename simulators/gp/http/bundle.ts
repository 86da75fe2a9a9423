import { randomUUID } from 'node:crypto';
import { operationOutcome } from '../fhir/operation-outcome.js';
import type { BundleEntry, BundleLink, GpResource, SearchSetBundle } from '../fhir/r4-types.js';
import type { SearchResult } from '../search/execute-search.js';
import type { SearchRequest } from '../search/search-request.js';

function searchUrl(
  baseUrl: string,
  type: string,
  parameters: ReadonlyArray<readonly [string, string]>,
): string {
  const query = new URLSearchParams(
    parameters.map(([name, value]): [string, string] => [name, value]),
  ).toString();
  return query === '' ? `${baseUrl}/${type}` : `${baseUrl}/${type}?${query}`;
}

function entry(baseUrl: string, resource: GpResource, mode: 'match' | 'include'): BundleEntry {
  return { fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`, resource, search: { mode } };
}

/**
 * A searchset Bundle: matches, then included resources, then (under lenient handling) an OperationOutcome
 * naming the parameters that were skipped. `self` repeats what was honoured; `next` adds the cursor.
 */
export function searchSetBundle(
  baseUrl: string,
  request: SearchRequest,
  result: SearchResult,
  now: Date = new Date(),
): SearchSetBundle {
  const self =
    request.cursor === null ? request.honoured : [...request.honoured, ['_cursor', request.cursor] as const];
  const link: BundleLink[] = [{ relation: 'self', url: searchUrl(baseUrl, request.type, self) }];
  if (result.nextCursor !== null) {
    link.push({
      relation: 'next',
      url: searchUrl(baseUrl, request.type, [...request.honoured, ['_cursor', result.nextCursor]]),
    });
  }
  const entries: BundleEntry[] = [
    ...result.matches.map((resource) => entry(baseUrl, resource, 'match')),
    ...result.included.map((resource) => entry(baseUrl, resource, 'include')),
  ];
  if (request.ignored.length > 0) {
    entries.push({
      fullUrl: `urn:uuid:${randomUUID()}`,
      resource: operationOutcome(
        ...request.ignored.map((diagnostics) => ({
          severity: 'warning' as const,
          code: 'not-supported',
          diagnostics,
        })),
      ),
      search: { mode: 'outcome' },
    });
  }
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    meta: { lastUpdated: now.toISOString() },
    type: 'searchset',
    total: result.total,
    link,
    ...(entries.length > 0 ? { entry: entries } : {}),
  };
}
