/**
 * zod schemas of the FHIR R4 resources a GP feed may carry, with the elements the hub validates: identity and
 * version (id, meta.lastUpdated), the patient reference, status and class codes, and clinical dates (not in the
 * future). Objects are not strict — FHIR requires tolerating unknown elements — and the resource is landed as
 * sent, not as parsed. Issue messages are dead-letter reason codes (record-problems.ts).
 */
import { z } from 'zod';
import { isBeforeEarliest, isFutureDateTime, type RecordClock } from './record-clock.js';

// Regular expressions from the R4 specification's primitive types.
const year = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const month = '(0[1-9]|1[0-2])';
const day = '(0[1-9]|[1-2][0-9]|3[0-1])';
const time = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?';
const zone = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';
const fhirDateTimePattern = new RegExp(`^${year}(-${month}(-${day}(T${time}${zone})?)?)?$`);
const fhirInstantPattern = new RegExp(`^${year}-${month}-${day}T${time}${zone}$`);

export const supportedResourceTypes = [
  'Patient',
  'Encounter',
  'Condition',
  'MedicationRequest',
  'Observation',
  'Immunization',
  'AllergyIntolerance',
] as const;
export type SupportedResourceType = (typeof supportedResourceTypes)[number];

export const nhsNumberSystem = 'https://fhir.nhs.uk/Id/nhs-number';
export const actCodeSystem = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
/** v3 ActCode encounter classes (R4 value set v3-ActEncounterCode). EMER is unscheduled (A&E) care. */
export const encounterClasses = [
  'AMB',
  'EMER',
  'FLD',
  'HH',
  'IMP',
  'ACUTE',
  'NONAC',
  'OBSENC',
  'PRENC',
  'SS',
  'VR',
] as const;

const required = {
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'MISSING_FIELD' : 'SCHEMA'),
};
const text = () => z.string(required);
const code = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string(required).pipe(z.enum(values, { error: 'UNKNOWN_CODE' }));

const coding = z.object({ system: z.string().optional(), code: z.string().optional() }, required);
const codeableConcept = z.object(
  { coding: z.array(coding).optional(), text: z.string().optional() },
  required,
);

/** A CodeableConcept from a required HL7 binding: its codings in that system must carry a known code. */
const boundConcept = (system: string, values: readonly string[]) =>
  codeableConcept.superRefine((concept, context) => {
    (concept.coding ?? []).forEach((entry, index) => {
      if ((entry.system === undefined || entry.system === system) && !values.includes(entry.code ?? ''))
        context.addIssue({ code: 'custom', path: ['coding', index, 'code'], message: 'UNKNOWN_CODE' });
    });
  });

export const referenceSchema = z.object(
  {
    reference: z.string().optional(),
    identifier: z.object({ system: z.string().optional(), value: z.string().optional() }).optional(),
  },
  required,
);
export type PatientReference = z.infer<typeof referenceSchema>;

function resourceSchemas(clock: RecordClock) {
  const notFuture = (schema: z.ZodString) =>
    schema
      .refine((value) => !isBeforeEarliest(value), { message: 'SCHEMA', abort: true })
      .refine((value) => !isFutureDateTime(value, clock), { message: 'FUTURE_DATE' });
  const dateTime = notFuture(text().regex(fhirDateTimePattern));
  const base = {
    id: text().regex(/^[A-Za-z0-9\-.]{1,64}$/),
    meta: z.object({ lastUpdated: notFuture(text().regex(fhirInstantPattern)) }, required),
  };
  const clinicalStatus = (values: readonly string[], name: string) =>
    boundConcept(`http://terminology.hl7.org/CodeSystem/${name}`, values).optional();

  return {
    Patient: z.object({
      resourceType: z.literal('Patient'),
      ...base,
      identifier: z
        .array(z.object({ system: z.string().optional(), value: z.string().optional() }))
        .optional(),
      birthDate: dateTime.optional(),
    }),
    Encounter: z.object({
      resourceType: z.literal('Encounter'),
      ...base,
      status: code([
        'planned',
        'arrived',
        'triaged',
        'in-progress',
        'onleave',
        'finished',
        'cancelled',
        'entered-in-error',
        'unknown',
      ]),
      class: z
        .object({ system: z.string().optional(), code: code(encounterClasses) }, required)
        .refine((value) => value.system === undefined || value.system === actCodeSystem, {
          message: 'UNKNOWN_CODE',
          path: ['system'],
        }),
      subject: referenceSchema,
      period: z.object({ start: dateTime.optional(), end: dateTime.optional() }).optional(),
    }),
    Condition: z.object({
      resourceType: z.literal('Condition'),
      ...base,
      clinicalStatus: clinicalStatus(
        ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'],
        'condition-clinical',
      ),
      verificationStatus: clinicalStatus(
        ['unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted', 'entered-in-error'],
        'condition-ver-status',
      ),
      subject: referenceSchema,
      onsetDateTime: dateTime.optional(),
      recordedDate: dateTime.optional(),
    }),
    MedicationRequest: z
      .object({
        resourceType: z.literal('MedicationRequest'),
        ...base,
        status: code([
          'active',
          'on-hold',
          'cancelled',
          'completed',
          'entered-in-error',
          'stopped',
          'draft',
          'unknown',
        ]),
        intent: code([
          'proposal',
          'plan',
          'order',
          'original-order',
          'reflex-order',
          'filler-order',
          'instance-order',
          'option',
        ]),
        subject: referenceSchema,
        medicationCodeableConcept: codeableConcept.optional(),
        medicationReference: z.object({ reference: z.string().optional() }).optional(),
        authoredOn: dateTime.optional(),
      })
      .refine((value) => value.medicationCodeableConcept ?? value.medicationReference, {
        message: 'MISSING_FIELD',
        path: ['medication[x]'],
      }),
    Observation: z.object({
      resourceType: z.literal('Observation'),
      ...base,
      status: code([
        'registered',
        'preliminary',
        'final',
        'amended',
        'corrected',
        'cancelled',
        'entered-in-error',
        'unknown',
      ]),
      code: codeableConcept,
      subject: referenceSchema,
      effectiveDateTime: dateTime.optional(),
      effectivePeriod: z.object({ start: dateTime.optional() }).optional(),
    }),
    Immunization: z
      .object({
        resourceType: z.literal('Immunization'),
        ...base,
        status: code(['completed', 'entered-in-error', 'not-done']),
        vaccineCode: codeableConcept,
        patient: referenceSchema,
        occurrenceDateTime: dateTime.optional(),
        occurrenceString: z.string().optional(),
      })
      .refine((value) => value.occurrenceDateTime ?? value.occurrenceString, {
        message: 'MISSING_FIELD',
        path: ['occurrence[x]'],
      }),
    AllergyIntolerance: z.object({
      resourceType: z.literal('AllergyIntolerance'),
      ...base,
      clinicalStatus: clinicalStatus(['active', 'inactive', 'resolved'], 'allergyintolerance-clinical'),
      verificationStatus: clinicalStatus(
        ['unconfirmed', 'confirmed', 'refuted', 'entered-in-error'],
        'allergyintolerance-verification',
      ),
      patient: referenceSchema,
      onsetDateTime: dateTime.optional(),
      recordedDate: dateTime.optional(),
    }),
  } satisfies Record<SupportedResourceType, z.ZodType>;
}

export type FhirResourceSchemas = ReturnType<typeof resourceSchemas>;
export { resourceSchemas };

export function isSupportedResourceType(value: unknown): value is SupportedResourceType {
  return typeof value === 'string' && (supportedResourceTypes as readonly string[]).includes(value);
}
