import type { GpRecord } from '../../population/model.js';
import type { ClinicalResourceType } from '../fhir/resource-types.js';
import type { GpResource } from '../fhir/r4-types.js';
import type { BuildContext } from '../resources/build-context.js';
import { buildAllergyIntolerance } from '../resources/allergy-intolerance.js';
import { buildCondition } from '../resources/condition.js';
import { buildEncounter } from '../resources/encounter.js';
import { buildImmunization } from '../resources/immunization.js';
import { buildMedicationStatement } from '../resources/medication-statement.js';
import { buildObservation } from '../resources/observation.js';

/** How to find one clinical resource type inside a GpRecord and turn its items into FHIR. */
export interface ClinicalAccessor {
  ids(record: GpRecord): string[];
  resources(record: GpRecord, context: BuildContext): GpResource[];
  resource(record: GpRecord, id: string, context: BuildContext): GpResource | undefined;
}

function accessor<Item extends { id: string }>(
  items: (record: GpRecord) => Item[],
  build: (record: GpRecord, item: Item, context: BuildContext) => GpResource,
): ClinicalAccessor {
  return {
    ids: (record) => items(record).map((item) => item.id),
    resources: (record, context) => items(record).map((item) => build(record, item, context)),
    resource: (record, id, context) => {
      const item = items(record).find((candidate) => candidate.id === id);
      return item ? build(record, item, context) : undefined;
    },
  };
}

export const clinicalAccessors: Record<ClinicalResourceType, ClinicalAccessor> = {
  Condition: accessor((record) => record.conditions, buildCondition),
  MedicationStatement: accessor((record) => record.medications, buildMedicationStatement),
  AllergyIntolerance: accessor((record) => record.allergies, buildAllergyIntolerance),
  Immunization: accessor((record) => record.immunizations, buildImmunization),
  Encounter: accessor(
    (record) => record.encounters,
    (record, item, context) => buildEncounter(record, item, context),
  ),
  Observation: accessor((record) => record.observations, buildObservation),
};
