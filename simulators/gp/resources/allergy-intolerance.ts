import type { GpRecord } from '../../population/model.js';
import type { GpAllergy } from '../data/gp-items.js';
import { systems } from '../fhir/code-systems.js';
import type { AllergyIntolerance } from '../fhir/r4-types.js';
import type { BuildContext } from './build-context.js';
import { reference, versionMeta } from './build-context.js';

export function buildAllergyIntolerance(
  record: GpRecord,
  allergy: GpAllergy,
  context: BuildContext,
): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id: allergy.id,
    meta: versionMeta(context.lastUpdated),
    clinicalStatus: { coding: [{ system: systems.allergyClinical, code: 'active', display: 'Active' }] },
    verificationStatus: {
      coding: [{ system: systems.allergyVerification, code: 'confirmed', display: 'Confirmed' }],
    },
    type: 'allergy',
    criticality: allergy.criticality,
    code: {
      coding: [{ system: systems.snomed, code: allergy.snomed, display: allergy.display }],
      text: allergy.display,
    },
    patient: reference('Patient', record.patientId),
    recordedDate: allergy.recorded,
    recorder: reference('Practitioner', record.gpProfessionalId),
  };
}
