import { operationOutcome } from '../fhir/operation-outcome.js';
import type { OperationOutcome } from '../fhir/r4-types.js';

/** Body of 500 / 503 / 504 answers from the fault layer. */
export function gpErrorBody(): OperationOutcome {
  return operationOutcome({
    severity: 'error',
    code: 'transient',
    diagnostics: 'The GP system is temporarily unable to process the request.',
  });
}

/**
 * Valid JSON that breaks FHIR, shaped like what the URL would have returned so a client has to validate to notice:
 * a read gets its resource with an impossible birthDate and lastUpdated, a search a Bundle whose entries have no
 * resourceType and whose total is not a number.
 */
export function gpMalformedBody(requestUrl: string): unknown {
  const path = new URL(requestUrl, 'http://simulator.invalid').pathname;
  const [, fhir, type, id] = path.split('/');
  if (fhir !== 'fhir' || type === undefined) return { resourceType: 'OperationOutcome', issue: 'broken' };
  if (type === 'metadata')
    return { resourceType: 'CapabilityStatement', status: 'sometimes', fhirVersion: 4 };
  if (id !== undefined && id !== '_search') {
    return { resourceType: type, id, meta: { lastUpdated: 'yesterday' }, birthDate: 'not-a-date' };
  }
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: 'unknown',
    entry: [{ fullUrl: 'Patient/?', resource: { id: 'no resource type', birthDate: 'not-a-date' } }],
  };
}
