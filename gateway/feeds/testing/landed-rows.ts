/**
 * Landed GP feed resources for tests: FHIR resources as a GP feed would send them, wrapped as the feed store
 * returns them. Synthetic: no real person's data.
 */
import type { GpFeedResource } from '../feed-operations.js';

export const snomed = 'http://snomed.info/sct';

export interface LandedOptions {
  childId?: string;
  sender?: string;
  feedId?: string;
  position?: number;
  landedAt?: string;
  lastUpdated?: string;
  occurredAt?: string | null;
}

export function landedGp(
  resource: { resourceType: string; id: string } & Record<string, unknown>,
  options: LandedOptions = {},
): GpFeedResource {
  return {
    childId: options.childId ?? 'child-1',
    resourceType: resource.resourceType,
    resourceId: resource.id,
    lastUpdated: options.lastUpdated ?? '2026-11-19T08:00:00.000Z',
    occurredAt: options.occurredAt ?? null,
    resource,
    provenance: {
      sender: options.sender ?? 'A81001',
      feedId: options.feedId ?? 'feed_gp1',
      position: options.position ?? 0,
      landedAt: options.landedAt ?? '2026-11-20T10:00:00.000Z',
    },
  };
}

export const asthma = {
  resourceType: 'Condition',
  id: 'cond-asthma',
  clinicalStatus: { coding: [{ code: 'active' }] },
  code: { coding: [{ system: snomed, code: '195967001', display: 'Asthma' }] },
  onsetDateTime: '2020-02-01',
};

export const depression = {
  resourceType: 'Condition',
  id: 'cond-dep',
  clinicalStatus: { coding: [{ code: 'active' }] },
  code: { coding: [{ system: snomed, code: '35489007', display: 'Depressive disorder' }] },
  onsetDateTime: '2026-03-01',
};

export const contraceptive = {
  resourceType: 'MedicationRequest',
  id: 'med-pill',
  status: 'active',
  intent: 'order',
  medicationCodeableConcept: { text: 'Desogestrel 75microgram tablets' },
  authoredOn: '2026-09-01',
  dosageInstruction: [{ text: 'One tablet daily' }],
};

export const aAndE = {
  resourceType: 'Encounter',
  id: 'enc-ae',
  status: 'finished',
  class: { code: 'EMER' },
  type: [{ text: 'Emergency department patient visit' }],
  period: { start: '2026-11-18T21:05:00Z', end: '2026-11-19T01:30:00Z' },
};

export const gpAppointment = {
  resourceType: 'Encounter',
  id: 'enc-gp',
  status: 'finished',
  class: { code: 'AMB' },
  type: [{ text: 'GP consultation' }],
  period: { start: '2026-10-01T09:00:00Z', end: '2026-10-01T09:10:00Z' },
};

export const enteredInError = { ...gpAppointment, id: 'enc-err', status: 'entered-in-error' };

export const immunisation = {
  resourceType: 'Immunization',
  id: 'imm-mmr',
  status: 'completed',
  vaccineCode: { text: 'MMR' },
  occurrenceDateTime: '2015-05-01',
};

/** An Observation without its required code: landed, but the hub cannot read it. */
export const unreadableObservation = { resourceType: 'Observation', id: 'obs-bad', status: 'final' };
