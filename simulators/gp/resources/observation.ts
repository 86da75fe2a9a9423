import type { GpRecord } from '../../population/model.js';
import type { GpObservation } from '../data/gp-items.js';
import { systems } from '../fhir/code-systems.js';
import type { Observation } from '../fhir/r4-types.js';
import type { BuildContext } from './build-context.js';
import { reference, versionMeta } from './build-context.js';

export function buildObservation(
  record: GpRecord,
  observation: GpObservation,
  context: BuildContext,
): Observation {
  return {
    resourceType: 'Observation',
    id: observation.id,
    meta: versionMeta(context.lastUpdated),
    status: 'final',
    code: {
      coding: [{ system: systems.loinc, code: observation.loinc, display: observation.display }],
      text: observation.display,
    },
    subject: reference('Patient', record.patientId),
    effectiveDateTime: observation.date,
    valueQuantity: {
      value: observation.value,
      unit: observation.unit,
      system: systems.ucum,
      code: observation.unit,
    },
  };
}
