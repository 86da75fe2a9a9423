import type { OperationOutcome, OperationOutcomeIssue } from './r4-types.js';

/** A failure that the FHIR routes answer with an OperationOutcome and the given HTTP status. */
export class FhirError extends Error {
  override name = 'FhirError';
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, diagnostics: string) {
    super(diagnostics);
    this.status = status;
    this.code = code;
  }

  toOperationOutcome(): OperationOutcome {
    return operationOutcome({ severity: 'error', code: this.code, diagnostics: this.message });
  }
}

export function operationOutcome(...issues: OperationOutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues };
}

export const invalidRequest = (diagnostics: string): FhirError => new FhirError(400, 'invalid', diagnostics);

export const notSupported = (status: number, diagnostics: string): FhirError =>
  new FhirError(status, 'not-supported', diagnostics);
