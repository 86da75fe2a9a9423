import { resourceTypes } from '../fhir/resource-types.js';
import { includeNamesFor, revIncludeNamesFor } from '../search/include-definitions.js';
import { searchParamDefinitions } from '../search/param-definitions.js';
import type { PagingLimits } from '../search/parse-search.js';

export interface CapabilityOptions {
  baseUrl: string;
  /** The date the statement was published: the population's as-of time, so it is stable per seed. */
  date: string;
  paging: PagingLimits;
}

/** FHIR JSON never carries empty arrays. */
function nonEmpty(key: string, values: string[]): Record<string, string[]> {
  return values.length > 0 ? { [key]: values } : {};
}

/** Generated from the same tables the search uses, so it cannot claim a parameter the server rejects. */
export function capabilityStatement(options: CapabilityOptions): Record<string, unknown> {
  return {
    resourceType: 'CapabilityStatement',
    id: 'gp-simulator',
    status: 'active',
    date: options.date,
    publisher: 'child-view-hub simulators',
    kind: 'instance',
    software: { name: 'GP system simulator', version: '0.1.0' },
    implementation: {
      description: 'Synthetic GP practice system (FHIR R4, read and search only)',
      url: options.baseUrl,
    },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          `Search with GET [type]?... or POST [type]/_search (form body). Comma-separated values are OR-ed; ` +
          `repeated parameters are AND-ed. Results are ordered by id and paged with _count ` +
          `(default ${options.paging.defaultCount}, at most ${options.paging.maxCount}) and the next link's opaque ` +
          `_cursor. Prefer: handling=strict (default) rejects unknown parameters with 400; handling=lenient ignores ` +
          `them and reports them in an OperationOutcome entry. Clinical searches must name the patient or _id. ` +
          `_summary=count and _count=0 return the total only.`,
        resource: resourceTypes.map((type) => ({
          type,
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          versioning: 'no-version',
          readHistory: false,
          updateCreate: false,
          ...nonEmpty('searchInclude', includeNamesFor(type)),
          ...nonEmpty('searchRevInclude', revIncludeNamesFor(type)),
          searchParam: searchParamDefinitions[type].map((definition) => ({
            name: definition.name,
            type: definition.type,
            documentation: definition.documentation,
          })),
        })),
      },
    ],
  };
}
