/**
 * The small slice of FHIR R4 this simulator emits, typed so the builders cannot drift from R4 shapes.
 * (@types/fhir in node_modules is STU3, so it is deliberately not used here.)
 */

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  reference?: string;
  display?: string;
}

export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  system?: string;
  value?: string;
  extension?: Extension[];
}

export interface Extension {
  url: string;
  valueCodeableConcept?: CodeableConcept;
}

export interface Meta {
  versionId?: string;
  lastUpdated?: string;
  profile?: string[];
  security?: Coding[];
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Quantity {
  value?: number;
  unit?: string;
  system?: string;
  code?: string;
}

export interface HumanName {
  use?: 'usual' | 'official' | 'temp' | 'nickname' | 'anonymous' | 'old' | 'maiden';
  text?: string;
  family?: string;
  given?: string[];
  prefix?: string[];
}

export interface Address {
  use?: 'home' | 'work' | 'temp' | 'old' | 'billing';
  line?: string[];
  postalCode?: string;
}

export interface ContactPoint {
  system?: 'phone' | 'fax' | 'email' | 'pager' | 'url' | 'sms' | 'other';
  value?: string;
  use?: 'home' | 'work' | 'temp' | 'old' | 'mobile';
}

interface ResourceBase {
  id: string;
  meta?: Meta;
}

export interface Patient extends ResourceBase {
  resourceType: 'Patient';
  identifier?: Identifier[];
  active?: boolean;
  name?: HumanName[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
  address?: Address[];
  generalPractitioner?: Reference[];
  managingOrganization?: Reference;
}

export interface Practitioner extends ResourceBase {
  resourceType: 'Practitioner';
  identifier?: Identifier[];
  active?: boolean;
  name?: HumanName[];
  telecom?: ContactPoint[];
}

export interface Organization extends ResourceBase {
  resourceType: 'Organization';
  identifier?: Identifier[];
  active?: boolean;
  type?: CodeableConcept[];
  name?: string;
  address?: Address[];
}

export interface Condition extends ResourceBase {
  resourceType: 'Condition';
  clinicalStatus?: CodeableConcept;
  verificationStatus?: CodeableConcept;
  category?: CodeableConcept[];
  code?: CodeableConcept;
  subject: Reference;
  onsetDateTime?: string;
  recordedDate?: string;
  recorder?: Reference;
}

export interface MedicationStatement extends ResourceBase {
  resourceType: 'MedicationStatement';
  status:
    | 'active'
    | 'completed'
    | 'entered-in-error'
    | 'intended'
    | 'stopped'
    | 'on-hold'
    | 'unknown'
    | 'not-taken';
  medicationCodeableConcept?: CodeableConcept;
  subject: Reference;
  effectivePeriod?: Period;
  dateAsserted?: string;
  informationSource?: Reference;
}

export interface AllergyIntolerance extends ResourceBase {
  resourceType: 'AllergyIntolerance';
  clinicalStatus?: CodeableConcept;
  verificationStatus?: CodeableConcept;
  type?: 'allergy' | 'intolerance';
  criticality?: 'low' | 'high' | 'unable-to-assess';
  code?: CodeableConcept;
  patient: Reference;
  recordedDate?: string;
  recorder?: Reference;
}

export interface Immunization extends ResourceBase {
  resourceType: 'Immunization';
  status: 'completed' | 'entered-in-error' | 'not-done';
  vaccineCode: CodeableConcept;
  patient: Reference;
  occurrenceDateTime?: string;
  primarySource?: boolean;
}

export interface EncounterParticipant {
  individual?: Reference;
}

export interface Encounter extends ResourceBase {
  resourceType: 'Encounter';
  status:
    | 'planned'
    | 'arrived'
    | 'triaged'
    | 'in-progress'
    | 'onleave'
    | 'finished'
    | 'cancelled'
    | 'entered-in-error'
    | 'unknown';
  class: Coding;
  type?: CodeableConcept[];
  subject?: Reference;
  participant?: EncounterParticipant[];
  period?: Period;
  reasonCode?: CodeableConcept[];
  serviceProvider?: Reference;
}

export interface Observation extends ResourceBase {
  resourceType: 'Observation';
  status:
    | 'registered'
    | 'preliminary'
    | 'final'
    | 'amended'
    | 'corrected'
    | 'cancelled'
    | 'entered-in-error'
    | 'unknown';
  code: CodeableConcept;
  subject?: Reference;
  effectiveDateTime?: string;
  valueQuantity?: Quantity;
}

export type GpResource =
  | Patient
  | Practitioner
  | Organization
  | Condition
  | MedicationStatement
  | AllergyIntolerance
  | Immunization
  | Encounter
  | Observation;

export interface OperationOutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  /** IssueType value set, e.g. not-found, not-supported, invalid, too-costly, exception, transient. */
  code: string;
  diagnostics?: string;
  expression?: string[];
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  id?: string;
  issue: OperationOutcomeIssue[];
}

export interface BundleLink {
  relation: string;
  url: string;
}

export interface BundleEntry {
  fullUrl: string;
  resource: GpResource | OperationOutcome;
  search: { mode: 'match' | 'include' | 'outcome' };
}

export interface SearchSetBundle {
  resourceType: 'Bundle';
  id: string;
  meta: Meta;
  type: 'searchset';
  total: number;
  link: BundleLink[];
  entry?: BundleEntry[];
}
