/**
 * FHIR Condition → HealthCondition, with the narrower of the data categories its sensitivity labels and its code
 * give it (a depressive disorder is mental health even when the GP system labelled nothing).
 */
import { clinicalCategory, narrowestCategory } from './clinical-sensitivity.js';
import { conceptCode, conceptText, preferredCoding } from './fhir-values.js';
import type { HealthCondition } from './health-types.js';
import type { FhirCondition } from './payload-schemas.js';
import { sensitivityCategory } from './sensitivity.js';

/** Clinical statuses under which a condition is still a current problem (R4 condition-clinical). */
const activeStatuses = new Set(['active', 'recurrence', 'relapse']);

/** Null for a condition recorded in error: it was never true of the child. */
export function toCondition(condition: FhirCondition): HealthCondition | null {
  if (conceptCode(condition.verificationStatus) === 'entered-in-error') return null;
  const clinicalStatus = conceptCode(condition.clinicalStatus);
  return {
    id: condition.id,
    display: conceptText(condition.code) ?? 'Condition',
    code: preferredCoding(condition.code)?.code ?? null,
    clinicalStatus,
    active: clinicalStatus !== null && activeStatuses.has(clinicalStatus),
    onset: condition.onsetDateTime ?? condition.onsetPeriod?.start ?? null,
    abatement: condition.abatementDateTime ?? null,
    recorded: condition.recordedDate ?? null,
    category: narrowestCategory(
      sensitivityCategory(condition.meta?.security, condition.category),
      clinicalCategory([condition.code]),
    ),
  };
}
