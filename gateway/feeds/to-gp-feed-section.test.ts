import { describe, expect, it } from 'vitest';
import {
  aAndE,
  asthma,
  contraceptive,
  depression,
  enteredInError,
  gpAppointment,
  immunisation,
  landedGp,
  unreadableObservation,
} from './testing/landed-rows.js';
import { toGpFeedSection } from './to-gp-feed-section.js';

describe('toGpFeedSection', () => {
  const section = toGpFeedSection('child-1', [
    landedGp(asthma, { occurredAt: '2020-02-01T00:00:00Z', position: 1 }),
    landedGp(depression, { occurredAt: '2026-03-01T00:00:00Z', position: 2 }),
    landedGp(contraceptive, { position: 3 }),
    landedGp(aAndE, { occurredAt: '2026-11-18T21:05:00.000Z', position: 4 }),
    landedGp(gpAppointment, { occurredAt: '2026-10-01T09:00:00Z', position: 5 }),
    landedGp(enteredInError, { position: 6 }),
    landedGp(immunisation, { position: 7 }),
    landedGp(unreadableObservation, { position: 8 }),
    landedGp({ resourceType: 'Patient', id: 'pat-1' }, { position: 9 }),
    landedGp(asthma, { childId: 'child-2' }),
  ]);

  it('puts sexual and mental health items in their own sub-sections, never in the general lists', () => {
    expect(section.conditions.map((item) => item.id)).toEqual(['cond-asthma']);
    expect(section.mentalHealth.conditions.map((item) => [item.id, item.category])).toEqual([
      ['cond-dep', 'MENTAL_HEALTH'],
    ]);
    expect(section.medications).toEqual([]);
    expect(section.sexualHealth.medications.map((item) => [item.id, item.category])).toEqual([
      ['med-pill', 'SEXUAL_HEALTH'],
    ]);
  });

  it('reads the prescriptions a GP feed lands (MedicationRequest), not only statements', () => {
    expect(section.sexualHealth.medications).toEqual([
      expect.objectContaining({
        id: 'med-pill',
        resourceType: 'MedicationRequest',
        codeText: 'Desogestrel 75microgram tablets',
        status: 'active',
      }),
    ]);
    expect(section.unreadable).toBe(1);
  });

  it('reads encounters newest first, marks unscheduled care, and leaves out records entered in error', () => {
    expect(section.encounters).toEqual([
      expect.objectContaining({
        id: 'enc-ae',
        resourceType: 'Encounter',
        classCode: 'EMER',
        start: '2026-11-18T21:05:00Z',
        end: '2026-11-19T01:30:00Z',
        typeText: 'Emergency department patient visit',
        isUnscheduledCare: true,
        occurredAt: '2026-11-18T21:05:00.000Z',
        category: 'HEALTH',
      }),
      expect.objectContaining({ id: 'enc-gp', isUnscheduledCare: false }),
    ]);
  });

  it('gives each item its provenance: feed, sender, position, landed and lastUpdated instants', () => {
    expect(section.immunisations[0]).toEqual({
      id: 'imm-mmr',
      resourceType: 'Immunization',
      codeText: 'MMR',
      status: 'completed',
      occurredAt: null,
      category: 'HEALTH',
      provenance: {
        childId: 'child-1',
        feedId: 'feed_gp1',
        sender: 'A81001',
        position: 7,
        receivedAt: '2026-11-20T10:00:00.000Z',
        asOf: '2026-11-19T08:00:00.000Z',
      },
    });
  });

  it('counts a landed resource it cannot read instead of dropping it silently, and ignores other children', () => {
    expect(section.unreadable).toBe(1);
    expect(section.observations).toEqual([]);
    expect(section.conditions.every((item) => item.provenance.childId === 'child-1')).toBe(true);
  });
});
