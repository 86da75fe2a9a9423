export const clinicalResourceTypes = [
  'Condition',
  'MedicationStatement',
  'AllergyIntolerance',
  'Immunization',
  'Encounter',
  'Observation',
] as const;
export type ClinicalResourceType = (typeof clinicalResourceTypes)[number];

export const resourceTypes = ['Patient', 'Practitioner', 'Organization', ...clinicalResourceTypes] as const;
export type GpResourceType = (typeof resourceTypes)[number];

const known = new Set<string>(resourceTypes);
const clinical = new Set<string>(clinicalResourceTypes);

export function isGpResourceType(value: string): value is GpResourceType {
  return known.has(value);
}

export function isClinicalResourceType(value: string): value is ClinicalResourceType {
  return clinical.has(value);
}
