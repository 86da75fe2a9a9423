import type { GpRecord } from '../../population/model.js';
import type { GpMedication } from '../data/gp-items.js';
import { systems } from '../fhir/code-systems.js';
import type { MedicationStatement } from '../fhir/r4-types.js';
import type { BuildContext } from './build-context.js';
import { reference, versionMeta } from './build-context.js';

export function buildMedicationStatement(
  record: GpRecord,
  medication: GpMedication,
  context: BuildContext,
): MedicationStatement {
  return {
    resourceType: 'MedicationStatement',
    id: medication.id,
    meta: versionMeta(context.lastUpdated),
    status: medication.status,
    // dm+d concepts are SNOMED CT concepts; UK Core codes them with the SNOMED system URL.
    medicationCodeableConcept: {
      coding: [{ system: systems.snomed, code: medication.dmd, display: medication.display }],
      text: medication.display,
    },
    subject: reference('Patient', record.patientId),
    effectivePeriod: { start: medication.start },
    dateAsserted: medication.start,
    informationSource: reference('Practitioner', record.gpProfessionalId),
  };
}
