/**
 * zod schemas of the FHIR R4 payloads the connector reads: a searchset Bundle and the resources in it, each with
 * only the elements the mappers use. Objects are not strict, because FHIR requires a client to tolerate elements
 * it does not know; what the connector does read must have the type R4 gives it, or the whole answer is refused
 * as a bad payload (a half-read record would look like "no concerns").
 */
import { z } from 'zod';

// Regular expressions from the R4 specification's primitive types.
const year = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const month = '(0[1-9]|1[0-2])';
const day = '(0[1-9]|[1-2][0-9]|3[0-1])';
const time = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?';
const zone = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';

export const fhirDatePattern = new RegExp(`^${year}(-${month}(-${day})?)?$`);
export const fhirDateTimePattern = new RegExp(`^${year}(-${month}(-${day}(T${time}${zone})?)?)?$`);
export const fhirInstantPattern = new RegExp(`^${year}-${month}-${day}T${time}${zone}$`);
export const fhirIdPattern = /^[A-Za-z0-9\-.]{1,64}$/;

const fhirId = z.string().regex(fhirIdPattern);
const fhirDate = z.string().regex(fhirDatePattern);
const fhirDateTime = z.string().regex(fhirDateTimePattern);
const fhirInstant = z.string().regex(fhirInstantPattern);

export const codingSchema = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});

export const codeableConceptSchema = z.object({
  coding: z.array(codingSchema).optional(),
  text: z.string().optional(),
});

export const referenceSchema = z.object({
  reference: z.string().optional(),
  display: z.string().optional(),
});

const periodSchema = z.object({ start: fhirDateTime.optional(), end: fhirDateTime.optional() });

const metaSchema = z.object({
  lastUpdated: fhirInstant.optional(),
  security: z.array(codingSchema).optional(),
});

const identifierSchema = z.object({ system: z.string().optional(), value: z.string().optional() });

export const humanNameSchema = z.object({
  use: z.string().optional(),
  text: z.string().optional(),
  family: z.string().optional(),
  given: z.array(z.string()).optional(),
  prefix: z.array(z.string()).optional(),
});

const contactPointSchema = z.object({
  system: z.string().optional(),
  value: z.string().optional(),
  use: z.string().optional(),
});

const addressSchema = z.object({ use: z.string().optional(), postalCode: z.string().optional() });

/** What every resource the connector reads has: its type, logical id and (optionally) security labels. */
const resourceBase = { id: fhirId, meta: metaSchema.optional() };

export const patientSchema = z.object({
  resourceType: z.literal('Patient'),
  ...resourceBase,
  identifier: z.array(identifierSchema).optional(),
  name: z.array(humanNameSchema).optional(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  birthDate: fhirDate.optional(),
  address: z.array(addressSchema).optional(),
  generalPractitioner: z.array(referenceSchema).optional(),
});

export const practitionerSchema = z.object({
  resourceType: z.literal('Practitioner'),
  ...resourceBase,
  name: z.array(humanNameSchema).optional(),
  telecom: z.array(contactPointSchema).optional(),
});

export const organizationSchema = z.object({
  resourceType: z.literal('Organization'),
  ...resourceBase,
  identifier: z.array(identifierSchema).optional(),
  name: z.string().optional(),
  telecom: z.array(contactPointSchema).optional(),
});

export const conditionSchema = z.object({
  resourceType: z.literal('Condition'),
  ...resourceBase,
  clinicalStatus: codeableConceptSchema.optional(),
  verificationStatus: codeableConceptSchema.optional(),
  category: z.array(codeableConceptSchema).optional(),
  code: codeableConceptSchema.optional(),
  subject: referenceSchema,
  onsetDateTime: fhirDateTime.optional(),
  onsetPeriod: periodSchema.optional(),
  abatementDateTime: fhirDateTime.optional(),
  recordedDate: fhirDateTime.optional(),
});

export const medicationStatementSchema = z.object({
  resourceType: z.literal('MedicationStatement'),
  ...resourceBase,
  status: z.string(),
  medicationCodeableConcept: codeableConceptSchema.optional(),
  medicationReference: referenceSchema.optional(),
  subject: referenceSchema,
  effectiveDateTime: fhirDateTime.optional(),
  effectivePeriod: periodSchema.optional(),
  dateAsserted: fhirDateTime.optional(),
  dosage: z.array(z.object({ text: z.string().optional() })).optional(),
});

export const allergyIntoleranceSchema = z.object({
  resourceType: z.literal('AllergyIntolerance'),
  ...resourceBase,
  clinicalStatus: codeableConceptSchema.optional(),
  verificationStatus: codeableConceptSchema.optional(),
  criticality: z.enum(['low', 'high', 'unable-to-assess']).optional(),
  code: codeableConceptSchema.optional(),
  patient: referenceSchema,
  onsetDateTime: fhirDateTime.optional(),
  recordedDate: fhirDateTime.optional(),
});

export const immunizationSchema = z.object({
  resourceType: z.literal('Immunization'),
  ...resourceBase,
  status: z.string(),
  vaccineCode: codeableConceptSchema,
  patient: referenceSchema,
  occurrenceDateTime: fhirDateTime.optional(),
  occurrenceString: z.string().optional(),
});

export const encounterSchema = z.object({
  resourceType: z.literal('Encounter'),
  ...resourceBase,
  status: z.string(),
  class: codingSchema,
  type: z.array(codeableConceptSchema).optional(),
  subject: referenceSchema.optional(),
  period: periodSchema.optional(),
  reasonCode: z.array(codeableConceptSchema).optional(),
  serviceProvider: referenceSchema.optional(),
});

export const observationSchema = z.object({
  resourceType: z.literal('Observation'),
  ...resourceBase,
  status: z.string(),
  code: codeableConceptSchema,
  subject: referenceSchema.optional(),
  effectiveDateTime: fhirDateTime.optional(),
  effectivePeriod: periodSchema.optional(),
  effectiveInstant: fhirInstant.optional(),
  valueQuantity: z
    .object({ value: z.number().optional(), unit: z.string().optional(), code: z.string().optional() })
    .optional(),
  valueString: z.string().optional(),
  valueCodeableConcept: codeableConceptSchema.optional(),
  valueBoolean: z.boolean().optional(),
  valueInteger: z.number().int().optional(),
});

export type Coding = z.infer<typeof codingSchema>;
export type CodeableConcept = z.infer<typeof codeableConceptSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type HumanName = z.infer<typeof humanNameSchema>;
export type FhirPatient = z.infer<typeof patientSchema>;
export type FhirPractitioner = z.infer<typeof practitionerSchema>;
export type FhirOrganization = z.infer<typeof organizationSchema>;
export type FhirCondition = z.infer<typeof conditionSchema>;
export type FhirMedicationStatement = z.infer<typeof medicationStatementSchema>;
export type FhirAllergyIntolerance = z.infer<typeof allergyIntoleranceSchema>;
export type FhirImmunization = z.infer<typeof immunizationSchema>;
export type FhirEncounter = z.infer<typeof encounterSchema>;
export type FhirObservation = z.infer<typeof observationSchema>;

const knownResourceSchemas = [
  patientSchema,
  practitionerSchema,
  organizationSchema,
  conditionSchema,
  medicationStatementSchema,
  allergyIntoleranceSchema,
  immunizationSchema,
  encounterSchema,
  observationSchema,
] as const;

const knownResourceTypes = new Set<string>(
  knownResourceSchemas.map((schema) => schema.shape.resourceType.value),
);

/** A resource the connector does not read (e.g. the OperationOutcome a lenient server adds): kept, not checked. */
const otherResourceSchema = z.looseObject({
  resourceType: z.string().refine((type) => !knownResourceTypes.has(type)),
});

export type FhirOtherResource = z.infer<typeof otherResourceSchema>;

const knownResourceSchema = z.discriminatedUnion('resourceType', [...knownResourceSchemas]);

export const resourceSchema = z.union([knownResourceSchema, otherResourceSchema]);

export type KnownFhirResource = z.infer<typeof knownResourceSchema>;
export type FhirResource = z.infer<typeof resourceSchema>;

/** Narrows a validated resource to one of the types the connector reads (which were checked in full). */
export function isKnownResource(resource: FhirResource): resource is KnownFhirResource {
  return knownResourceTypes.has(resource.resourceType);
}

export const searchSetBundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('searchset'),
  total: z.number().int().nonnegative().optional(),
  link: z.array(z.object({ relation: z.string(), url: z.string() })).optional(),
  entry: z
    .array(
      z.object({
        resource: resourceSchema,
        search: z.object({ mode: z.enum(['match', 'include', 'outcome']).optional() }).optional(),
      }),
    )
    .optional(),
});

export type SearchSetBundle = z.infer<typeof searchSetBundleSchema>;

/** Enough of the CapabilityStatement to know the server speaks FHIR R4 (4.0.x). */
export const capabilityStatementSchema = z.object({
  resourceType: z.literal('CapabilityStatement'),
  fhirVersion: z.string().regex(/^4\.0(\.\d+)?$/),
});
