import { FhirError, invalidRequest, notSupported } from '../fhir/operation-outcome.js';
import type { GpResourceType } from '../fhir/resource-types.js';
import { isClinicalResourceType } from '../fhir/resource-types.js';
import { findInclude } from './include-definitions.js';
import { findSearchParam } from './param-definitions.js';
import { decodeCursor } from './paging-cursor.js';
import type { Handling, IncludeRequest, SearchRequest } from './search-request.js';
import type { IncludeDefinition } from './include-definitions.js';

export interface PagingLimits {
  defaultCount: number;
  maxCount: number;
}

export const defaultPagingLimits: PagingLimits = { defaultCount: 100, maxCount: 1000 };

const jsonFormats = new Set(['json', 'application/json', 'application/fhir+json', 'application/json+fhir']);
const totalModes = new Set(['none', 'estimate', 'accurate']);

/** Thrown for what this server does not support; lenient handling skips the parameter instead. */
class UnsupportedParameter extends Error {}

function parseCount(value: string, limits: PagingLimits): number {
  if (!/^\d+$/.test(value)) throw invalidRequest(`_count must be a whole number, not "${value}".`);
  return Math.min(Number(value), limits.maxCount);
}

function parseInclude(type: GpResourceType, value: string): IncludeRequest {
  const [source = '', param = '', target, ...extra] = value.split(':');
  const definition = findInclude(source, param);
  if (extra.length > 0 || !definition) throw new UnsupportedParameter(`_include=${value} is not supported.`);
  if (definition.source !== type)
    throw new UnsupportedParameter(`_include=${value} does not start from ${type}.`);
  if (target === undefined) return { definition, targets: definition.targets };
  const targetType = definition.targets.find((candidate) => candidate === target);
  if (!targetType) throw new UnsupportedParameter(`_include=${value}: ${param} does not point at ${target}.`);
  return { definition, targets: [targetType] };
}

function parseRevInclude(type: GpResourceType, value: string): IncludeDefinition {
  const [source = '', param = '', target, ...extra] = value.split(':');
  const definition = findInclude(source, param);
  const supported =
    definition !== undefined &&
    extra.length === 0 &&
    type === 'Patient' &&
    isClinicalResourceType(definition.source) &&
    (target === undefined || target === 'Patient');
  if (!supported) throw new UnsupportedParameter(`_revinclude=${value} is not supported on ${type}.`);
  return definition;
}

/**
 * Turns query (or form) parameters into a SearchRequest. Unknown parameters, modifiers and includes are a 400
 * under strict handling and skipped (and reported) under lenient; a value that cannot be parsed is a 400 either
 * way. Empty values are ignored, as FHIR asks.
 */
export function parseSearch(
  type: GpResourceType,
  parameters: ReadonlyArray<readonly [string, string]>,
  handling: Handling,
  limits: PagingLimits = defaultPagingLimits,
): SearchRequest {
  const request: SearchRequest = {
    type,
    criteria: [],
    count: limits.defaultCount,
    countOnly: false,
    afterId: null,
    cursor: null,
    includes: [],
    revIncludes: [],
    honoured: [],
    ignored: [],
  };
  const seen = new Set<string>();

  for (const [name, value] of parameters) {
    if (value === '') continue;
    const [base = '', ...modifiers] = name.split(':');
    const modifier = modifiers.length > 0 ? modifiers.join(':') : undefined;
    try {
      if (modifier !== undefined && base.startsWith('_') && base !== '_id') {
        throw new UnsupportedParameter(`Modifier :${modifier} is not supported on ${base}.`);
      }
      const once = (): void => {
        if (seen.has(base)) throw invalidRequest(`${base} may appear only once.`);
        seen.add(base);
      };
      switch (base) {
        case '_count':
          once();
          request.count = parseCount(value, limits);
          if (request.count === 0) request.countOnly = true;
          break;
        case '_cursor':
          once();
          request.afterId = decodeCursor(value, type);
          request.cursor = value;
          continue;
        case '_include':
          request.includes.push(parseInclude(type, value));
          break;
        case '_revinclude':
          request.revIncludes.push(parseRevInclude(type, value));
          break;
        case '_summary':
          once();
          if (value === 'count') request.countOnly = true;
          else if (value !== 'false') throw new UnsupportedParameter(`_summary=${value} is not supported.`);
          break;
        case '_total':
          once();
          if (!totalModes.has(value)) throw invalidRequest(`_total must be none, estimate or accurate.`);
          break;
        case '_format':
          if (!jsonFormats.has(value)) throw notSupported(406, `Only JSON is supported (_format=${value}).`);
          break;
        case '_pretty':
          break;
        default: {
          const definition = findSearchParam(type, base);
          if (!definition) throw new UnsupportedParameter(`Unknown search parameter "${base}" for ${type}.`);
          if (modifier !== undefined && !definition.modifiers.includes(modifier)) {
            throw new UnsupportedParameter(`Modifier :${modifier} is not supported on ${base}.`);
          }
          request.criteria.push({
            definition,
            rawValue: value,
            matches: definition.compile(value, modifier),
          });
        }
      }
      request.honoured.push([name, value]);
    } catch (error) {
      if (!(error instanceof UnsupportedParameter)) throw error;
      if (handling === 'strict') throw new FhirError(400, 'not-supported', error.message);
      request.ignored.push(error.message);
    }
  }
  return request;
}
