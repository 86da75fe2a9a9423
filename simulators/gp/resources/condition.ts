import type { GpRecord } from '../../population/model.js';
import type { GpCondition } from '../data/gp-items.js';
import { systems } from '../fhir/code-systems.js';
import type { Coding, Condition } from '../fhir/r4-types.js';
import type { BuildContext } from './build-context.js';
import { reference, versionMeta } from './build-context.js';

const restricted: Coding = { system: systems.confidentiality, code: 'R', display: 'restricted' };

/**
 * HL7 v3 sensitivity labels, so a consumer can withhold these conditions from roles that should not see them.
 * Mental health carries both PSY and MH because systems in use filter on either.
 */
const sensitivityLabels: Record<NonNullable<GpCondition['sensitive']>, Coding[]> = {
  SEXUAL_HEALTH: [
    restricted,
    {
      system: systems.actCode,
      code: 'SEX',
      display: 'sexuality and reproductive health information sensitivity',
    },
  ],
  MENTAL_HEALTH: [
    restricted,
    { system: systems.actCode, code: 'PSY', display: 'psychiatry information sensitivity' },
    { system: systems.actCode, code: 'MH', display: 'mental health information sensitivity' },
  ],
};

export function buildCondition(record: GpRecord, condition: GpCondition, context: BuildContext): Condition {
  const meta = versionMeta(context.lastUpdated);
  if (condition.sensitive !== null) meta.security = sensitivityLabels[condition.sensitive];
  return {
    resourceType: 'Condition',
    id: condition.id,
    meta,
    clinicalStatus: { coding: [{ system: systems.conditionClinical, code: condition.clinicalStatus }] },
    verificationStatus: { coding: [{ system: systems.conditionVerification, code: 'confirmed' }] },
    category: [
      {
        coding: [
          { system: systems.conditionCategory, code: 'problem-list-item', display: 'Problem List Item' },
        ],
      },
    ],
    code: {
      coding: [{ system: systems.snomed, code: condition.snomed, display: condition.display }],
      text: condition.display,
    },
    subject: reference('Patient', record.patientId),
    onsetDateTime: condition.onset,
    recorder: reference('Practitioner', record.gpProfessionalId),
  };
}
