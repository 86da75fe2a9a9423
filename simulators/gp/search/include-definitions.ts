import type { GpResource, Reference } from '../fhir/r4-types.js';
import type { GpResourceType } from '../fhir/resource-types.js';
import { clinicalResourceTypes } from '../fhir/resource-types.js';

/** One `_include` / `_revinclude` path: `<source>:<param>` and the types the reference may point at. */
export interface IncludeDefinition {
  source: GpResourceType;
  param: string;
  targets: readonly GpResourceType[];
  references(resource: GpResource): Reference[];
}

const one = (reference: Reference | undefined): Reference[] => (reference ? [reference] : []);

function patientReference(resource: GpResource): Reference | undefined {
  switch (resource.resourceType) {
    case 'Condition':
    case 'MedicationStatement':
    case 'Encounter':
    case 'Observation':
      return resource.subject;
    case 'AllergyIntolerance':
    case 'Immunization':
      return resource.patient;
    default:
      return undefined;
  }
}

const typesWithSubject = new Set<GpResourceType>([
  'Condition',
  'MedicationStatement',
  'Encounter',
  'Observation',
]);

const patientIncludes: IncludeDefinition[] = clinicalResourceTypes.flatMap((source) =>
  (typesWithSubject.has(source) ? ['patient', 'subject'] : ['patient']).map((param): IncludeDefinition => ({
    source,
    param,
    targets: ['Patient'],
    references: (resource) => one(patientReference(resource)),
  })),
);

export const includeDefinitions: readonly IncludeDefinition[] = [
  {
    source: 'Patient',
    param: 'general-practitioner',
    targets: ['Organization', 'Practitioner'],
    references: (resource) =>
      resource.resourceType === 'Patient' ? (resource.generalPractitioner ?? []) : [],
  },
  {
    source: 'Patient',
    param: 'organization',
    targets: ['Organization'],
    references: (resource) => (resource.resourceType === 'Patient' ? one(resource.managingOrganization) : []),
  },
  ...patientIncludes,
  {
    source: 'Encounter',
    param: 'practitioner',
    targets: ['Practitioner'],
    references: (resource) =>
      resource.resourceType === 'Encounter'
        ? (resource.participant ?? []).flatMap((participant) => one(participant.individual))
        : [],
  },
  {
    source: 'Encounter',
    param: 'service-provider',
    targets: ['Organization'],
    references: (resource) => (resource.resourceType === 'Encounter' ? one(resource.serviceProvider) : []),
  },
];

export function findInclude(source: string, param: string): IncludeDefinition | undefined {
  return includeDefinitions.find((definition) => definition.source === source && definition.param === param);
}

/** The `_include` values a search on `type` supports, as listed in the CapabilityStatement. */
export function includeNamesFor(type: GpResourceType): string[] {
  return includeDefinitions.filter((d) => d.source === type).map((d) => `${d.source}:${d.param}`);
}

/** Reverse includes answered from the patient index: clinical resources pointing at the matched patients. */
export function revIncludeNamesFor(type: GpResourceType): string[] {
  if (type !== 'Patient') return [];
  return patientIncludes.map((d) => `${d.source}:${d.param}`);
}
