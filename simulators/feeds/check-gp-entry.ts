/**
 * What is wrong with one Bundle entry, judged against the format the hub publishes (R4 shapes are the schema
 * validator's business; this checks the feed's own rules): used by the generator's tests to show each bad entry
 * is bad in exactly its stated way.
 */
import type { BadKind } from './feed-types.js';
import { nhsNumberChecksumHolds } from './identifier-checks.js';

export const ENTRY_LIMIT_BYTES = 1024 * 1024;
const nhsSystem = 'https://fhir.nhs.uk/Id/nhs-number';

const statusCodes: Record<string, { field: string; codes: string[] }> = {
  Encounter: {
    field: 'status',
    codes: [
      'planned',
      'arrived',
      'triaged',
      'in-progress',
      'onleave',
      'finished',
      'cancelled',
      'entered-in-error',
      'unknown',
    ],
  },
  MedicationRequest: {
    field: 'status',
    codes: ['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown'],
  },
  Observation: {
    field: 'status',
    codes: [
      'registered',
      'preliminary',
      'final',
      'amended',
      'corrected',
      'cancelled',
      'entered-in-error',
      'unknown',
    ],
  },
  Immunization: { field: 'status', codes: ['completed', 'entered-in-error', 'not-done'] },
};
const encounterClasses = ['AMB', 'EMER', 'IMP', 'ACUTE', 'NONAC', 'OBSENC', 'PRENC', 'SS', 'VR', 'HH', 'FLD'];
const dateFields = ['onsetDateTime', 'authoredOn', 'effectiveDateTime', 'occurrenceDateTime', 'recordedDate'];
const clinicalTypes = [
  'Encounter',
  'Condition',
  'MedicationRequest',
  'Observation',
  'Immunization',
  'AllergyIntolerance',
];

type Json = Record<string, unknown>;

export interface BundleIndex {
  /** fullUrl → NHS number of each Patient entry, and `Patient/<id>` → the same. */
  patients: Map<string, string | null>;
}

function nhsNumberOf(patient: Json): string | null {
  const identifiers = Array.isArray(patient.identifier) ? (patient.identifier as Json[]) : [];
  const value = identifiers.find((i) => i.system === nhsSystem)?.value;
  return typeof value === 'string' ? value : null;
}

export function indexBundle(entries: readonly Json[]): BundleIndex {
  const patients = new Map<string, string | null>();
  for (const entry of entries) {
    const resource = entry.resource as Json | undefined;
    if (resource?.resourceType !== 'Patient') continue;
    const number = nhsNumberOf(resource);
    if (typeof entry.fullUrl === 'string') patients.set(entry.fullUrl, number);
    if (typeof resource.id === 'string') patients.set(`Patient/${resource.id}`, number);
  }
  return { patients };
}

function identifierProblems(value: unknown, isKnown: (n: string) => boolean): BadKind[] {
  if (typeof value !== 'string') return ['MISSING_FIELD'];
  if (!/^\d{10}$/.test(value)) return ['SCHEMA'];
  if (!nhsNumberChecksumHolds(value)) return ['NHS_NUMBER_CHECKSUM'];
  return isKnown(value) ? [] : ['NO_MATCHING_CHILD'];
}

export function checkGpEntry(
  entry: Json,
  context: { now: string; bundle: BundleIndex; isKnownNhsNumber: (n: string) => boolean },
): BadKind[] {
  if (Buffer.byteLength(JSON.stringify(entry)) > ENTRY_LIMIT_BYTES) return ['OVERSIZE'];
  const resource = entry.resource as Json | undefined;
  if (typeof resource !== 'object' || resource === null) return ['MISSING_FIELD'];
  const type = resource.resourceType;
  if (typeof type !== 'string' || (type !== 'Patient' && !clinicalTypes.includes(type))) return ['SCHEMA'];
  const found = new Set<BadKind>();
  const nowMs = Date.parse(context.now);
  const checkDate = (value: unknown) => {
    if (value === undefined) return;
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) found.add('SCHEMA');
    else if (Date.parse(value) > nowMs) found.add('FUTURE_DATE');
  };

  if (resource.id === undefined) found.add('MISSING_FIELD');
  else if (typeof resource.id !== 'string' || !/^[A-Za-z0-9\-.]{1,64}$/.test(resource.id))
    found.add('SCHEMA');
  const meta = resource.meta as Json | undefined;
  if (meta?.lastUpdated === undefined) found.add('MISSING_FIELD');
  else checkDate(meta.lastUpdated);

  if (type === 'Patient') {
    for (const problem of identifierProblems(nhsNumberOf(resource), context.isKnownNhsNumber))
      found.add(problem);
    return [...found];
  }

  const subjectField = type === 'Immunization' || type === 'AllergyIntolerance' ? 'patient' : 'subject';
  const subject = resource[subjectField];
  if (subject === undefined) found.add('MISSING_FIELD');
  else if (typeof subject !== 'object' || subject === null) found.add('SCHEMA');
  else {
    const reference = (subject as Json).reference;
    const identifier = (subject as Json).identifier as Json | undefined;
    if (typeof reference === 'string') {
      const number = context.bundle.patients.get(reference);
      if (number === undefined) found.add('UNRESOLVED_REFERENCE');
      else for (const problem of identifierProblems(number, context.isKnownNhsNumber)) found.add(problem);
    } else if (identifier?.system === nhsSystem) {
      for (const problem of identifierProblems(identifier.value, context.isKnownNhsNumber))
        found.add(problem);
    } else found.add('UNRESOLVED_REFERENCE');
  }

  const status = statusCodes[type];
  if (status) {
    const value = resource[status.field];
    if (value === undefined) found.add('MISSING_FIELD');
    else if (!status.codes.includes(String(value))) found.add('UNKNOWN_CODE');
  }
  if (type === 'Encounter') {
    const code = (resource.class as Json | undefined)?.code;
    if (code === undefined) found.add('MISSING_FIELD');
    else if (!encounterClasses.includes(String(code))) found.add('UNKNOWN_CODE');
    const period = resource.period as Json | undefined;
    checkDate(period?.start);
    checkDate(period?.end);
  }
  for (const field of dateFields) checkDate(resource[field]);
  return [...found];
}
