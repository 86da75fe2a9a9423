/**
 * One GP feed record (a Bundle entry) validated: a supported resource type, the resource's schema, and the
 * patient it is about — a Patient by its NHS number identifier, a clinical resource by its reference to a
 * Patient in the same feed or a logical reference by NHS number identifier.
 */
import { nhsNumberProblem, normaliseNhsNumber } from '../../schema/identifiers/nhs-number.js';
import { feedEntryOf, type BundlePatients } from './bundle-patients.js';
import { reject, type Verdict } from './dead-letter-reasons.js';
import {
  isSupportedResourceType,
  nhsNumberSystem,
  resourceSchemas,
  type PatientReference,
  type SupportedResourceType,
} from './fhir-resource-schemas.js';
import { toInstant, type RecordClock } from './record-clock.js';
import { problemsFromIssues, rejectionFrom, type RecordProblem } from './record-problems.js';

export interface GpResource {
  resourceType: SupportedResourceType;
  id: string;
  /** meta.lastUpdated, ISO 8601 UTC: the version order. */
  lastUpdated: string;
  /** The clinical date (encounter start, onset, authored, effective, occurrence), ISO 8601 UTC. */
  occurredAt: string | null;
  /** The resource as sent. */
  resource: Record<string, unknown>;
  /** The patient's NHS number: how the resource is matched to a child. Never logged. */
  nhsNumber: string;
  /** An Encounter of class EMER: unscheduled (A&E) care. */
  emergency: boolean;
}

export type GpResourceValidator = (text: string) => Verdict<GpResource>;

const patientReferencePattern = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

export function gpResourceValidator(patients: BundlePatients, clock: RecordClock): GpResourceValidator {
  const schemas = resourceSchemas(clock);
  return (text) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return reject('SCHEMA', '(record): not JSON');
    }
    if (nestingDepth(json) > maxNestingDepth) return reject('SCHEMA', '(record): nested too deep');
    const entry = feedEntryOf(json);
    if (!entry) return reject('SCHEMA', '(record): not a Bundle entry');
    const resourceType = entry.resource['resourceType'];
    if (resourceType === undefined) return reject('MISSING_FIELD', 'resourceType');
    if (!isSupportedResourceType(resourceType)) return reject('UNSUPPORTED_RESOURCE', 'resourceType');

    const parsed = schemas[resourceType].safeParse(entry.resource);
    const problems: RecordProblem[] = parsed.success ? [] : problemsFromIssues(parsed.error.issues);
    const valid = parsed.success ? parsed.data : null;
    const linked =
      resourceType === 'Patient'
        ? patientIdentity(entry.resource)
        : resolvePatient(referenceOf(entry.resource, resourceType), subjectField(resourceType), patients);
    if ('reason' in linked) problems.push(linked);
    if (problems.length > 0 || !valid || 'reason' in linked) return rejectionFrom(problems);

    return {
      ok: true,
      value: {
        resourceType,
        id: valid.id,
        lastUpdated: toInstant(valid.meta.lastUpdated),
        occurredAt: clinicalDate(entry.resource, resourceType),
        resource: entry.resource,
        nhsNumber: linked.nhsNumber,
        emergency: resourceType === 'Encounter' && classCode(entry.resource) === 'EMER',
      },
    };
  };
}

/** Far deeper than any FHIR resource; deeper documents would exhaust the stack of recursive code downstream. */
export const maxNestingDepth = 64;

/** Depth of a JSON value, without recursion. */
function nestingDepth(json: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[json, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > maxNestingDepth) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const subjectField = (type: SupportedResourceType) =>
  type === 'Immunization' || type === 'AllergyIntolerance' ? 'patient' : 'subject';

/** The patient reference; null when absent, MALFORMED when present but not a Reference object. */
function referenceOf(
  resource: Record<string, unknown>,
  type: SupportedResourceType,
): PatientReference | null | 'MALFORMED' {
  const value = resource[subjectField(type)];
  if (value === undefined || value === null) return null;
  return typeof value === 'object' && !Array.isArray(value) ? (value as PatientReference) : 'MALFORMED';
}

function patientIdentity(resource: Record<string, unknown>): { nhsNumber: string } | RecordProblem {
  const identifiers = Array.isArray(resource['identifier']) ? (resource['identifier'] as unknown[]) : [];
  const index = identifiers.findIndex(
    (identifier) =>
      typeof identifier === 'object' &&
      identifier !== null &&
      (identifier as { system?: unknown }).system === nhsNumberSystem,
  );
  if (index === -1) return { reason: 'MISSING_FIELD', field: 'identifier' };
  return nhsNumberOf((identifiers[index] as { value?: unknown }).value, `identifier.${index}.value`);
}

function nhsNumberOf(value: unknown, field: string): { nhsNumber: string } | RecordProblem {
  if (typeof value !== 'string') return { reason: 'MISSING_FIELD', field };
  const problem = nhsNumberProblem(value);
  if (problem === null) return { nhsNumber: normaliseNhsNumber(value) };
  return { reason: problem === 'NOT_TEN_DIGITS' ? 'SCHEMA' : 'NHS_NUMBER_CHECKSUM', field };
}

/**
 * A literal reference must name a Patient of this feed that has a valid NHS number; failing that, a logical
 * reference (identifier) by NHS number is used; with neither the reference is UNRESOLVED_REFERENCE.
 */
function resolvePatient(
  reference: PatientReference | null | 'MALFORMED',
  field: string,
  patients: BundlePatients,
): { nhsNumber: string } | RecordProblem {
  if (reference === null) return { reason: 'MISSING_FIELD', field };
  if (reference === 'MALFORMED') return { reason: 'SCHEMA', field };
  const literal = reference.reference;
  if (typeof literal === 'string') {
    const byFullUrl = patients.get(literal);
    const id = patientReferencePattern.exec(literal)?.[1];
    const nhsNumber = byFullUrl ?? (id === undefined ? undefined : patients.get(`Patient/${id}`));
    if (nhsNumber) return { nhsNumber };
  }
  const identifier = reference.identifier;
  if (identifier?.system === nhsNumberSystem)
    return nhsNumberOf(identifier.value, `${field}.identifier.value`);
  return {
    reason: 'UNRESOLVED_REFERENCE',
    field: typeof literal === 'string' ? `${field}.reference` : field,
  };
}

function classCode(resource: Record<string, unknown>): string | undefined {
  const value = resource['class'] as { code?: unknown } | undefined;
  return typeof value?.code === 'string' ? value.code : undefined;
}

function clinicalDate(resource: Record<string, unknown>, type: SupportedResourceType): string | null {
  const at = (path: string[]): string | undefined => {
    let value: unknown = resource;
    for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
    return typeof value === 'string' ? value : undefined;
  };
  const candidates: Record<SupportedResourceType, string[][]> = {
    Patient: [],
    Encounter: [['period', 'start']],
    Condition: [['onsetDateTime'], ['recordedDate']],
    MedicationRequest: [['authoredOn']],
    Observation: [['effectiveDateTime'], ['effectivePeriod', 'start']],
    Immunization: [['occurrenceDateTime']],
    AllergyIntolerance: [['onsetDateTime'], ['recordedDate']],
  };
  for (const path of candidates[type]) {
    const value = at(path);
    if (value !== undefined) return toInstant(value);
  }
  return null;
}
