import type { GpResourceType } from '../fhir/resource-types.js';
import type { IncludeDefinition } from './include-definitions.js';
import type { ResourcePredicate, SearchParamDefinition } from './param-definitions.js';

export type Handling = 'strict' | 'lenient';

export interface SearchCriterion {
  definition: SearchParamDefinition;
  rawValue: string;
  matches: ResourcePredicate;
}

export interface IncludeRequest {
  definition: IncludeDefinition;
  /** The types to follow: the one named in `Source:param:Target`, or all the parameter's targets. */
  targets: readonly GpResourceType[];
}

/** A search, parsed and checked: everything needed to run it and to write its links. */
export interface SearchRequest {
  type: GpResourceType;
  /** AND-ed; each one's comma-separated values are OR-ed. */
  criteria: SearchCriterion[];
  count: number;
  /** `_summary=count` or `_count=0`: total only. */
  countOnly: boolean;
  /** Continue after this id (from `_cursor`). */
  afterId: string | null;
  cursor: string | null;
  includes: IncludeRequest[];
  revIncludes: IncludeDefinition[];
  /** The parameters honoured, in request order and without `_cursor`: what the self and next links repeat. */
  honoured: Array<[string, string]>;
  /** Parameters skipped under `Prefer: handling=lenient`, reported back in an OperationOutcome entry. */
  ignored: string[];
}
