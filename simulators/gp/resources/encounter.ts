import type { GpRecord } from '../../population/model.js';
import type { GpEncounter } from '../data/gp-items.js';
import { systems } from '../fhir/code-systems.js';
import type { Encounter } from '../fhir/r4-types.js';
import type { BuildContext } from './build-context.js';
import { reference, versionMeta } from './build-context.js';

const classDisplays: Record<GpEncounter['class'], string> = {
  AMB: 'ambulatory',
  EMER: 'emergency',
  IMP: 'inpatient encounter',
};

/** A GP appointment is the practice's own encounter; A&E and admissions are hospital ones it was told about. */
function practiceDetails(
  record: GpRecord,
  encounter: GpEncounter,
): Pick<Encounter, 'participant' | 'serviceProvider'> {
  if (encounter.class !== 'AMB') return {};
  return {
    participant: [{ individual: reference('Practitioner', record.gpProfessionalId) }],
    serviceProvider: reference('Organization', record.practiceId),
  };
}

export function buildEncounter(
  record: GpRecord,
  encounter: GpEncounter,
  context: BuildContext,
  lastUpdated: string = context.lastUpdated,
): Encounter {
  return {
    resourceType: 'Encounter',
    id: encounter.id,
    meta: versionMeta(lastUpdated),
    status: encounter.end === null ? 'in-progress' : 'finished',
    class: { system: systems.actCode, code: encounter.class, display: classDisplays[encounter.class] },
    type: [
      {
        coding: [{ system: systems.snomed, code: encounter.snomed, display: encounter.display }],
        text: encounter.display,
      },
    ],
    subject: reference('Patient', record.patientId),
    ...practiceDetails(record, encounter),
    period: { start: encounter.start, ...(encounter.end !== null ? { end: encounter.end } : {}) },
    ...(encounter.reason !== null ? { reasonCode: [{ text: encounter.reason }] } : {}),
  };
}
