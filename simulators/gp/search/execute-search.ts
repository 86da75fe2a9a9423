import type { GpRepository } from '../data/gp-repository.js';
import { FhirError } from '../fhir/operation-outcome.js';
import type { GpResource } from '../fhir/r4-types.js';
import { isClinicalResourceType, isGpResourceType } from '../fhir/resource-types.js';
import { encodeCursor } from './paging-cursor.js';
import { referencedId } from './search-values.js';
import type { SearchRequest } from './search-request.js';

export interface SearchResult {
  /** Every match's count, not just this page's. */
  total: number;
  matches: GpResource[];
  included: GpResource[];
  /** Cursor for the next page, or null on the last page. */
  nextCursor: string | null;
}

const byId = (a: GpResource, b: GpResource): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const keyOf = (resource: GpResource): string => `${resource.resourceType}/${resource.id}`;

/**
 * Candidates come from the first indexed parameter that can answer (ids, NHS numbers, ODS codes, patients), so a
 * search for 100 patients costs O(their records). A clinical search must name its patients (or ids), as GP
 * systems require; directory types may be scanned.
 */
function candidatesFor(repository: GpRepository, request: SearchRequest): GpResource[] {
  for (const criterion of request.criteria) {
    const found = criterion.definition.candidates?.(repository, criterion.rawValue);
    if (found) return found;
  }
  const { type } = request;
  if (isClinicalResourceType(type)) {
    throw new FhirError(
      400,
      'too-costly',
      `A ${type} search must name the patient (patient= or subject=) or _id.`,
    );
  }
  return repository.readMany(type, repository.allIds(type));
}

function allMatches(repository: GpRepository, request: SearchRequest): GpResource[] {
  const unique = new Map<string, GpResource>();
  for (const resource of candidatesFor(repository, request)) {
    if (request.criteria.every((criterion) => criterion.matches(resource))) unique.set(resource.id, resource);
  }
  return [...unique.values()].sort(byId);
}

function firstAfter(sorted: GpResource[], afterId: string | null): number {
  if (afterId === null) return 0;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as GpResource).id <= afterId) low = middle + 1;
    else high = middle;
  }
  return low;
}

function included(repository: GpRepository, request: SearchRequest, page: GpResource[]): GpResource[] {
  const seen = new Set(page.map(keyOf));
  const found: GpResource[] = [];
  const add = (resource: GpResource | undefined): void => {
    if (resource && !seen.has(keyOf(resource))) {
      seen.add(keyOf(resource));
      found.push(resource);
    }
  };
  for (const { definition, targets } of request.includes) {
    for (const resource of page) {
      for (const reference of definition.references(resource)) {
        const [type, id] = (reference.reference ?? '').split('/');
        if (type === undefined || id === undefined || !isGpResourceType(type)) continue;
        if (targets.includes(type)) add(repository.read(type, id));
      }
    }
  }
  if (request.revIncludes.length > 0) {
    const patientIds = new Set(
      page.filter((resource) => resource.resourceType === 'Patient').map((p) => p.id),
    );
    for (const definition of request.revIncludes) {
      if (!isClinicalResourceType(definition.source)) continue;
      for (const resource of repository.clinicalForPatients(definition.source, patientIds)) {
        const pointsAtPage = definition
          .references(resource)
          .some((reference) => patientIds.has(referencedId(reference.reference ?? '', 'Patient') ?? ''));
        if (pointsAtPage) add(resource);
      }
    }
  }
  return found;
}

export function executeSearch(repository: GpRepository, request: SearchRequest): SearchResult {
  const matches = allMatches(repository, request);
  if (request.countOnly) return { total: matches.length, matches: [], included: [], nextCursor: null };
  const start = firstAfter(matches, request.afterId);
  const page = matches.slice(start, start + request.count);
  const last = page[page.length - 1];
  const hasMore = start + request.count < matches.length;
  return {
    total: matches.length,
    matches: page,
    included: included(repository, request, page),
    nextCursor: hasMore && last ? encodeCursor(request.type, last.id) : null,
  };
}
