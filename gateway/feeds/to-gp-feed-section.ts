/**
 * Landed GP feed resources → the child's GP feed section. Each resource is read with the health connector's FHIR
 * schemas and mappers, so an item lands in the same data category the live GP view gives it: a resource the GP
 * system labelled, or whose codes or words say, sexual or mental health goes to that sub-section (released only
 * to roles that see it), never to the general lists. Records entered in error are left out, as the live view
 * leaves them out. A landed resource the hub cannot read is counted, not dropped silently.
 */
import { encounterKind, toEncounter } from '../../connectors/health/to-encounter.js';
import { toCondition } from '../../connectors/health/to-condition.js';
import {
  toAllergy,
  toImmunisation,
  toMedication,
  toObservation,
} from '../../connectors/health/to-clinical-items.js';
import {
  allergyIntoleranceSchema,
  conditionSchema,
  encounterSchema,
  immunizationSchema,
  medicationStatementSchema,
  observationSchema,
  referenceSchema,
} from '../../connectors/health/payload-schemas.js';
import type { DataCategory } from '../../connectors/health/health-types.js';
import type { GpFeedResource } from './feed-operations.js';

export interface GpFeedProvenance {
  /** Whose data this is: the gateway's seal and category checks are per child. */
  childId: string;
  feedId: string;
  /** The practice's ODS code. */
  sender: string;
  position: number;
  receivedAt: string;
  asOf: string;
}

export interface GpFeedEntry {
  id: string;
  resourceType: string;
  codeText: string | null;
  status: string | null;
  occurredAt: string | null;
  category: DataCategory;
  provenance: GpFeedProvenance;
}

export interface GpFeedEncounter extends GpFeedEntry {
  classCode: string | null;
  start: string | null;
  end: string | null;
  typeText: string | null;
  isUnscheduledCare: boolean;
}

export interface GpFeedRecords {
  encounters: GpFeedEncounter[];
  conditions: GpFeedEntry[];
  medications: GpFeedEntry[];
  immunisations: GpFeedEntry[];
  observations: GpFeedEntry[];
  allergies: GpFeedEntry[];
}

export interface GpFeedSection extends GpFeedRecords {
  childId: string;
  sexualHealth: GpFeedRecords;
  mentalHealth: GpFeedRecords;
  /** Landed resources of a kind the section shows that could not be read. */
  unreadable: number;
}

type Mapped = { list: keyof GpFeedRecords; item: GpFeedEntry | GpFeedEncounter } | null;

// The feed lands resources of the child it matched; the reference to the patient is not needed to show them.
const subjectOptional = { subject: referenceSchema.default({}) };
const patientOptional = { patient: referenceSchema.default({}) };

/** The resource types the section shows; others a GP feed may carry (Patient, Organization) are not items. */
const shownTypes = new Set([
  'Encounter',
  'Condition',
  'MedicationRequest',
  'AllergyIntolerance',
  'Immunization',
  'Observation',
]);

/** Encounter classes of unscheduled care: an A&E attendance or an emergency admission to hospital. */
const unscheduledKinds = new Set(['A_AND_E_ATTENDANCE', 'HOSPITAL_ADMISSION']);

function provenanceOf(row: GpFeedResource): GpFeedProvenance {
  return {
    childId: row.childId,
    feedId: row.provenance.feedId,
    sender: row.provenance.sender,
    position: row.provenance.position,
    receivedAt: row.provenance.landedAt,
    asOf: row.lastUpdated,
  };
}

function entry(
  row: GpFeedResource,
  fields: { id: string; codeText: string | null; status: string | null; category: DataCategory },
): GpFeedEntry {
  return {
    ...fields,
    resourceType: row.resourceType,
    occurredAt: row.occurredAt,
    provenance: provenanceOf(row),
  };
}

/**
 * GP feeds send prescriptions as MedicationRequest (feeds/records); the health connector maps the GP system's
 * MedicationStatement. The request carries what the statement mapper reads (medicine, status, security labels
 * for the sensitivity category), with its authored date as the start and its dosage instructions as the dosage.
 */
function asMedicationStatement(resource: unknown): unknown {
  const request = resource as Record<string, unknown>;
  return {
    ...request,
    resourceType: 'MedicationStatement',
    effectiveDateTime: request['authoredOn'],
    dosage: request['dosageInstruction'],
  };
}

/** One resource as a section item; null for a resource recorded in error. Throws when it cannot be read. */
function mapResource(row: GpFeedResource, resource: unknown): Mapped {
  switch (row.resourceType) {
    case 'Encounter': {
      const fhir = encounterSchema.extend(subjectOptional).parse(resource);
      const mapped = toEncounter(fhir, new Set());
      if (!mapped) return null;
      const item: GpFeedEncounter = {
        ...entry(row, {
          id: mapped.id,
          codeText: mapped.display,
          status: mapped.status,
          category: mapped.category,
        }),
        classCode: mapped.classCode,
        start: mapped.start,
        end: mapped.end,
        typeText: mapped.display,
        isUnscheduledCare: unscheduledKinds.has(encounterKind(fhir, new Set())),
      };
      return { list: 'encounters', item };
    }
    case 'Condition': {
      const mapped = toCondition(conditionSchema.extend(subjectOptional).parse(resource));
      return mapped
        ? {
            list: 'conditions',
            item: entry(row, {
              id: mapped.id,
              codeText: mapped.display,
              status: mapped.clinicalStatus,
              category: mapped.category,
            }),
          }
        : null;
    }
    case 'MedicationRequest': {
      const mapped = toMedication(
        medicationStatementSchema.extend(subjectOptional).parse(asMedicationStatement(resource)),
      );
      return mapped
        ? {
            list: 'medications',
            item: entry(row, {
              id: mapped.id,
              codeText: mapped.display,
              status: mapped.status,
              category: mapped.category,
            }),
          }
        : null;
    }
    case 'AllergyIntolerance': {
      const mapped = toAllergy(allergyIntoleranceSchema.extend(patientOptional).parse(resource));
      return mapped
        ? {
            list: 'allergies',
            item: entry(row, {
              id: mapped.id,
              codeText: mapped.display,
              status: mapped.clinicalStatus,
              category: mapped.category,
            }),
          }
        : null;
    }
    case 'Immunization': {
      const mapped = toImmunisation(immunizationSchema.extend(patientOptional).parse(resource));
      return mapped
        ? {
            list: 'immunisations',
            item: entry(row, {
              id: mapped.id,
              codeText: mapped.display,
              status: mapped.status,
              category: mapped.category,
            }),
          }
        : null;
    }
    case 'Observation': {
      const mapped = toObservation(observationSchema.extend(subjectOptional).parse(resource));
      return mapped
        ? {
            list: 'observations',
            item: entry(row, {
              id: mapped.id,
              codeText: mapped.display,
              status: mapped.status,
              category: mapped.category,
            }),
          }
        : null;
    }
    default:
      return null;
  }
}

const emptyRecords = (): GpFeedRecords => ({
  encounters: [],
  conditions: [],
  medications: [],
  immunisations: [],
  observations: [],
  allergies: [],
});

/** The section for one child from its landed resources (any order in, newest clinical date first out). */
export function toGpFeedSection(childId: string, rows: readonly GpFeedResource[]): GpFeedSection {
  const byCategory: Record<DataCategory, GpFeedRecords> = {
    HEALTH: emptyRecords(),
    SEXUAL_HEALTH: emptyRecords(),
    MENTAL_HEALTH: emptyRecords(),
  };
  let unreadable = 0;
  for (const row of rows) {
    if (row.childId !== childId || !shownTypes.has(row.resourceType)) continue;
    let mapped: Mapped;
    try {
      mapped = mapResource(row, row.resource);
    } catch {
      unreadable += 1;
      continue;
    }
    if (mapped) (byCategory[mapped.item.category][mapped.list] as GpFeedEntry[]).push(mapped.item);
  }
  for (const records of Object.values(byCategory))
    for (const list of Object.values(records) as GpFeedEntry[][]) list.sort(newestFirst);
  return {
    childId,
    ...byCategory.HEALTH,
    sexualHealth: byCategory.SEXUAL_HEALTH,
    mentalHealth: byCategory.MENTAL_HEALTH,
    unreadable,
  };
}

function newestFirst(a: GpFeedEntry, b: GpFeedEntry): number {
  const at = (item: GpFeedEntry) =>
    item.occurredAt === null ? Number.NEGATIVE_INFINITY : Date.parse(item.occurredAt);
  return at(b) - at(a) || a.id.localeCompare(b.id);
}
