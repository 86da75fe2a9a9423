/**
 * FHIR MedicationStatement, AllergyIntolerance, Immunization and Observation → the section's items. Each returns
 * null for a record entered in error. A medicine takes the narrower of its labels' category and its own (an
 * antidepressant is mental health even when the GP system labelled nothing).
 */
import { medicineCategory, narrowestCategory } from './clinical-sensitivity.js';
import { conceptCode, conceptText, preferredCoding, systems } from './fhir-values.js';
import type { Allergy, HealthObservation, Immunisation, Medication } from './health-types.js';
import type {
  FhirAllergyIntolerance,
  FhirImmunization,
  FhirMedicationStatement,
  FhirObservation,
} from './payload-schemas.js';
import { sensitivityCategory } from './sensitivity.js';

const loinc = 'http://loinc.org';

export function toMedication(statement: FhirMedicationStatement): Medication | null {
  if (statement.status === 'entered-in-error') return null;
  const concept = statement.medicationCodeableConcept;
  const dosage = (statement.dosage ?? []).map((d) => d.text).filter((text) => text !== undefined);
  const name = conceptText(concept) ?? statement.medicationReference?.display ?? null;
  return {
    id: statement.id,
    display: name ?? 'Medication',
    code: preferredCoding(concept, systems.snomed)?.code ?? null,
    status: statement.status,
    start: statement.effectivePeriod?.start ?? statement.effectiveDateTime ?? statement.dateAsserted ?? null,
    end: statement.effectivePeriod?.end ?? null,
    dosage: dosage.length > 0 ? dosage.join('; ') : null,
    category: narrowestCategory(
      sensitivityCategory(statement.meta?.security),
      medicineCategory(concept, name),
    ),
  };
}

export function toAllergy(allergy: FhirAllergyIntolerance): Allergy | null {
  if (conceptCode(allergy.verificationStatus) === 'entered-in-error') return null;
  return {
    id: allergy.id,
    display: conceptText(allergy.code) ?? 'Allergy',
    code: preferredCoding(allergy.code)?.code ?? null,
    clinicalStatus: conceptCode(allergy.clinicalStatus),
    criticality: allergy.criticality ?? null,
    recorded: allergy.recordedDate ?? allergy.onsetDateTime ?? null,
    category: sensitivityCategory(allergy.meta?.security),
  };
}

export function toImmunisation(immunization: FhirImmunization): Immunisation | null {
  if (immunization.status === 'entered-in-error') return null;
  return {
    id: immunization.id,
    display: conceptText(immunization.vaccineCode) ?? 'Immunisation',
    code: preferredCoding(immunization.vaccineCode)?.code ?? null,
    status: immunization.status,
    date: immunization.occurrenceDateTime ?? null,
    category: sensitivityCategory(immunization.meta?.security),
  };
}

function observationValue(observation: FhirObservation): {
  value: string | null;
  numericValue: number | null;
  unit: string | null;
} {
  const quantity = observation.valueQuantity;
  if (quantity?.value !== undefined) {
    const unit = quantity.unit ?? quantity.code ?? null;
    return {
      value: unit === null ? String(quantity.value) : `${quantity.value} ${unit}`,
      numericValue: quantity.value,
      unit,
    };
  }
  if (observation.valueInteger !== undefined)
    return { value: String(observation.valueInteger), numericValue: observation.valueInteger, unit: null };
  if (observation.valueString !== undefined)
    return { value: observation.valueString, numericValue: null, unit: null };
  if (observation.valueBoolean !== undefined)
    return { value: observation.valueBoolean ? 'yes' : 'no', numericValue: null, unit: null };
  return { value: conceptText(observation.valueCodeableConcept), numericValue: null, unit: null };
}

export function toObservation(observation: FhirObservation): HealthObservation | null {
  if (observation.status === 'entered-in-error' || observation.status === 'cancelled') return null;
  return {
    id: observation.id,
    display: conceptText(observation.code) ?? 'Observation',
    code: preferredCoding(observation.code, loinc)?.code ?? null,
    status: observation.status,
    effective:
      observation.effectiveDateTime ??
      observation.effectiveInstant ??
      observation.effectivePeriod?.start ??
      null,
    ...observationValue(observation),
    category: sensitivityCategory(observation.meta?.security),
  };
}
