/**
 * Bundle entries that are wrong in exactly one way each. Clinical ones name a patient the hub knows by NHS number
 * (a logical reference), so the stated fault is the only thing standing between them and landing.
 */
import type { SeededRandom } from '../population/random.js';
import type { BadKind } from './feed-types.js';
import {
  clinicalResource,
  patientResource,
  systems,
  type ClinicalItem,
  type FhirResource,
  type SubjectReference,
  type Version,
} from './gp-resources.js';
import type { HeldIdentifiers, KnownPatient } from './known-children.js';
import { mistypedNhsNumber, unknownNhsNumber } from './unknown-identifiers.js';

/** Entries over the hub's 1 MiB record limit. */
export const OVERSIZE_ENTRY_BYTES = 1024 * 1024 + 64 * 1024;

const DAY_MS = 86_400_000;

export interface BadEntry {
  resource: FhirResource;
  /** The resource's intended identity, for the truth (a resource may have lost its id). */
  key: string;
  field: string;
}

export interface BadEntryContext {
  random: SeededRandom;
  now: string;
  /** A moment safely in the past for the resource's clinical date. */
  pastDate: string;
  version: Version;
  held: HeldIdentifiers;
  issuedNhsNumbers: Set<string>;
}

const logical = (nhsNumber: string): SubjectReference => ({
  identifier: { system: systems.nhsNumber, value: nhsNumber },
});

/** A resource of `type` that could have come from the practice, with a fresh id and a date in the past. */
export function syntheticItem(type: ClinicalItem['type'], random: SeededRandom, date: string): ClinicalItem {
  const id = random.uuid();
  const day = date.slice(0, 10);
  switch (type) {
    case 'Encounter':
      return {
        type,
        item: {
          id,
          class: 'AMB',
          snomed: '11429006',
          display: 'Consultation',
          start: date,
          end: new Date(Date.parse(date) + random.int(8, 20) * 60_000).toISOString(),
          reason: null,
        },
      };
    case 'Condition':
      return {
        type,
        item: {
          id,
          snomed: '35489007',
          display: 'Depressive disorder',
          onset: day,
          clinicalStatus: 'active',
          sensitive: 'MENTAL_HEALTH',
        },
      };
    case 'MedicationRequest':
      return {
        type,
        item: {
          id,
          dmd: '39732311000001104',
          display: 'Amoxicillin 250mg capsules',
          start: day,
          status: 'completed',
        },
      };
    case 'Observation':
      return {
        type,
        item: {
          id,
          loinc: '29463-7',
          display: 'Body weight',
          date,
          value: random.int(150, 700) / 10,
          unit: 'kg',
        },
      };
    case 'Immunization':
      return {
        type,
        item: { id, snomed: '38598009', display: 'Measles, mumps and rubella vaccination', date: day },
      };
    case 'AllergyIntolerance':
      return {
        type,
        item: {
          id,
          snomed: '91936005',
          display: 'Allergy to penicillin',
          recorded: day,
          criticality: 'high',
        },
      };
  }
}

function keyOf(resource: FhirResource): string {
  return `${resource.resourceType}/${String(resource.id)}`;
}

function clinical(
  type: ClinicalItem['type'],
  patient: KnownPatient,
  context: BadEntryContext,
  date = context.pastDate,
): FhirResource {
  return clinicalResource(
    syntheticItem(type, context.random, date),
    logical(patient.nhsNumber),
    context.version,
  );
}

export function badGpEntry(kind: BadKind, patient: KnownPatient, context: BadEntryContext): BadEntry {
  const { random } = context;
  switch (kind) {
    case 'SCHEMA': {
      const resource = clinical(
        random.pick(['Encounter', 'Observation', 'Condition'] as const),
        patient,
        context,
      );
      const key = keyOf(resource);
      return random.pick([
        () => {
          // A number where an instant belongs.
          (resource.meta as Record<string, unknown>).lastUpdated = Date.parse(context.version.lastUpdated);
          return { resource, key, field: 'meta.lastUpdated' };
        },
        () => ({ resource: { ...resource, id: random.int(10_000, 99_999) }, key, field: 'id' }),
        () => ({
          resource: { ...resource, subject: `Patient/${patient.record.patientId}` },
          key,
          field: 'subject',
        }),
      ])();
    }
    case 'MISSING_FIELD': {
      const resource = clinical(
        random.pick(['Encounter', 'MedicationRequest', 'Immunization'] as const),
        patient,
        context,
      );
      const key = keyOf(resource);
      return random.pick([
        () => {
          const { id: _id, ...rest } = resource;
          return { resource: rest as FhirResource, key, field: 'id' };
        },
        () => {
          const { lastUpdated: _lastUpdated, ...meta } = resource.meta as Record<string, unknown>;
          return { resource: { ...resource, meta }, key, field: 'meta.lastUpdated' };
        },
      ])();
    }
    case 'NHS_NUMBER_CHECKSUM': {
      const resource = patientResource(patient.record, {
        id: random.uuid(),
        nhsNumber: mistypedNhsNumber(patient.nhsNumber, random),
        version: context.version,
        phoneSerial: random.int(0, 999),
      });
      return { resource, key: keyOf(resource), field: 'identifier' };
    }
    case 'UNKNOWN_CODE': {
      const resource = clinical('Encounter', patient, context);
      (resource.class as Record<string, unknown>).code = 'ZZZ';
      delete (resource.class as Record<string, unknown>).display;
      return { resource, key: keyOf(resource), field: 'class' };
    }
    case 'OVERSIZE': {
      const resource = clinical('Condition', patient, context);
      const paragraph = 'Letter from the community paediatric clinic scanned into the record. ';
      resource.note = [{ text: paragraph.repeat(Math.ceil(OVERSIZE_ENTRY_BYTES / paragraph.length)) }];
      return { resource, key: keyOf(resource), field: 'note' };
    }
    case 'FUTURE_DATE': {
      const future = new Date(Date.parse(context.now) + random.int(200, 400) * DAY_MS).toISOString();
      const [type, field] = random.pick([
        ['Encounter', 'period.start'],
        ['Condition', 'onsetDateTime'],
        ['Observation', 'effectiveDateTime'],
        ['Immunization', 'occurrenceDateTime'],
      ] as const);
      const resource = clinical(type, patient, context, future);
      return { resource, key: keyOf(resource), field };
    }
    case 'UNRESOLVED_REFERENCE': {
      const resource = clinical(
        random.pick(['Encounter', 'Condition', 'Observation'] as const),
        patient,
        context,
      );
      resource.subject = {
        reference: random.pick([`urn:uuid:${random.uuid()}`, `Patient/${random.uuid()}`]),
      };
      return { resource, key: keyOf(resource), field: 'subject' };
    }
    case 'NO_MATCHING_CHILD': {
      const nhsNumber = unknownNhsNumber(random, context.held, context.issuedNhsNumbers);
      if (random.chance(0.5)) {
        const resource = patientResource(patient.record, {
          id: random.uuid(),
          nhsNumber,
          version: context.version,
          phoneSerial: random.int(0, 999),
        });
        return { resource, key: keyOf(resource), field: 'identifier' };
      }
      const resource = clinicalResource(
        syntheticItem('Encounter', random, context.pastDate),
        logical(nhsNumber),
        context.version,
      );
      return { resource, key: keyOf(resource), field: 'subject' };
    }
    default:
      throw new RangeError(`a GP feed entry cannot be made bad as ${kind}`);
  }
}
