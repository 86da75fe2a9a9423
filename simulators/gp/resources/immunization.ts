import type { GpRecord } from '../../population/model.js';
import type { GpImmunization } from '../data/gp-items.js';
import { systems } from '../fhir/code-systems.js';
import type { Immunization } from '../fhir/r4-types.js';
import type { BuildContext } from './build-context.js';
import { reference, versionMeta } from './build-context.js';

export function buildImmunization(
  record: GpRecord,
  immunization: GpImmunization,
  context: BuildContext,
): Immunization {
  return {
    resourceType: 'Immunization',
    id: immunization.id,
    meta: versionMeta(context.lastUpdated),
    status: 'completed',
    vaccineCode: {
      coding: [{ system: systems.snomed, code: immunization.snomed, display: immunization.display }],
      text: immunization.display,
    },
    patient: reference('Patient', record.patientId),
    occurrenceDateTime: immunization.date,
    primarySource: true,
  };
}
