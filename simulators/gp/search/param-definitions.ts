import type { GpRepository } from '../data/gp-repository.js';
import type {
  AllergyIntolerance,
  CodeableConcept,
  Coding,
  Condition,
  Encounter,
  GpResource,
  HumanName,
  Immunization,
  MedicationStatement,
  Observation,
  Organization,
  Patient,
  Practitioner,
  Reference,
} from '../fhir/r4-types.js';
import type { ClinicalResourceType, GpResourceType } from '../fhir/resource-types.js';
import type { DateRange } from './date-range.js';
import { dateMatches, dateRangeOf, parseDateSearchValue, periodRange } from './date-range.js';
import { foldForStringSearch } from '../fhir/string-folding.js';
import {
  parseToken,
  referencedId,
  splitOrValues,
  tokenMatches,
  unescapeSearchValue,
} from './search-values.js';

export type SearchParamType = 'token' | 'reference' | 'date' | 'string';
export type ResourcePredicate = (resource: GpResource) => boolean;

export interface SearchParamDefinition {
  name: string;
  type: SearchParamType;
  documentation: string;
  /** Modifiers this parameter understands (`family:exact`); any other is unsupported. */
  modifiers: readonly string[];
  /** The test for one occurrence of the parameter: its comma-separated values OR-ed together. */
  compile(rawValue: string, modifier: string | undefined): ResourcePredicate;
  /**
   * For indexed parameters, the resources one occurrence can match, found without scanning the type;
   * null when this particular value cannot use the index (e.g. `identifier=system|`).
   */
  candidates?(repository: GpRepository, rawValue: string): GpResource[] | null;
}

interface TokenCandidate {
  system?: string | undefined;
  code?: string | undefined;
}

function tokenParam<R extends GpResource>(
  name: string,
  documentation: string,
  extract: (resource: R) => TokenCandidate[],
): SearchParamDefinition {
  return {
    name,
    type: 'token',
    documentation,
    modifiers: [],
    compile(rawValue) {
      const tokens = splitOrValues(rawValue).map(parseToken);
      return (resource) => {
        const candidates = extract(resource as R);
        return tokens.some((token) => candidates.some((candidate) => tokenMatches(token, candidate)));
      };
    },
  };
}

function stringParam<R extends GpResource>(
  name: string,
  documentation: string,
  extract: (resource: R) => string[],
): SearchParamDefinition {
  return {
    name,
    type: 'string',
    documentation: `${documentation} Default: case- and accent-insensitive starts-with; :exact and :contains supported.`,
    modifiers: ['exact', 'contains'],
    compile(rawValue, modifier) {
      const wanted = splitOrValues(rawValue).map(unescapeSearchValue);
      if (modifier === 'exact') {
        return (resource) => extract(resource as R).some((value) => wanted.includes(value));
      }
      const folded = wanted.map(foldForStringSearch);
      const test =
        modifier === 'contains'
          ? (value: string, search: string) => value.includes(search)
          : (value: string, search: string) => value.startsWith(search);
      return (resource) =>
        extract(resource as R).some((value) => {
          const candidate = foldForStringSearch(value);
          return folded.some((search) => test(candidate, search));
        });
    },
  };
}

function dateParam<R extends GpResource>(
  name: string,
  documentation: string,
  extract: (resource: R) => Array<DateRange | null>,
): SearchParamDefinition {
  return {
    name,
    type: 'date',
    documentation: `${documentation} Prefixes eq, ne, gt, lt, ge, le; repeat the parameter for a range.`,
    modifiers: [],
    compile(rawValue) {
      const searches = splitOrValues(rawValue).map((value) =>
        parseDateSearchValue(unescapeSearchValue(value), name),
      );
      return (resource) => {
        const ranges = extract(resource as R).filter((range): range is DateRange => range !== null);
        return searches.some((search) => ranges.some((range) => dateMatches(search, range)));
      };
    },
  };
}

function idsOf(rawValue: string): string[] {
  return splitOrValues(rawValue).map(unescapeSearchValue);
}

function idParam(type: GpResourceType): SearchParamDefinition {
  return {
    name: '_id',
    type: 'token',
    documentation: 'Logical id; comma-separated ids are OR-ed.',
    modifiers: [],
    compile(rawValue) {
      const ids = new Set(idsOf(rawValue));
      return (resource) => ids.has(resource.id);
    },
    candidates: (repository, rawValue) => repository.readMany(type, new Set(idsOf(rawValue))),
  };
}

/** `_lastUpdated`: when the GP system last changed the resource (e.g. an attendance it has just been told of). */
const lastUpdatedParam = dateParam<GpResource>(
  '_lastUpdated',
  'When the resource last changed.',
  (resource) => [resource.meta?.lastUpdated ? dateRangeOf(resource.meta.lastUpdated) : null],
);

/** The parameters every type shares. */
const common = (type: GpResourceType): SearchParamDefinition[] => [idParam(type), lastUpdatedParam];

function patientIdsOf(rawValue: string): string[] {
  return splitOrValues(rawValue)
    .map((value) => referencedId(value, 'Patient'))
    .filter((id): id is string => id !== null);
}

function patientReferenceParam<R extends GpResource>(
  type: ClinicalResourceType,
  name: 'patient' | 'subject',
  extract: (resource: R) => Reference | undefined,
): SearchParamDefinition {
  return {
    name,
    type: 'reference',
    documentation: 'The patient: Patient/<id> or a bare id; comma-separated values are OR-ed.',
    modifiers: [],
    compile(rawValue) {
      const ids = new Set(patientIdsOf(rawValue));
      return (resource) => {
        const id = referencedId(extract(resource as R)?.reference ?? '', 'Patient');
        return id !== null && ids.has(id);
      };
    },
    candidates: (repository, rawValue) => repository.clinicalForPatients(type, patientIdsOf(rawValue)),
  };
}

function identifierParam(type: 'Patient' | 'Organization', documentation: string): SearchParamDefinition {
  const base = tokenParam<Patient | Organization>('identifier', documentation, (resource) =>
    (resource.identifier ?? []).map((identifier) => ({ system: identifier.system, code: identifier.value })),
  );
  return {
    ...base,
    candidates(repository, rawValue) {
      const ids = new Set<string>();
      for (const token of splitOrValues(rawValue).map(parseToken)) {
        if (token.code === undefined) return null;
        const system = token.system === null ? '' : token.system;
        for (const id of repository.idsByIdentifier(type, system, token.code)) ids.add(id);
      }
      return repository.readMany(type, ids);
    },
  };
}

const codings = (concept: CodeableConcept | undefined): Coding[] => concept?.coding ?? [];
const codingsOfAll = (concepts: CodeableConcept[] | undefined): Coding[] => (concepts ?? []).flatMap(codings);
const plainCode = (code: string | undefined): TokenCandidate[] => (code === undefined ? [] : [{ code }]);
const nameParts = (names: HumanName[] | undefined): string[] =>
  (names ?? [])
    .flatMap((name) => [name.text, name.family, ...(name.given ?? [])])
    .filter((part) => part !== undefined);

const patientParams: SearchParamDefinition[] = [
  ...common('Patient'),
  identifierParam(
    'Patient',
    'Identifier, e.g. https://fhir.nhs.uk/Id/nhs-number|9990000018; comma-separated values are OR-ed.',
  ),
  {
    ...stringParam<Patient>('family', 'Family name.', (patient) =>
      (patient.name ?? []).flatMap((name) => name.family ?? []),
    ),
    // Every string match (starts-with, contains, exact) contains the folded value, so this is a safe superset.
    candidates: (repository, rawValue) =>
      repository.readMany(
        'Patient',
        repository.patientIdsWithFamilyContaining(
          splitOrValues(rawValue).map((v) => foldForStringSearch(unescapeSearchValue(v))),
        ),
      ),
  },
  stringParam<Patient>('given', 'Given name.', (patient) =>
    (patient.name ?? []).flatMap((name) => name.given ?? []),
  ),
  stringParam<Patient>('name', 'Any part of the name.', (patient) => nameParts(patient.name)),
  dateParam<Patient>('birthdate', 'Date of birth.', (patient) => [
    patient.birthDate ? dateRangeOf(patient.birthDate) : null,
  ]),
  tokenParam<Patient>('gender', 'male | female | other | unknown.', (patient) => plainCode(patient.gender)),
  stringParam<Patient>('address-postalcode', 'Postcode.', (patient) =>
    (patient.address ?? []).flatMap((address) => address.postalCode ?? []),
  ),
];

const practitionerParams: SearchParamDefinition[] = [
  ...common('Practitioner'),
  tokenParam<Practitioner>('identifier', 'Identifier.', (practitioner) =>
    (practitioner.identifier ?? []).map((identifier) => ({
      system: identifier.system,
      code: identifier.value,
    })),
  ),
  stringParam<Practitioner>('name', 'Any part of the name.', (practitioner) => nameParts(practitioner.name)),
];

const organizationParams: SearchParamDefinition[] = [
  ...common('Organization'),
  identifierParam('Organization', 'ODS code, e.g. https://fhir.nhs.uk/Id/ods-organization-code|A12345.'),
  stringParam<Organization>('name', 'Name.', (organization) =>
    organization.name ? [organization.name] : [],
  ),
];

const conditionParams: SearchParamDefinition[] = [
  ...common('Condition'),
  patientReferenceParam<Condition>('Condition', 'patient', (condition) => condition.subject),
  patientReferenceParam<Condition>('Condition', 'subject', (condition) => condition.subject),
  tokenParam<Condition>('clinical-status', 'active | inactive | resolved ...', (condition) =>
    codings(condition.clinicalStatus),
  ),
  tokenParam<Condition>('category', 'problem-list-item | encounter-diagnosis.', (condition) =>
    codingsOfAll(condition.category),
  ),
  tokenParam<Condition>('code', 'SNOMED CT code.', (condition) => codings(condition.code)),
  dateParam<Condition>('onset-date', 'Onset.', (condition) => [
    condition.onsetDateTime ? dateRangeOf(condition.onsetDateTime) : null,
  ]),
];

const medicationStatementParams: SearchParamDefinition[] = [
  ...common('MedicationStatement'),
  patientReferenceParam<MedicationStatement>(
    'MedicationStatement',
    'patient',
    (statement) => statement.subject,
  ),
  patientReferenceParam<MedicationStatement>(
    'MedicationStatement',
    'subject',
    (statement) => statement.subject,
  ),
  tokenParam<MedicationStatement>('status', 'active | completed | stopped ...', (statement) =>
    plainCode(statement.status),
  ),
  tokenParam<MedicationStatement>('code', 'dm+d code (SNOMED CT system).', (statement) =>
    codings(statement.medicationCodeableConcept),
  ),
  dateParam<MedicationStatement>('effective', 'When the medication was taken.', (statement) => [
    periodRange(statement.effectivePeriod?.start, statement.effectivePeriod?.end),
  ]),
];

const allergyParams: SearchParamDefinition[] = [
  ...common('AllergyIntolerance'),
  patientReferenceParam<AllergyIntolerance>('AllergyIntolerance', 'patient', (allergy) => allergy.patient),
  tokenParam<AllergyIntolerance>('clinical-status', 'active | inactive | resolved.', (allergy) =>
    codings(allergy.clinicalStatus),
  ),
  tokenParam<AllergyIntolerance>('criticality', 'low | high | unable-to-assess.', (allergy) =>
    plainCode(allergy.criticality),
  ),
  tokenParam<AllergyIntolerance>('code', 'SNOMED CT code.', (allergy) => codings(allergy.code)),
  dateParam<AllergyIntolerance>('date', 'Date recorded.', (allergy) => [
    allergy.recordedDate ? dateRangeOf(allergy.recordedDate) : null,
  ]),
];

const immunizationParams: SearchParamDefinition[] = [
  ...common('Immunization'),
  patientReferenceParam<Immunization>('Immunization', 'patient', (immunization) => immunization.patient),
  tokenParam<Immunization>('status', 'completed | not-done.', (immunization) =>
    plainCode(immunization.status),
  ),
  tokenParam<Immunization>('vaccine-code', 'SNOMED CT vaccine code.', (immunization) =>
    codings(immunization.vaccineCode),
  ),
  dateParam<Immunization>('date', 'Date given.', (immunization) => [
    immunization.occurrenceDateTime ? dateRangeOf(immunization.occurrenceDateTime) : null,
  ]),
];

const encounterParams: SearchParamDefinition[] = [
  ...common('Encounter'),
  patientReferenceParam<Encounter>('Encounter', 'patient', (encounter) => encounter.subject),
  patientReferenceParam<Encounter>('Encounter', 'subject', (encounter) => encounter.subject),
  tokenParam<Encounter>('class', 'v3-ActCode AMB (GP) | EMER (A&E) | IMP (admission).', (encounter) => [
    encounter.class,
  ]),
  tokenParam<Encounter>('type', 'SNOMED CT encounter type.', (encounter) => codingsOfAll(encounter.type)),
  tokenParam<Encounter>('status', 'in-progress | finished ...', (encounter) => plainCode(encounter.status)),
  dateParam<Encounter>('date', 'The encounter period.', (encounter) => [
    periodRange(encounter.period?.start, encounter.period?.end),
  ]),
];

const observationParams: SearchParamDefinition[] = [
  ...common('Observation'),
  patientReferenceParam<Observation>('Observation', 'patient', (observation) => observation.subject),
  patientReferenceParam<Observation>('Observation', 'subject', (observation) => observation.subject),
  tokenParam<Observation>('code', 'LOINC code.', (observation) => codings(observation.code)),
  tokenParam<Observation>('status', 'final | amended ...', (observation) => plainCode(observation.status)),
  dateParam<Observation>('date', 'When observed.', (observation) => [
    observation.effectiveDateTime ? dateRangeOf(observation.effectiveDateTime) : null,
  ]),
];

export const searchParamDefinitions: Record<GpResourceType, readonly SearchParamDefinition[]> = {
  Patient: patientParams,
  Practitioner: practitionerParams,
  Organization: organizationParams,
  Condition: conditionParams,
  MedicationStatement: medicationStatementParams,
  AllergyIntolerance: allergyParams,
  Immunization: immunizationParams,
  Encounter: encounterParams,
  Observation: observationParams,
};

export function findSearchParam(type: GpResourceType, name: string): SearchParamDefinition | undefined {
  return searchParamDefinitions[type].find((definition) => definition.name === name);
}
