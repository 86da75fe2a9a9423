/**
 * FHIR Encounter → HealthEncounter: what kind of contact it was (GP, A&E, admission) and when. Its category is the
 * narrower of its labels' and its reasons' (and type's): an A&E attendance for self-harm is mental health.
 */
import { clinicalCategory, narrowestCategory } from './clinical-sensitivity.js';
import { conceptText, referenceTarget } from './fhir-values.js';
import type { EncounterKind, HealthEncounter } from './health-types.js';
import type { FhirEncounter } from './payload-schemas.js';
import { sensitivityCategory } from './sensitivity.js';

/** v3-ActCode encounter classes for a stay in hospital. */
const admissionClasses = new Set(['IMP', 'ACUTE', 'NONAC', 'SS']);
/** Classes of a planned contact that is not a stay: at the practice, at home or remote. */
const appointmentClasses = new Set(['AMB', 'HH', 'VR']);

/**
 * EMER is an A&E attendance and the inpatient classes are admissions. An ambulatory contact is a GP appointment
 * when the registered practice provided it (or no provider is named, as GP systems record their own
 * appointments); one provided elsewhere is an outpatient appointment.
 */
export function encounterKind(encounter: FhirEncounter, practiceIds: ReadonlySet<string>): EncounterKind {
  const classCode = encounter.class.code?.toUpperCase();
  if (classCode === 'EMER') return 'A_AND_E_ATTENDANCE';
  if (classCode !== undefined && admissionClasses.has(classCode)) return 'HOSPITAL_ADMISSION';
  if (classCode !== undefined && appointmentClasses.has(classCode)) {
    const provider = referenceTarget(encounter.serviceProvider);
    return provider === null || practiceIds.has(provider.id) ? 'GP_APPOINTMENT' : 'OUTPATIENT_APPOINTMENT';
  }
  return 'OTHER';
}

/** Null for an encounter recorded in error. */
export function toEncounter(
  encounter: FhirEncounter,
  practiceIds: ReadonlySet<string>,
): HealthEncounter | null {
  if (encounter.status === 'entered-in-error') return null;
  const reasons = (encounter.reasonCode ?? []).map(conceptText).filter((text) => text !== null);
  return {
    id: encounter.id,
    kind: encounterKind(encounter, practiceIds),
    classCode: encounter.class.code ?? null,
    status: encounter.status,
    display: conceptText(encounter.type?.[0]),
    start: encounter.period?.start ?? null,
    end: encounter.period?.end ?? null,
    reason: reasons.length > 0 ? reasons.join('; ') : null,
    category: narrowestCategory(
      sensitivityCategory(encounter.meta?.security),
      clinicalCategory([...(encounter.reasonCode ?? []), ...(encounter.type ?? [])]),
    ),
  };
}
